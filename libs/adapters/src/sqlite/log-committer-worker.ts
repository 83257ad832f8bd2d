import { parentPort, workerData } from 'node:worker_threads';
import { LogWriter, StaleHead, type CommitReply, type PreparedBatch } from './log-committer';

/** The log's committing connection on a thread of its own (log-committer.ts). */
const writer = new LogWriter((workerData as { file: string }).file);
const port = parentPort!;

port.on('message', (m: PreparedBatch | { close: true }) => {
  if ('close' in m) {
    writer.close();
    port.close();
    return;
  }
  let reply: CommitReply;
  try {
    writer.commit(m);
    reply = { ok: true };
  } catch (error) {
    if (error instanceof StaleHead) reply = { stale: error.head };
    else {
      const e = error as { message?: string; code?: string };
      reply = { error: e.message ?? String(error), code: e.code };
    }
  }
  port.postMessage(reply);
});
