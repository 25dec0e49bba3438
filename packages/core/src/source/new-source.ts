import { checkJurisdiction } from '../jurisdiction/codes.ts';
import { isSlug } from '../slug.ts';
import { type SourceKind, sourceKinds } from '../types.ts';

/** A source as an operator or an editor adds it (`regwatch sources add`, the console's form). */
export interface NewSourceDefinition {
  id: string;
  url: string;
  name: string;
  kind: SourceKind;
  jurisdictions: string[];
  pollIntervalSeconds: number;
  format: string;
  language: string | null;
  homepage: string | null;
}

/** The fields as typed, before checking (a missing one is undefined or empty). */
export interface NewSourceInput {
  id?: string | undefined;
  url?: string | undefined;
  name?: string | undefined;
  kind?: string | undefined;
  jurisdictions?: readonly string[] | undefined;
  interval?: string | undefined;
  format?: string | undefined;
  language?: string | undefined;
  homepage?: string | undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks a new source, reporting every problem at once; `label` names a field as the caller's
 * user knows it (`--id` at the CLI, `id` in a form). Defaults: kind press, every 900 s, format feed.
 */
export function checkNewSource(
  input: NewSourceInput,
  options: { formats: readonly string[]; label: (field: string) => string },
): { ok: true; source: NewSourceDefinition } | { ok: false; problems: string[] } {
  const label = options.label;
  const problems: string[] = [];
  const id = input.id?.trim() ?? '';
  if (!id) problems.push(`${label('id')} is required`);
  else if (!isSlug(id)) problems.push(`${label('id')} "${id}" must be a lower-case slug (a-z, 0-9, -)`);
  const url = input.url?.trim() ?? '';
  if (!url) problems.push(`${label('url')} is required`);
  else if (!isHttpUrl(url)) problems.push(`${label('url')} "${url}" must be an http or https URL`);
  const homepage = input.homepage?.trim() || null;
  if (homepage && !isHttpUrl(homepage))
    problems.push(`${label('homepage')} "${homepage}" must be an http or https URL`);
  const kind = (input.kind?.trim() || 'press') as SourceKind;
  if (!sourceKinds.includes(kind))
    problems.push(`${label('kind')} must be one of ${sourceKinds.join(', ')}, not "${kind}"`);
  const jurisdictions: string[] = [];
  for (const raw of input.jurisdictions ?? []) {
    if (raw.trim() === '') continue;
    const result = checkJurisdiction(raw.trim());
    if (result.ok) jurisdictions.push(result.code);
    else problems.push(`${label('jurisdiction')} ${result.message}`);
  }
  const intervalText = input.interval?.trim() || '900';
  const interval = Number(intervalText);
  if (!/^\d+$/.test(intervalText) || interval < 30) {
    problems.push(`${label('interval')} must be a whole number of seconds, at least 30`);
  }
  const format = input.format?.trim() || 'feed';
  if (!options.formats.includes(format)) {
    problems.push(`${label('format')} must be one of ${options.formats.join(', ')}, not "${format}"`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    source: {
      id,
      url,
      name: input.name?.trim() || id,
      kind,
      jurisdictions: [...new Set(jurisdictions)],
      pollIntervalSeconds: interval,
      format,
      language: input.language?.trim() || null,
      homepage,
    },
  };
}
