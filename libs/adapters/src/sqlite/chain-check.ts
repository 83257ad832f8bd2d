import { Worker } from 'node:worker_threads';
import { verifyChain, type VerifyResult } from '../../../ledger/src/integrity/verify-chain';
import { ReadOnlyEventLog } from './read-only-log';
import { workerScript } from './worker-script';

/** The verifier's answer, or why it could not run at all (the file unreadable, not a log). */
export type ChainCheck = VerifyResult | Readonly<{ ok: 'unknown'; problem: string }>;

/** Walks the whole chain of the log file through its own read-only connection. */
export async function verifyFile(file: string): Promise<ChainCheck> {
  let log: ReadOnlyEventLog | undefined;
  try {
    log = ReadOnlyEventLog.open(file);
    return await verifyChain(log);
  } catch (error) {
    return { ok: 'unknown', problem: error instanceof Error ? error.message : String(error) };
  } finally {
    log?.close();
  }
}

export type BackgroundCheck = Readonly<{ result: Promise<ChainCheck>; stop: () => Promise<void> }>;

/**
 * The same on a worker thread, so that a server starting on a large log answers at once while the
 * pass runs (several seconds per million events). Run from TypeScript source (under jest), where
 * a worker cannot load the script, the pass runs on this thread, a page at a time.
 */
export function verifyFileInBackground(file: string): BackgroundCheck {
  const script = workerScript('chain-check-worker');
  if (!script) {
    const result = verifyFile(file);
    return { result, stop: async () => void (await result) };
  }
  const worker = new Worker(script, { workerData: { file } });
  const result = new Promise<ChainCheck>((resolve) => {
    worker.once('message', (r: ChainCheck) => resolve(r));
    worker.once('error', (error) => resolve({ ok: 'unknown', problem: error.message }));
    worker.once('exit', (code) => resolve({ ok: 'unknown', problem: `the verifying thread stopped (exit ${code})` }));
  });
  return { result, stop: async () => void (await worker.terminate()) };
}
