import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseEntry, tagItem } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 16: a TypeScript client generated from the live document (openapi-typescript for the
// types, openapi-fetch for the calls) typechecks and reads a page of /v1/items from a running API.
const repoNodeModules = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../node_modules');

let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let origin: string;
let directory: string;
/** The types openapi-typescript generated from the running API's document. */
let schema: string;
const titles = [
  'ICO fines Brightmart £3m for unlawful facial recognition in shops',
  'ICO reprimands a school over pupils’ biometric data',
  'ICO issues guidance on employee monitoring',
];

beforeAll(async () => {
  test = await createTestDatabase('apiclient');
  await insertSource(test.database.db, {
    id: 'ico',
    name: 'ICO',
    kind: 'regulator',
    jurisdictions: ['GB'],
    url: 'https://ico.example/feed',
    pollIntervalSeconds: 900,
  });
  for (const [index, title] of titles.entries()) {
    const result = normaliseEntry(
      { guid: `n${index}`, link: `https://ico.example/n${index}`, title, published: `2026-05-0${index + 1}T08:00:00Z` },
      { sourceId: 'ico', baseUrl: null, now: new Date('2026-06-01T00:00:00Z') },
    );
    if (!result.ok) throw new Error(result.reason);
    const tags = tagItem({ ...result.item, sourceJurisdictions: ['GB'], sourceKind: 'regulator' });
    await storeItem(test.database.db, result.item, { jurisdictions: ['GB'], tags });
  }
  api = await buildTestApp(test.database);
  origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  // The generated files live outside the repository; the link lets them import openapi-fetch.
  directory = mkdtempSync(join(tmpdir(), 'regwatch-client-'));
  symlinkSync(repoNodeModules, join(directory, 'node_modules'), 'dir');
  const document = await (await fetch(`${origin}/openapi.json`)).json();
  schema = astToString(await openapiTS(document));
  writeFileSync(join(directory, 'schema.ts'), schema);
});
afterAll(async () => {
  await api.close();
  await test.drop();
  rmSync(directory, { recursive: true, force: true });
});

/**
 * What a newsletter developer writes against the generated types. The `@ts-expect-error` lines
 * are misuses the types must refuse: were the types `any`, each would be an unused directive
 * and fail the typecheck, so the check cannot pass vacuously.
 */
const clientSource = `import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

type Item = paths['/v1/items']['get']['responses'][200]['content']['application/json']['data'][number];

export async function firstPage(baseUrl: string): Promise<{ titles: string[]; next: string | null; first: Item }> {
  const client = createClient<paths>({ baseUrl });
  const { data, error } = await client.GET('/v1/items', { params: { query: { jurisdiction: 'GB', limit: 2 } } });
  if (error) throw new Error(error.error.message);
  const first = data.data[0];
  if (!first) throw new Error('empty page');
  const published: string = first.publishedAt;
  const jurisdictions: string[] = first.jurisdictions;
  void published;
  void jurisdictions;
  return { titles: data.data.map((item) => item.title), next: data.nextCursor, first };
}

export async function misuses(baseUrl: string): Promise<void> {
  const client = createClient<paths>({ baseUrl });
  // @ts-expect-error limit is a number
  await client.GET('/v1/items', { params: { query: { limit: 'ten' } } });
  // @ts-expect-error no such parameter
  await client.GET('/v1/items', { params: { query: { colour: 'red' } } });
  // @ts-expect-error no such route
  await client.GET('/v1/nothing-here');
  const { data } = await client.GET('/v1/items/{id}', { params: { path: { id: '1' } } });
  // @ts-expect-error an item's title is a string
  const title: number | undefined = data?.title;
  void title;
}
`;

function typecheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('a client generated from /openapi.json', () => {
  it('typechecks against the generated types and reads a page of /v1/items from the running API', async () => {
    expect(schema).toContain('"/v1/items"');
    expect(schema).toContain('listItems');
    const clientFile = join(directory, 'client.ts');
    writeFileSync(clientFile, clientSource);
    expect(typecheck([clientFile])).toEqual([]);

    const client = (await import(clientFile)) as {
      firstPage(baseUrl: string): Promise<{ titles: string[]; next: string | null; first: { id: string } }>;
    };
    const page = await client.firstPage(origin);
    expect(page.titles).toEqual([titles[2], titles[1]]);
    expect(page.next).toEqual(expect.any(String));
    expect(page.first).toMatchObject({ source: { id: 'ico', kind: 'regulator' }, jurisdictions: ['GB'] });
  });

  it('the typecheck fails on a client that misuses the types (the check is real)', () => {
    const wrong = join(directory, 'wrong.ts');
    writeFileSync(
      wrong,
      `import createClient from 'openapi-fetch';\nimport type { paths } from './schema.ts';\n` +
        `const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });\n` +
        `void client.GET('/v1/items', { params: { query: { limit: 'ten' } } });\n`,
    );
    const problems = typecheck([wrong]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/not assignable to type 'number'/);
  });
});
