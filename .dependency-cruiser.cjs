/**
 * The layering, enforced in `npm test` (test/architecture.unit.spec.ts): the domain imports nothing
 * of ours and no framework; the ledger (use cases, queries, projections) only the domain; adapters
 * only the ledger and the domain; libraries never import apps or bench.
 */
// Integration specs are composition roots: they wire a use case to a real adapter on purpose.
const SPEC = '\\.spec\\.ts$';
const FRAMEWORKS = '^(@nestjs|fastify|@fastify|better-sqlite3|sqlite3|mongodb|@eventstore|class-validator|class-transformer|react|vite)';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      from: { pathNot: SPEC, path: '^libs/domain/' },
      to: { path: '^(libs/(ledger|adapters)|apps|bench)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'deciders and rules stay free of frameworks, storage and I/O libraries',
      severity: 'error',
      from: { pathNot: SPEC, path: '^libs/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'] },
    },
    {
      name: 'ledger-only-domain',
      severity: 'error',
      from: { pathNot: SPEC, path: '^libs/ledger/' },
      to: { path: '^(libs/adapters|apps|bench)/' },
    },
    {
      name: 'ledger-no-framework',
      comment: 'use cases know ports, not NestJS or a database driver',
      severity: 'error',
      from: { path: '^libs/ledger/', pathNot: SPEC },
      to: { path: `node_modules/${FRAMEWORKS.slice(1)}` },
    },
    {
      name: 'adapters-only-ledger-and-domain',
      severity: 'error',
      from: { pathNot: SPEC, path: '^libs/adapters/' },
      to: { path: '^(apps|bench)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // 'types' last: a type-only export (vite/client, referenced by the console's vite-env.d.ts) resolves too.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
