import { GENESIS_HASH, type StoredEvent } from '../ports/event-store.port';
import { chainHash } from './hash-chain';
import { readAllPages, verifyChain, type PageReader } from './verify-chain';

const metadata = {
  actor: { userId: 'u-1', role: 'admin' as const },
  recordedAt: '2024-01-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  idempotencyKey: null,
  decision: null,
  reason: null,
  requestHash: null,
};

/** A correctly chained log; `streams[i]` is the stream of position i + 1. */
function chain(streams: readonly string[]): StoredEvent[] {
  const revisions = new Map<string, number>();
  let prev = GENESIS_HASH;
  return streams.map((streamId, i) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const unhashed = { id: `e${i + 1}`, type: 'Probe', schemaVersion: 1, data: { i }, metadata, streamId, revision, position: i + 1 };
    prev = chainHash(prev, unhashed);
    return { ...unhashed, hash: prev };
  });
}

async function* iterate(events: readonly StoredEvent[]): AsyncGenerator<StoredEvent> {
  yield* events;
}

const reader =
  (events: readonly StoredEvent[]): PageReader =>
  async (after, limit) =>
    events.filter((e) => e.position > after).slice(0, limit);

const log = chain(['a', 'b', 'a', 'c', 'b', 'a', 'a', 'c']);

describe('verifyChain', () => {
  it('accepts a correct log from an async iterable, a page reader or a store', async () => {
    const expected = { ok: true, head: { position: 8, hash: log[7]!.hash }, events: 8 };
    expect(await verifyChain(iterate(log))).toEqual(expected);
    expect(await verifyChain(reader(log), { pageSize: 3 })).toEqual(expected);
    expect(await verifyChain({ readAll: reader(log) }, { pageSize: 2 })).toEqual(expected);
  });

  it('reports genesis for an empty log', async () => {
    expect(await verifyChain(iterate([]))).toEqual({ ok: true, head: { position: 0, hash: GENESIS_HASH }, events: 0 });
  });

  it('names an edited event', async () => {
    const edited = log.map((e) => (e.position === 4 ? { ...e, data: { i: 99 } } : e));
    expect(await verifyChain(iterate(edited))).toMatchObject({ ok: false, position: 4, kind: 'hash_mismatch', events: 3 });
  });

  it('names a missing position', async () => {
    expect(await verifyChain(iterate(log.filter((e) => e.position !== 6)))).toMatchObject({ ok: false, position: 6, kind: 'position_gap' });
    const r = await verifyChain(iterate(log.filter((e) => e.position < 3 || e.position > 5)));
    expect(r).toMatchObject({ ok: false, position: 3, problem: expect.stringMatching(/positions 3–5 are missing/) });
  });

  it('names a position out of order or repeated', async () => {
    const swapped = [log[0]!, log[1]!, log[3]!, log[2]!];
    // position 4 arriving third is a gap at 3; what comes after it goes backwards
    expect(await verifyChain(iterate(swapped))).toMatchObject({ ok: false, position: 3, kind: 'position_gap' });
    expect(await verifyChain(iterate([log[0]!, log[1]!, log[1]!]))).toMatchObject({ ok: false, position: 2, kind: 'position_order' });
  });

  it('names a duplicated or skipped stream revision even when the hashes were recomputed', async () => {
    const rechain = (events: readonly Omit<StoredEvent, 'hash'>[]): StoredEvent[] => {
      let prev = GENESIS_HASH;
      return events.map((e) => ({ ...e, hash: (prev = chainHash(prev, e)) }));
    };
    const dup = rechain(log.map((e) => (e.position === 6 ? { ...e, revision: 1 } : e)));
    expect(await verifyChain(iterate(dup))).toMatchObject({ ok: false, position: 6, kind: 'revision_duplicate' });
    const gap = rechain(log.map((e) => (e.position === 6 ? { ...e, revision: 3 } : e)));
    expect(await verifyChain(iterate(gap))).toMatchObject({ ok: false, position: 6, kind: 'revision_gap' });
    const late = rechain(log.map((e) => (e.position === 4 ? { ...e, revision: 1 } : e)));
    expect(await verifyChain(iterate(late))).toMatchObject({ ok: false, position: 4, kind: 'revision_gap', problem: expect.stringMatching(/a new stream/) });
  });

  it('checks the checkpoint at its position, and that the log reaches it', async () => {
    expect(await verifyChain(iterate(log), { since: { position: 5, hash: log[4]!.hash } })).toMatchObject({ ok: true });
    expect(await verifyChain(iterate(log), { since: { position: 5, hash: log[3]!.hash } })).toMatchObject({
      ok: false,
      position: 5,
      kind: 'checkpoint_mismatch',
    });
    expect(await verifyChain(iterate(log), { since: { position: 9, hash: log[7]!.hash } })).toMatchObject({ ok: false, position: 9, kind: 'truncated' });
    expect(await verifyChain(iterate([]), { since: { position: 0, hash: GENESIS_HASH } })).toMatchObject({ ok: true });
    expect(await verifyChain(iterate([]), { since: { position: 0, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, kind: 'checkpoint_mismatch' });
    await expect(verifyChain(iterate(log), { since: { position: 1, hash: 'nope' } })).rejects.toThrow(TypeError);
  });

  it('names the event after the last good one when the source fails', async () => {
    const failing: PageReader = async (after, limit) => {
      const page = log.filter((e) => e.position > after).slice(0, limit);
      if (page.some((e) => e.position === 6)) throw new Error('malformed JSON');
      return page;
    };
    expect(await verifyChain(failing, { pageSize: 4 })).toMatchObject({ ok: false, position: 6, kind: 'unreadable', events: 5 });
  });
});

describe('readAllPages', () => {
  it('asks for pages after the last position seen', async () => {
    const calls: [number, number][] = [];
    const read: PageReader = async (after, limit) => {
      calls.push([after, limit]);
      return reader(log)(after, limit);
    };
    const seen: number[] = [];
    for await (const e of readAllPages(read, 3)) seen.push(e.position);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(calls).toEqual([
      [0, 3],
      [3, 3],
      [6, 3],
      [8, 3],
    ]);
  });

  it('refuses a reader that makes no progress rather than looping', async () => {
    const stuck: PageReader = async () => [log[0]!];
    const run = async () => {
      for await (const _ of readAllPages(stuck, 5)) void _;
    };
    await expect(run()).rejects.toThrow(/no event after position 1/);
  });
});
