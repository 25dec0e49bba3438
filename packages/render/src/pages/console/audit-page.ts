import { html, type SafeHtml } from '../../html.ts';
import { when } from './sources-page.ts';

export interface ConsoleAuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) =>
  value === null || value === undefined ? html`—` : html`<pre>${JSON.stringify(value, null, 1)}</pre>`;

/** /console/audit: the log, newest first, one page of it with a link to the next. */
export function consoleAuditBody(
  rows: readonly ConsoleAuditRow[],
  page: { number: number; hasNext: boolean },
): SafeHtml {
  const link = (number: number, label: string, rel: string) =>
    html`<a href="/console/audit?page=${String(number)}" rel="${rel}">${label}</a>`;
  return html`<div class="table-wrap"><table>
<caption class="hint">Every action, newest first: who, when, what, on what, before → after.</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>
${rows.map(
  (row) =>
    html`<tr><td>${when(row.at)}</td><td>${row.actor}</td><td>${row.action}</td><td>${row.subject}</td><td>${json(row.before)}</td><td>${json(row.after)}</td></tr>`,
)}
</tbody>
</table></div>
${rows.length === 0 ? html`<p>Nothing recorded${page.number > 1 ? ' on this page' : ' yet'}.</p>` : null}
<nav class="pager" aria-label="Audit log pages">${page.number > 1 ? link(page.number - 1, 'Newer entries', 'prev') : null}${page.hasNext ? link(page.number + 1, 'Older entries', 'next') : null}</nav>`;
}
