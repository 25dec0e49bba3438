/**
 * Query parameters that identify a campaign, a click or a reader, never the document.
 * Dropped from canonical URLs so the same article shared with different tracking is one key.
 */
const trackingParams = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'ncid',
  'sr_share',
  'spm',
  'share',
  'smid',
  'sh',
  'ito',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  's_kwcid',
  'rss',
  'taid',
  'tpcc',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'outputtype',
  'amp',
]);

const trackingPrefixes = ['utm_', 'pk_', 'mtm_', 'at_', 'ga_', 'hmb_', 'vgo_', '__twitter'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return trackingParams.has(lower) || trackingPrefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * Resolves `raw` against `base` and returns an absolute http(s) URL, or null when the value
 * is not one (javascript:, mailto:, garbage). Fragments are kept: this is the URL we link to.
 */
export function absoluteHttpUrl(raw: string | undefined | null, base?: string | null): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * The identity of a web document, for deduplication: scheme-less, lower-case host without
 * `www.`/`m.`/`amp.`, no default port, no fragment, no tracking parameters, remaining parameters
 * sorted, no trailing slash and no AMP path variant. It is a key, not a link: never fetch it.
 */
export function canonicalUrl(raw: string | undefined | null, base?: string | null): string | null {
  const absolute = absoluteHttpUrl(raw, base);
  if (absolute === null) return null;
  const url = new URL(absolute);

  const host = url.hostname.replace(/\.$/, '').replace(/^(?:www\d*|m|amp)\./, '');
  const port = url.port ? `:${url.port}` : '';

  let path = url.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1');
  path = path.replace(/\/(?:index|default)\.(?:html?|php|aspx?)$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '/') path = '';

  const params = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';

  return `${host}${port}${path}${query}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
