import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type DeliveryCounts, deliveryCounts } from '@regwatch/db';
import {
  createTestDatabase,
  type SmtpReceiver,
  type SmtpReceiverOptions,
  startSmtpReceiver,
  type TestDatabase,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSubscribers, roundupEnv, sampleEdition, storeAndStartSending } from './support/roundup.ts';

// Issue 13 (DESIGN.md example 12): a sender killed at any point never sends an address a second
// copy; whatever it may have handed over is `uncertain`, everything else is sent exactly once.
const childScript = fileURLToPath(new URL('./support/roundup-sender-child.ts', import.meta.url));

function spawnSender(
  env: Record<string, string>,
  week: string,
): ChildProcess & { exited: Promise<NodeJS.Signals | number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, week], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return Object.assign(child, { exited });
}

/** How many messages each address received (data in full, answered or not). */
function receivedBy(receiver: SmtpReceiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of receiver.messages) {
    for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function statusesByEmail(test: TestDatabase, week: string): Promise<Map<string, string>> {
  const rows = await test.database.db.execute<{ email: string; status: string }>(sql`
    select s.email, d.status from roundup_deliveries d join subscribers s on s.id = d.subscriber_id
    where d.week = ${week}`);
  return new Map(rows.rows.map((row) => [row.email, row.status]));
}

describe('a roundup sender SIGKILLed mid-send, 20 times', () => {
  let test: TestDatabase;
  let receiver: SmtpReceiver;
  const week = '2024-W38';
  const kills = 20;
  /** What the current run's child is and where it is to die. */
  let current: { child: ChildProcess; plan: 'data' | 'rcpt' | 'time'; at: number; seen: number } | undefined;
  const hooks: SmtpReceiverOptions = {
    onRcpt: () => {
      if (current?.plan === 'rcpt' && ++current.seen === current.at) current.child.kill('SIGKILL');
      return undefined;
    },
    beforeReply: async () => {
      if (current?.plan !== 'data' || ++current.seen !== current.at) return;
      // Killed while it waits for the final reply: the message is here, the sender never hears so.
      const { child } = current;
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
  let counts: DeliveryCounts;
  let killed = 0;

  beforeAll(async () => {
    test = await createTestDatabase('roundupkill');
    receiver = await startSmtpReceiver(hooks);
    await addSubscribers(test.database.db, 140, 'kill');
    // Ten whose preferences select nothing: `empty`, no mail.
    await addSubscribers(test.database.db, 10, 'nothing', { jurisdiction: 'FR' });
    expect(await storeAndStartSending(test.database.db, sampleEdition(week))).toBe(150);
  });

  afterAll(async () => {
    await receiver?.close();
    await test?.drop();
  });

  it('sends every address at most once, and accounts for every one', { timeout: 240_000 }, async () => {
    const env = {
      ...roundupEnv({ databaseUrl: test.url, prefix: uniquePrefix('roundupkill'), smtpPort: receiver.port }),
      LOG_LEVEL: 'error',
    };
    const plans = ['data', 'rcpt', 'time'] as const;
    for (let run = 0; run < kills; run += 1) {
      const plan = plans[run % plans.length] ?? 'time';
      const child = spawnSender(env, week);
      // Varied points: the n-th message's data, the n-th RCPT, or a moment after start (loading, claiming).
      current = { child, plan, at: 1 + (run % 4), seen: 0 };
      const timer = plan === 'time' ? setTimeout(() => child.kill('SIGKILL'), 300 + ((run * 347) % 1_500)) : undefined;
      const end = await child.exited;
      clearTimeout(timer);
      if (end === 'SIGKILL') killed += 1;
    }
    current = undefined;
    const last = spawnSender(env, week);
    let output = '';
    last.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    expect(await last.exited).toBe(0);
    expect(JSON.parse(output).status).toBe('sent');
    counts = await deliveryCounts(test.database.db, week);
    const received = receivedBy(receiver);
    const statuses = await statusesByEmail(test, week);
    const twice = [...received].filter(([, count]) => count > 1);
    const uncertainReceived = [...statuses].filter(([email, status]) => status === 'uncertain' && received.has(email));
    process.stdout.write(
      `roundup kill test: ${killed} kills; audience ${counts.audience}: sent ${counts.sent}, uncertain ${counts.uncertain} ` +
        `(${uncertainReceived.length} of them received), empty ${counts.empty}; ${receiver.messages.length} messages received\n`,
    );
    expect(killed).toBe(kills);
    expect(twice).toEqual([]);
    for (const [email, status] of statuses) {
      if (status === 'sent') expect(received.get(email), email).toBe(1);
      else if (status === 'uncertain') expect(received.get(email) ?? 0).toBeLessThanOrEqual(1);
      else if (status === 'empty') expect(received.has(email)).toBe(false);
      else throw new Error(`${email} ended ${status}`);
    }
    expect(counts.sent + counts.uncertain + counts.empty).toBe(counts.audience);
    expect(counts.empty).toBe(10);
    // The kills happened mid-send: some deliveries were left uncertain, and most were still sent.
    expect(counts.uncertain).toBeGreaterThan(0);
    expect(counts.sent).toBeGreaterThan(0);
  });
});

describe('two sender processes at once over one edition', () => {
  let test: TestDatabase;
  let receiver: SmtpReceiver;
  const week = '2024-W40';

  beforeAll(async () => {
    test = await createTestDatabase('roundupboth');
    receiver = await startSmtpReceiver();
    await addSubscribers(test.database.db, 60, 'both');
    expect(await storeAndStartSending(test.database.db, sampleEdition(week))).toBe(60);
  });

  afterAll(async () => {
    await receiver?.close();
    await test?.drop();
  });

  it('sends every address exactly once between them', { timeout: 120_000 }, async () => {
    const env = {
      ...roundupEnv({ databaseUrl: test.url, prefix: uniquePrefix('roundupboth'), smtpPort: receiver.port }),
      LOG_LEVEL: 'error',
    };
    const senders = [spawnSender(env, week), spawnSender(env, week)];
    expect(await Promise.all(senders.map((sender) => sender.exited))).toEqual([0, 0]);
    const received = receivedBy(receiver);
    expect([...received.values()].every((count) => count === 1)).toBe(true);
    expect(received.size).toBe(60);
    const counts = await deliveryCounts(test.database.db, week);
    expect(counts).toMatchObject({ audience: 60, sent: 60, uncertain: 0 });
  });
});
