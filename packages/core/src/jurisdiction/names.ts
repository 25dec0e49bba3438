import { jurisdictionNames } from '../tagging/catalog.ts';
import { countryCodes } from './codes.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Names that are not ISO regions, or that read better than the lexicon's disambiguated spelling. */
const spelledOut: Readonly<Record<string, string>> = {
  EEA: 'European Economic Area',
  HK: 'Hong Kong',
  'CA-QC': 'Québec',
  'US-GA': 'Georgia',
  'US-WA': 'Washington',
};

/** How a subdivision names its country: US states are said "(US)", the rest by the country's name. */
const countryShortNames: Readonly<Record<string, string>> = { US: 'US' };

function countryName(code: string): string | null {
  if (spelledOut[code]) return spelledOut[code];
  // CLDR names codes that are not countries (ZZ is "Unknown Region"): ask it only about assigned ones.
  if (code !== 'EU' && !countryCodes.has(code)) return null;
  try {
    return regionNames.of(code) ?? null;
  } catch {
    return null;
  }
}

/**
 * A jurisdiction code in words, for headings people read: "United Kingdom", "European Union",
 * "California (US)", "Québec (Canada)"; null (a story of no jurisdiction in particular) is
 * "International"; a code nobody knows is shown as it is.
 */
export function jurisdictionName(code: string | null): string {
  if (code === null) return 'International';
  const upper = code.trim().toUpperCase();
  const subdivision = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(upper);
  if (subdivision) {
    const country = subdivision[1] as string;
    const name = spelledOut[upper] ?? jurisdictionNames.get(upper);
    const inCountry = countryShortNames[country] ?? countryName(country);
    if (name && inCountry) return `${name} (${inCountry})`;
    return code;
  }
  return countryName(upper) ?? code;
}
