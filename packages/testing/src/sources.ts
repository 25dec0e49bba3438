import type { NewSource } from '@regwatch/db';

/** A source row for tests: a press source at `https://<id>.example/feed` unless told otherwise. */
export function testSource(id: string, overrides: Partial<NewSource> = {}): NewSource {
  return {
    id,
    name: id,
    kind: 'press',
    url: `https://${id}.example/feed`,
    jurisdictions: [],
    pollIntervalSeconds: 900,
    ...overrides,
  };
}
