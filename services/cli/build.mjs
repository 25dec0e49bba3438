// Compiles the `regwatch` command into JavaScript (dist/regwatch.mjs and the chunks it loads):
// Regwatch's own packages are bundled in, every npm dependency stays an import from node_modules.
// Services run this, not TypeScript through a run-time transpiler (a cold start through tsx took 3 s).
// It also writes dist/inputs.json, the sources the bundle was built from, for bin/regwatch.mjs to
// tell whether the bundle is older than them.
//   node services/cli/build.mjs      (npm run build; npm ci runs it through `prepare`)
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const cliDir = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;
const distDir = `${cliDir}dist`;

/**
 * Bundled: workspace packages (`@regwatch/*`), relative imports, and drizzle-orm. Every other npm
 * dependency stays an import from node_modules. drizzle-orm is some 450 small modules under one
 * 180 KB package.json, and Node's loader deserialises that package.json again for each of them:
 * importing drizzle-orm/node-postgres alone took 0.7 s of CPU and a 290 MB peak of short-lived
 * garbage. Bundled, it is one module of the chunk that needs it.
 */
const bundled = (path) => path.startsWith('@regwatch/') || path === 'drizzle-orm' || path.startsWith('drizzle-orm/');
const keepDependenciesExternal = {
  name: 'keep-dependencies-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      bundled(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

const { metafile } = await build({
  entryPoints: { regwatch: `${cliDir}src/main.ts` },
  outdir: distDir,
  outExtension: { '.js': '.mjs' },
  // Paths in the metafile (and so in dist/inputs.json) relative to the repository root, wherever this runs from.
  absWorkingDir: root,
  bundle: true,
  // Each command's dynamic import becomes a chunk loaded when that command runs, so `--version`
  // loads a few kilobytes, not the database driver, the queue and the API server. Chunks sit in
  // dist/ beside the entry: paths.ts finds migrations/ relative to the module's own directory.
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [keepDependenciesExternal],
});

// Chunks of earlier builds (their names carry a content hash) would pile up otherwise.
const written = new Set(Object.keys(metafile.outputs).map((path) => path.slice('services/cli/dist/'.length)));
for (const name of readdirSync(distDir)) {
  if (!written.has(name) && name !== 'inputs.json') rmSync(`${distDir}/${name}`);
}

// Every bundled workspace file, and every workspace package.json (their `exports` steer resolution).
const workspaceManifests = ['packages', 'services'].flatMap((group) =>
  readdirSync(`${root}${group}`)
    .map((name) => `${group}/${name}/package.json`)
    .filter((path) => existsSync(`${root}${path}`)),
);
const bundledSources = Object.keys(metafile.inputs).filter((path) => !path.includes('node_modules/'));
writeFileSync(
  `${distDir}/inputs.json`,
  `${JSON.stringify([...bundledSources, ...workspaceManifests].sort(), null, 1)}\n`,
);
