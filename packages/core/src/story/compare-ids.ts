const decimal = /^\d+$/;

/**
 * Orders database ids as numbers ("9" before "10"), which string order gets wrong once ids
 * cross a power of ten; ids that are not decimal (tests' "s1") keep string order.
 */
export function compareIds(a: string, b: string): number {
  if (decimal.test(a) && decimal.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
