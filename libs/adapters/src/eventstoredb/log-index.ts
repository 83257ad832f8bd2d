import type { Position } from '@eventstore/db-client';
import { GENESIS_HASH, type StoredEvent } from '../../../ledger/src/ports/event-store.port';
import { chainHash } from '../../../ledger/src/integrity/hash-chain';
import { comparePositions, esdbEventId, fromEsdbRecord, isLedgerRecord, type EsdbRecord } from './esdb-mapping';

type Entry = Readonly<{ at: Position; hash: string }>;

/**
 * Our dense positions and hash chain over EventStoreDB's `$all`.
 *
 * `$all` positions are byte offsets in the transaction file (commit/prepare pairs): ordered, but
 * sparse and shared with system events and the adapter's own streams. Our position n is "the n-th
 * ledger event in `$all` order", and hash(n) chains it to the (n−1)-th. `$all` order is fixed once
 * written and the filter (`isLedgerRecord`) is a pure function of the record, so every process
 * that folds `$all` from the start derives the same positions and hashes, with no sequencer and no
 * extra write: the numbering is a deterministic view of the log, not state that could diverge.
 */
export class LogIndex {
  private readonly entries: Entry[] = [];
  private readonly byEventId = new Map<string, number>();
  private scanned: Position | null = null;

  tip(): { position: number; hash: string } {
    const last = this.entries[this.entries.length - 1];
    return last ? { position: this.entries.length, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
  }

  /** The last `$all` position folded in (ledger event or not); a read resumes here. */
  scannedUpTo(): Position | null {
    return this.scanned;
  }

  /**
   * Folds the next `$all` record in. Records at or before the last one folded are ignored (a read
   * from a position may include that position). Returns the stored form of a ledger event.
   */
  observe(r: EsdbRecord & Readonly<{ position: Position }>): StoredEvent | null {
    if (this.scanned && comparePositions(r.position, this.scanned) <= 0) return null;
    this.scanned = r.position;
    if (!isLedgerRecord(r)) return null;
    const unhashed = { ...fromEsdbRecord(r), position: this.entries.length + 1 };
    const hash = chainHash(this.tip().hash, unhashed);
    this.entries.push({ at: r.position, hash });
    this.byEventId.set(r.id, unhashed.position);
    return { ...unhashed, hash };
  }

  /** Position and hash for a ledger record read again (from a stream, or `$all` a second time). */
  locate(r: EsdbRecord): StoredEvent | null {
    const position = this.byEventId.get(r.id);
    if (position === undefined) return null;
    return { ...fromEsdbRecord(r), position, hash: this.entries[position - 1]!.hash };
  }

  positionOf(ourEventId: string): number | undefined {
    return this.byEventId.get(esdbEventId(ourEventId));
  }

  /** Where in `$all` our event `position` sits. */
  esdbPositionOf(position: number): Position | undefined {
    return this.entries[position - 1]?.at;
  }
}
