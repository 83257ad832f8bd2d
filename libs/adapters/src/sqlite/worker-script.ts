import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled script of one of this folder's worker threads, or null when this module runs from
 * TypeScript source (under jest), where a worker could not load it: callers then do the same work
 * on their own thread.
 */
export function workerScript(name: 'projector-worker' | 'log-committer-worker' | 'chain-check-worker'): string | null {
  const file = join(__dirname, `${name}.js`);
  return __filename.endsWith('.js') && existsSync(file) ? file : null;
}
