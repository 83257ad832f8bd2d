import { KeyErased, type HouseholdKeyStore } from '../../../ledger/src/personal-data/household-keys.port';

export type KeyStoreFixture = Readonly<{ keys: HouseholdKeyStore; reopen: () => HouseholdKeyStore; cleanup: () => void }>;

/** What every household key store must do, run against each adapter. */
export function householdKeysContract(name: string, open: () => KeyStoreFixture): void {
  describe(`household key store contract: ${name}`, () => {
    let f: KeyStoreFixture;
    beforeEach(() => {
      f = open();
    });
    afterEach(() => f.cleanup());

    it('makes a 32-byte key once per household and gives the same one back', () => {
      expect(f.keys.get('H1')).toBeNull();
      const key = f.keys.obtain('H1');
      expect(key.length).toBe(32);
      expect(f.keys.obtain('H1').equals(key)).toBe(true);
      expect(f.keys.obtain('H2').equals(key)).toBe(false);
      expect(f.keys.get('H1')).toEqual({ state: 'active', key });
    });

    it('destroys a key for good and keeps the tombstone; destroying again changes nothing', () => {
      f.keys.obtain('H1');
      f.keys.destroy('H1', '2026-02-01T00:00:00.000Z');
      f.keys.destroy('H1', '2026-03-01T00:00:00.000Z');
      expect(f.keys.get('H1')).toEqual({ state: 'erased', erasedAt: '2026-02-01T00:00:00.000Z' });
      expect(() => f.keys.obtain('H1')).toThrow(KeyErased);
      f.keys.destroy('NEVER-KEYED', '2026-02-01T00:00:00.000Z');
      expect(f.keys.get('NEVER-KEYED')?.state).toBe('erased');
    });

    it('keeps the keys of a committed batch, and gives a batch the keys already made', () => {
      const earlier = f.keys.obtain('H0');
      const batch = f.keys.batch();
      const made = Array.from({ length: 25 }, (_, i) => batch.obtain(`B${i}`));
      expect(batch.obtain('B3').equals(made[3]!)).toBe(true);
      expect(batch.obtain('H0').equals(earlier)).toBe(true);
      batch.commit();
      expect(f.keys.get('B24')).toEqual({ state: 'active', key: made[24] });
    });

    it('forgets the keys of an abandoned batch', () => {
      const batch = f.keys.batch();
      batch.obtain('A1');
      batch.abandon();
      expect(f.keys.get('A1')).toBeNull();
    });

    it('keeps keys and tombstones across a restart', () => {
      const key = f.keys.obtain('H1');
      f.keys.obtain('H2');
      f.keys.destroy('H2', '2026-02-01T00:00:00.000Z');
      const again = f.reopen();
      expect(again.get('H1')).toEqual({ state: 'active', key });
      expect(again.get('H2')?.state).toBe('erased');
    });
  });
}
