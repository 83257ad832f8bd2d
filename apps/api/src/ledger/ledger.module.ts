import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SqliteHouseholdKeys, SqliteLedgerStore, keysFile } from '../../../../libs/adapters/src';
import { sqliteBulkAppend } from '../../../../libs/adapters/src/sqlite/sqlite-bulk-append';
import { PROJECTIONS, SealingEventStore, auditKeys, sealingBulkAppend } from '../../../../libs/ledger/src';
import type { LedgerConfig } from '../config';
import { LedgerService } from './ledger.service';

export const CONFIG = Symbol('LedgerConfig');

@Global()
@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: LedgerService,
          useFactory: async () => {
            if (config.eventStore === 'eventstoredb') {
              // Distributed mode: the API only appends; apps/projector keeps MongoDB current. The
              // clients are loaded only here (~110 ms of start-up the embedded mode does not need).
              const [{ EsdbEventStore }, { MongoReadStore }, { recoveredResponse }, { uniqueKeys }] = await Promise.all([
                import('../../../../libs/adapters/src/eventstoredb/esdb-event-store.js'),
                import('../../../../libs/adapters/src/mongodb/mongo-read-store.js'),
                import('../../../../libs/ledger/src/distributed/recovered-response.js'),
                import('../../../../libs/ledger/src/distributed/unique-keys.js'),
              ]);
              const events = await EsdbEventStore.connect(config.eventStoreUrl!, { uniqueKeys, recoverResponse: recoveredResponse });
              const reads = await MongoReadStore.connect(config.mongoUrl!, { projections: PROJECTIONS, auditKeys });
              return new LedgerService(events, reads);
            }
            if (config.dbFile !== ':memory:') mkdirSync(dirname(config.dbFile), { recursive: true });
            const store = new SqliteLedgerStore(config.dbFile, { projections: PROJECTIONS, auditKeys });
            // Personal fields are sealed on their way into the log with keys kept beside it (<LEDGER_DB>.keys).
            const keys = new SqliteHouseholdKeys(keysFile(config.dbFile));
            return new LedgerService(new SealingEventStore(store, keys), store, keys, sealingBulkAppend(sqliteBulkAppend(store), keys));
          },
        },
      ],
      exports: [CONFIG, LedgerService],
    };
  }
}
