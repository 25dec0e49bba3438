import { normaliseRoundupPreferences, type RoundupPreferences } from '@regwatch/core';

/** What a sign-up asked for, as the confirmation email says it: "GB, EU · linkedin", or "everything". */
export function preferencesInWords(preferences: RoundupPreferences): string {
  const normalised = normaliseRoundupPreferences(preferences);
  const parts = [normalised.jurisdiction, normalised.platform, normalised.topic, normalised.kind].flatMap((value) =>
    value ? [value.split(',').join(', ')] : [],
  );
  if (parts.length === 0) return 'everything';
  return `${parts.join(' · ')}${normalised.expand ? ' (and what they include)' : ''}`;
}
