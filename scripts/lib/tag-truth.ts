// Truth for scripts/eval-tags.ts: how the registers' own labels become our ids.
//
// A register label is first looked up as the tagger's source-label mapping does it (names,
// aliases, products and label forms of the lexicons, legal forms trimmed, `A/B` lists split);
// the tables below add only what that lookup cannot know. They were written from the TRAIN
// split's unmapped labels, and they map spellings to organisations already in the lexicon:
// they never add an organisation. A label that maps to nothing is "out of vocabulary": it still
// counts in the overall recall, as a miss.
import { jurisdictionCodesForLabel, platformIdsForLabel } from '@regwatch/core';

/** Labels that name no organisation: unknowns, crowds of users or victims, placeholders. */
const placeholder = /^(?:unknown|unnamed|various|anonymous|undisclosed|unidentified|multiple)\b/;
const crowd =
  /^(?:none|n\/?a|scammers?|fraudsters?|cybercriminals?|criminals?|hackers?|phishers?|researchers?|students?|hospitals?|doctors?|motorists?|drivers?|users?|customers?|employees?|investors?|people|public)$/;
const crowdOf = /\b(?:users?|customers?|drivers?|scammers?|fraudsters?|creators?)$/;

export function isNonOrganisation(label: string): boolean {
  const text = label.toLowerCase().replace(/[-_]+/g, ' ').trim();
  return text === '' || placeholder.test(text) || crowd.test(text) || crowdOf.test(text);
}

/**
 * AIAAIC spellings, as the register writes them, to lexicon ids. In a deployer or developer
 * column `Facebook` names the company (Facebook Inc., Meta since 2021), not only its platform:
 * scored as `meta`, so Instagram and WhatsApp incidents the register files under Facebook match.
 */
export const aiaaicPlatformLabels: Readonly<Record<string, readonly string[]>> = {
  Facebook: ['meta'],
  'Fraser Group': ['frasers-group'],
};

/** AIID entity slugs to lexicon ids, where the slug read as words does not resolve. */
export const aiidPlatformSlugs: Readonly<Record<string, readonly string[]>> = {
  facebook: ['meta'],
};

/** `ids`: the organisations the label names, company level; `exact`: the tagger's own mapping of it. */
export type PlatformTruth =
  | { kind: 'ids'; ids: string[]; exact: string[] }
  | { kind: 'out-of-vocabulary' }
  | { kind: 'non-organisation' };

function truthOf(label: string, fixed: readonly string[] | undefined): PlatformTruth {
  if (isNonOrganisation(label)) return { kind: 'non-organisation' };
  const exact = platformIdsForLabel(label);
  const ids = fixed ? [...fixed] : exact;
  return ids.length > 0 ? { kind: 'ids', ids, exact } : { kind: 'out-of-vocabulary' };
}

export function aiaaicPlatformTruth(label: string): PlatformTruth {
  return truthOf(label, aiaaicPlatformLabels[label]);
}

export function aiidPlatformTruth(slug: string): PlatformTruth {
  const truth = truthOf(slug.replace(/-/g, ' '), aiidPlatformSlugs[slug]);
  return isNonOrganisation(slug) ? { kind: 'non-organisation' } : truth;
}

/** AIAAIC jurisdiction spellings the places lexicon does not resolve (typos, rare forms). */
export const aiaaicJurisdictionLabels: Readonly<Record<string, readonly string[]>> = {};

/** `null` when the label names no jurisdiction on purpose (`Multiple`, `Global`) or cannot be mapped. */
export function aiaaicJurisdictionTruth(label: string): string[] | 'no-jurisdiction' | 'unmapped' {
  const fixed = aiaaicJurisdictionLabels[label];
  if (fixed) return [...fixed];
  const codes = jurisdictionCodesForLabel(label);
  if (codes.length > 0) return codes;
  return /^(?:multiple|global|all|worldwide|international|various)$/i.test(label.trim())
    ? 'no-jurisdiction'
    : 'unmapped';
}
