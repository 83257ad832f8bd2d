import { MemoryLedgerStore } from '../../../adapters/src/memory/memory-ledger-store';
import type { Principal } from '../../../domain/src';
import { CommandRunner } from '../commands/command-runner';
import type { AppContext } from '../commands/context';
import { registerHousehold, parseRegisterHousehold } from '../commands/households/register-household';
import { registerUnit, parseRegisterUnit } from '../commands/units/register-unit';
import { PROJECTIONS, auditKeys } from '../projections';
import { listHouseholds } from './list-households';

const ADMIN: Principal = { userId: 'admin', role: 'admin', units: [] };

/** More households than one stretch of a scan, over two districts: pages must cross stretches. */
describe('GET /households over more documents than one scan stretch', () => {
  let store: MemoryLedgerStore;
  beforeAll(async () => {
    store = new MemoryLedgerStore({ projections: PROJECTIONS, auditKeys });
    const runner = new CommandRunner(store);
    let n = 0;
    const ctx = (): AppContext => ({
      principal: ADMIN,
      actor: { userId: 'admin', role: 'admin' },
      now: '2023-01-01T03:00:00.000Z',
      correlationId: 'c',
      causationId: null,
      idempotencyKey: null,
      idempotency: null,
      newId: () => `id-${++n}`,
    });
    for (const u of [
      { code: 'VN', name: 'VN', level: 'central' },
      { code: 'LC', name: 'LC', level: 'province', parent: 'VN' },
      { code: 'PT', name: 'PT', level: 'district', parent: 'LC' },
      { code: 'MLP', name: 'MLP', level: 'commune', parent: 'PT' },
      { code: 'TT', name: 'TT', level: 'district', parent: 'LC' },
      { code: 'KH', name: 'KH', level: 'commune', parent: 'TT' },
    ])
      await registerUnit(runner, store, parseRegisterUnit(u), ctx());
    // Every seventh household is Phong Thổ's: a sparse filter for a district user.
    for (let i = 0; i < 1_400; i++) {
      await registerHousehold(
        runner,
        store,
        parseRegisterHousehold({ id: `H${String(i).padStart(4, '0')}`, unit: i % 7 === 0 ? 'MLP' : 'KH', area: 'rural', members: 3 }),
        ctx(),
      );
    }
  });

  const walk = async (principal: Principal, limit: number, q: Record<string, string> = {}) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listHouseholds(store, { ...q, limit, ...(cursor === undefined ? {} : { cursor }) }, principal);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((h) => h.id));
      pages += 1;
      if (page.nextCursor === null) return { ids, pages };
      expect(page.items).toHaveLength(limit);
      cursor = page.nextCursor;
    }
  };

  it('gives every household once, in id order, across stretches', async () => {
    const all = await walk(ADMIN, 333);
    expect(all.pages).toBe(5);
    expect(all.ids).toEqual(Array.from({ length: 1_400 }, (_, i) => `H${String(i).padStart(4, '0')}`));
  });

  it('fills a page of a sparse scope from several stretches', async () => {
    const district: Principal = { userId: 'pt', role: 'supervisor', units: ['PT'] };
    const mine = await walk(district, 150);
    expect(mine.ids).toEqual(Array.from({ length: 200 }, (_, i) => `H${String(i * 7).padStart(4, '0')}`));
    expect(mine.pages).toBe(2);
    expect((await walk(ADMIN, 1000, { unit: 'PT' })).ids).toEqual(mine.ids);
    expect((await walk(ADMIN, 1000, { unit: 'MLP' })).ids).toEqual(mine.ids);
  });
});
