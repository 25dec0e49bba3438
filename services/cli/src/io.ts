/** Where a command writes: real streams in the binary, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /**
   * Redraws one progress line in place (null clears it). Present only on a terminal: in a pipe
   * or a test there is no progress, only the final summary.
   */
  progress?: ((line: string | null) => void) | undefined;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // On stderr, so `regwatch import … > report.txt` on a terminal still shows it and keeps the file clean.
  progress: process.stderr.isTTY
    ? (line) => process.stderr.write(line === null ? '\r\x1b[K' : `\r${line}\x1b[K`)
    : undefined,
};

/** A mistake in how the command was called: printed with usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
