/**
 * The rooms of DESIGN.md as rules: who may import whom, no cycles, no I/O in packages/core.
 * Run by `npm run lint` (depcruise packages services).
 */
const io =
  '^(pg|drizzle-orm|bullmq|ioredis|undici|fastify|node:(http|https|http2|net|dns|tls|dgram|fs|child_process|worker_threads)|(http|https|net|dns|tls|fs|child_process))($|/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'packages/core holds pure domain code: no database, queue, network or file I/O.',
      from: { path: '^packages/core/src' },
      to: { dependencyTypes: ['npm', 'core'], path: io },
    },
    {
      name: 'core-imports-nothing-internal',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: { path: '^(packages/(?!core/)|services/)' },
    },
    {
      name: 'config-imports-nothing-internal',
      severity: 'error',
      from: { path: '^packages/config/src' },
      to: { path: '^(packages/(?!config/)|services/)' },
    },
    {
      name: 'packages-import-only-core',
      severity: 'error',
      comment: 'db, queue and sources build on core only (DESIGN.md rooms).',
      from: { path: '^packages/(db|queue|sources)/src' },
      to: { path: '^(packages/(?!(core|db|queue|sources)/)|services/)' },
    },
    {
      name: 'render-is-pure',
      severity: 'error',
      comment: 'packages/render turns data into feed bytes: no database, queue, network or file I/O.',
      from: { path: '^packages/render/src' },
      to: { dependencyTypes: ['npm', 'core'], path: io },
    },
    {
      name: 'render-imports-only-core',
      severity: 'error',
      comment: 'render builds on core only (DESIGN.md rooms).',
      from: { path: '^packages/render/src' },
      to: { path: '^(packages/(?!(core|render)/)|services/)' },
    },
    {
      name: 'runtime-imports-only-its-libraries',
      severity: 'error',
      comment:
        'runtime is what every process needs; it builds on config, queue, db and core (DESIGN.md rooms), never on a service.',
      from: { path: '^packages/runtime/src' },
      to: { path: '^(packages/(?!(core|config|db|queue|runtime)/)|services/)' },
    },
    {
      name: 'libraries-do-not-cross',
      severity: 'error',
      from: { path: '^packages/(db|queue|sources)/src' },
      to: { path: '^packages/(db|queue|sources)/src', pathNot: '^packages/$1/src' },
    },
    {
      name: 'services-do-not-import-services',
      severity: 'error',
      comment: 'Services are deployables; only the CLI (the composition root) puts them together.',
      from: { path: '^services/(ingest|api|roundup)/src' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'test-helpers-stay-in-tests',
      severity: 'error',
      from: { path: '^(packages|services)/[^/]+/src', pathNot: '^packages/testing/' },
      to: { path: '^packages/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|testdata)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    combinedDependencies: true,
  },
};
