/**
 * Entry ids are `tag:` URIs (RFC 4151) minted from our own stable ids, e.g.
 * `tag:regwatch.example.org,2026:story/42`. Not the article URL: a story has several, an item may
 * have none, and a URL can change (canonicalisation, a source moving) while the entry must not
 * reappear as new in every reader. A tag: URI is a valid Atom id (an IRI), a valid RSS guid
 * (isPermaLink="false") and a JSON Feed id, so the three formats name every entry alike.
 */

/** `domain,date` or `user@domain,date`, the date as YYYY, YYYY-MM or YYYY-MM-DD. */
const taggingEntity =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|[a-z0-9._%+-]+@[a-z0-9.-]+),\d{4}(?:-\d{2}(?:-\d{2})?)?$/i;

export type TaggedThing = 'item' | 'story' | 'platform' | 'jurisdiction' | 'topic';

export function checkTagAuthority(authority: string): string {
  if (!taggingEntity.test(authority)) {
    throw new RangeError(`tagAuthority must be "domain,YYYY[-MM[-DD]]" (RFC 4151): ${JSON.stringify(authority)}`);
  }
  return authority.toLowerCase();
}

/** `tag:<authority>:<kind>/<id>` for an entry; `tag:<authority>:<kind>` (a category scheme) without an id. */
export function tagUri(authority: string, kind: TaggedThing, id?: string): string {
  const base = `tag:${checkTagAuthority(authority)}:${kind}`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}
