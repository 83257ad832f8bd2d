import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CommandRunner, type EventStore, type ReadStore } from '../../../../libs/ledger/src';

/** The ports the use cases need, bound to one adapter at start-up (see ledger.module.ts). */
@Injectable()
export class LedgerService implements OnApplicationShutdown {
  readonly runner: CommandRunner;

  constructor(
    readonly events: EventStore,
    readonly reads: ReadStore,
  ) {
    this.runner = new CommandRunner(events);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    // In distributed mode the read store is a separate connection (MongoDB).
    const reads = this.reads as ReadStore & { close?: () => Promise<void> };
    if ((reads as unknown) !== this.events && typeof reads.close === 'function') await reads.close();
  }
}
