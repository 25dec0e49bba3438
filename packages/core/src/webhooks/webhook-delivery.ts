import { RegwatchError } from '../errors.ts';

/** The events a webhook receives: a story seen for the first time, or a story that changed. */
export const webhookEventTypes = ['story.created', 'story.updated'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Random bytes of a signing secret (Standard Webhooks: 24 to 64). */
export const webhookSecretBytes = 32;

/**
 * A signing secret as Standard Webhooks spells it: `whsec_` + base64 of the key bytes (the
 * caller's cryptographic random source: core does no I/O). Shown to the partner once.
 */
export function webhookSecret(random: Uint8Array): string {
  if (random.length !== webhookSecretBytes) {
    throw new RangeError(`a webhook secret needs ${webhookSecretBytes} random bytes, got ${random.length}`);
  }
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  return `whsec_${btoa(binary)}`;
}

/** Longest wait between two attempts of one delivery. */
export const maxRetryDelayMs = 6 * 60 * 60 * 1_000;

/** How long to wait after the `attempt`-th failed attempt (1-based): `baseMs`, doubling, capped. */
export function webhookRetryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(attempt - 1, 0), maxRetryDelayMs);
}

/** What an attempt's outcome means for its delivery and its webhook. */
export type AttemptVerdict = 'delivered' | 'retry' | 'gone';

/** 2xx delivers; 410 Gone says the receiver is gone for good; anything else (or no answer) is retried. */
export function attemptVerdict(statusCode: number | null): AttemptVerdict {
  if (statusCode !== null && statusCode >= 200 && statusCode <= 299) return 'delivered';
  if (statusCode === 410) return 'gone';
  return 'retry';
}

const invalidUrl = (message: string) => new RegwatchError('invalid_parameter', `body field "url" ${message}`);

/**
 * A webhook URL's shape: absolute http(s), at most 2,048 characters, no user name or password
 * (deliveries are signed, and a credential in a URL ends up in logs). Whether its host is a
 * public address is the service's check (it resolves the name).
 */
export function parseWebhookUrl(text: string): URL {
  if (text.length > 2_048) throw invalidUrl('is longer than 2048 characters');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidUrl('is not an absolute URL (https://partner.example/hooks/regwatch)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidUrl(`must be an http or https URL, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidUrl('must not carry a user name or password (check the webhook-signature header instead)');
  }
  url.hash = '';
  return url;
}
