import { expect } from 'vitest';

/** The figures of `regwatch import`'s report line, as the fault tests compare them with the database. */
export interface ImportReport {
  entries: number;
  alreadyStored: number;
  inserted: number;
  updated: number;
  linked: number;
  failed: number;
}

const reportLine =
  /(\d+) entries \(\d+ unusable, \d+ set aside as not news or not about privacy, (\d+) already stored\); stored (\d+) new, (\d+) updated, (\d+) as alternates of known items, (\d+) failed/;

/** The report in an import's output, or null when it printed none. */
export function parseImportReport(output: string): ImportReport | null {
  const match = reportLine.exec(output);
  if (!match) return null;
  const [entries, alreadyStored, inserted, updated, linked, failed] = match.slice(1).map(Number) as number[];
  return {
    entries: entries ?? 0,
    alreadyStored: alreadyStored ?? 0,
    inserted: inserted ?? 0,
    updated: updated ?? 0,
    linked: linked ?? 0,
    failed: failed ?? 0,
  };
}

/** Every entry accounted for: stored now, stored before, or folded into a known item. */
export function accountedFor(report: ImportReport): number {
  return report.alreadyStored + report.inserted + report.updated + report.linked;
}

/** The import's report says every one of `total` entries was read and accounted for, none failed. */
export function expectCompleteImport(output: string, total: number): ImportReport {
  const report = parseImportReport(output);
  expect(report, output).not.toBeNull();
  expect(report?.entries).toBe(total);
  expect(report?.failed).toBe(0);
  expect(report && accountedFor(report)).toBe(total);
  return report as ImportReport;
}
