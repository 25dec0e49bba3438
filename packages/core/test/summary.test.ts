import { describe, expect, it } from 'vitest';
import { splitSentences, summarise } from '../src/index.ts';

// Issue 11: a summary is clean prose. Each case is a real teaser from a recorded source
// (packages/sources/testdata), shortened where the point is elsewhere.
describe('summarise (issue 11)', () => {
  it('decodes entities the source escaped twice (CNIL &amp;nbsp;)', () => {
    const summary = summarise('<p>le 24 juin 2026,&amp;nbsp;la CNIL et l’Inria ont remis le prix.</p>');
    expect(summary).toBe('le 24 juin 2026, la CNIL et l’Inria ont remis le prix.');
    expect(summarise('un&amp;amp;nbsp;modèle commun.')).toBe('un modèle commun.');
  });

  it('drops a […] or [...] tail after a whole sentence (BleepingComputer)', () => {
    expect(summarise('Attackers are now targeting SharePoint, according to Defused. [...]')).toBe(
      'Attackers are now targeting SharePoint, according to Defused.',
    );
    expect(summarise('Venture firms are turning to creators. Lightspeed just made its own hire in that vein […]')).toBe(
      'Venture firms are turning to creators.',
    );
  });

  it('keeps a cut single sentence, marked with one ellipsis (TechCrunch, DPC)', () => {
    expect(
      summarise('Meta’s settlement leans on age checks, a technology that struggles to tell a teen from an adult […]'),
    ).toBe('Meta’s settlement leans on age checks, a technology that struggles to tell a teen from an adult…');
    expect(
      summarise('This Decision arises from an inquiry into the University of Limerick (‘UL’) following breaches…'),
    ).toBe('This Decision arises from an inquiry into the University of Limerick (‘UL’) following breaches…');
  });

  it('drops a sentence the source cut when a whole one precedes it (DPC)', () => {
    const teaser =
      'This decision arises from an own-volition inquiry that the DPC commenced in July 2019. The inquiry related to a personal data breach notified by City of Dublin Education and Training Board …';
    expect(summarise(teaser)).toBe(
      'This decision arises from an own-volition inquiry that the DPC commenced in July 2019.',
    );
  });

  it('drops the ellipsis a feed adds after a full stop (The Register .…)', () => {
    const teaser =
      "French govt says 'Visio' will be more secure\n\nFrance has told Zoom and Teams to take a hike in favor of its own app.…";
    expect(summarise(teaser)).toBe(
      "French govt says 'Visio' will be more secure. France has told Zoom and Teams to take a hike in favor of its own app.",
    );
  });

  it('drops a repeated title with its byline and date (AEPD)', () => {
    const title = 'La AEPD celebra la primera reunión de la Red de grupos de investigación';
    const teaser = `${title} AEPD Vie, 12/06/2026\n\nEl encuentro reunió a 80 participantes de los casi 100 grupos de la Red.`;
    expect(summarise(teaser, { title })).toBe(
      'El encuentro reunió a 80 participantes de los casi 100 grupos de la Red.',
    );
  });

  it('keeps a text that only repeats the title rather than returning nothing (OPC)', () => {
    const title = 'Investigation into Bell’s compliance with PIPEDA';
    expect(summarise(title, { title })).toBe(title);
  });

  it('drops a reference marker, the repeated title and a cut formal heading (Garante)', () => {
    const title = 'Provvedimento del 28 maggio 2026 [10259916]';
    const extract =
      '[doc. web n. 10259916] Provvedimento del 28 maggio 2026 Registro dei provvedimenti n. 382 del 28 maggio 2026 IL GARANTE PER LA PROTEZIONE DEI DATI PERSONALI NELLA riunione odierna, alla quale han[...]';
    const summary = summarise(extract, { title });
    expect(summary).toBe('Registro dei provvedimenti n. 382 del 28 maggio 2026.');
    expect(summary).not.toMatch(/han\b|\[/);
  });

  it('drops a dateline (EDPB)', () => {
    expect(summarise('Brussels, 14 July–The EDPB has published its binding decision.')).toBe(
      'The EDPB has published its binding decision.',
    );
    expect(summarise('Brussels/Frankfurt, 1 July – The EDPB and the AMLA are working together.')).toBe(
      'The EDPB and the AMLA are working together.',
    );
    expect(summarise('WASHINGTON — The FTC took action today.')).toBe('The FTC took action today.');
  });

  it('drops "read more" links in the sources’ languages', () => {
    expect(summarise('La CNIL publie ses recommandations. Lire la suite')).toBe('La CNIL publie ses recommandations.');
    expect(summarise('Die BfDI warnt. Weiterlesen »')).toBe('Die BfDI warnt.');
    expect(summarise('The ICO fined a firm. Read more…')).toBe('The ICO fined a firm.');
  });

  it('cuts at a sentence end within the bound, never inside a sentence or word', () => {
    const text = `${'The EDPB adopted an opinion on models. '.repeat(20)}Last.`;
    const summary = summarise(text, { maxChars: 200 });
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary).toMatch(/models\.$/);
    const oneLong = `The decision ${'concerns many controllers '.repeat(20)}in Europe.`;
    const cut = summarise(oneLong, { maxChars: 120 });
    expect(cut.length).toBeLessThanOrEqual(120);
    expect(cut).toMatch(/ \p{L}+…$/u);
    expect(oneLong).toContain(cut.slice(0, -1));
  });

  it('drops headings between paragraphs and joins the prose in one paragraph', () => {
    const text =
      'The EDPB and AMLA are working together.\n\nWhy information sharing matters\n\nThe fight against financial crime depends on cooperation, and information sharing can help detect money laundering.';
    expect(summarise(text)).toBe(
      'The EDPB and AMLA are working together. The fight against financial crime depends on cooperation, and information sharing can help detect money laundering.',
    );
  });

  it('reads an article page’s text: byline, date line, credits and headings gone', () => {
    const page = [
      'ICO fines company £1m',
      'By Jane Doe',
      'Published 3 June 2026',
      '4 min read',
      'The Information Commissioner’s Office has fined a company £1m for failing to keep customer data secure.',
      'Photo credit: ICO',
      'What happened',
      'Attackers reached a database holding the names, addresses and bank details of 40,000 customers.',
    ].join('\n\n');
    expect(summarise(page, { title: 'ICO fines company £1m' })).toBe(
      'The Information Commissioner’s Office has fined a company £1m for failing to keep customer data secure. Attackers reached a database holding the names, addresses and bank details of 40,000 customers.',
    );
  });

  it('is empty only for input without text', () => {
    expect(summarise('')).toBe('');
    expect(summarise('<p> </p><script>x()</script>')).toBe('');
    expect(summarise('[…]')).not.toBe('[…]');
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations, initials, ordinals or article references', () => {
    expect(splitSentences('Gov. Greg Abbott signed the Act, in force 1 Jan. 2026. It applies.')).toEqual([
      'Gov. Greg Abbott signed the Act, in force 1 Jan. 2026.',
      'It applies.',
    ]);
    expect(
      splitSentences('Under Art. 80 GDPR the U.S. Senate agreed. Prof. Dr. Louisa Specht-Riemenschneider spoke.'),
    ).toEqual(['Under Art. 80 GDPR the U.S. Senate agreed.', 'Prof. Dr. Louisa Specht-Riemenschneider spoke.']);
    expect(splitSentences('Anlässlich ihres 8. Symposiums sprach sie. Danach nicht.')).toEqual([
      'Anlässlich ihres 8. Symposiums sprach sie.',
      'Danach nicht.',
    ]);
  });
});
