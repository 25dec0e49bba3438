import { absoluteHttpUrl } from '@regwatch/core';
import sanitizeHtml from 'sanitize-html';
import { xmlSafeCharacters } from './characters.ts';
import { type SafeHtml, trustedHtml } from './html.ts';

/** Markup a feed reader can show as prose. No media, forms, frames, tables, styles or classes. */
const allowedTags = [
  'p',
  'br',
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'abbr',
  'q',
  'cite',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];

/** Dropped with everything inside them: their text is code, styling or a fallback, never prose. */
const droppedWithContent = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'applet',
  'frameset',
  'noembed',
  'noframes',
  'svg',
  'math',
  'head',
  'title',
  'textarea',
  'select',
  'option',
  'xmp',
];

/**
 * Where a link may point: an absolute http(s) URL (resolved against the page the HTML came
 * from) or a mailto: address; null for anything else (javascript:, data:, vbscript:, a relative
 * link with no base, garbage). WHATWG URL parsing strips the tabs, newlines and leading controls
 * browsers ignore, so `java\tscript:` is seen for what it is.
 */
export function linkTarget(href: string, base: string | null): string | null {
  const http = absoluteHttpUrl(href, base);
  if (http !== null) return http;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * HTML from a source made safe to republish: only prose tags, only `href` and `title`
 * attributes, links absolute (against `base`, the page the HTML came from) or removed, no
 * character an XML document cannot hold.
 */
export function sanitiseHtml(dirty: string, base: string | null): SafeHtml {
  const clean = sanitizeHtml(xmlSafeCharacters(dirty), {
    allowedTags,
    allowedAttributes: { a: ['href', 'title'], abbr: ['title'] },
    // Checked again by the library after linkTarget, in case a transform is ever missed.
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: droppedWithContent,
    parseStyleAttributes: false,
    transformTags: {
      a: (_tagName, attributes) => {
        const href = attributes.href === undefined ? null : linkTarget(attributes.href, base);
        // Renaming to a disallowed tag would be simpler, but sanitize-html then closes the
        // next allowed sibling with the renamed tag's name (`<a href=…>x</span>`).
        if (href === null) return { tagName: 'a', attribs: {} };
        const title = attributes.title;
        return { tagName: 'a', attribs: title === undefined ? { href } : { href, title } };
      },
    },
    // A link whose target was dropped is unwrapped: its text stays, the <a> goes.
    exclusiveFilter: (frame) => (frame.tag === 'a' && frame.attribs.href === undefined ? 'excludeTag' : false),
  });
  // Entity references (`&#1;`) decode to controls the input check could not see.
  return trustedHtml(clean);
}
