/** Source and platform ids: lower-case slugs, stable, part of the public API. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function isSlug(value: string): boolean {
  return slugPattern.test(value);
}
