import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CloseList } from '../src/close-list.ts';
import { untilShutdown } from '../src/shutdown.ts';

const quiet = pino({ level: 'silent' });

describe('untilShutdown (issue 12: signals with a hard deadline)', () => {
  it('drains first, closes in order on the first signal, and ignores the second', async () => {
    const events: string[] = [];
    const list = new CloseList();
    list.add('pool', () => void events.push('pool'));
    list.add('http', async () => {
      events.push('http');
      // A second Ctrl-C while closing must not start a second shutdown.
      process.emit('SIGINT', 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const done = untilShutdown({
      closeList: list,
      deadlineMs: 2_000,
      logger: quiet,
      onDraining: () => events.push('draining'),
      signals: ['SIGUSR2'],
      exit: () => events.push('exit'),
    });
    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await done).toBe(0);
    expect(events).toEqual(['draining', 'http', 'pool']);
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('exits 1 when closing outlives the deadline', async () => {
    const list = new CloseList();
    list.add('stuck', () => new Promise(() => undefined));
    const exits: number[] = [];
    const done = untilShutdown({
      closeList: list,
      deadlineMs: 50,
      logger: quiet,
      signals: ['SIGUSR2'],
      exit: (code) => exits.push(code),
    });
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await done).toBe(1);
  });

  it('ends a process that a leftover handle keeps alive once everything is closed', async () => {
    const list = new CloseList();
    list.add('pool', () => undefined);
    const exits: number[] = [];
    // Stands for a reconnect timer nobody closed: it keeps the event loop turning.
    const leftover = setInterval(() => undefined, 100);
    try {
      const done = untilShutdown({
        closeList: list,
        deadlineMs: 1_000,
        logger: quiet,
        signals: ['SIGUSR2'],
        exit: (code) => exits.push(code),
      });
      process.emit('SIGUSR2', 'SIGUSR2');
      expect(await done).toBe(0);
      expect(exits).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(exits).toEqual([0]);
    } finally {
      clearInterval(leftover);
    }
  });

  it('never ends the process of a service stopped in-process (a test runner, a composition root)', async () => {
    const list = new CloseList();
    list.add('pool', () => undefined);
    const exits: number[] = [];
    const leftover = setInterval(() => undefined, 100);
    const controller = new AbortController();
    try {
      const done = untilShutdown({
        closeList: list,
        deadlineMs: 1_000,
        logger: quiet,
        signals: ['SIGUSR2'],
        exit: (code) => exits.push(code),
        stop: controller.signal,
      });
      controller.abort();
      expect(await done).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(exits).toEqual([]);
    } finally {
      clearInterval(leftover);
    }
  });
});
