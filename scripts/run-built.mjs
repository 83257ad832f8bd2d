#!/usr/bin/env node
// `npm run ledger -- …` and `npm run projector`: run a compiled entry point, compiling first only
// when dist/ is missing or older than a TypeScript source (a full build costs ~30 s here; a
// command on an up-to-date build starts in about a second).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-built.mjs <dist entry> [args…]\n');
  process.exit(2);
}

function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    // apps/web/src/api/generated is written by the build from the compiled server: not a source.
    if (e.isDirectory()) latest = e.name === 'generated' ? latest : Math.max(latest, newest(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const target = join(root, entry);
const sources = Math.max(
  ...['apps', 'libs', 'bench'].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d))),
  statSync(join(root, 'tsconfig.build.json')).mtimeMs,
);
if (!existsSync(target) || statSync(target).mtimeMs < sources) {
  process.stderr.write('compiling (sources changed since the last build)…\n');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
const run = spawnSync(process.execPath, [target, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
