import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, RegwatchError } from '../src/index.ts';

describe('keyset cursors', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-06-11T04:00:00.000Z', id: '12345' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['non-base64 characters', 'abc$%^'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['wrong version', Buffer.from('["v0","2026-06-11T04:00:00.000Z","1"]').toString('base64url')],
    ['a non-numeric id', Buffer.from('["v1","2026-06-11T04:00:00.000Z","1;drop"]').toString('base64url')],
    ['a non-ISO time', Buffer.from('["v1","yesterday","1"]').toString('base64url')],
    ['an oversized value', 'a'.repeat(500)],
  ])('rejects %s as invalid_cursor', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrowError(RegwatchError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as RegwatchError).code).toBe('invalid_cursor');
      expect((error as RegwatchError).status).toBe(400);
    }
  });
});
