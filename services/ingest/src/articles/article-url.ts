/**
 * The URL an item's page is fetched from: its own, except for a source polled from a replay or
 * a mirror (its `linkBase` is the real site), whose pages are asked of the same server as its
 * feed. So the offline demo asks its replay server (which has no article pages: 404), never the
 * real site.
 */
export function articleFetchUrl(itemUrl: string, source: { url: string; linkBase: string | null }): string {
  if (source.linkBase === null) return itemUrl;
  const page = new URL(itemUrl);
  if (page.origin !== new URL(source.linkBase).origin) return itemUrl;
  return new URL(`${page.pathname}${page.search}`, source.url).href;
}
