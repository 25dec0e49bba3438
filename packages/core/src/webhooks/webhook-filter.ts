import { isRegwatchError, RegwatchError } from '../errors.ts';
import { type NewsFilter, newsFilter } from '../filter/news-filter.ts';

/**
 * The stories a webhook wants, in the /v1 story filter language (comma-separated values: any of
 * them; parameters together: all of them). No period: a webhook is about what changes from now on.
 */
export interface WebhookFilter {
  jurisdiction?: string;
  platform?: string;
  topic?: string;
  kind?: string;
  source?: string;
  expand?: boolean;
  q?: string;
}

export const webhookFilterKeys = ['jurisdiction', 'platform', 'topic', 'kind', 'source', 'expand', 'q'] as const;

/**
 * The filter checked by the one definition of the language (`newsFilter`) and stored as given,
 * absent keys left out; a bad value is an `invalid_parameter` naming `filter.<field>`.
 */
export function checkWebhookFilter(raw: WebhookFilter): WebhookFilter {
  try {
    newsFilter(raw);
  } catch (error) {
    if (!isRegwatchError(error)) throw error;
    throw new RegwatchError(error.code, error.message.replace(/^query parameter "([a-z]+)"/, 'body field "filter.$1"'));
  }
  const kept: WebhookFilter = {};
  for (const key of webhookFilterKeys) {
    const value = raw[key];
    if (value !== undefined) (kept as Record<string, unknown>)[key] = value;
  }
  return kept;
}

/** What the dispatcher's query takes for a stored filter. */
export function webhookNewsFilter(filter: WebhookFilter): NewsFilter {
  return newsFilter(filter);
}
