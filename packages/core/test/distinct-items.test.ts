import { describe, expect, it } from 'vitest';
import { isCopyOf, isSameText, nearDuplicateSignature, nearDuplicateText, sameTextKey } from '../src/index.ts';

// Issue 11: two entries of one source with different guids and links are two items unless their
// texts really are the same; shared boilerplate never makes texts the same. The Garante's five
// decisions of 28 May 2026 (recorded in packages/sources/testdata/regulators/garante-it.html) were
// folded into one item with four alternates.
const garanteHeader = (docweb: string, register: number) =>
  `[doc. web n. ${docweb}] Provvedimento del 28 maggio 2026 Registro dei provvedimenti n. ${register} del 28 maggio ` +
  '2026 IL GARANTE PER LA PROTEZIONE DEI DATI PERSONALI NELLA riunione odierna, alla quale han[...]';
const decision = (sourceId: string, docweb: string, register: number) => {
  const title = `Provvedimento del 28 maggio 2026 [${docweb}]`;
  const summary = garanteHeader(docweb, register);
  return {
    sourceId,
    title,
    summary,
    content: summary,
    signature: nearDuplicateSignature(nearDuplicateText(title, summary)),
  };
};

describe('issue 11: distinct entries stay distinct items', () => {
  it('keeps the Garante decisions apart though their boilerplate reads alike', () => {
    const a = decision('garante-it', '10259701', 419);
    const b = decision('garante-it', '10259916', 382);
    expect(isCopyOf(a, b)).toBe(false);
    expect(isCopyOf(b, a)).toBe(false);
  });

  it('never takes two texts that each carry a number the other lacks for copies, whatever the source', () => {
    const a = decision('garante-it', '10262588', 383);
    const b = decision('press-mirror', '10262614', 384);
    expect(isCopyOf(a, b)).toBe(false);
    // The same decision reached through another outlet is still a copy.
    expect(isCopyOf(a, { ...decision('press-mirror', '10262588', 383) })).toBe(true);
  });

  it('does not fold one source’s entries that share a boilerplate lead but not their titles', () => {
    const lead =
      'La CNIL publie ses délibérations sur son site après leur adoption en séance plénière. Chaque délibération ' +
      'précise le cadre juridique applicable, les faits constatés et les mesures exigées du responsable de traitement.';
    const entry = (title: string) => ({
      sourceId: 'cnil',
      signature: nearDuplicateSignature(nearDuplicateText(title, lead)),
    });
    const a = entry('Délibération portant avis sur un projet de décret relatif aux fichiers de police');
    const b = entry('Délibération portant avis sur un projet d’arrêté relatif aux caméras augmentées');
    expect(isCopyOf(a, b)).toBe(false);
    // The same two texts from two outlets are one article edited (a syndicated copy).
    expect(isCopyOf(a, { ...b, sourceId: 'press' })).toBe(true);
  });

  it('folds one source’s re-posted headline only when it is the same word for word', () => {
    const sign = (title: string) => nearDuplicateSignature(nearDuplicateText(title));
    const first = {
      sourceId: 'wsj',
      signature: sign('Chiquita, Fyffes Agree to $1.07 Billion Merger Deal -- 2nd Update'),
    };
    expect(
      isCopyOf(
        { sourceId: 'wsj', signature: sign('Chiquita, Fyffes Agree to $1.07 Billion Merger Deal -- 3rd Update') },
        first,
      ),
    ).toBe(true);
    expect(
      isCopyOf({ sourceId: 'wsj', signature: sign('Chiquita and Fyffes Agree to $1.07 Billion Merger Deal') }, first),
    ).toBe(false);
  });

  it('takes one source’s two entries for the same text only when title, summary and body all match', () => {
    const boilerplate =
      'Ce document est publié par la Commission nationale de l’informatique et des libertés dans le cadre de sa ' +
      'mission d’information du public et des professionnels sur la protection des données personnelles.';
    const a = {
      sourceId: 'cnil',
      title: 'Informations publiques',
      summary: 'Les délibérations de mars.',
      content: boilerplate,
    };
    const b = {
      sourceId: 'cnil',
      title: 'Informations publiques',
      summary: 'Les délibérations d’avril.',
      content: boilerplate,
    };
    // The key reads the title and the longer body only: here the shared boilerplate.
    expect(sameTextKey(a)).toBe(sameTextKey(b));
    expect(isSameText(a, b)).toBe(false);
    expect(isSameText(a, { ...a, title: 'INFORMATIONS PUBLIQUES' })).toBe(true);
    // Another outlet carrying the same text is the same article, whichever fields it has.
    expect(isSameText({ ...b, sourceId: 'press' }, a)).toBe(true);
  });
});
