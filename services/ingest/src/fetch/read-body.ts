import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { RegwatchError } from '@regwatch/core';

function decompressorFor(contentEncoding: string | undefined, firstByte: number | undefined) {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'br') return createBrotliDecompress();
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; 0x78 starts a zlib header.
  if (encoding === 'deflate') return firstByte === 0x78 ? createInflate() : createInflateRaw();
  throw new RegwatchError('fetch_network', `unsupported Content-Encoding "${encoding}"`);
}

/**
 * Reads a response body, decompressing it, and fails with `fetch_too_large` as soon as the
 * decompressed size passes `maxBytes`, so a compression bomb costs at most `maxBytes` of memory.
 */
export async function readBody(
  body: Readable,
  options: { contentEncoding: string | undefined; maxBytes: number; signal: AbortSignal },
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const tooLarge = () =>
    new RegwatchError(
      'fetch_too_large',
      `response body is larger than ${options.maxBytes} bytes (after decompression)`,
      {
        details: { maxBytes: options.maxBytes },
      },
    );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > options.maxBytes) {
        callback(tooLarge());
        return;
      }
      chunks.push(chunk);
      callback();
    },
  });

  // Peek at the first chunk to tell zlib-wrapped from raw deflate.
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return new Uint8Array(0);
  const firstChunk = first.value as Buffer;
  async function* replay() {
    yield firstChunk;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
  }

  const decompressor = decompressorFor(options.contentEncoding, firstChunk[0]);
  try {
    if (decompressor) await pipeline(replay(), decompressor, sink, { signal: options.signal });
    else await pipeline(replay(), sink, { signal: options.signal });
  } catch (error) {
    if (error instanceof RegwatchError) throw error;
    if (options.signal.aborted) throw error; // The caller classifies its own timeout.
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      throw new RegwatchError('fetch_network', `response body could not be decompressed (${code})`, { cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}
