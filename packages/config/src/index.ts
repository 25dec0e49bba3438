import type { ConfigOf } from './field.ts';
import type {
  allConfigFields,
  apiConfigFields,
  commonFields,
  corpusFields,
  ingestConfigFields,
  roundupConfigFields,
} from './tables.ts';

export { type ConfigOf, type Field, type FieldTable, redactUrl } from './field.ts';
export { ConfigError, describeConfig, loadConfig } from './load.ts';
export {
  allConfigFields,
  apiConfigFields,
  apiFields,
  commonFields,
  consoleFields,
  corpusFields,
  ingestConfigFields,
  ingestFields,
  mailFields,
  roundupConfigFields,
  roundupFields,
  webhookFields,
} from './tables.ts';

export type CommonConfig = ConfigOf<typeof commonFields>;
export type ApiConfig = ConfigOf<typeof apiConfigFields>;
export type IngestConfig = ConfigOf<typeof ingestConfigFields>;
export type RegwatchConfig = ConfigOf<typeof allConfigFields>;
export type RoundupConfig = ConfigOf<typeof roundupConfigFields>;
export type CorpusConfig = ConfigOf<typeof corpusFields>;
