import { describe, expect, it } from 'vitest';
import {
  cutMidSentence,
  cutMidWord,
  hasLiteralEntity,
  hasTruncationTail,
  titleWordCount,
} from '../scripts/lib/content-checks.ts';

// The predicates behind `npm run audit:content` (issue 11): each must catch what a reader sees.
describe('content audit checks', () => {
  it('finds literal entities, not ampersands in prose', () => {
    expect(hasLiteralEntity('Victimes&nbsp;: restez vigilants')).toBe(true);
    expect(hasLiteralEntity('It&#8217;s here')).toBe(true);
    expect(hasLiteralEntity('AT&T and Procter & Gamble')).toBe(false);
  });

  it('finds feed tails in every form the sources use', () => {
    for (const tail of ['a fine was issued […]', 'a fine was issued [...]', 'issued.…', 'issued...', 'Lire la suite']) {
      expect(hasTruncationTail(tail), tail).toBe(true);
    }
    expect(hasTruncationTail('A fine was issued.')).toBe(false);
    expect(hasTruncationTail('It said: “wait…”')).toBe(false);
  });

  it('tells a cut summary from a short text that never had a full stop', () => {
    expect(
      cutMidSentence('The regulator fined the company and', 'The regulator fined the company and ordered it to stop.'),
    ).toBe(true);
    expect(
      cutMidSentence('Submission on modernizing the Privacy Act', 'Submission on modernizing the Privacy Act'),
    ).toBe(false);
    expect(cutMidSentence('The regulator fined it.', 'The regulator fined it. Then it appealed.')).toBe(false);
  });

  it('does not count a summary that stops where a paragraph of the text stops', () => {
    const text = 'Privacy; Accuracy/reliability\nThe system misidentified a shopper and the store barred her.';
    expect(cutMidSentence('Privacy; Accuracy/reliability', text)).toBe(false);
    expect(cutMidSentence('Privacy; Accuracy', text)).toBe(true);
    expect(cutMidSentence('Privacy; Accuracy/reliability The system misidentified', text)).toBe(true);
    const register = 'Occurred: 2026\nSystem: Incept\nSector: Education\nIssues: Privacy; Transparency';
    expect(cutMidSentence('System: Incept\nIssues: Privacy; Transparency', register)).toBe(false);
    expect(cutMidSentence('System: Incept\nIssues: Privacy', register)).toBe(true);
  });

  it('finds a cut inside a word of the text', () => {
    const text = 'Il Garante ha sanzionato la società per il trattamento illecito dei dati';
    expect(cutMidWord('Il Garante ha sanzionato la società per il trattamento ill[...]', text)).toBe(true);
    expect(cutMidWord('Il Garante ha sanzionato la società per il trattamento …', text)).toBe(false);
  });

  it('counts title words as a reader does', () => {
    expect(titleWordCount('TMAC Ltd')).toBe(2);
    expect(titleWordCount('Reprimand: TMAC Ltd')).toBe(3);
    expect(titleWordCount('Reddit, Inc. – ')).toBe(2);
  });
});
