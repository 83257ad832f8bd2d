import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '../../ledger/src/ports/event-store.port';
import { PROJECTIONS, auditKeys } from '../../ledger/src/projections';
import { MongoReadStore } from './mongodb/mongo-read-store';
import { MemoryProjectionSink } from './projection-sink/memory-projection-sink';
import { SqliteLedgerStore } from './sqlite/sqlite-ledger-store';
import { readStoreContract } from './testing/read-store.contract';

const toNew = (e: StoredEvent) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata });

readStoreContract('SQLite (projected inline)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-contract-'));
  const store = new SqliteLedgerStore(join(dir, 'ledger.db'), { projections: PROJECTIONS, auditKeys });
  return {
    reads: store,
    feed: async (events) => {
      for (const e of events) {
        if (e.position <= (await store.head()).position) continue;
        const r = await store.append(e.streamId, e.revision === 0 ? 'no_stream' : e.revision - 1, [toNew(e)]);
        if (r.lastPosition !== e.position) throw new Error(`fixture event ${e.position} landed at ${r.lastPosition}`);
      }
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

readStoreContract('in-memory projection sink (batches)', async () => {
  const sink = new MemoryProjectionSink({ projections: PROJECTIONS, auditKeys });
  return { reads: sink, feed: feedInBatches(sink), cleanup: async () => undefined };
});

const MONGO_URL = process.env.LEDGER_TEST_MONGO_URL;
if (MONGO_URL) {
  readStoreContract('MongoDB (projection sink)', async () => {
    const sink = await MongoReadStore.connect(MONGO_URL, { projections: PROJECTIONS, auditKeys, dbName: `ledger_contract_${randomUUID().slice(0, 8)}` });
    return {
      reads: sink,
      feed: feedInBatches(sink),
      cleanup: async () => {
        await sink.dropDatabase();
        await sink.close();
      },
    };
  });
} else {
  describe.skip('read-store contract: MongoDB — skipped: LEDGER_TEST_MONGO_URL not set (no MongoDB server here)', () => {
    it('runs the same contract against a real replica set', () => undefined);
  });
}

/** Batches of 4 so that documents touched twice in one batch, and across batches, are both covered. */
function feedInBatches(sink: { applyBatch: (events: readonly StoredEvent[]) => Promise<number> }) {
  return async (events: readonly StoredEvent[]) => {
    for (let i = 0; i < events.length; i += 4) await sink.applyBatch(events.slice(i, i + 4));
  };
}
