import { jurisdictionNames } from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from './layout.ts';
import { dateTime, outletLink } from './story-parts.ts';

/** One watched source and its fetch health, as /v1/sources and `regwatch sources list` show it. */
export interface SourcesPageRow {
  id: string;
  name: string;
  kind: string;
  /** The feed (or page) polled. */
  url: string;
  /** The site a person reads, when known. */
  homepage: string | null;
  jurisdictions: readonly string[];
  status: string;
  /** ISO 8601, or null when never. */
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  /** One line: code and message. */
  lastError: string | null;
  consecutiveFailures: number;
  itemsLastWeek: number;
  itemsLast28Days: number;
}

const never = html`never`;
const when = (iso: string | null) => (iso === null ? never : dateTime(iso));

function sourceRow(source: SourcesPageRow): SafeHtml {
  const places = source.jurisdictions.map((code) => jurisdictionNames.get(code) ?? code).join(', ') || '—';
  return html`<tr>
<th scope="row">${source.name}<br><span class="meta">${source.id}</span></th>
<td>${source.kind}</td>
<td>${places}</td>
<td>${outletLink(source.url, 'feed')}${source.homepage === null ? null : html` · ${outletLink(source.homepage, 'site')}`}</td>
<td>${source.status}</td>
<td>${when(source.lastCheckedAt)}</td>
<td>${when(source.lastSuccessAt)}</td>
<td>${source.lastError ?? '—'}</td>
<td>${String(source.consecutiveFailures)}</td>
<td>${String(source.itemsLastWeek)}</td>
<td>${String(source.itemsLast28Days)}</td>
</tr>
`;
}

/** `/sources`: every source the newsfeed watches, with its health. */
export function renderSourcesPage(sources: readonly SourcesPageRow[]): string {
  const failing = sources.filter((source) => source.status === 'failing' || source.status === 'dead').length;
  return renderPage({
    section: 'sources',
    title: 'Sources',
    body: html`<p>${String(sources.length)} sources watched; ${String(failing)} failing now. Each is polled on its own schedule; the newsfeed folds their articles into stories.</p>
<div class="scroll" role="region" aria-label="Sources and their health" tabindex="0">
<table>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Jurisdictions</th><th scope="col">Links</th><th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Failures in a row</th><th scope="col">Items, 7 days</th><th scope="col">Items, 28 days</th></tr></thead>
<tbody>
${sources.map(sourceRow)}</tbody>
</table>
</div>`,
  });
}
