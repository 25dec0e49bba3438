import { RegwatchError } from '@regwatch/core';
import type { SourceRow } from '@regwatch/db';

/**
 * The demo points the catalogue's sources at its replay server. Done in a database whose
 * sources poll real sites (a production one, or one `regwatch sources sync` filled), that would
 * silently repoint an instance's sources, so the demo refuses such a database. A replayed source
 * keeps its real URL as `linkBase`; a source without one polls the real site.
 */
export function refuseRealSources(sources: readonly Pick<SourceRow, 'id' | 'linkBase'>[], databaseName: string): void {
  const real = sources.filter((source) => source.linkBase === null);
  if (real.length === 0) return;
  throw new RegwatchError(
    'conflict',
    `database "${databaseName}" holds ${real.length} source(s) that poll real sites (${real[0]?.id}${real.length > 1 ? ', …' : ''}), ` +
      'so the demo will not load its recorded sources there: run it on another database, e.g. ' +
      'DATABASE_URL=postgres://postgres@127.0.0.1:5432/regwatch_demo npm start',
  );
}
