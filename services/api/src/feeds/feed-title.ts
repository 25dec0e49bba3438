import { jurisdictionName, type NewsFilterQuery, platformCatalog, topicCatalog } from '@regwatch/core';

/** A filter value in words: catalog names where there are some ("United Kingdom (GB)", "Meta"), else the value. */
const inWords: Partial<Record<keyof NewsFilterQuery, (value: string) => string>> = {
  jurisdiction: (code) => {
    const name = jurisdictionName(code);
    if (name === code) return code;
    // The code already says the country of a subdivision: "California (US-CA)", not "California (US) (US-CA)".
    return `${code.includes('-') ? name.replace(/ \([^)]*\)$/, '') : name} (${code})`;
  },
  platform: (id) => platformCatalog.get(id)?.name ?? id,
  topic: (id) => topicCatalog.get(id)?.name ?? id,
  q: (text) => `“${text}”`,
};

/** The filters named in a title, in this order; the jurisdictions need no label once in words. */
const labels: [keyof NewsFilterQuery, string | null][] = [
  ['jurisdiction', null],
  ['platform', 'platform'],
  ['topic', 'topic'],
  ['source', 'source'],
  ['kind', 'kind'],
  ['q', 'search'],
  ['since', 'since'],
  ['until', 'until'],
];

/**
 * What a reader shows for a feed in its sidebar: its kind and its filters in words
 * (`Regwatch stories: United Kingdom (GB), European Union (EU) with member states; platform Meta`).
 */
export function feedTitle(kind: 'stories' | 'items', query: NewsFilterQuery): string {
  const parts = labels.flatMap(([name, label]) => {
    const value = query[name];
    if (value === undefined || typeof value === 'boolean') return [];
    const words = inWords[name] ?? ((text: string) => text);
    const text = String(value).split(',').map(words).join(', ');
    const expanded = name === 'jurisdiction' && query.expand ? ' with member states' : '';
    return [`${label ? `${label} ` : ''}${text}${expanded}`];
  });
  const base = `Regwatch ${kind === 'stories' ? 'stories' : 'items'}`;
  return parts.length === 0 ? base : `${base}: ${parts.join('; ')}`;
}
