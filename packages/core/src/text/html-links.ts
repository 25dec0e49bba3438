import { Parser } from 'htmlparser2';

/** Targets of the `<a href>` links in an HTML fragment, in document order, as written. */
export function htmlLinks(html: string): string[] {
  if (!html.includes('<')) return [];
  const links: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const href = attributes.href?.trim();
        if (name === 'a' && href) links.push(href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return links;
}
