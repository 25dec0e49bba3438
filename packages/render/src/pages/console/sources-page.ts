import { html, type SafeHtml } from '../../html.ts';
import { type ConsolePageContext, consoleForm } from './layout.ts';

/** One source as the console lists it. */
export interface ConsoleSourceRow {
  id: string;
  name: string;
  kind: string;
  url: string;
  enabled: boolean;
  status: string;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  /** The last error in one line, or null. */
  lastError: string | null;
  /** Items in each of the last 4 weeks, newest first. */
  itemsPerWeek: readonly number[];
  alerts: readonly string[];
}

/** What the add-source form shows again after a refusal: the values typed and the problems. */
export interface AddSourceForm {
  values: Readonly<Record<string, string>>;
  problems: readonly string[];
}

export const when = (at: Date | null): string =>
  at === null ? 'never' : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The sources that need attention, as a list of links (the overview and the sources page). */
export function sourceAlertsSection(rows: readonly ConsoleSourceRow[], headingId = 'alerts-heading'): SafeHtml {
  const alerting = rows.filter((row) => row.alerts.length > 0);
  return html`<section aria-labelledby="${headingId}">
<h2 id="${headingId}">Sources needing attention</h2>
${
  alerting.length === 0
    ? html`<p>None: every source is fetching and publishing as usual.</p>`
    : html`<ul class="alerts">${alerting.map(
        (row) => html`<li><a href="/console/sources#source-${row.id}">${row.name}</a>: ${row.alerts.join('; ')}</li>`,
      )}</ul>`
}
</section>`;
}

function actions(row: ConsoleSourceRow, csrfToken: string): SafeHtml {
  const action = (path: string, label: string, accessible: string, secondary = false) =>
    consoleForm(
      { action: `/console/sources/${row.id}/${path}`, csrfToken, inline: true },
      html`<button type="submit"${secondary ? html` class="secondary"` : null} aria-label="${accessible}">${label}</button>`,
    );
  return html`${
    row.enabled ? action('pause', 'Pause', `Pause ${row.name}`, true) : action('resume', 'Resume', `Resume ${row.name}`)
  }${row.enabled ? action('poll', 'Poll now', `Poll now: ${row.name}`) : null}`;
}

function sourceRow(row: ConsoleSourceRow, csrfToken: string): SafeHtml {
  return html`<tr id="source-${row.id}">
<th scope="row"><a href="${row.url}">${row.name}</a><br><span class="hint">${row.id} · ${row.kind}</span></th>
<td class="status-${row.status}">${row.status}${row.alerts.length > 0 ? html`<br><span class="hint">${row.alerts.join('; ')}</span>` : null}</td>
<td>${when(row.lastCheckedAt)}</td>
<td>${when(row.lastSuccessAt)}</td>
<td>${row.lastError ?? '—'}</td>
<td>${row.itemsPerWeek.join(' · ')}</td>
<td>${actions(row, csrfToken)}</td>
</tr>`;
}

const field = (form: AddSourceForm | undefined, name: string) => form?.values[name] ?? '';

function addSourceForm(csrfToken: string, form: AddSourceForm | undefined): SafeHtml {
  const input = (name: string, label: string, type: string, hint?: string, required = false) =>
    html`<div class="field"><label for="source-${name}">${label}</label>${hint ? html`<p class="hint" id="source-${name}-hint">${hint}</p>` : null}
<input type="${type}" id="source-${name}" name="${name}" value="${field(form, name)}"${required ? html` required` : null}${hint ? html` aria-describedby="source-${name}-hint"` : null}></div>`;
  const kind = field(form, 'kind') || 'press';
  return html`<section aria-labelledby="add-heading">
<h2 id="add-heading">Add a source</h2>
${
  form && form.problems.length > 0
    ? html`<div class="error" role="alert"><p>The source was not added:</p><ul>${form.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`
    : null
}
${consoleForm(
  { action: '/console/sources', csrfToken, label: 'Add a source' },
  html`${input('id', 'Id', 'text', 'A lower-case slug: letters, digits and hyphens (e.g. cnil).', true)}
${input('url', 'Feed URL', 'url', undefined, true)}
${input('name', 'Name', 'text', 'Shown to readers; the id when empty.')}
<div class="field"><label for="source-kind">Kind</label>
<select id="source-kind" name="kind">${['regulator', 'incident-db', 'press'].map(
    (option) => html`<option value="${option}"${option === kind ? html` selected` : null}>${option}</option>`,
  )}</select></div>
${input('jurisdiction', 'Jurisdictions', 'text', 'ISO 3166 codes, EU or EEA, separated by commas (e.g. GB, EU).')}
${input('interval', 'Poll every (seconds)', 'number', 'At least 30; 900 when empty.')}
${input('format', 'Format', 'text', 'feed (RSS, Atom, RDF) when empty.')}
${input('homepage', 'Homepage', 'url')}
<button type="submit">Add the source</button>`,
)}
</section>`;
}

/** /console/sources: every source's health and actions, the alerts, the add form. */
export function consoleSourcesBody(
  context: ConsolePageContext,
  rows: readonly ConsoleSourceRow[],
  form?: AddSourceForm,
): SafeHtml {
  return html`${sourceAlertsSection(rows)}
<section aria-labelledby="sources-heading">
<h2 id="sources-heading">All sources</h2>
<div class="table-wrap"><table>
<caption class="hint">Items per week: the last 4 weeks, newest first.</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Items per week</th><th scope="col">Actions</th></tr></thead>
<tbody>
${rows.map((row) => sourceRow(row, context.csrfToken))}
</tbody>
</table></div>
</section>
${addSourceForm(context.csrfToken, form)}`;
}
