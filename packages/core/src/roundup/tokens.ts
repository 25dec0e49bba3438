import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a link in a roundup email lets its holder do. `confirm` activates a pending sign-up;
 * `manage` opens and changes preferences; `unsubscribe` is the RFC 8058 one-click link.
 */
export const tokenPurposes = ['confirm', 'manage', 'unsubscribe'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** A confirmation link older than this no longer confirms: sign up again. */
export const confirmTokenLifetimeMs = 7 * 24 * 60 * 60 * 1_000;

export interface RoundupToken {
  subscriberId: string;
  purpose: TokenPurpose;
  /** When it was issued, epoch milliseconds (truncated to seconds). */
  issuedAt: number;
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * `<purpose>.<subscriber id>.<issued, base36 seconds>.<HMAC-SHA256, base64url>`: no address in
 * it, so a forwarded or logged link names nobody; the server checks the subscriber's
 * `tokens_valid_after` besides the signature.
 */
export function signRoundupToken(secret: string, token: RoundupToken): string {
  const payload = `${token.purpose}.${token.subscriberId}.${Math.floor(token.issuedAt / 1_000).toString(36)}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The token if it is well formed and signed with `secret`; null otherwise (never throws). */
export function verifyRoundupToken(secret: string, raw: string): RoundupToken | null {
  if (raw.length > 200) return null;
  const parts = raw.split('.');
  if (parts.length !== 4) return null;
  const [purpose, subscriberId, issued, mac] = parts as [string, string, string, string];
  if (!(tokenPurposes as readonly string[]).includes(purpose)) return null;
  if (!/^[1-9][0-9]{0,18}$/.test(subscriberId) || !/^[0-9a-z]{1,10}$/.test(issued)) return null;
  const expected = signature(secret, `${purpose}.${subscriberId}.${issued}`);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { purpose: purpose as TokenPurpose, subscriberId, issuedAt: Number.parseInt(issued, 36) * 1_000 };
}

/**
 * Whether a verified token still works for a subscriber whose tokens are valid after
 * `validAfter`: confirmation links also expire.
 */
export function isRoundupTokenCurrent(token: RoundupToken, validAfter: Date, now: Date): boolean {
  // Issued-at has second precision; the subscriber's timestamp, milliseconds.
  if (token.issuedAt < Math.floor(validAfter.getTime() / 1_000) * 1_000) return false;
  if (token.purpose === 'confirm' && now.getTime() - token.issuedAt > confirmTokenLifetimeMs) return false;
  return true;
}
