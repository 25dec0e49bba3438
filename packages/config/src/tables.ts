import { boolean, cidrList, type Field, integer, oneOf, redactUrl, text, urlWithProtocols } from './field.ts';

function field<T>(spec: Field<T>): Field<T> {
  return spec;
}

const MiB = 1024 * 1024;

/** Where readers reach the API: feeds' self links, and every link in a roundup email. */
const publicUrlField = field({
  description:
    'Absolute URL readers reach the API at (https://regwatch.example.org), for the self links of feeds ' +
    'and OPML and every link of a roundup email; empty: the API takes it from each request (Host header, ' +
    'and X-Forwarded-* with TRUST_PROXY) and emails link to http://127.0.0.1:3000 (set it before mailing anyone)',
  default: '',
  parse: (raw: string) => (raw === '' ? '' : urlWithProtocols(['http:', 'https:'])(raw).replace(/\/+$/, '')),
});

/** What every process needs: where the data lives and how to log. */
export const commonFields = {
  DATABASE_URL: field({
    description: 'PostgreSQL connection URL',
    default: 'postgres://postgres@127.0.0.1:5432/regwatch',
    parse: urlWithProtocols(['postgres:', 'postgresql:']),
    redact: redactUrl,
  }),
  REDIS_URL: field({
    description: 'Redis connection URL (must run with maxmemory-policy noeviction)',
    default: 'redis://127.0.0.1:6379',
    parse: urlWithProtocols(['redis:', 'rediss:']),
    redact: redactUrl,
  }),
  QUEUE_PREFIX: field({
    description:
      'Prefix of every Redis key Regwatch writes (lets several instances share one Redis); in braces ({regwatch}) for Redis Cluster, so each queue stays in one hash slot',
    default: 'regwatch',
    parse: text({
      pattern: /^(?:[A-Za-z0-9_-]{1,64}|\{[A-Za-z0-9_-]{1,62}\})$/,
      hint: 'letters, digits, _ or -, at most 64, optionally in braces ({regwatch}) for Redis Cluster',
    }),
  }),
  LOG_LEVEL: field({
    description: 'Log level',
    default: 'info',
    parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  }),
  SHUTDOWN_TIMEOUT_MS: field({
    description: 'Hard deadline for a graceful shutdown before the process exits anyway',
    default: 10_000,
    parse: integer({ min: 100, max: 600_000 }),
  }),
  LOG_FORMAT: field({
    description: 'Log lines as json, or pretty (human-readable); auto: pretty when stdout is a terminal',
    default: 'auto',
    parse: oneOf(['auto', 'json', 'pretty']),
  }),
  METRICS_TOKEN: field({
    description:
      'Bearer token /metrics requires (API and health servers); empty: /metrics answers only loopback clients',
    default: '',
    // Its own parse: a rejected token is never echoed in the error.
    parse: (raw: string) => {
      if (!/^[\x21-\x7e]{16,512}$/.test(raw)) throw new Error('must be at least 16 printable characters, no spaces');
      return raw;
    },
    redact: (value) => (value === '' ? '' : '(set)'),
  }),
};

/** The HTTP API. */
export const apiFields = {
  HOST: field({
    description: 'Address the API listens on',
    default: '127.0.0.1',
    parse: text({ pattern: /^[A-Za-z0-9.:-]+$/, hint: 'a host name or IP address' }),
  }),
  PORT: field({
    description: 'Port the API listens on',
    default: 3000,
    parse: integer({ min: 0, max: 65_535 }),
  }),
  TRUST_PROXY: field({
    description: 'Trust X-Forwarded-* headers (set behind a reverse proxy)',
    default: false,
    parse: boolean,
  }),
  API_ANONYMOUS_ACCESS: field({
    description: 'Serve /v1 reads without an API key (at API_ANONYMOUS_RATE per client address); false requires a key',
    default: true,
    parse: boolean,
  }),
  API_ANONYMOUS_RATE: field({
    description: 'Requests per minute one client address may make without an API key',
    default: 60,
    parse: integer({ min: 1, max: 1_000_000 }),
  }),
  FEED_ANONYMOUS_RATE: field({
    description:
      'Feed requests (/feeds) per minute one client address may make without an API key, apart from ' +
      'API_ANONYMOUS_RATE; a 304 Not Modified costs nothing',
    default: 300,
    parse: integer({ min: 1, max: 1_000_000 }),
  }),
  API_KEY_DEFAULT_RATE: field({
    description: 'Requests per minute of an API key created without --rate (shared by all API instances)',
    default: 600,
    parse: integer({ min: 1, max: 1_000_000 }),
  }),
  API_AUTH_FAILURE_RATE: field({
    description:
      'Requests with a missing (when required), malformed or unknown key one address may make per minute before 429',
    default: 10,
    parse: integer({ min: 1, max: 1_000_000 }),
  }),
  API_KEY_CACHE_SECONDS: field({
    description:
      'How long an API instance remembers a valid key before asking PostgreSQL again: a revoked key ' +
      'stops working within this time (0 looks every key up on every request)',
    default: 30,
    parse: integer({ min: 0, max: 3_600 }),
  }),
  API_CACHE_MAX_AGE: field({
    description: 'max-age (seconds) of the Cache-Control header on /v1 list and detail responses',
    default: 60,
    parse: integer({ min: 0, max: 86_400 }),
  }),
  API_RESPONSE_CACHE_SECONDS: field({
    description:
      'How long a /v1 response body is reused for the same URL (0: never); new items show up this much later',
    default: 5,
    parse: integer({ min: 0, max: 300 }),
  }),
  PUBLIC_URL: publicUrlField,
  FEED_TAG_AUTHORITY: field({
    description:
      'Authority of the tag: URIs that identify feed entries (RFC 4151): a domain you control and a year, ' +
      'e.g. regwatch.example.org,2026. Set it once and never change it: readers know entries by these ids',
    default: 'regwatch.invalid,2026',
    parse: text({
      pattern: /^[a-z0-9.-]+\.[a-z]{2,},\d{4}(-\d{2}(-\d{2})?)?$/,
      hint: 'a domain name, a comma and a date (regwatch.example.org,2026)',
    }),
  }),
  FEED_CACHE_SECONDS: field({
    description: 'How long a rendered feed is served from memory (revalidations in that time cost no query)',
    default: 60,
    parse: integer({ min: 0, max: 3_600 }),
  }),
};

/** The editor's console (/console): accounts are made with `regwatch editor add`. */
export const consoleFields = {
  CONSOLE_SECRET: field({
    description:
      "Secret that signs the editor's console session and CSRF cookies, at least 32 characters; changing it " +
      'signs every editor out. Empty: the console is closed (its pages answer 503)',
    default: '',
    parse: text({ pattern: /^.{32,512}$/, hint: 'at least 32 characters' }),
    redact: (value) => (value === '' ? '' : '(set)'),
  }),
  CONSOLE_SESSION_HOURS: field({
    description: 'How long a console sign-in lasts before the editor must sign in again',
    default: 12,
    parse: integer({ min: 1, max: 24 * 30 }),
  }),
  CONSOLE_LOGIN_RATE: field({
    description:
      'Sign-in attempts allowed per 15 minutes from one client address, and apart from that for one account, before 429',
    default: 10,
    parse: integer({ min: 1, max: 100_000 }),
  }),
};

/** The ingest workers: polling, fetching and processing. */
export const ingestFields = {
  POLL_CONCURRENCY: field({
    description: 'Sources fetched at once by one ingest process',
    default: 4,
    parse: integer({ min: 1, max: 256 }),
  }),
  PROCESS_CONCURRENCY: field({
    description:
      'Process jobs (batches of entries) stored at once by one ingest process (batches of one time window take turns on advisory locks)',
    default: 2,
    parse: integer({ min: 1, max: 256 }),
  }),
  PROCESS_BATCH_SIZE: field({
    description: 'Most entries of one document stored in one process job, in one transaction (1 = one at a time)',
    default: 64,
    parse: integer({ min: 1, max: 500 }),
  }),
  ARTICLE_CONCURRENCY: field({
    description:
      'Article pages fetched at once by one ingest process (for sources whose entries give no text; at most 2 per host)',
    default: 2,
    parse: integer({ min: 1, max: 64 }),
  }),
  FETCH_TIMEOUT_MS: field({
    description: 'Total time allowed for one fetch, redirects and body included',
    default: 20_000,
    parse: integer({ min: 100, max: 300_000 }),
  }),
  FETCH_MAX_BYTES: field({
    description: 'Largest response body accepted, after decompression',
    default: 10 * MiB,
    parse: integer({ min: 1_024, max: 512 * MiB }),
  }),
  FETCH_MAX_REDIRECTS: field({
    description: 'Redirects followed before a fetch fails',
    default: 5,
    parse: integer({ min: 0, max: 5 }),
  }),
  FETCH_USER_AGENT: field({
    description: 'User-Agent sent to sources',
    default: 'Regwatch/0.1 (+https://github.com/regwatch/regwatch)',
    parse: text({ pattern: /^[\x20-\x7E]{1,200}$/, hint: 'printable ASCII, at most 200 characters' }),
  }),
  FETCH_ALLOW_ADDRESSES: field({
    description:
      'Comma-separated CIDRs the fetcher may connect to although they are loopback, private or ' +
      'link-local (e.g. 127.0.0.0/8,::1/128). Only tests and the offline demo set it: in production ' +
      'it opens the SSRF guard',
    default: [] as readonly string[],
    parse: cidrList,
  }),
  WORKER_LOCK_MS: field({
    description: 'How long a worker holds a job before another may take it over (stall detection)',
    default: 30_000,
    parse: integer({ min: 500, max: 600_000 }),
  }),
  WORKER_STALLED_INTERVAL_MS: field({
    description: 'How often workers look for jobs whose worker died',
    default: 30_000,
    parse: integer({ min: 500, max: 600_000 }),
  }),
  INGEST_HEALTH_HOST: field({
    description: 'Address the ingest process serves /healthz and /readyz on',
    default: '127.0.0.1',
    parse: text({ pattern: /^[A-Za-z0-9.:-]+$/, hint: 'a host name or IP address' }),
  }),
  INGEST_HEALTH_PORT: field({
    description:
      'Port the ingest process serves /healthz and /readyz on (0: any free port, logged at start); ' +
      'it must differ from PORT when both run in one process',
    default: 3001,
    parse: integer({ min: 0, max: 65_535 }),
  }),
  RECONCILE_AFTER_SECONDS: field({
    description:
      'An entry read but not stored this long after its poll is enqueued again if Redis no longer has its job (after a flush or failover)',
    default: 120,
    parse: integer({ min: 1, max: 86_400 }),
  }),
};

/** Partners' webhooks (README "Webhooks"): the ingest's dispatcher and sender. */
export const webhookFields = {
  WEBHOOK_DISPATCH_EVERY_MS: field({
    description:
      "How often the ingest turns stories changed since each webhook's cursor into deliveries and sends what is due",
    default: 5_000,
    parse: integer({ min: 100, max: 600_000 }),
  }),
  WEBHOOK_TIMEOUT_MS: field({
    description: 'Longest one delivery POST may take (connection, headers and body) before it counts as failed',
    default: 10_000,
    parse: integer({ min: 100, max: 60_000 }),
  }),
  WEBHOOK_MAX_ATTEMPTS: field({
    description: 'Attempts of one delivery before it is marked failed',
    default: 8,
    parse: integer({ min: 1, max: 50 }),
  }),
  WEBHOOK_RETRY_BASE_MS: field({
    description: "Wait after a delivery's first failed attempt; it doubles after each failure (at most 6 hours)",
    default: 30_000,
    parse: integer({ min: 1, max: 3_600_000 }),
  }),
  WEBHOOK_DISABLE_AFTER_FAILURES: field({
    description: 'Failed attempts in a row (across deliveries) after which a webhook is disabled',
    default: 50,
    parse: integer({ min: 1, max: 10_000 }),
  }),
  WEBHOOK_SEND_CONCURRENCY: field({
    description: "Deliveries one ingest process POSTs at once (still at most 2 per host, the fetcher's limit)",
    default: 4,
    parse: integer({ min: 1, max: 64 }),
  }),
};

/** The weekly roundup: sign-ups (served by the API) and sending (the roundup service). */
export const roundupFields = {
  ROUNDUP_SECRET: field({
    description:
      'Secret that signs the links of roundup emails (confirm, manage, unsubscribe), at least 32 characters; ' +
      'changing it ends every link already sent. Empty: sign-ups are refused and no roundup is mailed',
    default: '',
    parse: text({ pattern: /^.{32,512}$/, hint: 'at least 32 characters' }),
    redact: (value) => (value === '' ? '' : '(set)'),
  }),
  SUBSCRIBE_CLIENT_RATE: field({
    description: 'Sign-ups one client address may make per hour',
    default: 10,
    parse: integer({ min: 1, max: 100_000 }),
  }),
  SUBSCRIBE_DOMAIN_RATE: field({
    description:
      'Sign-ups for addresses of one mail domain per hour, from all clients (the form cannot mail-bomb a company)',
    default: 30,
    parse: integer({ min: 1, max: 100_000 }),
  }),
};

/** The roundup service's mail transport and sender. */
export const mailFields = {
  PUBLIC_URL: publicUrlField,
  SMTP_HOST: field({
    description: 'SMTP server that roundup and confirmation emails are handed to; empty: nothing is mailed',
    default: '',
    parse: text({ pattern: /^[A-Za-z0-9.:-]{1,253}$/, hint: 'a host name or IP address' }),
  }),
  SMTP_PORT: field({ description: 'SMTP port', default: 587, parse: integer({ min: 1, max: 65_535 }) }),
  SMTP_TLS: field({
    description: 'starttls (upgrade, required), tls (implicit TLS, port 465) or none (a local relay only)',
    default: 'starttls',
    parse: oneOf(['starttls', 'tls', 'none']),
  }),
  SMTP_USER: field({ description: 'SMTP user name (empty: no authentication)', default: '', parse: text() }),
  SMTP_PASSWORD: field({
    description: 'SMTP password',
    default: '',
    parse: text(),
    redact: (value) => (value === '' ? '' : '(set)'),
  }),
  SMTP_FROM: field({
    description: 'From address of every email, e.g. "Regwatch roundup <roundup@regwatch.example.org>"',
    default: 'Regwatch <roundup@regwatch.invalid>',
    parse: text({ pattern: /^[^\r\n]{3,200}$/, hint: 'one line, an address with an optional display name' }),
  }),
  SMTP_TIMEOUT_MS: field({
    description:
      'Longest one SMTP exchange may take (connect, greeting, each reply); a message handed to SMTP whose sender ' +
      'crashed is judged uncertain after twice this',
    default: 30_000,
    parse: integer({ min: 100, max: 600_000 }),
  }),
  ROUNDUP_SEND_CONCURRENCY: field({
    description: 'Messages one roundup process hands to SMTP at once',
    default: 4,
    parse: integer({ min: 1, max: 64 }),
  }),
  ROUNDUP_HEALTH_HOST: field({
    description: 'Address the roundup process serves /healthz and /readyz on',
    default: '127.0.0.1',
    parse: text({ pattern: /^[A-Za-z0-9.:-]+$/, hint: 'a host name or IP address' }),
  }),
  ROUNDUP_HEALTH_PORT: field({
    description: 'Port the roundup process serves /healthz and /readyz on (0: any free port, logged at start)',
    default: 3002,
    parse: integer({ min: 0, max: 65_535 }),
  }),
};

/** The roundup's worker has the ingest's stall detection settings. */
const workerFields = {
  WORKER_LOCK_MS: ingestFields.WORKER_LOCK_MS,
  WORKER_STALLED_INTERVAL_MS: ingestFields.WORKER_STALLED_INTERVAL_MS,
};
export const roundupConfigFields = { ...commonFields, ...workerFields, ...roundupFields, ...mailFields };
/** The API checks webhook URLs with the fetcher's own exemptions from the SSRF guard. */
const webhookRegistrationFields = { FETCH_ALLOW_ADDRESSES: ingestFields.FETCH_ALLOW_ADDRESSES };
export const apiConfigFields = {
  ...commonFields,
  ...apiFields,
  ...roundupFields,
  ...consoleFields,
  ...webhookRegistrationFields,
};
export const ingestConfigFields = { ...commonFields, ...ingestFields, ...webhookFields };
/** `regwatch start` runs all three in one process. */
export const allConfigFields = {
  ...commonFields,
  ...apiFields,
  ...ingestFields,
  ...webhookFields,
  ...roundupFields,
  ...mailFields,
  ...consoleFields,
};

/**
 * The tests and evaluations that read the shared corpus (`npm run test:corpus`, `npm run
 * eval:*`), not any service: where that corpus is.
 */
export const corpusFields = {
  REGWATCH_CORPUS_DIR: field({
    description:
      'Directory of the shared corpus (peer feed test suites, the AIAAIC and AIID registers, the UCI news sample), absolute or relative to the repository root',
    default: '../shared/corpus',
    parse: text({ pattern: /\S/, hint: 'a directory path' }),
  }),
};
