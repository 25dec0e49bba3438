import { type NewsFilter, type NewsFilterQuery, newsFilter } from '../filter/news-filter.ts';

/**
 * What a subscriber chose, in the filter language of `/v1` and `/feeds` (comma-separated values:
 * any of them; parameters together: all of them). All absent is everything.
 */
export type RoundupPreferences = Pick<NewsFilterQuery, 'jurisdiction' | 'platform' | 'topic' | 'kind' | 'expand'>;

export const roundupPreferenceKeys = ['jurisdiction', 'platform', 'topic', 'kind', 'expand'] as const;

/**
 * The preferences checked and in one spelling (sorted, deduplicated, upper-case jurisdictions),
 * so equal choices compare equal; a bad value is an `invalid_parameter` naming its parameter.
 */
export function normaliseRoundupPreferences(raw: RoundupPreferences): RoundupPreferences {
  const checked = newsFilter({ ...raw, expand: undefined });
  const preferences: RoundupPreferences = {};
  const list = (values: readonly string[] | undefined) =>
    values && values.length > 0 ? [...new Set(values)].sort().join(',') : undefined;
  // Jurisdictions are kept as given (checked and canonicalised), not as expanded by a bloc.
  const jurisdiction = list(checked.jurisdictions);
  const platform = list(checked.platforms);
  const topic = list(checked.topics);
  const kind = list(checked.sourceKinds);
  if (jurisdiction) preferences.jurisdiction = jurisdiction;
  if (platform) preferences.platform = platform;
  if (topic) preferences.topic = topic;
  if (kind) preferences.kind = kind;
  if (jurisdiction && raw.expand === true) preferences.expand = true;
  return preferences;
}

/** The filter a subscriber's preferences mean (what `/v1/stories` would take). */
export function roundupFilter(preferences: RoundupPreferences): NewsFilter {
  return newsFilter(preferences);
}

/** A stable key of a set of preferences: subscribers who chose alike share one rendering. */
export function roundupPreferencesKey(preferences: RoundupPreferences): string {
  const normalised = normaliseRoundupPreferences(preferences);
  return roundupPreferenceKeys
    .flatMap((key) => (normalised[key] === undefined ? [] : [`${key}=${String(normalised[key])}`]))
    .join('&');
}
