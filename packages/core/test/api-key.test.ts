import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeyRandomBytes, generateApiKey, hashApiKey, isApiKeyPrefix, parseAuthorization } from '../src/index.ts';

const fixed = (byte: number) => new Uint8Array(apiKeyRandomBytes).fill(byte);

describe('generateApiKey', () => {
  it('makes a recognisable key whose prefix names it and whose hash is SHA-256 of the whole key', () => {
    const generated = generateApiKey(randomBytes(apiKeyRandomBytes));
    expect(generated.key).toMatch(/^rwk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(generated.key.startsWith(`${generated.prefix}_`)).toBe(true);
    expect(isApiKeyPrefix(generated.prefix)).toBe(true);
    expect(generated.hash).toBe(createHash('sha256').update(generated.key).digest('hex'));
    expect(generated.hash).not.toContain(generated.key.slice(13));
  });

  it('is a pure function of the random bytes, and uses all of them', () => {
    expect(generateApiKey(fixed(7))).toEqual(generateApiKey(fixed(7)));
    const zeros = generateApiKey(fixed(0));
    expect(zeros.key).toBe(`rwk_00000000_${'0'.repeat(43)}`);
    // The largest inputs still fit the fixed widths (47-bit id, 256-bit secret).
    const ones = generateApiKey(fixed(255));
    expect(ones.key).toMatch(/^rwk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    const lastByte = fixed(0);
    lastByte[apiKeyRandomBytes - 1] = 1;
    expect(generateApiKey(lastByte).key).toBe(`rwk_00000000_${'0'.repeat(42)}1`);
  });

  it('refuses the wrong amount of randomness', () => {
    expect(() => generateApiKey(new Uint8Array(16))).toThrow(/needs 38 random bytes, got 16/);
  });
});

describe('parseAuthorization', () => {
  const { key, prefix } = generateApiKey(randomBytes(apiKeyRandomBytes));

  it('reads a bearer API key as its prefix and hash, never keeping the key', () => {
    const credential = parseAuthorization(`Bearer ${key}`);
    expect(credential).toEqual({ kind: 'api_key', prefix, hash: hashApiKey(key) });
    expect(JSON.stringify(credential)).not.toContain(key);
    // The scheme is case-insensitive (RFC 9110 §11.1).
    expect(parseAuthorization(`bearer ${key}`)).toEqual(credential);
  });

  it('says when there is no credential at all', () => {
    expect(parseAuthorization(undefined)).toEqual({ kind: 'none' });
    expect(parseAuthorization('')).toEqual({ kind: 'none' });
  });

  it.each([
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`, /must be "Bearer <API key>"/],
    ['no token', 'Bearer', /must be "Bearer <API key>"/],
    ['two tokens', `Bearer ${key} ${key}`, /must be "Bearer <API key>"/],
    ['a token that is not a key', 'Bearer abc.def.ghi', /not a Regwatch API key/],
    ['a truncated key', `Bearer ${key.slice(0, -1)}`, /not a Regwatch API key/],
    ['a key with a character outside base62', `Bearer ${key.slice(0, -1)}-`, /not a Regwatch API key/],
    ['a key with a wrong prefix', `Bearer rwx_${key.slice(4)}`, /not a Regwatch API key/],
  ])('rejects %s without echoing it', (_label, header, reason) => {
    const credential = parseAuthorization(header);
    expect(credential.kind).toBe('malformed');
    if (credential.kind !== 'malformed') return;
    expect(credential.reason).toMatch(reason);
    expect(credential.reason).not.toContain(key.slice(13, 30));
  });
});
