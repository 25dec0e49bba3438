import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface DemoMailReceiver {
  port: number;
  /** Files written so far, .eml and .html of each message. */
  files: string[];
  close(): Promise<void>;
}

/**
 * The demo's mailbox: an SMTP server on 127.0.0.1 at a free port that writes each message it
 * receives to `directory` as .eml (the bytes as sent) and .html (its HTML part, to open in a browser).
 */
export async function startDemoMailReceiver(directory: string): Promise<DemoMailReceiver> {
  await mkdir(directory, { recursive: true });
  const files: string[] = [];
  let count = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        count += 1;
        const base = join(directory, `message-${String(count).padStart(3, '0')}`);
        simpleParser(raw)
          .then(async (parsed) => {
            await writeFile(`${base}.eml`, raw);
            await writeFile(`${base}.html`, typeof parsed.html === 'string' ? parsed.html : (parsed.textAsHtml ?? ''));
            files.push(`${base}.eml`, `${base}.html`);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('demo SMTP receiver has no port');
  return { port: address.port, files, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
