import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HouseholdKeyStore } from '../../ledger/src/personal-data/household-keys.port';
import { MemoryHouseholdKeys } from './memory/memory-household-keys';
import { SqliteHouseholdKeys, keysFile } from './sqlite/sqlite-household-keys';
import { householdKeysContract } from './testing/household-keys.contract';

householdKeysContract('in memory', () => {
  const keys = new MemoryHouseholdKeys();
  return { keys, reopen: () => keys, cleanup: () => {} };
});

householdKeysContract('SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
  const file = keysFile(join(dir, 'ledger.db'));
  const opened: HouseholdKeyStore[] = [new SqliteHouseholdKeys(file)];
  return {
    keys: opened[0]!,
    reopen: () => {
      opened[0]!.close();
      opened.push(new SqliteHouseholdKeys(file));
      return opened.at(-1)!;
    },
    cleanup: () => {
      for (const k of opened) k.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite household keys', () => {
  it('leaves no byte of a destroyed key in its file or journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
    try {
      const file = keysFile(join(dir, 'ledger.db'));
      const keys = new SqliteHouseholdKeys(file);
      const batch = keys.batch();
      for (let i = 0; i < 200; i++) batch.obtain(`H${i}`);
      batch.commit();
      const key = Buffer.from(keys.obtain('H7'));
      const kept = Buffer.from(keys.obtain('H8'));
      expect(readFileSync(file).includes(key)).toBe(true);
      keys.destroy('H7', '2026-02-01T00:00:00.000Z');
      keys.close();
      expect(readFileSync(file).includes(key)).toBe(false);
      expect(readFileSync(file).includes(kept)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
