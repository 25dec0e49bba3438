/**
 * What an SMTP failure means for a delivery. The ledger's rule: a message that may have been
 * handed over is never sent again, so only failures known to come before the message data are
 * retried (DESIGN.md example 12).
 */
export type SmtpOutcome =
  /** Not handed over (no connection, a 4xx before or at the end of DATA): try again later. */
  | { kind: 'retry'; reason: string }
  /** A 5xx at MAIL, RCPT or DATA: the address refuses mail; it becomes `bouncing`. */
  | { kind: 'bounce'; reason: string }
  /** Refused for a reason of the message, not the mailbox (a malformed address). */
  | { kind: 'reject'; reason: string }
  /** Lost after the data may have been handed over: maybe delivered. */
  | { kind: 'uncertain'; reason: string };

/** The fields of a nodemailer error the decision reads. */
export interface SmtpFailure {
  code?: string | undefined;
  originalCode?: string | undefined;
  responseCode?: number | undefined;
  command?: string | undefined;
  timeoutType?: string | undefined;
}

const envelopeCommands = new Set(['MAIL FROM', 'RCPT TO', 'DATA']);
/** Socket errors of connecting: nothing was said to any server. */
const connectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Timeouts nodemailer reports before a message is on the wire. */
const setupTimeouts = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);
/** Failures of setting up a session (TLS, authentication, DNS, configuration): before any message. */
const setupCodes = new Set(['EDNS', 'EAUTH', 'ETLS', 'ECONFIG', 'ENOAUTH', 'EREQUIRETLS']);

export function classifySmtpFailure(failure: SmtpFailure): SmtpOutcome {
  const { responseCode, command } = failure;
  if (typeof responseCode === 'number' && responseCode > 0) {
    const reason = `smtp ${responseCode}${command ? ` at ${command}` : ''}`;
    // 503 is a session out of step, not a refused message (RFC 5321); a 5xx at EHLO or AUTH is our setup.
    if (responseCode >= 500 && responseCode !== 503 && command !== undefined && envelopeCommands.has(command)) {
      return { kind: 'bounce', reason };
    }
    // Any other reply is a server answering: the message was not accepted.
    return { kind: 'retry', reason };
  }
  if (failure.originalCode && connectCodes.has(failure.originalCode)) {
    return { kind: 'retry', reason: failure.originalCode.toLowerCase() };
  }
  if (failure.timeoutType && setupTimeouts.has(failure.timeoutType)) {
    return { kind: 'retry', reason: failure.timeoutType.toLowerCase() };
  }
  if (failure.code && setupCodes.has(failure.code)) return { kind: 'retry', reason: failure.code.toLowerCase() };
  if (failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE') {
    return { kind: 'reject', reason: failure.code.toLowerCase() };
  }
  // A socket lost or timed out with no reply: it may have been awaiting the final reply to the data.
  return { kind: 'uncertain', reason: (failure.timeoutType ?? failure.code ?? 'unknown').toLowerCase() };
}

/** Attempts a delivery gets before a transient failure becomes `failed`. */
export const maxDeliveryAttempts = 6;

/** Wait before attempt `attempts + 1`: base, doubling, at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(attempts - 1, 0), 60 * 60 * 1_000);
}
