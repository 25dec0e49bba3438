import { sha256Hex } from '../hash.ts';

/**
 * API keys: `rwk_` + an 8-character public id + `_` + a 43-character secret, all base62, e.g.
 * `rwk_3fK9aZ0q_…`. The prefix makes a leaked key recognisable (secret scanners, logs); the public
 * id (`rwk_3fK9aZ0q`) names the key in listings and `apikey revoke` without revealing it.
 *
 * Only `hashApiKey(key)` is stored. SHA-256 is the right hash here, not bcrypt or scrypt: those
 * slow down guessing of low-entropy passwords, but the secret is 256 random bits, so no amount
 * of hashing speed makes guessing feasible, and a fast hash lets every request be checked by a
 * lookup on a unique index (which also leaves no timing side channel on the secret: nothing
 * compares it byte by byte).
 */
export const apiKeyPrefix = 'rwk_';

/** Random bytes `generateApiKey` takes: 6 for the public id, 32 for the secret. */
export const apiKeyRandomBytes = 38;

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const publicIdLength = 8;
const secretLength = 43;
const keyPattern = /^rwk_([0-9A-Za-z]{8})_[0-9A-Za-z]{43}$/;
const publicPrefixPattern = /^rwk_[0-9A-Za-z]{8}$/;

/** `value` in base62, left-padded to `width` digits (the caller guarantees it fits). */
function base62(value: bigint, width: number): string {
  let digits = '';
  let rest = value;
  while (rest > 0n) {
    digits = alphabet[Number(rest % 62n)] + digits;
    rest /= 62n;
  }
  return digits.padStart(width, '0');
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

export interface GeneratedApiKey {
  /** The whole key: shown to its owner once, never stored. */
  key: string;
  /** `rwk_` + the public id: stored and shown, identifies the key. */
  prefix: string;
  /** What is stored: `hashApiKey(key)`. */
  hash: string;
}

/**
 * A new key from `apiKeyRandomBytes` bytes of a cryptographic random source (the caller's:
 * core does no I/O). Whole numbers are converted to base62, so every digit is unbiased: the
 * public id takes 47 bits (2^47 < 62^8) and the secret all 256 (2^256 < 62^43).
 */
export function generateApiKey(random: Uint8Array): GeneratedApiKey {
  if (random.length !== apiKeyRandomBytes) {
    throw new RangeError(`an API key needs ${apiKeyRandomBytes} random bytes, got ${random.length}`);
  }
  const publicId = base62(toBigInt(random.subarray(0, 6)) >> 1n, publicIdLength);
  const secret = base62(toBigInt(random.subarray(6)), secretLength);
  const prefix = `${apiKeyPrefix}${publicId}`;
  const key = `${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** Hex SHA-256 of the whole key: the value stored and looked up. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** True for a public key prefix such as `rwk_3fK9aZ0q` (what listings show). */
export function isApiKeyPrefix(text: string): boolean {
  return publicPrefixPattern.test(text);
}

/** What an `Authorization` header carries. Never holds the key itself, only its hash. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'api_key'; prefix: string; hash: string }
  | { kind: 'malformed'; reason: string };

/**
 * Reads `Authorization: Bearer <key>` strictly (RFC 6750 §2.1: the scheme is case-insensitive,
 * then one or more spaces and the token). Anything else is `malformed` with a reason that never
 * repeats what was sent, since that might be someone's secret.
 */
export function parseAuthorization(header: string | undefined): Credential {
  if (header === undefined || header === '') return { kind: 'none' };
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (!match) return { kind: 'malformed', reason: 'the Authorization header must be "Bearer <API key>"' };
  const token = match[1] ?? '';
  const key = keyPattern.exec(token);
  if (!key) {
    return { kind: 'malformed', reason: `the bearer token is not a Regwatch API key (${apiKeyPrefix}…)` };
  }
  return { kind: 'api_key', prefix: `${apiKeyPrefix}${key[1]}`, hash: hashApiKey(token) };
}
