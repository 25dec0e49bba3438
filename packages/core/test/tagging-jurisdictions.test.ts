import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagJurisdictions } from '../src/index.ts';

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const codes = (input: TagInput) => ids(tagJurisdictions(input));
const title = (text: string) => codes({ title: text });
const evidence = (tags: readonly Tag[], id: string) => tags.find((tag) => tag.id === id)?.evidence ?? [];

describe('tagJurisdictions: authorities', () => {
  it.each([
    ['ICO fines care home over CCTV in bedrooms', 'GB', 'authority:ico'],
    ['Privacy Commissioner of Canada finds Tim Hortons app tracked users', 'CA', 'authority:ca-opc'],
    ['CNIL fines Google €325m over Gmail ads', 'FR', 'authority:cnil'],
    ['DPC fines TikTok €530m over transfers to China', 'IE', 'authority:ie-dpc'],
    ['EDPB adopts opinion on AI models', 'EU', 'authority:edpb'],
    ['FDPIC opens inquiry into Digitec Galaxus', 'CH', 'authority:ch-fdpic'],
    ['FTC bans Rite Aid from using facial recognition', 'US', 'authority:us-ftc'],
    ['Garante blocks DeepSeek', 'IT', 'authority:it-garante'],
    ['ANPD suspends Meta AI training', 'BR', 'authority:br-anpd'],
    ['PCPD warns about AI chatbots', 'HK', 'authority:hk-pcpd'],
    ['OAIC determination on Bunnings facial recognition', 'AU', 'authority:au-oaic'],
    ['Commission d’accès à l’information sanctions Quebec insurer', 'CA-QC', 'authority:ca-qc-cai'],
  ])('%s → %s', (text, code, rule) => {
    const tags = tagJurisdictions({ title: text });
    expect(ids(tags)).toContain(code);
    expect(evidence(tags, code).map((e) => e.rule)).toContain(rule);
  });

  it('tags the state and its country for a state authority (within)', () => {
    const tags = tagJurisdictions({ title: 'CPPA fines Honda under the CCPA' });
    expect(ids(tags)).toEqual(['US', 'US-CA']);
    expect(evidence(tags, 'US')).toEqual([{ rule: 'within:US-CA', phrase: 'CPPA', field: 'title' }]);
  });

  it('reads ICO as the regulator, not an initial coin offering', () => {
    expect(title('ICO fines crypto exchange over data breach')).toEqual(['GB']);
    expect(title('ICO raises $30m from investors in token sale')).toEqual([]);
    expect(
      codes({ title: 'Startup launches ICO', summary: 'The initial coin offering sold tokens to investors.' }),
    ).toEqual([]);
  });

  it('resolves a name several authorities share by the other evidence in the item', () => {
    expect(
      codes({ title: 'OPC investigates data breach', summary: 'New Zealand health provider lost records.' }),
    ).toEqual(['NZ']);
    expect(codes({ title: 'OPC investigates data breach', summary: 'Canadian telecom lost records.' })).toEqual(['CA']);
    expect(title('OPC investigates data breach')).toEqual([]);
    expect(
      codes({ title: 'OPC investigates data breach', sourceJurisdictions: ['CA'], sourceKind: 'regulator' }),
    ).toEqual(['CA']);
  });
});

describe('tagJurisdictions: laws', () => {
  it.each([
    ['Noyb files GDPR complaint against Ryanair', 'EU', 'law:gdpr'],
    ['Tribunal rules on UK GDPR compensation', 'GB', 'law:uk-gdpr'],
    ['PIPEDA reform stalls again', 'CA', 'law:pipeda'],
    ['First fine under Law 25', 'CA-QC', 'law:ca-qc-law-25'],
    ['Sephora settles CCPA case', 'US-CA', 'law:ccpa'],
    ['BIPA suit against Clearview settles', 'US-IL', 'law:bipa'],
    ['LGPD enforcement picks up', 'BR', 'law:lgpd'],
    ['PIPL audits begin', 'CN', 'law:pipl'],
    ['APPI amendments proposed', 'JP', 'law:appi'],
    ['DPDP Rules notified', 'IN', 'law:dpdp'],
    ['POPIA compliance lags', 'ZA', 'law:popia'],
    ['EU AI Act bans take effect', 'EU', 'law:eu-ai-act'],
    ['COPPA settlement with Epic Games', 'US', 'law:coppa'],
    ['HIPAA breach at clinic', 'US', 'law:hipaa'],
  ])('%s → %s', (text, code, rule) => {
    const tags = tagJurisdictions({ title: text });
    expect(ids(tags)).toContain(code);
    expect(evidence(tags, code).map((e) => e.rule)).toContain(rule);
  });

  it('takes UK GDPR as GB only, not the EU', () => {
    expect(title('Tribunal rules on UK GDPR compensation')).toEqual(['GB']);
  });

  it('resolves PDPA (Singapore or Thailand) by context, and drops it without any', () => {
    expect(codes({ title: 'PDPA fine for hospital', summary: 'A Singapore hospital leaked records.' })).toEqual(['SG']);
    expect(codes({ title: 'PDPA fine for hospital', summary: 'A Bangkok hospital leaked records.' })).toEqual(['TH']);
    expect(title('PDPA fine for hospital')).toEqual([]);
  });
});

describe('tagJurisdictions: places and demonyms', () => {
  it('reads demonyms and country names', () => {
    const tags = tagJurisdictions({ title: 'Data of Canadian members exposed in breach' });
    expect(ids(tags)).toEqual(['CA']);
    expect(evidence(tags, 'CA')).toEqual([{ rule: 'demonym', phrase: 'Canadian', field: 'title' }]);
    expect(title('UK users hit by TikTok outage')).toEqual(['GB']);
    expect(title('California passes new data broker law')).toEqual(['US', 'US-CA']);
    expect(title('Welshman sues council over CCTV')).toEqual(['GB']);
  });

  it('writes ISO codes: GB not UK, EU for European', () => {
    expect(title('European users can now object to AI training')).toEqual(['EU']);
    expect(title('Britain and Northern Ireland consult on digital ID')).toEqual(['GB']);
  });

  it('does not read places inside other names', () => {
    expect(title('New York Times sues OpenAI')).toEqual([]);
    expect(title('Latin American regulators meet')).toEqual([]);
    expect(title('Turkey recipes for Thanksgiving dinner')).toEqual([]);
  });

  it('resolves Georgia (state or country) by context', () => {
    expect(codes({ title: 'Georgia bans facial recognition', summary: 'Atlanta police must stop using it.' })).toEqual([
      'US',
      'US-GA',
    ]);
    expect(codes({ title: 'Georgia bans facial recognition', summary: 'Tbilisi police must stop using it.' })).toEqual([
      'GE',
    ]);
  });
});

describe('tagJurisdictions: boilerplate is not evidence', () => {
  it('ignores a journalist’s biography', () => {
    const content =
      'The regulator fined the company for sending spam texts.\n' +
      'Jane Doe is a freelance journalist who lives in Berlin, Germany. She covers tech policy for the outlet.';
    expect(codes({ title: 'Marketing firm fined over spam texts', content })).toEqual([]);
  });

  it('ignores a site footer and a newsletter blurb', () => {
    const content =
      'The regulator fined the company for sending spam texts.\n' +
      'Sign up for our weekly newsletter to get privacy news delivered to your inbox.\n' +
      '© 2026 Privacy Media Ltd. Registered in England and Wales, company number 01234567. London, United Kingdom.';
    expect(codes({ title: 'Marketing firm fined over spam texts', content })).toEqual([]);
  });

  it('still reads the same names in the article itself', () => {
    const content = 'The German regulator fined the company. Germany has fined it before.';
    expect(codes({ title: 'Marketing firm fined over spam texts', content })).toEqual(['DE']);
  });
});

describe('tagJurisdictions: sources', () => {
  it('always applies a regulator’s own jurisdiction, with its evidence', () => {
    const tags = tagJurisdictions({
      title: 'Annual report published',
      sourceJurisdictions: ['GB'],
      sourceKind: 'regulator',
    });
    expect(tags).toEqual([{ id: 'GB', evidence: [{ rule: 'source-default', phrase: 'GB', field: 'source' }] }]);
    const withText = codes({ title: 'ICO works with Irish DPC', sourceJurisdictions: ['GB'], sourceKind: 'regulator' });
    expect(withText).toEqual(['GB', 'IE']);
  });

  it('applies a press source’s jurisdiction only when the text names none', () => {
    expect(codes({ title: 'Retailer fined', sourceJurisdictions: ['DE'], sourceKind: 'press' })).toEqual(['DE']);
    expect(codes({ title: 'FTC fines retailer', sourceJurisdictions: ['DE'], sourceKind: 'press' })).toEqual(['US']);
  });

  it('lets labels win over guesses, keeping guesses within the labelled country', () => {
    const tags = tagJurisdictions({ title: 'California drivers tracked', labels: { jurisdictions: ['USA'] } });
    expect(ids(tags)).toEqual(['US', 'US-CA']);
    expect(evidence(tags, 'US')[0]).toEqual({ rule: 'source-label', phrase: 'USA', field: 'labels' });
    expect(codes({ title: 'UK police use facial recognition', labels: { jurisdictions: ['Australia'] } })).toEqual([
      'AU',
    ]);
  });

  it('reads Multiple and Global labels as no jurisdiction and lets the text decide', () => {
    expect(codes({ title: 'UK police use facial recognition', labels: { jurisdictions: ['Multiple'] } })).toEqual([
      'GB',
    ]);
    expect(codes({ title: 'Chatbot errors', labels: { jurisdictions: ['Global'] } })).toEqual([]);
  });

  it('maps the register’s place labels', () => {
    expect(codes({ title: 'x', labels: { jurisdictions: ['UK', 'Türkiye', 'UAE/Dubai', 'S Korea'] } })).toEqual([
      'AE',
      'GB',
      'KR',
      'TR',
    ]);
  });
});
