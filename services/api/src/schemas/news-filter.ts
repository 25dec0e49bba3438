import Type from 'typebox';
import { acceptsKeyword, QueryText } from './common.ts';

/** `accepts`: what a 400 says the parameter takes (plugins/validation-message.ts). */
const idList = (description: string, accepts: string) =>
  Type.Optional(
    Type.String({
      description,
      pattern: '^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$',
      maxLength: 1_000,
      [acceptsKeyword]: `${accepts}, comma-separated without spaces`,
    }),
  );

/** What `since`, `until` and the digest's dates accept (checked by `newsFilter` in core). */
export const dateAccepts = 'a date such as 2024-09-13 or an instant with its offset such as 2024-09-13T08:00:00Z';

/**
 * Every string parameter here admits no NUL (`idList`'s pattern, `QueryText`'s).
 *
 * The filter language of /v1 and /feeds (one definition, so both take exactly the same
 * parameters). Several values of one parameter, comma-separated, mean any of them; different
 * parameters must all hold. Values are checked against the catalogs by `newsFilter` in core.
 */
export const NewsFilterParams = {
  platform: idList(
    'Platform ids (`meta,linkedin`); a parent includes what it owns. See /v1/platforms',
    'platform ids such as meta,linkedin (see /v1/platforms)',
  ),
  jurisdiction: idList(
    'Jurisdiction codes: ISO 3166-1 (`GB`), ISO 3166-2 (`US-CA`), `EU`, `EEA`. See /v1/jurisdictions',
    'jurisdiction codes such as GB,US-CA,EU (see /v1/jurisdictions)',
  ),
  expand: Type.Optional(
    Type.Boolean({ description: 'With `jurisdiction`: a bloc (`EU`, `EEA`) also matches its member states' }),
  ),
  topic: idList(
    'Topic ids (`children,biometrics`). See /v1/topics',
    'topic ids such as children,biometrics (see /v1/topics)',
  ),
  source: idList(
    'Source ids (`ico-news,opc-news-en`). See /v1/sources',
    'source ids such as ico-news (see /v1/sources)',
  ),
  kind: idList('Source kinds: `regulator`, `incident-db`, `press`', 'source kinds: regulator, incident-db or press'),
  q: Type.Optional(
    QueryText({
      description:
        'Full-text search, English and French stemming, web-search syntax: words (all must match), "a phrase", ' +
        'OR, -excluded. Items then carry `highlight`',
      minLength: 1,
      maxLength: 200,
      [acceptsKeyword]: 'search words, 1 to 200 characters',
    }),
  ),
  since: Type.Optional(
    QueryText({
      description: 'Published at or after: ISO 8601 date or instant',
      maxLength: 40,
      [acceptsKeyword]: dateAccepts,
    }),
  ),
  until: Type.Optional(
    QueryText({
      description: 'Published before: ISO 8601 date or instant',
      maxLength: 40,
      [acceptsKeyword]: dateAccepts,
    }),
  ),
};
