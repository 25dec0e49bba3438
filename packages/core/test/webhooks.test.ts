import { describe, expect, it } from 'vitest';
import {
  attemptVerdict,
  checkWebhookFilter,
  maxRetryDelayMs,
  parseWebhookUrl,
  webhookRetryDelayMs,
  webhookSecret,
  webhookSecretBytes,
} from '../src/index.ts';

describe('webhook deliveries (issue 16)', () => {
  it('retries after the base delay, doubling, capped at 6 hours', () => {
    expect([1, 2, 3, 4].map((attempt) => webhookRetryDelayMs(attempt, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(webhookRetryDelayMs(30, 30_000)).toBe(maxRetryDelayMs);
  });

  it('delivers on 2xx, gives up the webhook on 410, retries anything else', () => {
    expect([200, 204, 299].map(attemptVerdict)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(attemptVerdict(410)).toBe('gone');
    expect([null, 301, 404, 429, 500, 503].map(attemptVerdict)).toEqual(Array(6).fill('retry'));
  });

  it('spells a secret the Standard Webhooks way', () => {
    const secret = webhookSecret(new Uint8Array(webhookSecretBytes).fill(255));
    expect(secret).toBe(`whsec_${Buffer.alloc(webhookSecretBytes, 255).toString('base64')}`);
    expect(() => webhookSecret(new Uint8Array(8))).toThrow(RangeError);
  });

  it('takes http(s) URLs without credentials, fragment dropped, and says what is wrong in one line', () => {
    expect(parseWebhookUrl('https://partner.example/hook#x').href).toBe('https://partner.example/hook');
    expect(() => parseWebhookUrl('ftp://partner.example/')).toThrow(/must be an http or https URL, not ftp:/);
    expect(() => parseWebhookUrl('https://a:b@partner.example/')).toThrow(/must not carry a user name or password/);
    expect(() => parseWebhookUrl('partner.example/hook')).toThrow(/is not an absolute URL/);
  });

  it('checks a filter with the /v1 language and names the body field', () => {
    expect(checkWebhookFilter({ jurisdiction: 'GB', topic: undefined } as never)).toEqual({ jurisdiction: 'GB' });
    expect(() => checkWebhookFilter({ jurisdiction: 'UK' })).toThrow(/^body field "filter.jurisdiction"/);
    expect(() => checkWebhookFilter({ platform: 'myspace-of-doom' })).toThrow(
      /body field "filter.platform" names an unknown platform/,
    );
  });
});
