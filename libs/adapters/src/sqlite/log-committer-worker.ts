import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { LogWriter, StaleHead, type CommitReply, type PreparedBatch } from './log-committer';

/** The log's committing connection on a thread of its own (log-committer.ts). */
const writer = new LogWriter((workerData as { file: string }).file);
const port = parentPort!;
/** The projector's thread, told each new head directly (projector-host.ts). */
let projector: MessagePort | null = null;

port.on('message', (m: PreparedBatch | { close: true } | { announceTo: MessagePort }) => {
  if ('close' in m) {
    writer.close();
    projector?.close();
    port.close();
    return;
  }
  if ('announceTo' in m) {
    projector = m.announceTo;
    return;
  }
  let reply: CommitReply;
  try {
    writer.commit(m);
    reply = { ok: true };
    const last = m.events[m.events.length - 1];
    if (last && projector) projector.postMessage({ head: last[0] });
  } catch (error) {
    if (error instanceof StaleHead) reply = { stale: error.head };
    else {
      const e = error as { message?: string; code?: string };
      reply = { error: e.message ?? String(error), code: e.code };
    }
  }
  port.postMessage(reply);
});
