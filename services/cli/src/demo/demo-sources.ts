import { join } from 'node:path';
import type { NewSource } from '@regwatch/db';
import { testdataDir } from '@regwatch/sources';
import type { RecordedResponse } from './recorded-server.ts';

/** A source the demo registers, and the recorded response it is served from. */
export interface DemoSource {
  source: Omit<NewSource, 'url'>;
  recorded: Omit<RecordedResponse, 'path'>;
}

/** Recorded feeds of real publishers, one per format the generic adapter reads. */
export const demoSources: readonly DemoSource[] = [
  {
    source: {
      id: 'opc-pipeda',
      name: 'OPC: findings under PIPEDA',
      kind: 'regulator',
      homepage: 'https://www.priv.gc.ca/',
      language: 'en',
      jurisdictions: ['CA'],
      pollIntervalSeconds: 900,
    },
    recorded: { file: join(testdataDir, 'feed/opc-pipeda.xml'), contentType: 'application/rss+xml; charset=utf-8' },
  },
  {
    source: {
      id: 'golem',
      name: 'Golem.de',
      kind: 'press',
      homepage: 'https://www.golem.de/',
      language: 'de',
      jurisdictions: [],
      pollIntervalSeconds: 900,
    },
    recorded: { file: join(testdataDir, 'feed/iso-8859-1.xml'), contentType: 'application/rss+xml' },
  },
  {
    source: {
      id: 'heise-developer',
      name: 'heise developer',
      kind: 'press',
      homepage: 'https://www.heise.de/developer/',
      language: 'de',
      jurisdictions: [],
      pollIntervalSeconds: 900,
    },
    recorded: { file: join(testdataDir, 'feed/heise.atom'), contentType: 'application/atom+xml; charset=utf-8' },
  },
];
