import { sha256Hex } from '@regwatch/core';
import { httpDate, parseInstant } from './dates.ts';

/**
 * Conditional GET for feeds (RFC 9110 §13). Renderers are deterministic, so a hash of the bytes
 * is a strong validator: the same entries give the same ETag on every instance and after restarts.
 */

/** A strong ETag for a response body: 128 bits of its SHA-256, quoted. */
export function entityTag(body: string | Uint8Array): string {
  return `"${sha256Hex(body).slice(0, 32)}"`;
}

/** Last-Modified value for an ISO 8601 instant (e.g. the feed's `updated`). */
export function lastModified(updated: string): string {
  return httpDate(parseInstant(updated, 'lastModified'));
}

export interface ConditionalHeaders {
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
}

export interface CurrentRepresentation {
  /** As from `entityTag`. */
  etag: string;
  /** ISO 8601 instant the representation last changed (the feed's `updated`). */
  lastModified: string;
}

/** The opaque part of each entity tag in an If-None-Match list (weak or strong), or `*`. */
function listedTags(ifNoneMatch: string): string[] {
  if (ifNoneMatch.trim() === '*') return ['*'];
  return [...ifNoneMatch.matchAll(/(?:W\/)?"([^"]*)"/g)].map((match) => match[1] ?? '');
}

/**
 * True when a GET or HEAD should be answered 304 Not Modified. If-None-Match wins when present
 * (weak comparison, as RFC 9110 asks for GET); If-Modified-Since is only read without it, at
 * one-second precision, and ignored when it is not a valid date.
 */
export function isNotModified(request: ConditionalHeaders, current: CurrentRepresentation): boolean {
  if (request.ifNoneMatch !== undefined) {
    const ours = listedTags(current.etag)[0];
    return listedTags(request.ifNoneMatch).some((tag) => tag === '*' || tag === ours);
  }
  if (request.ifModifiedSince !== undefined) {
    const since = Date.parse(request.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    const modifiedSeconds = Math.floor(parseInstant(current.lastModified, 'lastModified').getTime() / 1000);
    return modifiedSeconds <= Math.floor(since / 1000);
  }
  return false;
}
