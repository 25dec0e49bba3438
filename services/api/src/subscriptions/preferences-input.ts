import { isRegwatchError, normaliseRoundupPreferences, RegwatchError, type RoundupPreferences } from '@regwatch/core';

/** The choices as sent, from JSON (comma-separated strings) or a form (one pair per value). */
export interface RawPreferences {
  jurisdiction?: string | undefined;
  platform?: string | undefined;
  topic?: string | undefined;
  kind?: string | undefined;
  expand?: boolean | undefined;
}

/**
 * The preferences checked and in one spelling, through the filter language's own rules; its
 * message names a query parameter, which here is a `where` field.
 */
export function checkedPreferences(raw: RawPreferences, where: 'body field' | 'form field'): RoundupPreferences {
  try {
    return normaliseRoundupPreferences(raw);
  } catch (error) {
    if (!isRegwatchError(error)) throw error;
    throw new RegwatchError(error.code, error.message.replace(/^query parameter/, where));
  }
}

/** A parsed form body: every field as the list of its values. */
export type FormFields = Readonly<Record<string, readonly string[]>>;

/** `application/x-www-form-urlencoded` as lists of values (a field may repeat: `topic=a&topic=b`). */
export function parseForm(body: string): FormFields {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const values = fields[name];
    if (values) values.push(value);
    else fields[name] = [value];
  }
  return fields;
}

/** The form's choices in the filter language: repeated values joined with commas, none chosen absent. */
export function preferencesFromForm(form: FormFields): RawPreferences {
  const list = (name: string) => {
    const values = (form[name] ?? []).map((value) => value.trim()).filter((value) => value !== '');
    return values.length === 0 ? undefined : values.join(',');
  };
  return {
    jurisdiction: list('jurisdiction'),
    platform: list('platform'),
    topic: list('topic'),
    kind: list('kind'),
    expand: form.expand?.includes('true') ? true : undefined,
  };
}
