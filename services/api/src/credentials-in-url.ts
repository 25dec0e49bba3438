/**
 * API keys sent in a URL: logs, proxies and browser histories keep URLs, so a key there is a
 * key leaked. Regwatch takes keys in the Authorization header only; a URL that carries one is
 * refused (plugins/keys-in-url.ts) and, before that, redacted in the request log.
 */

// Where clients put keys when they put them in the URL (RFC 6750 §2.3's `access_token`, and the
// usual others), compared without case, `-` or `_`.
const credentialNames = new Set(['apikey', 'key', 'token', 'accesstoken', 'auth', 'authorization', 'bearer']);

/** A whole Regwatch key (`rwk_` + public id + `_` + secret), wherever it appears. */
const regwatchKey = /rwk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}/g;

export const redacted = '[redacted]';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function isCredentialName(name: string): boolean {
  return credentialNames.has(decode(name).toLowerCase().replace(/[-_]/g, ''));
}

function looksLikeKey(value: string): boolean {
  regwatchKey.lastIndex = 0;
  return regwatchKey.test(decode(value));
}

/** The query parameters of `url` as raw `name`, `value` pairs (undecoded, as they appear). */
function rawParameters(url: string): Array<[string, string]> {
  const query = url.indexOf('?');
  if (query === -1) return [];
  return url
    .slice(query + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
}

/**
 * The name of the first query parameter carrying a credential: by its name, or a Regwatch key as
 * its value. Names in `allowed` are let through by name (a page's own signed link token), never
 * with a Regwatch key as their value.
 */
export function credentialParameter(url: string, allowed: ReadonlySet<string> = new Set()): string | undefined {
  for (const [name, value] of rawParameters(url)) {
    if ((isCredentialName(name) && !allowed.has(decode(name))) || looksLikeKey(value)) return decode(name);
  }
  return undefined;
}

/** `url` with the value of every credential parameter, and any Regwatch key, replaced by `[redacted]`. */
export function redactCredentials(url: string): string {
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).replace(regwatchKey, redacted);
  if (query === -1) return path;
  const pairs = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      const value = equals === -1 ? '' : pair.slice(equals + 1);
      if (equals !== -1 && (isCredentialName(name) || looksLikeKey(value))) return `${name}=${redacted}`;
      return pair.replace(regwatchKey, redacted);
    });
  return `${path}?${pairs.join('&')}`;
}
