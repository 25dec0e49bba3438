import {
  blocCodes,
  jurisdictionNames,
  platformCatalog,
  type RoundupPreferences,
  type SourceKind,
  sourceKinds,
  topicCatalog,
} from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';

/**
 * The choices of a subscription as form controls whose values are the /v1 filter language: each
 * chosen value is sent as its own `jurisdiction=GB&jurisdiction=FR` pair, which the API joins with
 * commas. Jurisdictions and platforms (hundreds each) are multi-selects, to keep the page small;
 * topics and source kinds are checkboxes. Nothing chosen in a group means all of it.
 */

const kindNames: Record<SourceKind, string> = {
  regulator: 'Regulators and courts',
  'incident-db': 'Incident registers',
  press: 'Trade press',
};

const chosen = (list: string | undefined) => new Set(list ? list.split(',') : []);

function option(value: string, name: string, selected: ReadonlySet<string>): SafeHtml {
  return selected.has(value)
    ? html`<option value="${value}" selected>${name}</option>`
    : html`<option value="${value}">${name}</option>`;
}

function jurisdictionSelect(selected: ReadonlySet<string>): SafeHtml {
  const entries = [...jurisdictionNames].sort((a, b) => a[1].localeCompare(b[1], 'en'));
  const group = (label: string, keep: (code: string) => boolean) =>
    html`<optgroup label="${label}">${entries
      .filter(([code]) => keep(code))
      .map(([code, name]) => option(code, `${name} (${code})`, selected))}</optgroup>`;
  return html`<select id="jurisdiction" name="jurisdiction" multiple size="8" aria-describedby="jurisdiction-hint">
${group('Blocs', (code) => blocCodes.has(code))}
${group('Countries', (code) => !blocCodes.has(code) && !code.includes('-'))}
${group('States and provinces', (code) => code.includes('-'))}
</select>`;
}

function platformSelect(selected: ReadonlySet<string>): SafeHtml {
  const entries = [...platformCatalog.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return html`<select id="platform" name="platform" multiple size="8" aria-describedby="platform-hint">
${entries.map((entry) => option(entry.id, entry.name, selected))}
</select>`;
}

function checkbox(name: string, value: string, label: string, checked: boolean): SafeHtml {
  const id = `${name}-${value}`;
  const input = checked
    ? html`<input type="checkbox" id="${id}" name="${name}" value="${value}" checked>`
    : html`<input type="checkbox" id="${id}" name="${name}" value="${value}">`;
  return html`<div class="choice">${input}<label for="${id}">${label}</label></div>
`;
}

/** The form controls of a subscription's choices, pre-filled with `preferences`. */
export function preferencesFields(preferences: RoundupPreferences): SafeHtml {
  const topics = chosen(preferences.topic);
  const kinds = chosen(preferences.kind);
  const multiHint = 'Choose several with Ctrl or Shift (Cmd on a Mac); none chosen means all of them.';
  return html`<div class="field">
<label for="jurisdiction">Jurisdictions</label>
<p class="hint" id="jurisdiction-hint">${multiHint}</p>
${jurisdictionSelect(chosen(preferences.jurisdiction))}
</div>
${checkbox('expand', 'true', 'A bloc (EU, EEA) also means its member states', preferences.expand === true)}
<div class="field">
<label for="platform">Platforms and companies</label>
<p class="hint" id="platform-hint">${multiHint}</p>
${platformSelect(chosen(preferences.platform))}
</div>
<fieldset>
<legend>Topics (none ticked: every topic)</legend>
${[...topicCatalog.values()].map((topic) => checkbox('topic', topic.id, topic.name, topics.has(topic.id)))}
</fieldset>
<fieldset>
<legend>Sources (none ticked: every kind)</legend>
${sourceKinds.map((kind) => checkbox('kind', kind, kindNames[kind], kinds.has(kind)))}
</fieldset>
`;
}

/** Preferences in words, for a page to say what a subscriber chose. */
export function preferencesInWords(preferences: RoundupPreferences): string {
  const parts: string[] = [];
  const names = (list: string | undefined, name: (value: string) => string) =>
    list === undefined ? undefined : list.split(',').map(name).join(', ');
  const jurisdictions = names(preferences.jurisdiction, (code) => jurisdictionNames.get(code) ?? code);
  if (jurisdictions) parts.push(jurisdictions + (preferences.expand ? ' (with member states)' : ''));
  const platforms = names(preferences.platform, (id) => platformCatalog.get(id)?.name ?? id);
  if (platforms) parts.push(platforms);
  const topics = names(preferences.topic, (id) => topicCatalog.get(id)?.name ?? id);
  if (topics) parts.push(topics);
  const kinds = names(preferences.kind, (kind) => kindNames[kind as SourceKind] ?? kind);
  if (kinds) parts.push(kinds);
  return parts.length === 0 ? 'everything' : parts.join(' · ');
}
