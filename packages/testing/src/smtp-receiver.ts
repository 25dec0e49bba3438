import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** One message as the receiver got it: its envelope, its bytes, and what mailparser reads in them. */
export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** An SMTP reply that refuses a command: `{ code: 550, message: 'no such user' }`. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

export interface SmtpReceiverOptions {
  /** A refusal for this RCPT TO (attempt: how many times this address was offered, 1 first), or undefined to accept. */
  onRcpt?: (address: string, attempt: number) => SmtpRefusal | undefined;
  /**
   * Called once a message's data has all arrived, before the final reply: a promise that never
   * settles keeps the client waiting for that reply (a sender killed there has handed the message over).
   */
  beforeReply?: (message: ReceivedMessage) => Promise<void> | void;
}

export interface SmtpReceiver {
  host: string;
  port: number;
  /** Every message whose data arrived in full, accepted or not yet answered. */
  messages: ReceivedMessage[];
  /** The messages one address received. */
  to(address: string): ReceivedMessage[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 at a free port, no TLS, any or no authentication. */
export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMessage[] = [];
  const offered = new Map<string, number>();
  const refuse = (refusal: SmtpRefusal) => Object.assign(new Error(refusal.message), { responseCode: refusal.code });
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onRcptTo: (address, _session, callback) => {
      const key = address.address.toLowerCase();
      const attempt = (offered.get(key) ?? 0) + 1;
      offered.set(key, attempt);
      const refusal = options.onRcpt?.(address.address, attempt);
      callback(refusal ? refuse(refusal) : undefined);
    },
    onData: (stream, session: SMTPServerSession, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then(async (parsed) => {
            const message: ReceivedMessage = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw,
              parsed,
            };
            messages.push(message);
            await options.beforeReply?.(message);
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
  if (address === null || typeof address === 'string') throw new Error('SMTP receiver has no port');
  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    to: (wanted) => messages.filter((message) => message.to.some((to) => to.toLowerCase() === wanted.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
