import {
  IdempotencyKeyTaken,
  WrongExpectedVersion,
  type ExpectedRevision,
  type IdempotencyWrite,
  type NewEvent,
  type StreamAppend,
} from '../../../ledger/src/ports/event-store.port';
import type { UniqueKey } from '../../../ledger/src/distributed/unique-keys';
import { headOf, type LogStatements, type Tip } from './log-statements';

/** Stream revisions remembered between batches; past this many the oldest are read again from the index. */
const REVISION_CACHE = 200_000;

/**
 * What an append is checked against before anything of it is written: its expected revision, its
 * idempotency key and the unique values its events claim. Holds the log as this process knows it:
 * the tip the next event chains on, and the committed revision of recently written streams.
 */
export class AppendChecks {
  /** Where the next event goes: past the batches in flight. */
  tip: Tip;
  /** The connection the checks read: the log's own, or a bulk import's, which sees its own uncommitted rows. */
  stmt: LogStatements;
  /** Committed revision of each recently written stream (-1: no stream). */
  private readonly revisions = new Map<string, number>();

  constructor(
    stmt: LogStatements,
    readonly uniqueKeys: (e: NewEvent) => readonly UniqueKey[],
  ) {
    this.stmt = stmt;
    this.tip = headOf(stmt);
  }

  /** The tip as the file has it, with nothing remembered of the streams (after a failed batch). */
  reset(): void {
    this.tip = headOf(this.stmt);
    this.revisions.clear();
  }

  /** Inside a transaction: should another process have appended, the tip and the remembered revisions are read again. */
  syncWithFile(): void {
    const head = headOf(this.stmt);
    if (head.position !== this.tip.position || head.hash !== this.tip.hash) {
      this.tip = head;
      this.revisions.clear();
    }
  }

  forgetRevisions(): void {
    this.revisions.clear();
  }

  /**
   * The stream's revision as this batch sees it (`pending`: written by batches in flight), checked
   * against what the append expects; answers the revision it will have after the append. Nothing
   * is written.
   */
  check(a: StreamAppend, pending: ReadonlyMap<string, { revision: number }> | null): number {
    const inFlight = pending?.get(a.streamId)?.revision;
    let current = inFlight ?? this.committedRevision(a.streamId);
    if (inFlight === undefined && expectedOf(current) !== a.expected && this.revisions.has(a.streamId)) {
      // The remembered revision may be stale if another process appended: the file decides (its
      // head will not be where this batch expects it, so the batch is decided again anyway).
      this.revisions.delete(a.streamId);
      current = this.committedRevision(a.streamId);
    }
    const actual = expectedOf(current);
    if (a.expected !== actual) throw new WrongExpectedVersion(a.streamId, a.expected, actual);
    return current + a.events.length;
  }

  /**
   * Refuses an append whose events claim a unique value already claimed: by itself, by a batch in
   * flight (`claimed`), or (with `inSql`) by a committed event.
   */
  checkUnique(appends: readonly StreamAppend[], claimed: ReadonlyMap<string, number> | null, inSql: boolean): void {
    const mine = new Set<string>();
    for (const a of appends) {
      for (const e of a.events) {
        for (const u of this.uniqueKeys(e)) {
          if (mine.has(u.key) || claimed?.has(u.key) || (inSql && this.stmt.getUnique.get(u.key))) throw u.conflict();
          mine.add(u.key);
        }
      }
    }
  }

  /** Refuses a committed idempotency key (one taken by a batch in flight is the group commit's to see). */
  checkIdempotency(idem: IdempotencyWrite): void {
    if (this.stmt.getIdem.get(idem.userId, idem.key)) throw new IdempotencyKeyTaken(idem.userId, idem.key);
  }

  cacheRevision(streamId: string, revision: number): void {
    this.revisions.delete(streamId);
    this.revisions.set(streamId, revision);
    if (this.revisions.size > REVISION_CACHE) this.revisions.delete(this.revisions.keys().next().value!);
  }

  private committedRevision(streamId: string): number {
    const cached = this.revisions.get(streamId);
    if (cached !== undefined) return cached;
    return this.stmt.streamRevision.get(streamId)?.r ?? -1;
  }
}

function expectedOf(revision: number): ExpectedRevision {
  return revision < 0 ? 'no_stream' : revision;
}
