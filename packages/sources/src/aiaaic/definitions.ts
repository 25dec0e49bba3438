import type { SourceDefinition } from '../types.ts';

/** The Google Sheet the AIAAIC repository is published as, and its "Incidents" tab (see testdata/aiaaic/README.md). */
const sheetId = '1Bn55B4xz21-_Rgdr8BBb2lt0n_4rzLGxFADMlVW0PYI';
const incidentsGid = '888071280';

/**
 * The AIAAIC repository of AI, algorithmic and automation incidents: the CSV export of its sheet
 * (about 1 MB for 2,244 incidents in May 2026, well under the fetch size cap). Incidents happen
 * worldwide, so the source sets no jurisdiction: each entry carries the register's own
 * Jurisdiction column as labels. The register gives no publication dates, only the year an
 * incident occurred, which dates its item at year precision (see the adapter).
 */
export const aiaaicSources: readonly SourceDefinition[] = [
  {
    id: 'aiaaic',
    name: 'AIAAIC Repository',
    kind: 'incident-db',
    homepage: 'https://www.aiaaic.org/aiaaic-repository',
    url: `https://docs.google.com/spreadsheets/d/${sheetId}/export?format=csv&gid=${incidentsGid}`,
    format: 'aiaaic-csv',
    language: 'en',
    jurisdictions: [],
    // The register grows by a few incidents a week; the whole sheet is downloaded each time.
    pollIntervalSeconds: 6 * 3_600,
    recorded: { file: 'aiaaic/incidents-2026-05.csv', contentType: 'text/csv; charset=utf-8' },
  },
];
