import type { RoundupConfig } from '@regwatch/config';
import nodemailer from 'nodemailer';

/** One message as the sender hands it over. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers?: Record<string, string>;
}

/** The SMTP side of the roundup: one pooled connection set for the process. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export type MailConfig = Pick<
  RoundupConfig,
  | 'SMTP_HOST'
  | 'SMTP_PORT'
  | 'SMTP_TLS'
  | 'SMTP_USER'
  | 'SMTP_PASSWORD'
  | 'SMTP_FROM'
  | 'SMTP_TIMEOUT_MS'
  | 'ROUNDUP_SEND_CONCURRENCY'
>;

/** The pooled nodemailer transport of SMTP_*; null when SMTP_HOST is empty (nothing is mailed). */
export function createMailer(config: MailConfig): Mailer | null {
  if (config.SMTP_HOST === '') return null;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: config.ROUNDUP_SEND_CONCURRENCY,
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    // tls: TLS from the first byte; starttls: upgrade required; none: a local relay only.
    secure: config.SMTP_TLS === 'tls',
    requireTLS: config.SMTP_TLS === 'starttls',
    ignoreTLS: config.SMTP_TLS === 'none',
    ...(config.SMTP_USER === '' ? {} : { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } }),
    connectionTimeout: config.SMTP_TIMEOUT_MS,
    greetingTimeout: config.SMTP_TIMEOUT_MS,
    socketTimeout: config.SMTP_TIMEOUT_MS,
    logger: false,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: config.SMTP_FROM,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        ...(message.headers ? { headers: message.headers } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
