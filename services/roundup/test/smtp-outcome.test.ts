import { describe, expect, it } from 'vitest';
import { classifySmtpFailure, retryDelayMs } from '../src/smtp-outcome.ts';

// What each nodemailer failure means for a delivery: retried only when the message surely was not handed over.
describe('classifySmtpFailure', () => {
  it('bounces a 5xx at MAIL, RCPT or DATA', () => {
    for (const command of ['MAIL FROM', 'RCPT TO', 'DATA']) {
      expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, command }).kind).toBe('bounce');
    }
  });

  it('retries 4xx replies, a 503, a 5xx at EHLO or AUTH, refused connections and setup timeouts', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' }).kind).toBe('retry');
    expect(classifySmtpFailure({ code: 'EMESSAGE', responseCode: 452, command: 'DATA' }).kind).toBe('retry');
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 503, command: 'RCPT TO' }).kind).toBe('retry');
    expect(classifySmtpFailure({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }).kind).toBe('retry');
    expect(classifySmtpFailure({ code: 'ECONNECTION', originalCode: 'ECONNREFUSED', command: 'CONN' }).kind).toBe(
      'retry',
    );
    expect(classifySmtpFailure({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' }).kind).toBe(
      'retry',
    );
  });

  it('calls a lost connection or a socket timeout with no reply uncertain', () => {
    expect(classifySmtpFailure({ code: 'ECONNECTION', command: 'CONN' }).kind).toBe('uncertain');
    expect(classifySmtpFailure({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' })).toEqual({
      kind: 'uncertain',
      reason: 'socket_timeout',
    });
    expect(classifySmtpFailure({}).kind).toBe('uncertain');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, at most an hour', () => {
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, 60_000))).toEqual([60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, 60_000)).toBe(3_600_000);
  });
});
