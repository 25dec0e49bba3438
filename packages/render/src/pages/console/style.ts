import { createHash } from 'node:crypto';
import { trustedHtml } from '../../html.ts';

/**
 * The console's own styles, on top of the site's stylesheet (layout.ts), in a second `<style>`
 * whose hash the console's Content-Security-Policy lists: wide tables, the sub-nav, inline forms.
 */
export const consoleStyle = `
header,main,footer{max-width:72rem}
.console-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1rem;padding:0 0 .5rem;border-bottom:1px solid #767676}
.console-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.console-who{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:flex-end;margin:0 0 .5rem;font-size:.9rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #b0b0b0;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #1b1b1b}
.inline{display:inline-block;margin:0 .25rem .25rem 0}
.inline button{padding:.3rem .7rem;font-size:.85rem}
input[type=text],input[type=url],input[type=password],input[type=number],textarea{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #595959;border-radius:4px}
textarea{min-height:8rem}
.alerts li{margin:.25rem 0}
.status-dead,.status-failing{color:#8a1c1c;font-weight:600}
.pager{display:flex;gap:1rem;margin:1rem 0}
pre{white-space:pre-wrap;word-break:break-word;font-size:.8rem;margin:0}
iframe{width:100%;min-height:40rem;border:1px solid #767676}
`.trim();

/** The Content-Security-Policy source that allows exactly `consoleStyle`. */
export const consoleStyleSource = `'sha256-${createHash('sha256').update(consoleStyle).digest('base64')}'`;

export const trustedConsoleStyle = trustedHtml(consoleStyle);
