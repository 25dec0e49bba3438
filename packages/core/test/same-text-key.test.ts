import { describe, expect, it } from 'vitest';
import { sameTextKey } from '../src/index.ts';

const body =
  'Employers that use fingerprint or face scanners to let staff into buildings must first consider less ' +
  'intrusive options, the guidance says.';

describe('sameTextKey', () => {
  it('is the same for one text whatever its case, accents, punctuation and spacing', () => {
    const key = sameTextKey({ title: 'Guidance on biometric access', summary: body, content: body });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(
      sameTextKey({
        title: 'GUIDANCE ON BIOMÉTRIC ACCESS',
        summary: body.replace(/,/g, ' ,'),
        content: `  ${body.replace(/ /g, '\n')}`,
      }),
    ).toBe(key);
  });

  it('differs when one word differs', () => {
    const a = sameTextKey({ title: 'Guidance on biometric access', summary: body, content: body });
    const b = sameTextKey({
      title: 'Guidance on biometric access',
      summary: body,
      content: body.replace('less', 'more'),
    });
    expect(b).not.toBe(a);
  });

  it('is null for a text too short to identify one article', () => {
    expect(sameTextKey({ title: 'Weekly privacy roundup', summary: '', content: '' })).toBeNull();
  });
});
