import Type from 'typebox';
import { QueryText } from './common.ts';

const idList = (description: string) =>
  Type.Optional(Type.String({ description, pattern: '^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$', maxLength: 1_000 }));

/**
 * Every string parameter here admits no NUL (`idList`'s pattern, `QueryText`'s).
 *
 * The filter language of /v1 and /feeds (one definition, so both take exactly the same
 * parameters). Several values of one parameter, comma-separated, mean any of them; different
 * parameters must all hold. Values are checked against the catalogs by `newsFilter` in core.
 */
export const NewsFilterParams = {
  platform: idList('Platform ids (`meta,linkedin`); a parent includes what it owns. See /v1/platforms'),
  jurisdiction: idList(
    'Jurisdiction codes: ISO 3166-1 (`GB`), ISO 3166-2 (`US-CA`), `EU`, `EEA`. See /v1/jurisdictions',
  ),
  expand: Type.Optional(
    Type.Boolean({ description: 'With `jurisdiction`: a bloc (`EU`, `EEA`) also matches its member states' }),
  ),
  topic: idList('Topic ids (`children,biometrics`). See /v1/topics'),
  source: idList('Source ids (`ico-news,opc-news-en`). See /v1/sources'),
  kind: idList('Source kinds: `regulator`, `incident-db`, `press`'),
  q: Type.Optional(
    QueryText({
      description:
        'Full-text search, English and French stemming, web-search syntax: words (all must match), "a phrase", ' +
        'OR, -excluded. Items then carry `highlight`',
      minLength: 1,
      maxLength: 200,
    }),
  ),
  since: Type.Optional(QueryText({ description: 'Published at or after: ISO 8601 date or instant', maxLength: 40 })),
  until: Type.Optional(QueryText({ description: 'Published before: ISO 8601 date or instant', maxLength: 40 })),
};
