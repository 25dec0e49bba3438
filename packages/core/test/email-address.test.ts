import { describe, expect, it } from 'vitest';
import { emailDomain, normaliseEmailAddress } from '../src/index.ts';

// Issue 13: the addresses a roundup sign-up accepts, and how they are stored.
describe('normaliseEmailAddress', () => {
  it('trims, lower-cases the domain and keeps the local part as given', () => {
    expect(normaliseEmailAddress('  Ann.Smith+dpo@Example.ORG\t')).toBe('Ann.Smith+dpo@example.org');
    expect(emailDomain(normaliseEmailAddress('x@Mail.Example.co.uk'))).toBe('mail.example.co.uk');
  });

  it('refuses what is not an address, without repeating it', () => {
    for (const raw of [
      '',
      'nobody',
      'a@b',
      '@example.org',
      'a@@example.org',
      'a b@example.org',
      'a@exa mple.org',
      'a@-example.org',
      'line\nbreak@example.org',
      'nul\u0000@example.org',
      'a@example.org\r\nBcc: victim@example.com',
      `${'a'.repeat(65)}@example.org`,
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.org`,
    ]) {
      expect(() => normaliseEmailAddress(raw), JSON.stringify(raw)).toThrow(
        '"email" is not an email address such as dpo@example.org',
      );
    }
  });

  it('accepts the longest address allowed: 254 characters, a 64-character local part', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.org`;
    expect(longest).toHaveLength(254);
    expect(normaliseEmailAddress(longest)).toBe(longest);
  });
});
