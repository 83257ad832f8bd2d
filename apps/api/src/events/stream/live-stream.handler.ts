import { Inject, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Observable, Subject, concatMap, filter, from, interval, map, merge, takeUntil } from 'rxjs';
import type { Principal } from '../../../../../libs/domain/src';
import { UNITS, eventUnit, eventVisible, liveEvent, type StoredEvent, type UnitDoc } from '../../../../../libs/ledger/src';
import type { LedgerConfig } from '../../config';
import { CONFIG } from '../../ledger/ledger.module';
import { LedgerService } from '../../ledger/ledger.service';
import { CommittedEventsPublisher } from '../committed-events.publisher';
import { EventCommitted } from '../event-committed.event';

/** A comment line every 15 s: proxies (nginx's 60 s proxy_read_timeout) close a connection that stays silent. */
export const HEARTBEAT_MS = 15_000;
const PAGE = 500;

/**
 * The console's live updates: an event handler that passes each committed event to the open
 * streams whose reader may see it. An event outside a reader's scope is not sent at all, nothing in
 * its place, and heartbeats keep their own clock: what a reader learns of activity elsewhere is no
 * more than the positions GET /audit already shows them (a gap between two positions).
 */
@EventsHandler(EventCommitted)
export class LiveStream implements IEventHandler<EventCommitted>, OnModuleDestroy {
  private readonly committed = new Subject<StoredEvent>();
  private readonly closing = new Subject<void>();
  /** Unit paths never change once registered; kept to scope events without a read per event and reader. */
  private readonly paths = new Map<string, readonly string[]>();

  constructor(
    private readonly ledger: LedgerService,
    private readonly publisher: CommittedEventsPublisher,
    @Inject(CONFIG) private readonly config: LedgerConfig,
  ) {}

  handle({ event }: EventCommitted): void {
    this.committed.next(event);
  }

  /** How many streams are open in this process (a closed connection must leave none behind). */
  listeners(): number {
    return this.committed.observers.length;
  }

  /**
   * The committed events `principal` may see, after `after` (null: from now on), each once and in
   * log order: those already published are read from the log, then the live ones follow on.
   */
  follow(principal: Principal, after: number | null): Observable<MessageEvent> {
    const events = new Observable<StoredEvent>((subscriber) => {
      let last = after ?? this.publisher.position();
      let replaying = true;
      const waiting: StoredEvent[] = [];
      const emit = (e: StoredEvent) => {
        if (e.position <= last) return;
        last = e.position;
        subscriber.next(e);
      };
      // Subscribed before the log is read: an event published meanwhile waits instead of being missed.
      const live = this.committed.subscribe((e) => (replaying ? waiting.push(e) : emit(e)));
      const until = this.publisher.position();
      void (async () => {
        while (last < until && !subscriber.closed) {
          const page = await this.ledger.events.readAll(last, PAGE);
          if (page.length === 0) break;
          for (const e of page) if (e.position <= until) emit(e);
          if (page[page.length - 1]!.position >= until) break;
        }
        replaying = false;
        for (const e of waiting.splice(0)) emit(e);
      })().catch((error: unknown) => subscriber.error(error));
      return () => live.unsubscribe();
    });
    const visible = events.pipe(
      concatMap((e) => from(this.visibleTo(principal, e))),
      filter((m): m is MessageEvent => m !== null),
    );
    const heartbeats = interval(this.config.heartbeatMs ?? HEARTBEAT_MS).pipe(map((): MessageEvent => ({ comment: 'heartbeat' })));
    return merge(visible, heartbeats).pipe(takeUntil(this.closing));
  }

  /** Open streams end when the server stops, so that closing it does not wait for their readers to leave. */
  onModuleDestroy(): void {
    this.closing.next();
  }

  private async visibleTo(principal: Principal, e: StoredEvent): Promise<MessageEvent | null> {
    const unit = eventUnit(e);
    if (unit !== undefined && !this.paths.has(unit)) {
      const doc = await this.ledger.reads.get<UnitDoc>(UNITS, unit);
      if (doc) this.paths.set(unit, doc.path);
    }
    if (!eventVisible(principal, e, (u) => this.paths.get(u))) return null;
    return { id: String(e.position), data: liveEvent(e, unit) };
  }
}
