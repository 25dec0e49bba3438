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
