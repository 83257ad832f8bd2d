import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CommandRunner, SealingEventStore, type EventStore, type HouseholdKeyStore, type ReadStore } from '../../../../libs/ledger/src';
import type { BulkAppend } from '../../../../libs/ledger/src/commands/households/import-households';

/** The ports the use cases need, bound to one adapter at start-up (see ledger.module.ts). */
@Injectable()
export class LedgerService implements OnApplicationShutdown {
  readonly runner: CommandRunner;

  constructor(
    readonly events: EventStore,
    readonly reads: ReadStore,
    /** Households' data keys; null where none is kept (distributed mode), and nothing is sealed. */
    readonly keys: HouseholdKeyStore | null = null,
    /** The all-or-nothing append of a bulk import, where the store offers one. */
    readonly bulkAppend?: BulkAppend,
  ) {
    this.runner = new CommandRunner(events);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    this.keys?.close();
    // In distributed mode the read store is a separate connection (MongoDB).
    const reads = this.reads as ReadStore & { close?: () => Promise<void> };
    const inner = this.events instanceof SealingEventStore ? this.events.inner : this.events;
    if ((reads as unknown) !== inner && typeof reads.close === 'function') await reads.close();
  }
}
