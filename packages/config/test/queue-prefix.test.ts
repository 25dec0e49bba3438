import { describe, expect, it } from 'vitest';
import { ingestConfigFields, loadConfig } from '../src/index.ts';

// A prefix in braces keeps each queue's keys in one Redis Cluster hash slot (issue 15).
describe('QUEUE_PREFIX', () => {
  it('takes a plain prefix or one in braces for Redis Cluster, and refuses half a brace', () => {
    expect(loadConfig(ingestConfigFields, { QUEUE_PREFIX: '{regwatch}' }).QUEUE_PREFIX).toBe('{regwatch}');
    expect(loadConfig(ingestConfigFields, { QUEUE_PREFIX: 'regwatch-eu' }).QUEUE_PREFIX).toBe('regwatch-eu');
    expect(() => loadConfig(ingestConfigFields, { QUEUE_PREFIX: '{regwatch' })).toThrow(/QUEUE_PREFIX/);
  });
});
