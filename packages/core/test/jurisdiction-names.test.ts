import { describe, expect, it } from 'vitest';
import { jurisdictionName } from '../src/index.ts';

describe('jurisdictionName', () => {
  it('names countries, blocs and the subdivisions the taggers use in words', () => {
    expect(jurisdictionName('GB')).toBe('United Kingdom');
    expect(jurisdictionName('EU')).toBe('European Union');
    expect(jurisdictionName('EEA')).toBe('European Economic Area');
    expect(jurisdictionName('US-CA')).toBe('California (US)');
    expect(jurisdictionName('CA-QC')).toBe('Québec (Canada)');
    expect(jurisdictionName('DE-BY')).toBe('Bavaria (Germany)');
    expect(jurisdictionName('US-WA')).toBe('Washington (US)');
  });

  it('calls a story of no jurisdiction international and shows a code nobody knows as it is', () => {
    expect(jurisdictionName(null)).toBe('International');
    expect(jurisdictionName('ZZ')).toBe('ZZ');
    expect(jurisdictionName('US-ZZ')).toBe('US-ZZ');
    expect(jurisdictionName('not a code')).toBe('not a code');
  });
});
