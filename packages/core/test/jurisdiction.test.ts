import { describe, expect, it } from 'vitest';
import { checkJurisdiction } from '../src/index.ts';

describe('checkJurisdiction', () => {
  it('accepts ISO 3166-1, ISO 3166-2 and the blocs, in upper case', () => {
    expect(checkJurisdiction('gb')).toEqual({ ok: true, code: 'GB' });
    expect(checkJurisdiction('US-CA')).toEqual({ ok: true, code: 'US-CA' });
    expect(checkJurisdiction('ca-qc')).toEqual({ ok: true, code: 'CA-QC' });
    expect(checkJurisdiction('EU')).toEqual({ ok: true, code: 'EU' });
    expect(checkJurisdiction('EEA')).toEqual({ ok: true, code: 'EEA' });
  });

  it('explains the usual mistake and refuses the rest', () => {
    const uk = checkJurisdiction('UK');
    expect(uk.ok).toBe(false);
    expect(!uk.ok && uk.message).toMatch(/use GB/);
    for (const bad of ['ZZ', 'USA', 'XX-CA', 'US-', '']) expect(checkJurisdiction(bad).ok, bad).toBe(false);
  });
});
