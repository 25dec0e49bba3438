import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../src/expiring-map.ts';

describe('ExpiringMap', () => {
  it('forgets entries after their TTL and the least recently used beyond its size', () => {
    let clock = 0;
    const map = new ExpiringMap<string, number>(1_000, 2, () => clock);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recently used
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([1, undefined, 3]);
    clock = 999;
    expect(map.get('c')).toBe(3);
    clock = 1_000;
    expect(map.get('c')).toBeUndefined();
  });

  it('keeps nothing with a TTL of zero', () => {
    const map = new ExpiringMap<string, number>(0, 10);
    map.set('a', 1);
    expect(map.get('a')).toBeUndefined();
  });
});
