import { RegwatchError } from './errors.ts';

/** Position in a list sorted by (time desc, id desc): the last row a page returned. */
export interface KeysetPosition {
  /** ISO 8601 instant of the last row's sort time. */
  at: string;
  id: string;
}

/** Opaque to clients: base64url of a versioned tuple, so the format can change behind a version. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify(['v1', position.at, position.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor a client sent back; anything not produced by encodeCursor is `invalid_cursor`. */
export function decodeCursor(cursor: string): KeysetPosition {
  const invalid = () =>
    new RegwatchError('invalid_cursor', 'cursor is not one this API issued; start again without it');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== 'v1') throw invalid();
  const [, at, id] = decoded as [unknown, unknown, unknown];
  if (typeof at !== 'string' || typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw invalid();
  const time = Date.parse(at);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) || Number.isNaN(time)) throw invalid();
  return { at, id };
}
