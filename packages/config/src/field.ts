/** One environment variable: how to read it, what it defaults to, whether it is secret. */
export interface Field<T> {
  description: string;
  /** The value used when the variable is unset or empty; undefined makes the variable required. */
  default: T | undefined;
  /** Shown in docs and `.env.example` instead of the default value. */
  example?: string;
  /** Returns the value, or throws an Error whose message says what was expected. */
  parse: (raw: string) => T;
  /** Printed as the redacted form of the value (method syntax keeps Field<T> assignable to Field<unknown>). */
  redact?(value: T): string;
}

export type FieldTable = Record<string, Field<unknown>>;
export type ConfigOf<Table extends FieldTable> = { [K in keyof Table]: Table[K] extends Field<infer T> ? T : never };

export function integer(options: { min: number; max: number }): (raw: string) => number {
  return (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < options.min || value > options.max) {
      throw new Error(`must be between ${options.min} and ${options.max}, got ${value}`);
    }
    return value;
  };
}

export function oneOf<const T extends string>(values: readonly T[]): (raw: string) => T {
  return (raw) => {
    const value = raw.trim().toLowerCase();
    if (!(values as readonly string[]).includes(value)) {
      throw new Error(`must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return value as T;
  };
}

export function boolean(raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`must be true or false, got "${raw}"`);
}

export function urlWithProtocols(protocols: readonly string[]): (raw: string) => string {
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw new Error(`must be a URL like ${protocols[0]}//host:port/…, got "${redactUrl(raw)}"`);
    }
    if (!protocols.includes(url.protocol)) {
      throw new Error(`must use ${protocols.join(' or ')}, got "${url.protocol}"`);
    }
    return url.href;
  };
}

export function text(options: { pattern?: RegExp; hint?: string } = {}): (raw: string) => string {
  return (raw) => {
    const value = raw.trim();
    if (options.pattern && !options.pattern.test(value)) {
      throw new Error(`must be ${options.hint ?? `like ${options.pattern}`}, got "${raw}"`);
    }
    return value;
  };
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  // The WHATWG URL parser implements the IPv6 grammar; config has no dependency to borrow one from.
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

/**
 * A comma-separated list of networks like `127.0.0.0/8,::1/128` (a bare address means that
 * one host). Empty entries are skipped; each entry is returned trimmed, as written.
 */
export function cidrList(raw: string): readonly string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const maxLength = ipv4.test(address) ? 32 : isIpv6(address) ? 128 : undefined;
    const validPrefix =
      prefix === undefined || (/^(0|[1-9]\d{0,2})$/.test(prefix) && Number(prefix) <= (maxLength ?? 0));
    if (maxLength === undefined || !validPrefix || extra !== undefined) {
      throw new Error(`must be comma-separated CIDRs like 127.0.0.0/8,::1/128, got "${entry}"`);
    }
  }
  return entries;
}

/** A URL with its password replaced by `***`, safe to log. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return '<unparseable URL>';
  }
}
