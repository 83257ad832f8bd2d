import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS, auditKeys } from '../../ledger/src/projections';
import { uniqueKeys } from '../../ledger/src/distributed/unique-keys';
import { EsdbEventStore } from './eventstoredb/esdb-event-store';
import { MemoryLedgerStore } from './memory/memory-ledger-store';
import { SqliteLedgerStore } from './sqlite/sqlite-ledger-store';
import { eventStoreContract } from './testing/event-store.contract';

eventStoreContract('in-memory', async () => {
  const store = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
  return { store, cleanup: () => store.close() };
});

eventStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  const store = new SqliteLedgerStore(join(dir, 'ledger.db'), { projections: PROJECTIONS, auditKeys });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const ESDB_URL = process.env.LEDGER_TEST_EVENTSTORE_URL;
if (ESDB_URL) {
  eventStoreContract('EventStoreDB', async () => {
    const store = await EsdbEventStore.connect(ESDB_URL, { uniqueKeys });
    return { store, cleanup: () => store.close() };
  });
} else {
  describe.skip('event-store contract: EventStoreDB — skipped: LEDGER_TEST_EVENTSTORE_URL not set (no EventStoreDB server here)', () => {
    it('runs the same contract against a real server', () => undefined);
  });
}
