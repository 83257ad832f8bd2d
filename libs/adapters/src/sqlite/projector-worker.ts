import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PROJECTIONS, auditKeys } from '../../../ledger/src/projections';
import { SqliteProjector } from './sqlite-projector';
import type { WorkerMessage } from './projector-host';

/**
 * The projector's thread (projector-host.ts): told the log's head after every commit, it applies
 * batches until the read models reach it, and answers each position it commits.
 */
const { logFile, readFile } = workerData as { logFile: string; readFile: string };
const projector = new SqliteProjector(logFile, readFile, { projections: PROJECTIONS, auditKeys });
const port = parentPort!;
const BATCH = 2000;
const RETRY_MS = 1000;
let head = 0;
let running = false;
let closing = false;

const send = (m: WorkerMessage) => port.postMessage(m);

function run(): void {
  running = false;
  if (closing) return finish();
  try {
    const { position, applied } = projector.step(BATCH);
    if (applied > 0) send({ progress: position });
    if (position < head) schedule();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    send({ error: e.message, stack: e.stack });
    setTimeout(schedule, RETRY_MS);
  }
}

function schedule(): void {
  if (running) return;
  running = true;
  setImmediate(run);
}

function finish(): void {
  projector.close();
  send({ closed: true });
  port.close();
}

port.on('message', (m: { head?: number; close?: true; heads?: MessagePort }) => {
  if (m.heads) {
    // The committer's thread announces each commit here, one hop sooner than through the main thread.
    m.heads.on('message', (h: { head: number }) => {
      head = Math.max(head, h.head);
      schedule();
    });
    m.heads.unref();
    return;
  }
  if (m.close) {
    closing = true;
    if (!running) finish();
    return;
  }
  head = Math.max(head, m.head ?? 0);
  schedule();
});
