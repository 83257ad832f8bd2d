import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PROJECTIONS, auditKeys } from '../../../ledger/src/projections';
import { ProjectorLoop } from './projector-loop';
import { SqliteProjector } from './sqlite-projector';
import type { BulkMessage, WorkerMessage } from './projector-host';
import type { EventTuple } from './log-rows';

/**
 * The projector's thread (projector-host.ts): told the log's head after every commit, it applies
 * batches until the read models reach it, and answers each position it reaches.
 */
const { logFile, readFile } = workerData as { logFile: string; readFile: string };
const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);
const loop = new ProjectorLoop(
  new SqliteProjector(logFile, readFile, { projections: PROJECTIONS, auditKeys }),
  (progress) => send({ progress }),
  (e) => send({ error: e.message, stack: e.stack, code: (e as { code?: string }).code }),
);
const projector = loop.projector;
/** A bulk import's read-model transaction is open. */
let bulk = false;

/** The bulk protocol (projector-host.ts): every message answered, in order, so the host can wait on each. */
function onBulk(m: BulkMessage): void {
  try {
    if ('bulkBegin' in m) {
      loop.pause();
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
      loop.resume(position);
    } else {
      projector.abortBulk();
      bulk = false;
      send({ bulk: 'ok' });
      loop.resume(null);
    }
  } catch (error) {
    // A failed chunk leaves no transaction behind, and the host ends the bulk with an abort; after a
    // failed begin there is no bulk to end, so the loop goes on at once.
    projector.abortBulk();
    bulk = false;
    if ('bulkBegin' in m) loop.resume(null);
    const e = error instanceof Error ? error : new Error(String(error));
    send({ bulk: 'error', error: e.message, stack: e.stack });
  }
}

port.on('message', (m: { head?: number; close?: true; heads?: MessagePort } | BulkMessage) => {
  if ('bulkBegin' in m || 'bulkEvents' in m || 'bulkEnd' in m) return onBulk(m);
  if (m.heads) {
    // The committer's thread announces each commit here, one hop sooner than through the main thread.
    m.heads.on('message', (h: { head: number }) => loop.notify(h.head));
    m.heads.unref();
    return;
  }
  if (m.close) {
    void loop.stop().then(() => {
      if (bulk) projector.abortBulk();
      projector.close();
      send({ closed: true });
      port.close();
    });
    return;
  }
  loop.notify(m.head ?? 0);
});
