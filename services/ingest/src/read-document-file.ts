import { type FileHandle, open } from 'node:fs/promises';
import { RegwatchError } from '@regwatch/core';

/** Chunk size for files whose size is not known in advance (a pipe, /dev/stdin). */
const chunkBytes = 64 * 1024;

function tooLarge(path: string, size: string, maxBytes: number): RegwatchError {
  return new RegwatchError(
    'payload_too_large',
    `${path} is ${size} bytes, above FETCH_MAX_BYTES (${maxBytes}); split it, or raise FETCH_MAX_BYTES`,
    { details: { maxBytes } },
  );
}

/**
 * Reads a saved document (`regwatch import`) with the fetcher's cap: a file above `maxBytes` is
 * refused from its size before a byte is read, and one below it is read into a single buffer
 * of its size (no chunks to concatenate, no second copy). Files without a size (pipes) are
 * read in chunks and refused as soon as they pass the cap. Errors from the file system
 * (ENOENT, EACCES, EISDIR) are thrown as they are, for the caller to word.
 */
export async function readDocumentFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (!info.isFile()) return await readUnsized(handle, path, maxBytes);
    if (info.size > maxBytes) throw tooLarge(path, String(info.size), maxBytes);
    const body = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const { bytesRead } = await handle.read(body, filled, info.size - filled, filled);
      if (bytesRead === 0) break; // Truncated while read: keep what is there.
      filled += bytesRead;
    }
    // A file that grew after the size was taken would be read cut short: refuse it instead.
    const { bytesRead: more } = await handle.read(Buffer.alloc(1), 0, 1, filled);
    if (more > 0) throw new RegwatchError('conflict', `${path} grew while it was being read; import it again`);
    return filled === info.size ? body : body.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

async function readUnsized(handle: FileHandle, path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const { bytesRead } = await handle.read(chunk, 0, chunkBytes, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(path, `more than ${maxBytes}`, maxBytes);
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}
