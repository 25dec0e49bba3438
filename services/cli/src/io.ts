/** Where a command writes: real streams in the binary, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A mistake in how the command was called: printed with usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
