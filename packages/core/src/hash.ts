import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts joined by a separator that cannot occur in text (U+0000). */
export function sha256Hex(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  parts.forEach((part, index) => {
    if (index > 0) hash.update('\u0000');
    hash.update(part);
  });
  return hash.digest('hex');
}
