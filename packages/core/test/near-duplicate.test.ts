import { describe, expect, it } from 'vitest';
import {
  isNearDuplicate,
  type NearDuplicateSignature,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
} from '../src/index.ts';

// Issue 4: a near-duplicate is the same article reached again; it is folded into the original and
// hidden from the feed, so a false match hides a distinct article.
const sign = (title: string, summary = '') => nearDuplicateSignature(nearDuplicateText(title, summary));
const copies = (a: NearDuplicateSignature, b: NearDuplicateSignature) => isNearDuplicate(a, b) && isNearDuplicate(b, a);

const lead =
  'The Information Commissioner fined the genetic testing company after a 2023 cyber attack exposed the ' +
  'personal data of 155,592 UK users, saying it failed to protect highly sensitive information and did not ' +
  'act quickly enough once the attack began.';

describe('near-duplicate headlines (no summary)', () => {
  it('finds a wire copy under its version prefix and an outlet suffix', () => {
    const original = sign('ICO fines 23andMe £2.31m over genetic data breach');
    expect(copies(original, sign('UPDATE 1-ICO fines 23andMe £2.31m over genetic data breach'))).toBe(true);
    expect(copies(original, sign('ICO fines 23andMe £2.31m over genetic data breach | The Record'))).toBe(true);
  });

  it('does not take another article about the same event for a copy', () => {
    const original = sign('ICO fines 23andMe £2.31m over genetic data breach');
    expect(copies(original, sign('23andMe fined £2.31m by ICO after genetic data breach'))).toBe(false);
    // One word changed is another headline, often another article: headlines must match exactly.
    const long = sign('Irish DPC fines TikTok €530m over data transfers to China and orders a halt');
    expect(
      copies(long, sign('Irish DPC fines TikTok €530m over data transfers to China and orders a suspension')),
    ).toBe(false);
  });

  it('finds an aggregator’s truncated copy, its possibly cut last word ignored', () => {
    const full = sign('Irish DPC fines TikTok €530m over data transfers to China and orders a halt');
    expect(copies(full, sign('Irish DPC fines TikTok €530m over data transfers to Ch  ...'))).toBe(true);
    // A cut headline that goes on differently is not a copy.
    expect(copies(full, sign('Irish DPC fines TikTok €530m over data transfers, says it will  ...'))).toBe(false);
  });

  it('never folds short headlines, which repeat across unrelated articles', () => {
    expect(copies(sign('Business Highlights'), sign('Business Highlights'))).toBe(false);
    expect(copies(sign('Titanfall Review'), sign('Titanfall review'))).toBe(false);
    expect(copies(sign('DPC fines TikTok  ...'), sign('DPC fines TikTok €530m over data transfers to China'))).toBe(
      false,
    );
  });
});

describe('near-duplicate articles (headline and lead)', () => {
  it('finds a lightly edited syndicated copy', () => {
    const original = sign('ICO fines 23andMe £2.31m over genetic data breach', lead);
    const edited = sign(
      'UPDATE 1-ICO fines 23andMe £2.31m over genetic data breach',
      lead.replace('saying it failed', 'and said it had failed'),
    );
    expect(nearDuplicateScore(original, edited)).toBeGreaterThan(0.7);
    expect(copies(original, edited)).toBe(true);
  });

  it('does not fold two articles that share a wire headline but not their text', () => {
    const other =
      'Regulators in London said on Tuesday that the penalty was reduced from an initial £4.59m after the ' +
      'company made representations, and that customers should reset their passwords and watch for phishing.';
    expect(
      copies(
        sign('ICO fines 23andMe £2.31m over genetic data breach', lead),
        sign('ICO fines 23andMe £2.31m over genetic data breach', other),
      ),
    ).toBe(false);
  });

  it('judges a headline-only item against an article conservatively: not a copy', () => {
    const article = sign('ICO fines 23andMe £2.31m over genetic data breach', lead);
    expect(copies(article, sign('ICO fines 23andMe £2.31m over genetic data breach'))).toBe(false);
  });
});

describe('near-duplicate signatures', () => {
  it('are plain JSON that compares the same after a round trip through the database', () => {
    const a = sign('Irish DPC fines TikTok €530m over data transfers to China and orders a halt');
    const b = sign('Irish DPC fines TikTok €530m over data transfers to Ch  ...');
    const stored = JSON.parse(JSON.stringify(a)) as NearDuplicateSignature;
    expect(stored).toEqual(a);
    expect(nearDuplicateScore(stored, b)).toBe(nearDuplicateScore(a, b));
    expect(a.bandKeys).toHaveLength(32);
    expect(a.shingles?.length).toBe(a.shingleCount);
  });

  it('still compares a signature stored before shingles were kept (by its MinHash estimate)', () => {
    const current = sign('ICO fines 23andMe £2.31m over genetic data breach');
    const { shingles: _dropped, ...older } = sign('REFILE-ICO fines 23andMe £2.31m over genetic data breach');
    expect(isNearDuplicate(current, older)).toBe(true);
    expect(isNearDuplicate(current, { ...older, minhash: older.minhash.map((value) => value ^ 1) })).toBe(false);
  });

  it('give copies a shared band key, so a key lookup finds them', () => {
    const a = sign('ICO fines 23andMe £2.31m over genetic data breach');
    const b = sign('UPDATE 2-ICO fines 23andMe £2.31m over genetic data breach');
    expect(a.bandKeys.some((key) => b.bandKeys.includes(key))).toBe(true);
  });
});
