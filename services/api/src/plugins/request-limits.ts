import { RegwatchError } from '@regwatch/core';
import type { FastifyTypeBox } from '../types.ts';

/** Largest request body (bytes): the API takes none yet, so a little room for later POSTs. */
export const maxBodyBytes = 64 * 1024;

/**
 * Longest request line target (path and query), in bytes. Real queries are a few hundred bytes;
 * Node itself refuses a request line plus headers over 16 KiB (431, see plugins/errors.ts).
 */
export const maxUrlBytes = 4 * 1024;

/** Refuses an over-long URL before anything (authentication, the database) looks at it. */
export function registerRequestLimits(app: FastifyTypeBox): void {
  app.addHook('onRequest', async (request) => {
    if (request.raw.url !== undefined && Buffer.byteLength(request.raw.url) > maxUrlBytes) {
      throw new RegwatchError('uri_too_long', `the request URL is longer than ${maxUrlBytes} bytes`);
    }
  });
}
