import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagTopics } from '../src/index.ts';

// Issue 11: false and missing English topics, each class with the recorded text that showed it.

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const topics = (input: TagInput) => ids(tagTopics(input));

describe('issue 11: English topic classes', () => {
  it('does not read the agency "Immigration and Customs Enforcement" as enforcement', () => {
    expect(topics({ title: 'Immigration and Customs Enforcement buys phone-hacking tools' })).not.toContain(
      'enforcement',
    );
    expect(topics({ title: 'Regulator steps up enforcement against data brokers' })).toContain('enforcement');
  });

  it('reads "benefits" as public services only when they are welfare benefits', () => {
    expect(topics({ title: 'Utah online dispute resolution system benefits lenders not litigants' })).not.toContain(
      'public-sector',
    );
    expect(
      topics({ title: 'Employee benefits platform Paylogix says hackers stole financial and health data' }),
    ).not.toContain('public-sector');
    expect(topics({ title: 'DWP algorithm wrongly flags disability benefits claimants for fraud' })).toContain(
      'public-sector',
    );
  });

  it('does not read school districts, law schools or medical schools as children', () => {
    expect(topics({ title: 'Amazon charges local school districts different prices for same supplies' })).toEqual([]);
    expect(
      topics({ title: 'Dartmouth College medical school accuses students of remote exam cheating' }),
    ).not.toContain('children');
    expect(
      topics({ title: 'Polish primary school fined for using fingerprint data to verify meal payments' }),
    ).toContain('children');
  });

  it('reads guidance as regulator guidance, not medical guidance', () => {
    expect(
      topics({
        title: 'Study: ChatGPT Health fails critical emergency and suicide tests',
        summary: 'Purpose: Provide acute medical guidance',
      }),
    ).not.toContain('legislation');
    expect(topics({ title: 'Final storage and access technologies guidance published' })).toContain('legislation');
  });

  it('reads the register’s own columns as labels: AIAAIC’s "Transparency" issue is not consent-transparency', () => {
    const input: TagInput = {
      title: 'Google AI search summaries give cancer patients wrong advice',
      summary:
        'System: AI Overviews\nTechnology: Generative AI\nPurpose: Answer health and medical questions\nSector: Health\nIssues: Accuracy/reliability; Anthropomorphism; Safety; Transparency',
      content:
        'Occurred: 2024\nDeveloper: Google\nSystem: AI Overviews\nTechnology: Generative AI\nIssues: Accuracy/reliability; Anthropomorphism; Safety; Transparency\nJurisdiction: Multiple',
      sourceKind: 'incident-db',
      labels: {
        developers: ['Google'],
        jurisdictions: ['Multiple'],
        categories: ['Accuracy/reliability', 'Anthropomorphism', 'Safety', 'Transparency', 'Generative AI'],
      },
    };
    expect(topics(input)).toEqual(['ai', 'health-data']);
    // A category that is a topic still gives it, as a label.
    expect(topics({ ...input, labels: { ...input.labels, categories: ['Consent', 'Transparency'] } })).toContain(
      'consent-transparency',
    );
  });

  it('tags the FTC’s settlements and actions as enforcement', () => {
    expect(
      topics({
        title:
          'Disney to Pay $10 Million to Settle FTC Allegations the Company Enabled Unlawful Collection of Children’s Personal Data',
      }),
    ).toContain('enforcement');
    expect(
      topics({
        title: 'FTC Takes Action Against Match and OkCupid for Deceiving Users, Sharing Personal Data with Third Party',
      }),
    ).toContain('enforcement');
    expect(topics({ title: 'Apple to pay USD 95m to settle Siri eavedropping lawsuit' })).not.toContain('enforcement');
  });
});
