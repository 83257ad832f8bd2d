import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { LogTail } from '../../../../libs/ledger/src';
import type { LogSource } from '../../../../libs/ledger/src/projector';
import type { LedgerConfig } from '../config';
import { CONFIG } from '../ledger/ledger.module';
import { LedgerService } from '../ledger/ledger.service';
import { EventCommitted } from './event-committed.event';

/**
 * Publishes every committed event on the EventBus, in log order, by following the log rather than
 * by the code that appended: a write answered as recorded is in the log, so its event is published
 * even if this process dies just after answering (the tail of the next start, or of another
 * process, reaches it), and nothing that was refused or rolled back is ever published. With several
 * API processes on one log, each tails it and so each sees every process's events.
 */
@Injectable()
export class CommittedEventsPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private readonly stop = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private tail: LogTail | null = null;

  constructor(
    private readonly ledger: LedgerService,
    private readonly bus: EventBus,
    @Inject(CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** The position of the last event published (those before the process started are not). */
  position(): number {
    return this.tail?.position() ?? 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The store's waitForAppend, where it has one, wakes the tail; without it the tail polls.
    const source: LogSource = this.ledger.events;
    this.tail = new LogTail(source, this.ledger.reads, (events) => this.bus.publishAll(events.map((e) => new EventCommitted(e))), {
      log: (line) => this.config.logger && this.logger.warn(line),
    });
    const from = (await this.ledger.events.head()).position;
    this.running = this.tail.run(from, this.stop.signal);
  }

  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    await this.running;
  }
}
