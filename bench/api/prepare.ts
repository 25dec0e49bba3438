import { execFileSync } from 'node:child_process';
import type { Scenario } from './scenarios.ts';

/** A scenario with its placeholders filled and what a first request to it said. */
export interface ReadyScenario extends Scenario {
  url: string;
  headers: Record<string, string>;
  /** Why it is not measured: its route or parameter answers 404 or 400 (not built yet), or it gives no ETag. */
  unavailable?: string;
}

/** A bench API key with the largest budget a key may have (1,000,000 requests a minute). */
export function createBenchApiKey(regwatchBin: string, databaseUrl: string): string {
  return execFileSync(
    process.execPath,
    [regwatchBin, 'apikey', 'create', '--name', 'bench api load', '--rate', '1000000'],
    {
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).trim();
}

/**
 * Follows nextCursor from the first page of /v1/items, `pages` pages of `limit`, as a client
 * reading the archive back would, and returns the cursor of the page after them.
 */
export async function deepCursor(apiUrl: string, pages: number, limit: number): Promise<string> {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    const query: string = cursor === null ? `limit=${limit}` : `limit=${limit}&cursor=${cursor}`;
    const response = await fetch(`${apiUrl}/v1/items?${query}`);
    const body = (await response.json()) as { nextCursor?: string | null };
    if (!response.ok || !body.nextCursor) throw new Error(`page ${page + 1} of /v1/items: ${response.status}`);
    cursor = body.nextCursor;
  }
  if (cursor === null) throw new Error('no pages followed');
  return cursor;
}

async function errorOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    return `${response.status} ${body.error?.code ?? ''}: ${body.error?.message ?? ''}`.trim();
  } catch {
    return `${response.status}`;
  }
}

/**
 * Fills the placeholders and sends each scenario's request once, without If-None-Match: that
 * request tells whether the route exists yet and gives the ETag a 304 scenario revalidates.
 */
export async function prepareScenarios(
  scenarios: readonly Scenario[],
  context: { urls: Record<Scenario['server'], string>; apiKey: string; deepCursor: () => Promise<string> },
): Promise<ReadyScenario[]> {
  const ready: ReadyScenario[] = [];
  for (const scenario of scenarios) {
    let path = scenario.path;
    if (path.includes('{deep-cursor}')) path = path.replace('{deep-cursor}', await context.deepCursor());
    const url = `${context.urls[scenario.server]}${path}`;
    const headers = Object.fromEntries(
      Object.entries(scenario.headers ?? {}).map(([name, value]) => [name, value.replace('{api-key}', context.apiKey)]),
    );
    const { 'if-none-match': _revalidated, ...firstHeaders } = headers;
    const response = await fetch(url, { headers: firstHeaders });
    let unavailable: string | undefined;
    if (response.status === 404 || response.status === 400) {
      unavailable = `not available: ${await errorOf(response)}`;
    } else {
      await response.arrayBuffer();
      const etag = response.headers.get('etag');
      if (headers['if-none-match'] === '{etag}') {
        if (etag) headers['if-none-match'] = etag;
        else unavailable = `not available: ${response.status} without an ETag`;
      }
    }
    ready.push({ ...scenario, url, headers, ...(unavailable ? { unavailable } : {}) });
  }
  return ready;
}
