/**
 * One plain sentence for a refused request, from the schema that refused it: which parameter,
 * what was wrong, what it accepts. Never the validator's words ("must match pattern", "must
 * have required property"). A field says what it accepts in `x-accepts` when its schema alone
 * cannot (a date checked later, a list of ids); otherwise the words come from its type, range,
 * length, format or enum.
 */

import { acceptsKeyword } from '../schemas/common.ts';

export interface FieldSchema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: FieldSchema[];
  properties?: Record<string, FieldSchema>;
  [acceptsKeyword]?: string;
}

/** What Ajv reports of one failure (with `verbose`, the schema holding the failed keyword). */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: FieldSchema;
}

const whereWords: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body field',
  headers: 'header',
};

const formatWords: Record<string, string> = {
  'date-time': 'an instant such as 2024-09-13T08:00:00Z',
  date: 'a date such as 2024-09-13',
  email: 'an email address',
  uri: 'an absolute URL such as https://example.org/hook',
};

function listed(values: unknown[]): string {
  const words = values.map((value) => String(value));
  return words.length === 2 ? `${words[0]} or ${words[1]}` : `one of ${words.join(', ')}`;
}

function range(noun: string, minimum: number | undefined, maximum: number | undefined): string {
  if (minimum !== undefined && maximum !== undefined) return `${noun} from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return `${noun} of at least ${minimum}`;
  if (maximum !== undefined) return `${noun} of at most ${maximum}`;
  return noun;
}

/** What a field accepts, in words. */
export function acceptedWords(schema: FieldSchema | undefined): string {
  if (!schema) return 'a valid value';
  const stated = schema[acceptsKeyword];
  if (typeof stated === 'string') return stated;
  if (schema.enum) return listed(schema.enum);
  if (schema.const !== undefined) return String(schema.const);
  if (schema.anyOf?.every((option) => option.const !== undefined)) {
    return listed(schema.anyOf.map((option) => option.const));
  }
  const type = [schema.type].flat()[0];
  if (type === 'integer') return range('a whole number', schema.minimum, schema.maximum);
  if (type === 'number') return range('a number', schema.minimum, schema.maximum);
  if (type === 'boolean') return 'true or false';
  if (type === 'object') return 'an object';
  if (schema.format && formatWords[schema.format]) return formatWords[schema.format] ?? '';
  if (schema.minLength !== undefined && schema.maxLength !== undefined) {
    return `text of ${schema.minLength} to ${schema.maxLength} characters`;
  }
  if (schema.maxLength !== undefined) return `text of at most ${schema.maxLength} characters`;
  return 'text';
}

/**
 * The sentence for the first failure of a request's `context` (querystring, params, body).
 * `holdsNul` says whether the named value holds a NUL character, which every string field
 * refuses by pattern (schemas/common.ts) and which deserves its own words.
 */
export function validationMessage(
  issue: ValidationIssue,
  context: string,
  holdsNul: (name: string) => boolean,
): string {
  const where = whereWords[context] ?? 'parameter';
  const schema = issue.parentSchema;
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    const accepted = Object.keys(schema?.properties ?? {}).sort();
    return accepted.length === 0
      ? `unknown ${where} "${name}": this route takes none`
      : `unknown ${where} "${name}"; accepted: ${accepted.join(', ')}`;
  }
  if (issue.keyword === 'required') {
    const name = String(issue.params.missingProperty);
    return `${where} "${name}" is missing: it must be ${acceptedWords(schema?.properties?.[name])}`;
  }
  const name = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (name === '') return context === 'body' ? 'the request body must be a JSON object' : `the ${where}s are invalid`;
  if (holdsNul(name)) return `${where} "${name}" must not contain a NUL character (%00)`;
  return `${where} "${name}" must be ${acceptedWords(schema)}`;
}
