import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMinChars, extractArticleText } from '../src/article/extract.ts';
import { testdataDir } from '../src/testdata.ts';

const page = (name: string) => readFileSync(join(testdataDir, 'articles', name), 'utf8');

// Issue 11: where a listing gives no text, the article page's main text is read instead.
describe('extractArticleText', () => {
  it('keeps the AP article and drops its menu, breadcrumb, related links and footer', () => {
    const article = extractArticleText(
      page('ap-nl-dpia-uitzonderingen.html'),
      'https://www.autoriteitpersoonsgegevens.nl/actueel/ap-vraagt-reacties-op-lijst-dpia-uitzonderingen',
    );
    expect(article?.title).toBe('AP vraagt reacties op lijst DPIA-uitzonderingen');
    expect(article?.text).toMatch(/^De Autoriteit Persoonsgegevens \(AP\) wil weten/);
    expect(article?.text).toContain('Europees Comité voor gegevensbescherming (EDPB).');
    for (const chrome of [
      'Overslaan',
      'Datalek melden',
      'Kruimelpad',
      'Gerelateerd nieuws',
      'Postbus',
      'Privacyverklaring',
    ])
      expect(article?.text).not.toContain(chrome);
    expect(article?.text).not.toMatch(/<[a-z]/i);
  });

  it('reads the Slovenian IP page in its own characters, without the side column', () => {
    const article = extractArticleText(page('ip-si-regulativni-peskovnik.html'), 'https://www.ip-rs.si/novice/x');
    expect(article?.text).toMatch(/^Informacijski pooblaščenec \(IP\) vabi podjetja/);
    expect(article?.text).toContain('»Peskovnik UI«');
    expect(article?.text).not.toContain('Zadnje novice');
    expect(article?.text).not.toContain('Dunajska 22');
  });

  it('reads a BfDI short news page as paragraphs separated by blank lines', () => {
    const article = extractArticleText(page('bfdi-extended-reality.html'), 'https://www.bfdi.bund.de/x.html');
    expect(article?.text).toContain('The International Working Group on Data Protection in Technology (IWGDPT)');
    expect(article?.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(article?.text).not.toContain('Go to main menu');
    expect(article?.text).not.toContain('Mastodon');
  });

  it('returns nothing for a page without an article, an empty page or a fragment of menus', () => {
    expect(extractArticleText(page('bfdi-overview-no-article.html'), 'https://www.bfdi.bund.de/x.html')).toBeNull();
    expect(extractArticleText('', 'https://example.org/')).toBeNull();
    expect(
      extractArticleText('<html><body><nav><a href="/">Home</a></nav></body></html>', 'https://example.org/'),
    ).toBeNull();
    expect(extractArticleText(`<p>${'Short. '.repeat(10)}</p>`, 'https://example.org/')).toBeNull();
    expect(articleMinChars).toBeGreaterThan(70);
  });

  it('decodes entities and runs no script the page carries', () => {
    const body = `<p>${'Die Aufsicht &uuml;ber Datenverarbeitung bleibt wichtig und wird gest&auml;rkt. '.repeat(6)}</p>`;
    const html = `<html><head><script>globalThis.ranPageScript = true</script></head><body><article>${body}</article></body></html>`;
    const article = extractArticleText(html, 'https://example.org/a');
    expect(article?.text).toContain('Die Aufsicht über Datenverarbeitung');
    expect((globalThis as { ranPageScript?: boolean }).ranPageScript).toBeUndefined();
  });
});
