import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import type { Doc, HistoricalReadStore, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import { ALLOCATIONS, DISBURSEMENTS, HOUSEHOLDS, TRANSFERS, UNITS } from '../../../ledger/src/projections';
import { buildLedgerFixture } from './ledger-fixture';

export type ReadStoreHarness = Readonly<{
  reads: HistoricalReadStore;
  /** Brings the read models to the end of `events` (inline projection, or a projection worker's batches); events already reflected are skipped. */
  feed: (events: readonly StoredEvent[]) => Promise<void>;
  cleanup: () => Promise<void>;
}>;

const COLLECTIONS = [UNITS, ALLOCATIONS, DISBURSEMENTS, TRANSFERS, HOUSEHOLDS, 'household-stats', 'users', 'tokens'];
const byId = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/**
 * One contract for every adapter of the read-model port: fed the same log, each must answer
 * get/find/queryIndex/checkpoint (and the time-travel reads) exactly as the in-memory reference
 * that projected it inline, and feeding the log again must change nothing.
 */
export function readStoreContract(name: string, open: () => Promise<ReadStoreHarness>): void {
  describe(`read-store contract: ${name}`, () => {
    let h: ReadStoreHarness;
    let fixture: Awaited<ReturnType<typeof buildLedgerFixture>>;
    beforeAll(async () => {
      fixture = await buildLedgerFixture();
    });
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('starts at checkpoint 0 with nothing in it', async () => {
      expect(await h.reads.checkpoint()).toBe(0);
      expect(await h.reads.get(ALLOCATIONS, 'LC-1')).toBeNull();
      expect(await h.reads.find(ALLOCATIONS)).toEqual([]);
      expect(await h.reads.queryIndex({ keys: [], afterPosition: 0, limit: 10 })).toEqual([]);
    });

    it('answers get and find as the reference does, and reaches the last position', async () => {
      await h.feed(fixture.events);
      const last = fixture.events[fixture.events.length - 1]!.position;
      expect(await h.reads.checkpoint()).toBe(last);
      for (const c of COLLECTIONS) {
        expect((await h.reads.find(c)).sort(byId)).toEqual((await fixture.reference.find(c)).sort(byId));
      }
      expect(await h.reads.get(ALLOCATIONS, 'PT-1')).toEqual(await fixture.reference.get(ALLOCATIONS, 'PT-1'));
      expect(await h.reads.get(ALLOCATIONS, 'nope')).toBeNull();
      expect((await h.reads.find(ALLOCATIONS, { parentId: 'LC-1' })).map((a) => a.id)).toEqual(['PT-1']);
      expect((await h.reads.find(ALLOCATIONS, { parentId: null })).map((a) => a.id)).toEqual(['LC-1']);
      expect(await h.reads.find(TRANSFERS, { status: 'pending' })).toEqual([]);
      expect(await h.reads.find(UNITS, { level: 'district', parent: 'LC' })).toHaveLength(1);
      expect(await h.reads.find(UNITS, { level: 'province' })).toEqual(await fixture.reference.find(UNITS, { level: 'province' }));
    });

    it('answers audit index queries by keys, after a position, with a limit', async () => {
      await h.feed(fixture.events);
      const queries = [
        { keys: [], afterPosition: 0, limit: 1000 },
        { keys: ['allocation:PT-1'], afterPosition: 0, limit: 1000 },
        { keys: ['allocation:PT-1', 'disbursement:D2'], afterPosition: 0, limit: 1000 },
        { keys: ['disbursement:D2'], afterPosition: 0, limit: 1 },
        { keys: ['actor:admin'], afterPosition: 5, limit: 3 },
        { keys: ['decision:747/QĐ-UBND'], afterPosition: 0, limit: 1000 },
      ];
      for (const q of queries) expect(await h.reads.queryIndex(q)).toEqual(await fixture.reference.queryIndex(q));
      expect((await h.reads.queryIndex(queries[2]!)).length).toBe(2);
    });

    it('reads documents as they stood at an earlier position (time travel)', async () => {
      await h.feed(fixture.events);
      const d1 = fixture.events.find((e) => e.type === 'DisbursementRecorded')!.position;
      for (const at of [0, d1 - 1, d1, fixture.events.length]) {
        expect(await h.reads.getAt(ALLOCATIONS, 'PT-1', at)).toEqual(await fixture.reference.getAt(ALLOCATIONS, 'PT-1', at));
        expect((await h.reads.findAt(DISBURSEMENTS, { allocationId: 'PT-1' }, at)).sort(byId)).toEqual(
          (await fixture.reference.findAt(DISBURSEMENTS, { allocationId: 'PT-1' }, at)).sort(byId),
        );
      }
      expect(await h.reads.positionAt('2022-12-01T03:00:00.000Z')).toBe(fixture.events.length);
      expect(await h.reads.positionAt('2000-01-01T00:00:00.000Z')).toBe(0);
    });

    it('scans a collection a stretch at a time, in id order, now and at an earlier position', async () => {
      await h.feed(fixture.events);
      const walk = async (collection: string, where: Record<string, Scalar>, limit: number, at?: number) => {
        const docs: Doc[] = [];
        let after: string | null = null;
        for (let stretch = 0; stretch < 50; stretch++) {
          const page: ScanPage<Doc> =
            at === undefined ? await h.reads.scan(collection, where, after, limit) : await h.reads.scanAt(collection, where, after, limit, at);
          expect(page.docs.length).toBeLessThanOrEqual(limit);
          docs.push(...page.docs);
          if (page.next === null) return docs;
          after = page.next;
        }
        throw new Error('scan did not end');
      };
      const codes = (docs: Doc[]) => docs.map((d) => (d as { code: string }).code);
      expect(codes(await walk(UNITS, {}, 1))).toEqual(['LC', 'MLP', 'PT', 'VN']);
      expect(codes(await walk(UNITS, {}, 3))).toEqual(['LC', 'MLP', 'PT', 'VN']);
      expect(await walk(UNITS, {}, 2)).toEqual((await fixture.reference.find(UNITS)).sort((a, b) => codes([a])[0]!.localeCompare(codes([b])[0]!)));
      expect((await walk(ALLOCATIONS, { parentId: 'LC-1' }, 1)).map((a) => a.id)).toEqual(['PT-1']);
      expect(await h.reads.scan(ALLOCATIONS, {}, 'PT-1', 5)).toEqual({ docs: [], next: null });
      const d1 = fixture.events.find((e) => e.type === 'DisbursementRecorded')!.position;
      for (const at of [0, d1 - 1, d1, fixture.events.length]) {
        expect((await walk(DISBURSEMENTS, {}, 1, at)).sort(byId)).toEqual((await fixture.reference.findAt(DISBURSEMENTS, {}, at)).sort(byId));
        expect((await walk(ALLOCATIONS, {}, 1, at)).map((a) => a.id)).toEqual((await fixture.reference.findAt(ALLOCATIONS, {}, at)).map((a) => a.id).sort());
      }
    });

    it('changes nothing when the same log is fed again, or fed in pieces', async () => {
      const half = Math.floor(fixture.events.length / 2);
      await h.feed(fixture.events.slice(0, half));
      expect(await h.reads.checkpoint()).toBe(fixture.events[half - 1]!.position);
      await h.feed(fixture.events);
      const once = await Promise.all(COLLECTIONS.map((c) => h.reads.find(c)));
      await h.feed(fixture.events);
      expect(await Promise.all(COLLECTIONS.map((c) => h.reads.find(c)))).toEqual(once);
      expect(await h.reads.checkpoint()).toBe(fixture.events.length);
      expect(await h.reads.get(ALLOCATIONS, 'PT-1')).toEqual(await fixture.reference.get(ALLOCATIONS, 'PT-1'));
    });
  });
}
