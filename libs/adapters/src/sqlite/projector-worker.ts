import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PROJECTIONS, auditKeys } from '../../../ledger/src/projections';
import { SqliteProjector } from './sqlite-projector';
import type { BulkMessage, WorkerMessage } from './projector-host';
import type { EventTuple } from './sqlite-event-log';

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
let reported = 0;
let running = false;
let closing = false;
/** A bulk import's transaction is open: steps wait until it ends. */
let bulk = false;

const send = (m: WorkerMessage) => port.postMessage(m);

function run(): void {
  running = false;
  if (closing) return finish();
  if (bulk) return;
  try {
    // Reported even when another process's projector applied the events: the position is what the host waits for.
    const { position } = projector.step(BATCH);
    if (position > reported) send({ progress: (reported = position) });
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

/** The bulk protocol (projector-host.ts): every message answered, in order, so the host can wait on each. */
function onBulk(m: BulkMessage): void {
  try {
    if ('bulkBegin' in m) {
      projector.beginBulk(m.bulkBegin);
      bulk = true;
      send({ bulk: 'ok' });
    } else if ('bulkEvents' in m) {
      projector.applyBulk(m.bulkEvents as EventTuple[]);
      send({ bulk: 'ok' });
    } else if (m.bulkEnd === 'commit') {
      const position = projector.commitBulk();
      bulk = false;
      send({ bulk: 'ok' });
      send({ progress: (reported = Math.max(reported, position)) });
      if (position < head) schedule();
    } else {
      projector.abortBulk();
      bulk = false;
      send({ bulk: 'ok' });
      schedule();
    }
  } catch (error) {
    if (!('bulkEvents' in m) || bulk) {
      projector.abortBulk();
      bulk = false;
    }
    const e = error instanceof Error ? error : new Error(String(error));
    send({ bulk: 'error', error: e.message, stack: e.stack });
  }
}

port.on('message', (m: { head?: number; close?: true; heads?: MessagePort } | BulkMessage) => {
  if ('bulkBegin' in m || 'bulkEvents' in m || 'bulkEnd' in m) return onBulk(m);
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
