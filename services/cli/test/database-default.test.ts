import { readFile } from 'node:fs/promises';
import { allConfigFields, commonFields, loadConfig } from '@regwatch/config';
import { describe, expect, it } from 'vitest';
import { demoEnv } from '../src/commands/demo.ts';
import { refuseRealSources } from '../src/demo/database-guard.ts';

// Issue 11: right after `npm start` (the demo), `regwatch sources list` and `regwatch apikey create`
// must reach the demo's database and queues, so both take the same defaults, and the docs agree.

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

describe('npm start and the other commands share one database', () => {
  it('npm start is the demo, and the demo keeps the database and queue prefix every command uses', async () => {
    const packageJson = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.start).toBe('regwatch demo');
    for (const env of [
      {},
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/regwatch_demo', QUEUE_PREFIX: 'demo' },
    ]) {
      const demo = loadConfig(allConfigFields, demoEnv(env));
      const cli = loadConfig(commonFields, env);
      expect([demo.DATABASE_URL, demo.QUEUE_PREFIX]).toEqual([cli.DATABASE_URL, cli.QUEUE_PREFIX]);
    }
    expect(loadConfig(commonFields, {}).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/regwatch');
  });

  it('README.md, .env.example and the demo help name that database', async () => {
    const readme = await read('README.md');
    expect(readme).toContain('`npm start` runs `regwatch demo`: it creates and migrates the `regwatch` database');
    // regwatch_demo appears only as the example of another database given through DATABASE_URL.
    const demoLines = readme.split('\n').filter((line) => line.includes('regwatch_demo'));
    for (const line of demoLines) expect(line).toContain('DATABASE_URL=');
    const example = await read('.env.example');
    expect(example).toContain('DATABASE_URL=postgres://postgres@127.0.0.1:5432/regwatch\n');
    const { demoHelp } = await import('../src/help.ts');
    expect(demoHelp).toContain('by default the database regwatch');
  });
});

describe('the demo refuses a database whose sources poll real sites', () => {
  it('accepts an empty database and one holding only replayed sources', () => {
    expect(() => refuseRealSources([], 'regwatch')).not.toThrow();
    expect(() => refuseRealSources([{ id: 'ico-news', linkBase: 'https://ico.org.uk/' }], 'regwatch')).not.toThrow();
  });

  it('refuses one source polling its real site, saying what to do', () => {
    expect(() =>
      refuseRealSources(
        [
          { id: 'ico-news', linkBase: 'https://ico.org.uk/' },
          { id: 'opc-news', linkBase: null },
        ],
        'regwatch',
      ),
    ).toThrow(
      'database "regwatch" holds 1 source(s) that poll real sites (opc-news), so the demo will not load its recorded sources there: run it on another database, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/regwatch_demo npm start',
    );
  });
});
