import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('apiopenapi');
});
afterAll(() => test.drop());

/** The filter language (platform, jurisdiction, …) plus paging, on every list route. */
const filterParameters = [
  'cursor',
  'expand',
  'jurisdiction',
  'kind',
  'limit',
  'platform',
  'q',
  'since',
  'source',
  'topic',
  'until',
];

describe('GET /openapi.json', () => {
  it('describes every public route with its parameters and response schemas', async () => {
    const api = await buildTestApp(test.database);
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/feeds/items.atom',
      '/feeds/items.html',
      '/feeds/items.json',
      '/feeds/items.rss',
      '/feeds/opml',
      '/feeds/opml/platforms',
      '/feeds/opml/topics',
      '/feeds/stories.atom',
      '/feeds/stories.html',
      '/feeds/stories.json',
      '/feeds/stories.rss',
      '/healthz',
      '/readyz',
      '/v1/digest',
      '/v1/items',
      '/v1/items/{id}',
      '/v1/jurisdictions',
      '/v1/platforms',
      '/v1/roundups',
      '/v1/roundups/{week}',
      '/v1/sources',
      '/v1/stories',
      '/v1/stories/{id}',
      '/v1/stories/{id}/items',
      '/v1/subscriptions',
      '/v1/topics',
      '/v1/webhooks',
      '/v1/webhooks/{id}',
      '/v1/webhooks/{id}/deliveries',
    ]);
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(
      document.paths,
    )) {
      // Every route is a read but the roundup sign-up, which answers 202.
      const [method, success] = path === '/v1/subscriptions' ? ['post', '202'] : ['get', '200'];
      const operation = operations[method];
      expect(operation, path).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}), path).toContain(success);
    }
    const parameters = document.paths['/v1/items'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters.sort()).toEqual(filterParameters);
    const errorSchema = document.paths['/v1/items'].get.responses['400'].content['application/json'].schema;
    expect(errorSchema.properties.error.required).toEqual(['code', 'message']);
  });

  it('describes the story routes: filters, the story shape, the 301 of a merged id', async () => {
    const api = await buildTestApp(test.database);
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.tags.map((tag: { name: string }) => tag.name)).toContain('stories');
    const list = document.paths['/v1/stories'].get;
    expect(list.tags).toEqual(['stories']);
    expect(list.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(filterParameters);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '500']));
    const story = list.responses['200'].content['application/json'].schema.properties.data.items;
    expect(story.required).toEqual([
      'id',
      'title',
      'summary',
      'firstPublishedAt',
      'lastPublishedAt',
      'platforms',
      'jurisdictions',
      'topics',
      'items',
      'itemCount',
      'itemsUrl',
    ]);
    expect(story.properties.items.items.required).toContain('alternates');
    const get = document.paths['/v1/stories/{id}'].get;
    expect(get.parameters.map((parameter: { name: string; in: string }) => [parameter.in, parameter.name])).toEqual([
      ['path', 'id'],
    ]);
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(['200', '301', '400', '404']));
    expect(get.responses['301'].headers.Location.schema.type).toBe('string');
    expect(get.responses['301'].content['application/json'].schema.required).toEqual(['storyId']);
  });
});

describe('access in the OpenAPI document', () => {
  it('declares the bearer scheme, optional while anonymous reads are allowed, and the 304/401/429 of data routes', async () => {
    const api = await buildTestApp(test.database);
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/v1/items', '/v1/items/{id}', '/v1/stories', '/v1/stories/{id}', '/v1/sources']) {
      const get = document.paths[path].get;
      expect(get.security, path).toEqual([{}, { apiKey: [] }]);
      expect(Object.keys(get.responses), path).toEqual(expect.arrayContaining(['200', '304', '401', '429']));
      expect(get.responses['304'].content, path).toBeUndefined();
      expect(Object.keys(get.responses['304'].headers), path).toEqual(
        expect.arrayContaining(['ETag', 'Cache-Control']),
      );
      expect(Object.keys(get.responses['429'].headers), path).toEqual(
        expect.arrayContaining(['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']),
      );
      expect(get.responses['401'].headers['WWW-Authenticate'], path).toBeDefined();
      expect(get.responses['401'].content['application/json'].schema.required, path).toEqual(['error']);
    }
    // A key's webhooks need the key even while anonymous reads are allowed.
    for (const [path, method] of [
      ['/v1/webhooks', 'post'],
      ['/v1/webhooks', 'get'],
      ['/v1/webhooks/{id}', 'delete'],
      ['/v1/webhooks/{id}/deliveries', 'get'],
    ] as const) {
      expect(document.paths[path][method].security, `${method} ${path}`).toEqual([{ apiKey: [] }]);
    }
    for (const path of ['/healthz', '/readyz']) {
      const get = document.paths[path].get;
      expect(get.security, path).toEqual([]);
      expect(Object.keys(get.responses), path).not.toContain('401');
      expect(Object.keys(get.responses), path).not.toContain('429');
    }
  });

  it('makes the key required when anonymous access is off', async () => {
    const api = await buildTestApp(test.database, { config: { API_ANONYMOUS_ACCESS: false } });
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.paths['/v1/items'].get.security).toEqual([{ apiKey: [] }]);
  });
});

// Issue 16: what client generators and Redocly's recommended rules need of every operation.
describe('conventions of the OpenAPI document', () => {
  it('gives every operation a unique camelCase operationId, declared security and described tags', async () => {
    const api = await buildTestApp(test.database, { config: { PUBLIC_URL: 'https://regwatch.test' } });
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.servers).toEqual([{ url: 'https://regwatch.test', description: 'This instance' }]);
    expect(document.info.license).toEqual({
      name: 'GNU Affero General Public License v3.0 or later',
      identifier: 'AGPL-3.0-or-later',
    });
    expect(document.info.contact.url).toBe('https://regwatch.test/');
    const described = new Set(
      document.tags.filter((tag: { description?: string }) => tag.description).map((tag: { name: string }) => tag.name),
    );
    const operationIds: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, Record<string, unknown>>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
        operationIds.push(operation.operationId as string);
        expect(Array.isArray(operation.security), where).toBe(true);
        expect(operation.tags, where).toHaveLength(1);
        expect(described.has((operation.tags as string[])[0] ?? ''), where).toBe(true);
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(operationIds).toEqual(expect.arrayContaining(['listItems', 'getItem', 'listStories', 'getStory']));
  });

  it('refuses to register a documented route without an operationId, naming it', async () => {
    const api = await buildTestApp(test.database);
    try {
      expect(() =>
        api.app.get('/v1/forgotten', { schema: { summary: 'A route someone forgot to name' } }, async () => ({})),
      ).toThrow('GET /v1/forgotten has no camelCase operationId');
      expect(() => api.app.get('/v1/copied', { schema: { operationId: 'listItems' } }, async () => ({}))).toThrow(
        'GET /v1/copied reuses the operationId listItems of /v1/items',
      );
      // A hidden route needs none.
      api.app.get('/v1/hidden', { schema: { hide: true } }, async () => ({}));
    } finally {
      await api.close();
    }
  });

  it('with no PUBLIC_URL, names the server that sent the document', async () => {
    const api = await buildTestApp(test.database);
    const document = (await api.app.inject('/openapi.json')).json();
    await api.close();
    expect(document.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(document.info.contact).toEqual({ name: 'The editors of this Regwatch instance' });
  });
});
