import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Lints `source` as if it were a file of `pkg` (Biome's stdin mode hides diagnostics, so a git-ignored probe file is used). */
function lintAs(pkg: string, source: string) {
  const dir = join(root, pkg, `.lint-probe-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  try {
    writeFileSync(join(dir, 'probe.ts'), source);
    const result = spawnSync(
      process.execPath,
      ['node_modules/@biomejs/biome/bin/biome', 'lint', '--vcs-use-ignore-file=false', join(dir, 'probe.ts')],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// DESIGN.md: "A lint rule keeps I/O out of packages/core".
describe('the rooms of the architecture', () => {
  it.each([
    ["import pg from 'pg';", 'pg'],
    ["import { Queue } from 'bullmq';", 'bullmq'],
    ["import { readFile } from 'node:fs/promises';", 'node:fs/promises'],
    ["import { request } from 'undici';", 'undici'],
  ])('refuse I/O imports in packages/core: %s', (source, name) => {
    const result = lintAs(
      'packages/core',
      `${source}\nexport const x = [${source.split(' ')[1]?.replace(/[{}]/g, '')}];\n`,
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('lint/style/noRestrictedImports');
    expect(result.output).toContain(`'${name}'`);
  });

  it('allow the same imports outside packages/core', () => {
    const result = lintAs('packages/db', "import pg from 'pg';\n\nexport const x = pg;\n");
    expect(result.status, result.output).toBe(0);
  });

  it('hold across the whole tree (dependency-cruiser: rooms and no cycles)', () => {
    const result = spawnSync(
      process.execPath,
      [
        'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
        'packages',
        'services',
        '--config',
        '.dependency-cruiser.cjs',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).toContain('no dependency violations found');
  });
});
