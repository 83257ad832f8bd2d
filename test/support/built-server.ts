import { spawn, type ChildProcess } from 'node:child_process';
import { compiled } from './compiled';

/**
 * The built server (dist/) as a child process on `port` and `dbFile`, answered once /health is ok.
 * The wait is bounded by the process, not the clock: a busy machine only makes it longer. `env`
 * adds variables (a test knob such as LEDGER_PAGE_LIMITS). `until: 'answering'` returns at the
 * first answer of /health whatever its status: on a tampered log /health turns 503 as soon as the
 * chain check ends, which on a busy machine may be before the first poll, so "ok" may never come.
 */
export async function bootBuiltServer(
  dbFile: string,
  port: number,
  adminToken: string,
  env: Readonly<Record<string, string>> = {},
  until: 'ok' | 'answering' = 'ok',
): Promise<ChildProcess> {
  const main = compiled('dist/apps/api/src/main.js');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port), LEDGER_DB: dbFile, LEDGER_ADMIN_TOKEN: adminToken, LEDGER_LOG: 'off' },
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!exited) {
    try {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      if (health.ok || until === 'answering') return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server exited before it answered /health');
}
