import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderConfirmationEmail } from '../src/index.ts';

const input = {
  confirmUrl: 'https://regwatch.example.org/subscriptions/confirm?token=confirm.42.abc.def',
  preferencesInWords: 'GB, EU · LinkedIn',
  siteUrl: 'https://regwatch.example.org/',
};

describe('renderConfirmationEmail', () => {
  it('asks with one button for what was asked for, says when it expires and what ignoring it does', () => {
    const email = renderConfirmationEmail(input);
    const document = new JSDOM(email.html).window.document;
    expect(email.subject).toBe('Confirm your Regwatch roundup subscription');
    const button = [...document.querySelectorAll('a')].filter(
      (a) => a.textContent?.trim() === 'Confirm my subscription',
    );
    expect(button).toHaveLength(1);
    expect(button[0]?.getAttribute('href')).toBe(input.confirmUrl);
    for (const part of [document.body.textContent ?? '', email.text]) {
      expect(part).toContain('GB, EU · LinkedIn');
      expect(part).toContain('7 days');
      expect(part).toContain('If this wasn’t you, ignore this email: nothing is sent without confirmation.');
    }
    expect(email.text.split('\n')).toContain(input.confirmUrl);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(email.html).not.toMatch(/<img|<link|@import|url\(/i);
    for (const line of email.text.split('\n')) {
      if (!/^https?:\/\/\S+$/.test(line)) expect([...line].length).toBeLessThanOrEqual(78);
    }
  });

  it('escapes the preferences and refuses a confirmation link that is not http(s)', () => {
    const email = renderConfirmationEmail({ ...input, preferencesInWords: '<script>x</script> & co' });
    expect(email.html).not.toContain('<script>x');
    expect(new JSDOM(email.html).window.document.querySelector('strong')?.textContent).toBe('<script>x</script> & co');
    expect(() => renderConfirmationEmail({ ...input, confirmUrl: 'javascript:alert(1)' })).toThrow(/not http/);
  });
});
