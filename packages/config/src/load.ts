import type { ConfigOf, FieldTable } from './field.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * Reads every field of `table` from `env` at once. Unset or empty variables take their
 * default; every problem (missing, malformed, out of range) is collected and reported in one
 * ConfigError, so an operator fixes them in one go.
 */
export function loadConfig<Table extends FieldTable>(
  table: Table,
  env: Readonly<Record<string, string | undefined>>,
): ConfigOf<Table> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(table)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      if (field.default === undefined) problems.push(`${name} is required (${field.description})`);
      else config[name] = field.default;
      continue;
    }
    try {
      config[name] = field.parse(raw);
    } catch (error) {
      problems.push(`${name} ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<Table>;
}

/** The configuration as `NAME=value` lines, secrets redacted: what `regwatch config` prints. */
export function describeConfig<Table extends FieldTable>(table: Table, config: ConfigOf<Table>): string[] {
  return Object.entries(table).map(([name, field]) => {
    const value = (config as Record<string, unknown>)[name];
    const shown = field.redact ? field.redact(value) : String(value);
    return `${name}=${shown}`;
  });
}
