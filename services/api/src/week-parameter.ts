import { type EditionWeek, parseEditionWeek, RegwatchError } from '@regwatch/core';

/**
 * The week a parameter names, when it exists (the schema has checked its form: `2024-W38`);
 * otherwise a 400 naming the parameter. `where` is "query parameter" or "path parameter".
 */
export function existingWeek(raw: string, where: string): EditionWeek {
  try {
    parseEditionWeek(raw);
  } catch {
    throw new RegwatchError(
      'invalid_parameter',
      `${where} "week" must be an ISO week that exists, such as 2024-W38, not "${raw}"`,
    );
  }
  return raw;
}
