import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

/** A PostgreSQL server of a test's own, on a port of its own, in a temporary directory. */
export interface PrivatePostgres {
  port: number;
  /** The URL of `database` on this server (trust authentication, user postgres). */
  url(database?: string): string;
  /** `pg_ctl stop -m MODE`: connections are dropped (57P01 for fast, at once for immediate), new ones refused. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server, whatever its state, and deletes its directory. */
  destroy(): Promise<void>;
}

/** The directory of PostgreSQL's server programs (initdb, pg_ctl): pg_config's, else the newest installed. */
function serverBinaries(): string {
  try {
    const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(bindir, 'pg_ctl'))) return bindir;
  } catch {
    // No pg_config on PATH: look where Debian installs the server.
  }
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bindir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(bindir, 'pg_ctl'))) return bindir;
  }
  throw new Error('PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql');
}

/**
 * Starts a throwaway PostgreSQL for fault tests (restarts, crashes), never touching the shared
 * server on 5432. initdb and the server refuse to run as root, so as root they run as the
 * `postgres` user (runuser), who owns the directory. fsync is off (the machine does not crash
 * here, only PostgreSQL stops), but synchronous commit stays on: without it a commit returns
 * before its WAL is written, and `stop('immediate')` loses transactions the client saw commit.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bindir = serverBinaries();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const pg = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bindir, program), ...args])
      : run(join(bindir, program), args);

  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ');
  const start = async () => {
    await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  await start();
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop,
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
