import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('apiopenapi');
});
afterAll(() => test.drop());

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
    ]);
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(
      document.paths,
    )) {
      const get = operations.get;
      expect(get, path).toBeDefined();
      expect(Object.keys(get?.responses ?? {}), path).toContain('200');
    }
    const parameters = document.paths['/v1/items'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters.sort()).toEqual(['cursor', 'limit', 'source']);
    const errorSchema = document.paths['/v1/items'].get.responses['400'].content['application/json'].schema;
    expect(errorSchema.properties.error.required).toEqual(['code', 'message']);
  });
});
