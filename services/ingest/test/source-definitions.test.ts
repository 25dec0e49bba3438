import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSource, insertSource } from '@regwatch/db';
import { entriesOfJob } from '@regwatch/queue';
import { testdataDir } from '@regwatch/sources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSource } from '../src/index.ts';
import { type PollHarness, startPollHarness } from './poll-harness.ts';

// What a source's definition adds to a plain poll: a POST body, a link base, a relevance filter.
let harness: PollHarness;
let test: PollHarness['test'];
let server: PollHarness['server'];
let queues: PollHarness['queues'];
let deps: PollHarness['deps'];
let _now: Date;

beforeAll(async () => {
  harness = await startPollHarness('srcdef', 2_000);
  ({ test, server, queues, deps } = harness);
  _now = deps.now?.() ?? new Date();
});
afterAll(() => harness.close());

function rss(items: { title: string; link: string; description?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
${items
  .map(
    (item, n) =>
      `<item><title>${item.title}</title><link>${item.link}</link><guid>g-${n}</guid>` +
      `<pubDate>Mon, 03 Nov 2026 10:0${n}:00 GMT</pubDate><description>${item.description ?? ''}</description></item>`,
  )
  .join('\n')}</channel></rss>`;
}

async function queuedTitles(): Promise<string[]> {
  const jobs = await queues.process.getJobs(['waiting', 'prioritized']);
  await queues.process.obliterate({ force: true });
  return jobs.flatMap((job) => entriesOfJob(job.data).map((entry) => entry.item.title)).sort();
}

describe('a source definition', () => {
  it('sends its POST body to APIs that answer POST', async () => {
    const body = JSON.stringify({ rootPageId: 2816, filters: [], pageNumber: 1, order: 'newest' });
    const received: { method: string; contentType: string | undefined; body: string }[] = [];
    server.route('/api/search', async (request, response) => {
      let text = '';
      for await (const chunk of request) text += chunk;
      received.push({ method: request.method ?? '', contentType: request.headers['content-type'], body: text });
      response
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss([{ title: 'ICO fines a company', link: '/news/1' }]));
    });
    await insertSource(test.database.db, {
      id: 'post-api',
      name: 'POST API',
      kind: 'regulator',
      url: `${server.url}/api/search`,
      requestBody: body,
      jurisdictions: ['GB'],
      pollIntervalSeconds: 600,
    });
    const summary = await pollSource(deps, 'post-api');
    expect(summary).toMatchObject({ status: 'fetched', entries: 1, enqueued: 1 });
    expect(received).toEqual([{ method: 'POST', contentType: 'application/json', body }]);
    await queuedTitles();
  });

  it('resolves relative links against its link base, not the replay server it was fetched from', async () => {
    server.route('/replay/opc', (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss([{ title: 'Findings under PIPEDA', link: '/en/opc-actions-and-decisions/2026/pipeda-2026-004/' }]));
    });
    await insertSource(test.database.db, {
      id: 'replayed',
      name: 'Replayed',
      kind: 'regulator',
      url: `${server.url}/replay/opc`,
      linkBase: 'https://www.priv.gc.ca/en/rss/pipeda/',
      jurisdictions: ['CA'],
      pollIntervalSeconds: 600,
    });
    await pollSource(deps, 'replayed');
    const jobs = await queues.process.getJobs(['waiting', 'prioritized']);
    await queues.process.obliterate({ force: true });
    expect(jobs.flatMap((job) => entriesOfJob(job.data).map((entry) => entry.item.url))).toEqual([
      'https://www.priv.gc.ca/en/opc-actions-and-decisions/2026/pipeda-2026-004/',
    ]);
  });

  it('keeps only what its relevance filter accepts, and counts the rest on the source', async () => {
    server.route('/press', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss([
          { title: 'Irish DPC fines TikTok €530m over data transfers to China', link: 'https://press.example/1' },
          { title: 'Best budget phones of the year, reviewed', link: 'https://press.example/2' },
          {
            title: 'Hospital ransomware attack exposes patient records',
            link: 'https://press.example/3',
            description: 'Personal data of 40,000 patients was stolen.',
          },
          { title: 'Startup raises $40m series B for developer tools', link: 'https://press.example/4' },
        ]),
      );
    });
    await insertSource(test.database.db, {
      id: 'general-outlet',
      name: 'General outlet',
      kind: 'press',
      url: `${server.url}/press`,
      relevance: 'privacy',
      jurisdictions: [],
      pollIntervalSeconds: 600,
    });
    const summary = await pollSource(deps, 'general-outlet');
    expect(summary).toMatchObject({ status: 'fetched', entries: 4, filtered: 2, enqueued: 2 });
    expect(await queuedTitles()).toEqual([
      'Hospital ransomware attack exposes patient records',
      'Irish DPC fines TikTok €530m over data transfers to China',
    ]);
    expect(await getSource(test.database.db, 'general-outlet')).toMatchObject({
      lastEntryCount: 4,
      lastFilteredCount: 2,
    });
  });

  it('keeps pages that are not news out, on every source, and counts them with the reason (issue 11)', async () => {
    // The CNIL's real feed carries its "Informations publiques" index page and a plenary agenda.
    const cnil = readFileSync(join(testdataDir, 'regulators/cnil.xml'));
    server.route('/cnil', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(cnil);
    });
    await insertSource(test.database.db, {
      id: 'cnil-replayed',
      name: 'CNIL',
      kind: 'regulator',
      url: `${server.url}/cnil`,
      jurisdictions: ['FR'],
      pollIntervalSeconds: 600,
    });
    const summary = await pollSource(deps, 'cnil-replayed');
    expect(summary).toMatchObject({ status: 'fetched', entries: 10, filtered: 2, enqueued: 8 });
    expect(summary.status === 'fetched' ? summary.dropped : []).toEqual([
      { title: 'Informations publiques', url: 'https://www.cnil.fr/fr/informations-publiques', reason: 'index-page' },
      {
        title: 'Ordre du jour de la séance plénière du 18 juin 2026',
        url: 'https://www.cnil.fr/fr/ordre-du-jour-de-la-seance-pleniere-du-18-juin-2026',
        reason: 'meeting-agenda',
      },
    ]);
    expect(await queuedTitles()).not.toContain('Informations publiques');
    expect(await getSource(test.database.db, 'cnil-replayed')).toMatchObject({
      lastEntryCount: 10,
      lastFilteredCount: 2,
    });
  });
});
