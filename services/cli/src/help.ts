// The usage text of every command, apart from the commands themselves: `regwatch help` prints it
// without loading any command's dependencies (the database, the queue, the API server).
import { version } from './version.ts';

export const migrateHelp = `regwatch migrate
  Creates the database if it is missing and applies pending migrations. Safe to run from
  several processes at once (they take a lock and take turns).`;

export const startHelp = `regwatch start [--only api|ingest|roundup] [--no-migrate]
  Runs the API, the ingest workers and the roundup service (the Friday email) in one process
  (or only one of them), after applying pending migrations. Each stops gracefully on SIGTERM or SIGINT within SHUTDOWN_TIMEOUT_MS.`;

export const demoHelp = `regwatch demo
  Runs Regwatch with no network: serves every catalog source's recorded response from a local
  HTTP server, points those sources at it, starts the API and the workers, and polls them all.
  Uses the same database and queue prefix as every other command (DATABASE_URL, QUEUE_PREFIX;
  by default the database regwatch), so \`regwatch sources list\` or \`regwatch apikey create\`
  work beside it. Refuses a database whose sources poll real sites: give the demo another one,
  e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/regwatch_demo.`;

export const sourcesHelp = `regwatch sources add --id ID --url URL [--name NAME] [--kind regulator|incident-db|press]
                     [--jurisdiction CODE]... [--interval SECONDS] [--format FORMAT]
                     [--language TAG] [--homepage URL]
  Adds a source and schedules its first poll. Jurisdictions are ISO 3166 codes (GB, US-CA) or EU/EEA.
regwatch sources sync
  Adds every source of the built-in catalog (regulators, AIAAIC, the trade press), or brings
  their definitions up to date; fetch state and enabled/disabled choices are kept.
regwatch sources list [--json]
  Every source with its fetch health.
regwatch sources poll ID [--force]
  Polls a source now, whatever its schedule. --force refetches the whole document: no stored
  validators are sent (ETag, Last-Modified) and an unchanged body is read again, so entries
  that were fetched but never stored (a Redis flush) come back.`;

export const importHelp = `regwatch import --source ID FILE [--timeout SECONDS]
  Pushes a saved document of a source (a feed file, an export) through the processing
  queue, for backfills, and waits until it is stored. Entries already stored are skipped.
  A file larger than FETCH_MAX_BYTES is refused, as a fetched body would be.`;

export const retagHelp = `regwatch retag [--source ID]
  Tags stored items again with the current lexicons (run it after editing packages/core/lexicons/):
  items whose platforms, jurisdictions or topics change are updated, with their stories.`;

export const apikeyHelp = `regwatch apikey create --name NAME [--rate REQUESTS_PER_MINUTE]
  Creates an API key and prints it once, alone on stdout; only its hash is stored.
  Without --rate the key follows API_KEY_DEFAULT_RATE.
regwatch apikey list [--json]
  Every key: id, name, prefix, rate, when it was created, last used and revoked. Never the key.
regwatch apikey revoke ID|PREFIX
  Revokes a key by its id or its prefix (rwk_xxxxxxxx); API instances refuse it within
  API_KEY_CACHE_SECONDS.`;

export const editorHelp = `regwatch editor add EMAIL [--password-stdin]
  Adds an editor of the console (/console). The password (at least 12 characters) is asked for
  twice without echo, or read from stdin with --password-stdin; only its scrypt hash is stored.
regwatch editor list [--json]
  Every editor: address, when added.
regwatch editor remove EMAIL
  Removes an editor; their sessions end at once. The audit log keeps their address.
regwatch editor password EMAIL [--password-stdin]
  Sets a new password and ends every session signed in before it.`;

export const roundupHelp = `regwatch roundup [--week 2024-W38] --preview FILE.html
  Writes an edition's HTML to FILE.html and its text to FILE.txt: the stored edition, or one
  composed now from the stored stories (not stored). The week defaults to the current edition's.
regwatch roundup [--week 2024-W38] --send
  Builds the edition if needed, freezes its audience (the active subscribers) and sends it now,
  even for a past week; prints the counts when done. Needs SMTP_HOST and ROUNDUP_SECRET.
regwatch roundup [--week 2024-W38] --status
  The edition's audience and its deliveries: sent, empty, failed, bouncing, uncertain, skipped, pending.`;

export const subscribersHelp = `regwatch subscribers erase EMAIL
  Deletes a subscriber and their delivery records (erasure on request); their links stop working.`;

export const statusHelp = `regwatch status [--json]
  One screen for the operator: sources by health (ok, pending, failing, dead, paused; the
  failing and dead ones named with their last error), queue depths (waiting/prioritized/active/delayed/failed
  per queue), the last roundup (sent, failed, uncertain) and when the next one is built. With
  Redis down it says so and shows the rest; with PostgreSQL down it exits 3.`;

export const configHelp = `regwatch config
  Prints the configuration this environment gives, secrets redacted, or every problem with it.`;

/** What `regwatch help` prints. */
export const help = `regwatch ${version}: a regulatory newsfeed for data-protection officers

${migrateHelp}
${startHelp}
${demoHelp}
${sourcesHelp}
${importHelp}
${retagHelp}
${apikeyHelp}
${editorHelp}
${roundupHelp}
${subscribersHelp}
${statusHelp}
${configHelp}

Configuration comes from environment variables (see README.md); \`regwatch config\` shows it.
--verbose (with any command) prints an error's causes and stacks after its one line.
Exit codes: 0 done, 1 not possible as asked (unknown source or key, duplicate id), 2 bad usage or
configuration, 3 PostgreSQL or Redis unreachable, refusing the credentials, or not migrated.`;
