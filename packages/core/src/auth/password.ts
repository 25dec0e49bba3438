import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Editors' passwords, hashed with scrypt from node:crypto rather than argon2: argon2 is a native
 * add-on (a compiler or a prebuilt binary per platform, one more install script to allow), while
 * scrypt is memory-hard too, ships with Node and is what OWASP lists next after argon2id.
 *
 * The stored string describes itself, so the parameters can be raised later without breaking the
 * hashes already stored: `scrypt$N=32768,r=8,p=1$<salt base64url>$<key base64url>`.
 */
export const minimumPasswordLength = 12;
const maximumPasswordLength = 1_024;

/** OWASP's scrypt minimum (N=2^17 costs 128 MiB a hash: too much for a 2-core box's sign-in burst). */
const defaultParameters = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;
const hashPattern = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128 * N * r bytes are needed; Node's default cap (32 MiB) is exactly that at N=2^15, r=8: give room.
    const maxmem = 256 * (options.N ?? 1) * (options.r ?? 1);
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < minimumPasswordLength) {
    return `the password must have at least ${minimumPasswordLength} characters`;
  }
  if (password.length > maximumPasswordLength)
    return `the password must have at most ${maximumPasswordLength} characters`;
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, keyLength, defaultParameters);
  const { N, r, p } = defaultParameters;
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Whether `password` matches `stored` (constant-time comparison of the derived keys). A malformed
 * stored string never matches. Pass `stored: null` for an unknown account: the same work is done
 * against a fixed hash, so an unknown address takes as long to refuse as a wrong password.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = hashPattern.exec(stored ?? decoyHash);
  if (!match || password.length > maximumPasswordLength) return false;
  const [, N, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const derived = await derive(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(derived, expected) && stored !== null;
}

// A hash of no one's password, at the default parameters (what an unknown account is checked against).
const decoyHash = `scrypt$N=${defaultParameters.N},r=${defaultParameters.r},p=${defaultParameters.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;
