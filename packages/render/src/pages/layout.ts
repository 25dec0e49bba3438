import { createHash } from 'node:crypto';
import { html, type SafeHtml, trustedHtml } from '../html.ts';

/**
 * The one stylesheet of every page, inline (no external assets). Colours meet WCAG AA (body text
 * 15:1, links and buttons above 7:1 on white); focus is a thick outline, never removed.
 */
export const pageStyle = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
header,main,footer{max-width:42rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #767676}
header a{font-weight:700;text-decoration:none;color:#1b1b1b}
footer{border-top:1px solid #767676;font-size:.9rem}
a{color:#0b4f8a}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.25rem}
fieldset{border:1px solid #767676;margin:0 0 1rem;padding:.5rem 1rem}
label,legend{font-weight:600}
.choice label{font-weight:400}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
.field{margin:0 0 1rem}
.hint{color:#4a4a4a;font-size:.9rem;margin:.25rem 0}
input[type=email],select{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #595959;border-radius:4px}
input[type=checkbox]{width:1.25rem;height:1.25rem;margin-top:.15rem}
button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#8a1c1c;border:2px solid #8a1c1c}
:focus-visible{outline:3px solid #c55a00;outline-offset:2px}
.notice{border-left:4px solid #1d6b2f;padding:.5rem 1rem;background:#f0f7f1}
.error{border-left:4px solid #8a1c1c;padding:.5rem 1rem;background:#fbeeee}
.story{margin:0 0 1rem}
.story p{margin:.25rem 0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.site{margin:0 0 .5rem;font-size:1.2rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
nav a{font-weight:600;color:#0b4f8a}
nav a[aria-current=page]{color:#1b1b1b;text-decoration:underline;text-decoration-thickness:3px}
input[type=search],input[type=text]{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #595959;border-radius:4px}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:0 1rem}
.meta{color:#4a4a4a;font-size:.9rem}
.tags{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:.25rem 0;padding:0;font-size:.9rem}
.outlets{margin:.25rem 0;padding-left:1.25rem}
.stories>li{border-bottom:1px solid #d0d0d0;padding:.75rem 0}
.stories{list-style:none;margin:0;padding:0}
code{overflow-wrap:anywhere}
a{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:.25rem .5rem .25rem 0;border-bottom:1px solid #d0d0d0}
.scroll{overflow-x:auto}
`.trim();

/**
 * The Content-Security-Policy source that allows exactly `pageStyle` (a hash, not
 * 'unsafe-inline': no other inline style, injected or not, can apply).
 */
export const pageStyleSource = `'sha256-${createHash('sha256').update(pageStyle).digest('base64')}'`;

// Our own constant, inserted as it is (escaping would change what the hash covers).
const trustedStyle = trustedHtml(pageStyle);

/** The site's sections, in the order the nav lists them. */
const navigation = [
  { section: 'newsfeed', href: '/', label: 'Newsfeed' },
  { section: 'sources', href: '/sources', label: 'Sources' },
  { section: 'roundups', href: '/roundups', label: 'Roundups' },
  { section: 'subscribe', href: '/subscribe', label: 'Subscribe' },
] as const;

export type Section = (typeof navigation)[number]['section'];

function nav(current: Section | undefined): SafeHtml {
  const links = navigation.map((link) =>
    link.section === current
      ? html`<li><a href="${link.href}" aria-current="page">${link.label}</a></li>`
      : html`<li><a href="${link.href}">${link.label}</a></li>`,
  );
  return html`<nav aria-label="Site"><ul>${links}</ul></nav>`;
}

/**
 * An HTML5 page in the one layout: a skip link, the site's name and nav (the current section
 * marked with aria-current), the page's content in `<main>`, a footer.
 */
export function renderPage(page: { title: string; body: SafeHtml; section?: Section | undefined }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · Regwatch</title>
<style>${trustedStyle}</style>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header>
<p class="site"><a href="/">Regwatch</a></p>
${nav(page.section)}
</header>
<main>
<h1 id="content" tabindex="-1">${page.title}</h1>
${page.body}
</main>
<footer><p>Privacy regulators’ news, merged into stories. No tracking: links go straight to the sources. <a href="/subscribe">Weekly email</a> · <a href="/roundups">Past editions</a></p></footer>
</body>
</html>
`.toString();
}
