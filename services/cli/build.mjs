// Compiles the `regwatch` command into one JavaScript bundle (dist/regwatch.mjs): Regwatch's own
// packages are bundled in, every npm dependency stays an import from node_modules. Services run
// this, not TypeScript through a run-time transpiler (a cold start through tsx took 3 s).
//   node services/cli/build.mjs      (npm run build; npm ci runs it through `prepare`)
import { build } from 'esbuild';

const cliDir = new URL('.', import.meta.url).pathname;

/** npm dependencies stay external; workspace packages (`@regwatch/*`) and relative imports are bundled. */
const keepDependenciesExternal = {
  name: 'keep-dependencies-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@regwatch/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [`${cliDir}src/main.ts`],
  outfile: `${cliDir}dist/regwatch.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [keepDependenciesExternal],
});
