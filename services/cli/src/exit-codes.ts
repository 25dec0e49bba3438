/** The exit codes README.md documents ("### The command line"): one meaning each, for every command. */
export const exitCodes = {
  ok: 0,
  /** The command ran but what was asked cannot be done: an unknown source or key, a duplicate id. */
  failed: 1,
  /** Bad usage: unknown command or option, an invalid value, invalid configuration. */
  usage: 2,
  /** PostgreSQL or Redis is unreachable, refuses the credentials, or the database is missing or not migrated. */
  unavailable: 3,
} as const;
