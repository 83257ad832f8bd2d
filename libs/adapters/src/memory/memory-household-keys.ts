import { KeyErased, type HouseholdKey, type HouseholdKeyStore, type KeyBatch } from '../../../ledger/src/personal-data/household-keys.port';
import { newKey } from '../../../ledger/src/personal-data/personal-cipher';

/** The key store in memory, for tests and the in-memory ledger. */
export class MemoryHouseholdKeys implements HouseholdKeyStore {
  private readonly keys = new Map<string, HouseholdKey>();

  get(householdId: string): HouseholdKey | null {
    return this.keys.get(householdId) ?? null;
  }

  obtain(householdId: string): Buffer {
    const existing = this.keys.get(householdId);
    if (existing?.state === 'erased') throw new KeyErased(householdId);
    if (existing) return existing.key;
    const key = newKey();
    this.keys.set(householdId, { state: 'active', key });
    return key;
  }

  batch(): KeyBatch {
    const made: string[] = [];
    return {
      obtain: (householdId) => {
        if (!this.keys.has(householdId)) made.push(householdId);
        return this.obtain(householdId);
      },
      commit: () => void made.splice(0),
      abandon: () => {
        for (const id of made.splice(0)) this.keys.delete(id);
      },
    };
  }

  destroy(householdId: string, erasedAt: string): void {
    const existing = this.keys.get(householdId);
    if (existing?.state === 'active') existing.key.fill(0);
    if (existing?.state !== 'erased') this.keys.set(householdId, { state: 'erased', erasedAt });
  }

  close(): void {}
}
