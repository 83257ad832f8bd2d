/**
 * Where each household's data key lives: outside the log, which is immutable and hash-chained, so
 * that destroying one key erases that household's sealed personal data everywhere the log and its
 * copies go (crypto-shredding). Back it up apart from the log: without it, sealed fields are lost.
 *
 * Synchronous because sealing runs inside the log's lazy, synchronous bulk append (an import of a
 * million rows), where a key must be made between two rows.
 */
export type HouseholdKey = Readonly<{ state: 'active'; key: Buffer }> | Readonly<{ state: 'erased'; erasedAt: string }>;

/** Keys made during a bulk append: durable at `commit`, which runs before the log commits. */
export interface KeyBatch {
  obtain(householdId: string): Buffer;
  commit(): void;
  /** Drops the keys made since the batch began (the append failed before `commit`). */
  abandon(): void;
}

export interface HouseholdKeyStore {
  /** null: the household never had a key (nothing of it was sealed). */
  get(householdId: string): HouseholdKey | null;
  /** The household's key, made and made durable first if it has none. Refused for an erased household. */
  obtain(householdId: string): Buffer;
  batch(): KeyBatch;
  /** Destroys the key (its bytes overwritten) and keeps a tombstone; the same again changes nothing. */
  destroy(householdId: string, erasedAt: string): void;
  close(): void;
}

export class KeyErased extends Error {
  constructor(readonly householdId: string) {
    super(`the key of household '${householdId}' was destroyed`);
    this.name = 'KeyErased';
  }
}
