import type { NewsFilterQuery } from '@regwatch/core';

const labels: [keyof NewsFilterQuery, string][] = [
  ['jurisdiction', 'jurisdiction'],
  ['platform', 'platform'],
  ['topic', 'topic'],
  ['source', 'source'],
  ['kind', 'kind'],
  ['q', 'search'],
  ['since', 'since'],
  ['until', 'until'],
];

/** What a reader shows for a feed: its kind and its filters in words (`Regwatch stories: jurisdiction GB, EU (with member states)`). */
export function feedTitle(kind: 'stories' | 'items', query: NewsFilterQuery): string {
  const parts = labels.flatMap(([name, label]) => {
    const value = query[name];
    if (value === undefined || typeof value === 'boolean') return [];
    const text = String(value).split(',').join(', ');
    return [
      `${label} ${name === 'q' ? `“${text}”` : text}${name === 'jurisdiction' && query.expand ? ' (with member states)' : ''}`,
    ];
  });
  const base = `Regwatch ${kind === 'stories' ? 'stories' : 'items'}`;
  return parts.length === 0 ? base : `${base}: ${parts.join('; ')}`;
}
