import type { SafeHtml } from '../html.ts';

const slot = /%%([A-Z_]+)%%/g;

/**
 * A compiled template with its `%%NAME%%` slots filled in one pass (inserted markup is never
 * scanned for slots again, so a title containing `%%TITLE%%` stays text). A slot left without a
 * value is a bug, not an empty string.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, SafeHtml>>): string {
  return template.replace(slot, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`email template slot %%${name}%% has no value`);
    return value.toString();
  });
}
