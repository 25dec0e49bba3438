import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// ajv-formats is CommonJS: the module is the function, which TypeScript types as its `.default`.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => void;

// Issue 6: every route's examples in /openapi.json are valid against its own schemas.
let test: TestDatabase;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is untyped JSON.
let document: any;
beforeAll(async () => {
  test = await createTestDatabase('apiexamples');
  const api = await buildTestApp(test.database);
  document = (await api.app.inject('/openapi.json')).json();
  await api.close();
});
afterAll(() => test.drop());

interface MediaExamples {
  where: string;
  schema: object;
  examples: unknown[];
}

/**
 * The examples of every response body in the document, with the schema they illustrate
 * (@fastify/swagger moves a schema's `examples` to the media type: `example`, or `examples`
 * with one `value` each).
 */
function mediaExamples(): MediaExamples[] {
  const found: MediaExamples[] = [];
  for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      // biome-ignore lint/suspicious/noExplicitAny: untyped JSON.
      for (const [status, response] of Object.entries((operation as any).responses ?? {})) {
        // biome-ignore lint/suspicious/noExplicitAny: untyped JSON.
        for (const [type, media] of Object.entries((response as any).content ?? {}) as [string, any][]) {
          const examples =
            media.example !== undefined
              ? [media.example]
              : Object.values(media.examples ?? {}).map((example) => (example as { value: unknown }).value);
          found.push({ where: `${method.toUpperCase()} ${path} ${status} ${type}`, schema: media.schema, examples });
        }
      }
    }
  }
  return found;
}

describe('OpenAPI examples', () => {
  it('give every route an example of its 200 response, and of its errors', () => {
    const missing = mediaExamples()
      .filter(({ where, examples }) => examples.length === 0 && !/ (304|301) /.test(where))
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  it('are valid against the schema they illustrate', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const found = mediaExamples().filter(({ examples }) => examples.length > 0);
    expect(found.length).toBeGreaterThan(50);
    const invalid: string[] = [];
    for (const { where, schema, examples } of found) {
      const validate = ajv.compile(schema);
      examples.forEach((example, index) => {
        if (!validate(example)) invalid.push(`${where} example ${index}: ${ajv.errorsText(validate.errors)}`);
      });
    }
    expect(invalid).toEqual([]);
  });
});
