import { describe, expect, it } from 'vitest';
import { CloseList } from '../src/close-list.ts';

describe('CloseList (issue 12: one ordered close list per process)', () => {
  it('closes in reverse order of opening', async () => {
    const order: string[] = [];
    const list = new CloseList();
    for (const name of ['pool', 'redis', 'workers', 'http']) list.add(name, () => void order.push(name));
    const report = await list.closeAll(1_000);
    expect(order).toEqual(['http', 'workers', 'redis', 'pool']);
    expect(report).toEqual({ closed: order, failed: [] });
    expect(list.size).toBe(0);
  });

  it('goes on past a close that throws, and stops waiting for one that hangs at the deadline', async () => {
    const order: string[] = [];
    const list = new CloseList();
    list.add('pool', () => void order.push('pool'));
    list.add('stuck worker', () => new Promise(() => undefined));
    list.add('broken server', () => {
      throw new Error('socket already closed\nsecond line');
    });
    list.add('health', () => void order.push('health'));
    const report = await list.closeAll(200);
    expect(order).toEqual(['health']);
    expect(report.failed).toEqual([
      { name: 'broken server', reason: 'socket already closed' },
      { name: 'stuck worker', reason: expect.stringMatching(/^still closing after \d+ ms$/) },
      { name: 'pool', reason: 'not closed: the shutdown deadline had passed' },
    ]);
  });

  it('does not start a close once the shared deadline has passed', async () => {
    let clock = 0;
    const list = new CloseList();
    list.add('pool', () => undefined);
    list.add('slow', () => {
      clock += 500;
    });
    const report = await list.closeAll(100, () => clock);
    expect(report.closed).toEqual(['slow']);
    expect(report.failed).toEqual([{ name: 'pool', reason: 'not closed: the shutdown deadline had passed' }]);
  });
});
