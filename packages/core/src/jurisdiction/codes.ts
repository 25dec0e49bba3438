/** ISO 3166-1 alpha-2 codes officially assigned (plus XK, Kosovo, used by the EU and most regulators). */
export const countryCodes: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
    'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
    'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
    'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
    'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
    'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK ' +
    'YE YT ZA ZM ZW'
  ).split(' '),
);

/** Supranational blocs Regwatch tags as jurisdictions in their own right. */
export const blocCodes: ReadonlySet<string> = new Set(['EU', 'EEA']);

/** Codes people write that are not ISO, with the code they mean. */
const commonMistakes: Record<string, string> = { UK: 'GB', EL: 'GR' };

export type JurisdictionCheck = { ok: true; code: string } | { ok: false; message: string };

/**
 * Validates a jurisdiction code as the public API fixes them: ISO 3166-1 alpha-2 (`GB`),
 * ISO 3166-2 subdivision (`US-CA`, `CA-QC`), or a bloc (`EU`, `EEA`). Case-insensitive input,
 * upper-case output.
 */
export function checkJurisdiction(raw: string): JurisdictionCheck {
  const code = raw.trim().toUpperCase();
  if (blocCodes.has(code) || countryCodes.has(code)) return { ok: true, code };
  const mistake = commonMistakes[code];
  if (mistake) return { ok: false, message: `"${raw}" is not an ISO 3166 code: use ${mistake}` };
  const subdivision = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  if (subdivision?.[1] && countryCodes.has(subdivision[1])) return { ok: true, code };
  return {
    ok: false,
    message: `"${raw}" is not a jurisdiction code (ISO 3166-1 alpha-2 like GB, ISO 3166-2 like US-CA, or EU/EEA)`,
  };
}
