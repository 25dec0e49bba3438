import { describe, expect, it } from 'vitest';
import { choosePrimary } from '../src/index.ts';

// CNIL fines Google €325m (3 September 2025): the regulator's notice, the press, an incident register.
const cnilNotice = { id: 'cnil-google', sourceKind: 'regulator', publishedAt: '2025-09-03T10:00:00Z' } as const;
const pressEarlier = { id: 'press-reuters', sourceKind: 'press', publishedAt: '2025-09-03T08:30:00Z' } as const;
const pressLater = { id: 'press-therecord', sourceKind: 'press', publishedAt: '2025-09-03T14:00:00Z' } as const;
const register = { id: 'aiaaic-1234', sourceKind: 'incident-db', publishedAt: '2025-09-01T00:00:00Z' } as const;

describe('choosePrimary', () => {
  it("picks the regulator's own notice even when the press reported first", () => {
    expect(choosePrimary([pressEarlier, register, cnilNotice, pressLater])?.id).toBe('cnil-google');
  });

  it('picks the earliest regulator item when there are several', () => {
    const update = { id: 'cnil-google-update', sourceKind: 'regulator', publishedAt: '2025-09-04T09:00:00Z' } as const;
    expect(choosePrimary([update, cnilNotice, pressEarlier])?.id).toBe('cnil-google');
  });

  it('picks the earliest item when no regulator item is in the story', () => {
    expect(choosePrimary([pressLater, pressEarlier, register])?.id).toBe('aiaaic-1234');
    expect(choosePrimary([pressLater, pressEarlier])?.id).toBe('press-reuters');
  });

  it('does not depend on the order items arrive in, ties going to the smaller id', () => {
    const a = { id: 'a', sourceKind: 'press', publishedAt: new Date('2025-06-17T09:00:00Z') } as const;
    const b = { id: 'b', sourceKind: 'press', publishedAt: Date.parse('2025-06-17T09:00:00Z') } as const;
    expect(choosePrimary([a, b])?.id).toBe('a');
    expect(choosePrimary([b, a])?.id).toBe('a');
  });

  it('orders database ids as numbers on a tie: item 99 before item 100', () => {
    const at = '2025-06-17T09:00:00Z';
    const ninetyNine = { id: '99', sourceKind: 'press', publishedAt: at } as const;
    const hundred = { id: '100', sourceKind: 'press', publishedAt: at } as const;
    expect(choosePrimary([hundred, ninetyNine])?.id).toBe('99');
    expect(choosePrimary([ninetyNine, hundred])?.id).toBe('99');
  });

  it('returns null for no items and ranks an unreadable date last', () => {
    expect(choosePrimary([])).toBeNull();
    const undated = { id: 'undated', sourceKind: 'press', publishedAt: 'not a date' } as const;
    expect(choosePrimary([undated, pressLater])?.id).toBe('press-therecord');
  });
});
