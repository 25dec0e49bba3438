/** The member states of the European Union (2020 onwards). */
export const euMembers: readonly string[] = Object.freeze(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/** The European Economic Area: the EU's members plus Iceland, Liechtenstein and Norway. */
export const eeaMembers: readonly string[] = Object.freeze([...euMembers, 'IS', 'LI', 'NO'].sort());

/**
 * Codes a jurisdiction filter matches. A bloc matches its member states when `expand` is set
 * (a DPO in Dublin asking for `EU` wants the DPC's notices too); EEA includes the EU itself.
 * Sorted and de-duplicated.
 */
export function expandJurisdictions(codes: readonly string[], expand: boolean): string[] {
  const out = new Set(codes);
  if (expand) {
    for (const code of codes) {
      if (code === 'EU') for (const member of euMembers) out.add(member);
      if (code === 'EEA') for (const member of ['EU', ...eeaMembers]) out.add(member);
    }
  }
  return [...out].sort();
}
