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
      '/healthz',
      '/readyz',
      '/v1/items',
      '/v1/items/{id}',
      '/v1/sources',
      '/v1/stories',
      '/v1/stories/{id}',
    ]);
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(
      document.paths,
    )) {
      const get = operations.get;
      expect(get, path).toBeDefined();
      expect(Object.keys(get?.responses ?? {}), path).toContain('200');
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
