import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SOURCES = ['apps', 'libs', 'bench'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // The console's API client is generated during the build from the compiled server: not a source.
    if (entry.isDirectory()) newest = entry.name === 'generated' ? newest : Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The path of a compiled file a suite runs (a child process, a worker thread). A suite that tests
 * `dist/` must never pass by skipping: missing or older than the sources, it throws at load, so
 * the suite fails and says to build (`npm test` builds before running jest).
 */
export function compiled(file: string): string {
  const path = resolve(ROOT, file);
  if (!existsSync(path)) throw new Error(`${relative(ROOT, path)} is missing: run \`npm run build\` (npm test builds first)`);
  const built = statSync(path).mtimeMs;
  const source = Math.max(...SOURCES.map((d) => newestSource(join(ROOT, d))));
  if (built < source) throw new Error(`${relative(ROOT, path)} is older than the sources: run \`npm run build\` (npm test builds first)`);
  return path;
}
