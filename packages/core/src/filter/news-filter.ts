import { RegwatchError } from '../errors.ts';
import { expandJurisdictions } from '../jurisdiction/blocs.ts';
import { checkJurisdiction } from '../jurisdiction/codes.ts';
import { isSlug } from '../slug.ts';
import { platformCatalog, topicCatalog } from '../tagging/catalog.ts';
import { type SourceKind, sourceKinds } from '../types.ts';

/**
 * The filter language shared by /v1 and /feeds, as query parameters (already checked for shape by
 * the route schema): several values of one parameter, comma-separated, mean any of them; the
 * parameters together mean all of them.
 */
export interface NewsFilterQuery {
  platform?: string | undefined;
  jurisdiction?: string | undefined;
  /** A bloc (`EU`, `EEA`) matches its member states too. */
  expand?: boolean | undefined;
  topic?: string | undefined;
  source?: string | undefined;
  kind?: string | undefined;
  /** Full-text query in web-search syntax. */
  q?: string | undefined;
  /** ISO 8601 date or instant: published at or after. */
  since?: string | undefined;
  /** ISO 8601 date or instant: published before. */
  until?: string | undefined;
}

/** The filter, checked and resolved: what the queries take. */
export interface NewsFilter {
  sourceIds?: string[];
  sourceKinds?: SourceKind[];
  platforms?: string[];
  jurisdictions?: string[];
  topics?: string[];
  text?: string;
  /** ISO 8601 instants. */
  since?: string;
  until?: string;
}

const maxValues = 50;

function invalid(parameter: string, message: string): RegwatchError {
  return new RegwatchError('invalid_parameter', `query parameter "${parameter}" ${message}`);
}

function values(parameter: string, raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = [...new Set(raw.split(',').map((value) => value.trim()))];
  if (list.some((value) => value === ''))
    throw invalid(parameter, 'has an empty value: separate values by single commas');
  if (list.length > maxValues) throw invalid(parameter, `has more than ${maxValues} values: give at most ${maxValues}`);
  return list;
}

function known(parameter: string, list: string[] | undefined, isKnown: (value: string) => boolean, what: string) {
  const unknown = list?.find((value) => !isKnown(value));
  if (unknown !== undefined) throw invalid(parameter, `names an unknown ${what} "${unknown}"`);
  return list;
}

function instant(parameter: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // A date alone means its first instant in UTC; anything else must say its offset.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const at = Date.parse(dateOnly ? `${raw}T00:00:00Z` : raw);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(raw) || !Number.isFinite(at)) {
    throw invalid(
      parameter,
      `must be a date such as 2024-09-13 or an instant with its offset such as 2024-09-13T08:00:00Z, not "${raw}"`,
    );
  }
  return new Date(at).toISOString();
}

/** Checks and resolves the filter parameters; a bad value is an `invalid_parameter` naming its parameter. */
export function newsFilter(query: NewsFilterQuery): NewsFilter {
  const filter: NewsFilter = {};
  const sourceIds = known('source', values('source', query.source), isSlug, 'source id');
  if (sourceIds) filter.sourceIds = sourceIds;
  const kinds = known(
    'kind',
    values('kind', query.kind),
    (value) => (sourceKinds as readonly string[]).includes(value),
    'source kind',
  );
  if (kinds) filter.sourceKinds = kinds as SourceKind[];
  const platforms = known('platform', values('platform', query.platform), (id) => platformCatalog.has(id), 'platform');
  if (platforms) filter.platforms = platforms;
  const topics = known('topic', values('topic', query.topic), (id) => topicCatalog.has(id), 'topic');
  if (topics) filter.topics = topics;
  const jurisdictions = values('jurisdiction', query.jurisdiction)?.map((raw) => {
    const check = checkJurisdiction(raw);
    if (!check.ok) throw invalid('jurisdiction', check.message);
    return check.code;
  });
  if (jurisdictions) filter.jurisdictions = expandJurisdictions(jurisdictions, query.expand ?? false);
  else if (query.expand !== undefined) throw invalid('expand', 'only applies with "jurisdiction"');
  if (query.q !== undefined) {
    const text = query.q.trim();
    if (text === '') throw invalid('q', 'is empty: give search words, 1 to 200 characters');
    filter.text = text;
  }
  const since = instant('since', query.since);
  const until = instant('until', query.until);
  if (since && until && since >= until) throw invalid('until', 'must be after "since"');
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}
