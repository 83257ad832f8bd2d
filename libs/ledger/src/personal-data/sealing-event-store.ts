import type { BulkAppend } from '../commands/households/import-households';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from '../ports/event-store.port';
import type { LogSource } from '../projector/projection-sink.port';
import type { HouseholdKeyStore } from './household-keys.port';
import { sealEvent } from './personal-fields';

/**
 * The edge of the log: events are sealed here, on their way in, so the deciders and the domain
 * work with plaintext and only ciphertext reaches the log (and the hash chain covers it). The key
 * is durable before the event is appended: a crash between the two leaves an unused key, never a
 * sealed event without one.
 */
export class SealingEventStore implements EventStore {
  /** The inner store's wake-up for readers tailing the log (LogSource), where it has one. */
  readonly waitForAppend?: (afterPosition: number, timeoutMs: number) => Promise<void>;

  constructor(
    readonly inner: EventStore & Partial<Pick<LogSource, 'waitForAppend'>>,
    private readonly keys: HouseholdKeyStore,
  ) {
    if (inner.waitForAppend) this.waitForAppend = inner.waitForAppend.bind(inner);
  }

  private seal(events: readonly NewEvent[]): NewEvent[] {
    return events.map((e) => sealEvent(e, (id) => this.keys.obtain(id)));
  }

  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.append(streamId, expected, this.seal(events), options);
  }

  appendMany(appends: readonly StreamAppend[], options?: AppendOptions): Promise<AppendResult> {
    return this.inner.appendMany(
      appends.map((a) => ({ ...a, events: this.seal(a.events) })),
      options,
    );
  }

  readStream(streamId: string, fromRevision?: number): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, fromRevision);
  }

  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.inner.readAll(afterPosition, limit);
  }

  readPositions(positions: readonly number[]): Promise<StoredEvent[]> {
    return this.inner.readPositions(positions);
  }

  head(): Promise<Readonly<{ position: number; hash: string }>> {
    return this.inner.head();
  }

  findIdempotency(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.inner.findIdempotency(userId, key);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * A bulk append whose events are sealed as the log reads them. The keys it makes are committed
 * together when the last append has been read, which is before the log commits the file.
 */
export function sealingBulkAppend(bulk: BulkAppend, keys: HouseholdKeyStore): BulkAppend {
  return async (appends, options) => {
    const batch = keys.batch();
    let committed = false;
    function* sealed(): Iterable<StreamAppend> {
      for (const a of appends) yield { ...a, events: a.events.map((e) => sealEvent(e, (id) => batch.obtain(id))) };
      batch.commit();
      committed = true;
    }
    try {
      return await bulk(sealed(), options);
    } finally {
      if (!committed) batch.abandon();
    }
  };
}
