import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SqliteLedgerStore } from '../../../../libs/adapters/src';
import { PROJECTIONS, auditKeys } from '../../../../libs/ledger/src';
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
          useFactory: () => {
            if (config.dbFile !== ':memory:') mkdirSync(dirname(config.dbFile), { recursive: true });
            const store = new SqliteLedgerStore(config.dbFile, { projections: PROJECTIONS, auditKeys });
            return new LedgerService(store, store);
          },
        },
      ],
      exports: [CONFIG, LedgerService],
    };
  }
}
