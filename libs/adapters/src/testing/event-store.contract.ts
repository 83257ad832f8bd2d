import { randomUUID } from 'node:crypto';
import { IdempotencyKeyTaken, WrongExpectedVersion, type EventStore, type NewEvent } from '../../../ledger/src/ports/event-store.port';
import { chainHash } from '../../../ledger/src/integrity/hash-chain';

export type EventStoreHarness = Readonly<{ store: EventStore; cleanup: () => Promise<void> }>;

let n = 0;
/** An event no projection handles, so the contract runs on stores that project inline too. */
export const contractEvent = (data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'ContractProbeRecorded',
  schemaVersion: 1,
  data: { n: ++n, ...data },
  metadata: {
    actor: { userId: 'contract', role: 'admin' },
    recordedAt: '2024-01-02T03:04:05.000Z',
    correlationId: 'corr',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: null,
    reason: null,
  },
});

/**
 * One contract for every adapter of the event-store port. Stream names are fresh per test and
 * global positions are taken relative to the head before the test, so the same cases run on a
 * shared server that already holds other logs.
 */
export function eventStoreContract(name: string, open: () => Promise<EventStoreHarness>): void {
  describe(`event-store contract: ${name}`, () => {
    let h: EventStoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.cleanup();
    });
    const stream = (kind = 'probe') => `${kind}-${randomUUID()}`;

    it('creates a stream with no_stream: revisions from 0, ids, types, data and metadata kept', async () => {
      const s = stream();
      const before = (await h.store.head()).position;
      const events = [contractEvent({ a: 1 }), contractEvent({ b: 'đồng' })];
      const r = await h.store.append(s, 'no_stream', events);
      expect(r).toEqual({ nextExpectedRevision: 1, firstPosition: before + 1, lastPosition: before + 2 });
      const read = await h.store.readStream(s);
      expect(read.map((e) => [e.revision, e.position, e.id, e.type, e.schemaVersion, e.data, e.metadata, e.streamId])).toEqual(
        events.map((e, i) => [i, before + 1 + i, e.id, e.type, e.schemaVersion, e.data, e.metadata, s]),
      );
    });

    it('appends at the expected revision and reads a stream from a revision', async () => {
      const s = stream();
      await h.store.append(s, 'no_stream', [contractEvent(), contractEvent()]);
      const third = contractEvent({ third: true });
      const r = await h.store.append(s, 1, [third]);
      expect(r.nextExpectedRevision).toBe(2);
      expect((await h.store.readStream(s, 2)).map((e) => e.id)).toEqual([third.id]);
      expect(await h.store.readStream(s, 3)).toEqual([]);
      expect(await h.store.readStream(stream('never-written'))).toEqual([]);
    });

    it('refuses a wrong expected revision with WrongExpectedVersion and writes nothing', async () => {
      const s = stream();
      await h.store.append(s, 'no_stream', [contractEvent()]);
      const head = (await h.store.head()).position;
      const refused = async (expected: 'no_stream' | number, target = s) => {
        const error = await h.store.append(target, expected, [contractEvent()]).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        return error as WrongExpectedVersion;
      };
      expect((await refused('no_stream')).actual).toBe(0);
      expect((await refused(5)).actual).toBe(0);
      expect((await refused(0, stream())).actual).toBe('no_stream');
      expect((await h.store.readStream(s)).length).toBe(1);
      expect((await h.store.head()).position).toBe(head);
    });

    it('lets exactly one of many concurrent appends at one expected revision win', async () => {
      const s = stream();
      await h.store.append(s, 'no_stream', [contractEvent()]);
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => h.store.append(s, 0, [contractEvent()])));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersion);
      expect((await h.store.readStream(s)).length).toBe(2);
    });

    it('keeps one global order across streams, dense positions, and a hash chain', async () => {
      const [a, b] = [stream(), stream()];
      const before = await h.store.head();
      await h.store.append(a, 'no_stream', [contractEvent()]);
      await h.store.append(b, 'no_stream', [contractEvent(), contractEvent()]);
      await h.store.append(a, 0, [contractEvent()]);
      const all = await h.store.readAll(before.position, 100);
      expect(all.map((e) => [e.streamId, e.revision])).toEqual([
        [a, 0],
        [b, 0],
        [b, 1],
        [a, 1],
      ]);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4].map((i) => before.position + i));
      let prev = before.hash;
      for (const e of all) {
        const { hash, ...unhashed } = e;
        expect(hash).toBe(chainHash(prev, unhashed));
        prev = hash;
      }
      expect(await h.store.head()).toEqual({ position: before.position + 4, hash: prev });
    });

    it('reads the global log from a position in pages that resume where the last stopped', async () => {
      const s = stream();
      const before = (await h.store.head()).position;
      await h.store.append(
        s,
        'no_stream',
        Array.from({ length: 7 }, () => contractEvent()),
      );
      const whole = await h.store.readAll(before, 100);
      const paged = [];
      for (let after = before; ;) {
        const page = await h.store.readAll(after, 3);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        paged.push(...page);
        after = page[page.length - 1]!.position;
      }
      expect(paged).toEqual(whole);
      expect(await h.store.readAll(before + 7, 10)).toEqual([]);
      const picked = await h.store.readPositions([before + 2, before + 5]);
      expect(picked).toEqual([whole[1], whole[4]]);
    });

    it('stores an idempotency key with the append, and refuses it a second time', async () => {
      const s = stream();
      const userId = `user-${randomUUID()}`;
      const idempotency = { userId, key: 'k1', requestHash: 'h1', response: (r: { lastPosition: number }) => ({ ok: true, position: r.lastPosition }) };
      const r = await h.store.append(s, 'no_stream', [contractEvent()], { idempotency });
      expect(await h.store.findIdempotency(userId, 'k1')).toEqual({ requestHash: 'h1', response: { ok: true, position: r.lastPosition } });
      await expect(h.store.append(stream(), 'no_stream', [contractEvent()], { idempotency })).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect(await h.store.findIdempotency(userId, 'other')).toBeNull();
    });

    it('releases an idempotency key whose append was refused, so the retry can use it', async () => {
      const s = stream();
      await h.store.append(s, 'no_stream', [contractEvent()]);
      const userId = `user-${randomUUID()}`;
      const idempotency = { userId, key: 'k2', requestHash: 'h2', response: () => ({ ok: true }) };
      await expect(h.store.append(s, 'no_stream', [contractEvent()], { idempotency })).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(await h.store.findIdempotency(userId, 'k2')).toBeNull();
      await h.store.append(s, 0, [contractEvent()], { idempotency });
      expect(await h.store.findIdempotency(userId, 'k2')).toEqual({ requestHash: 'h2', response: { ok: true } });
    });
  });
}
