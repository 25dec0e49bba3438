import { describe, expect, it } from 'vitest';
import { preferencesInWords } from '../src/preferences-in-words.ts';

describe('preferencesInWords', () => {
  it('says what a sign-up chose, or everything', () => {
    expect(preferencesInWords({})).toBe('everything');
    expect(preferencesInWords({ jurisdiction: 'gb,EU', platform: 'linkedin' })).toBe('EU, GB · linkedin');
  });
});
