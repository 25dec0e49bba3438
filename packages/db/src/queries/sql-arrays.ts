import { sql } from 'drizzle-orm';

/** A text[] parameter (drizzle would otherwise expand a JS array into a row constructor). */
export function textArray(values: readonly string[]) {
  return sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}
