import { UsageError } from './io.ts';

/**
 * Reads a new password: all of stdin with `--password-stdin` (scripts, `… | regwatch editor add`),
 * otherwise typed twice at a terminal prompt that echoes nothing. A pipe without the flag is a
 * usage error rather than a silent read, so a script never hangs on a prompt no one sees.
 */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return (await readAll(process.stdin)).replace(/\r?\n$/, '');
  if (!process.stdin.isTTY)
    throw new UsageError('no terminal to ask for the password: pipe it in with --password-stdin');
  const first = await promptHidden('New password: ');
  const second = await promptHidden('Same password again: ');
  if (first !== second) throw new UsageError('the two passwords differ: run the command again');
  return first;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}

/** A prompt on stderr; the terminal in raw mode so typed characters are not shown. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new UsageError('cancelled'));
        if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}
