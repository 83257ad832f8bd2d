import type { StoredEvent } from '../../../ledger/src/ports/event-store.port';
import { PROJECTIONS, ALLOCATIONS, DISBURSEMENTS, auditKeys } from '../../../ledger/src/projections';
import { CheckpointGap, planBatch } from '../../../ledger/src/projector/plan-batch';
import { Projector } from '../../../ledger/src/projector/projector';
import { buildLedgerFixture } from '../testing/ledger-fixture';
import { MemoryProjectionSink } from './memory-projection-sink';

const options = { projections: PROJECTIONS, auditKeys };
const noSleep = async () => undefined;

/** A sink whose process "dies" (throws before committing) on chosen batches. */
class CrashingSink extends MemoryProjectionSink {
  crashOn = new Set<number>();
  calls = 0;
  override async applyBatch(events: readonly StoredEvent[]): Promise<number> {
    this.calls += 1;
    if (this.crashOn.has(this.calls)) throw new Error(`killed before commit (call ${this.calls})`);
    return super.applyBatch(events);
  }
}

describe('checkpoint logic (planBatch)', () => {
  it('drops events at or before the checkpoint, and a replayed batch plans nothing', async () => {
    const { events, reference } = await buildLedgerFixture();
    const atThree = new MemoryProjectionSink(options);
    await atThree.applyBatch(events.slice(0, 3));
    const none = async (refs: readonly { collection: string; id: string }[]) =>
      new Map(await Promise.all(refs.map(async (r) => [`${r.collection}\u0000${r.id}`, await atThree.get(r.collection, r.id)] as const)));
    const plan = await planBatch(events.slice(0, 5), 3, none, options);
    expect(plan.writes.find((w) => w.id === 'MLP')?.doc).toEqual(await reference.get('units', 'MLP'));
    expect(plan.applied).toBe(2);
    expect(plan.checkpoint).toBe(5);
    expect(plan.index.map((i) => i.position)).toEqual([4, 5]);
    expect(await planBatch(events.slice(0, 5), 5, none, options)).toMatchObject({ applied: 0, checkpoint: 5, writes: [] });
  });

  it('refuses a batch that would skip events', async () => {
    const { events } = await buildLedgerFixture();
    await expect(planBatch(events.slice(4, 6), 2, async () => new Map(), options)).rejects.toBeInstanceOf(CheckpointGap);
  });

  it('fetches documents a projection reads without declaring them, and projects as inline does', async () => {
    const { events, reference } = await buildLedgerFixture();
    const asked: string[][] = [];
    const plan = await planBatch(
      events,
      0,
      async (refs) => {
        asked.push(refs.map((r) => `${r.collection}/${r.id}`));
        return new Map();
      },
      options,
    );
    expect(asked.length).toBeGreaterThanOrEqual(1);
    const written = new Map(plan.writes.map((w) => [`${w.collection}/${w.id}`, w.doc]));
    expect(written.get(`${ALLOCATIONS}/PT-1`)).toEqual(await reference.get(ALLOCATIONS, 'PT-1'));
    expect(written.get(`${DISBURSEMENTS}/D2`)).toEqual(await reference.get(DISBURSEMENTS, 'D2'));
  });
});

describe('projector: follows the log from the sink’s checkpoint', () => {
  it('catches up in batches and reports position, head and lag', async () => {
    const { reference, events } = await buildLedgerFixture();
    const sink = new MemoryProjectionSink(options);
    const projector = new Projector(reference, sink, { batchSize: 5, sleep: noSleep });
    expect(await projector.step()).toBe(5);
    expect(projector.status()).toMatchObject({ checkpoint: 5, head: events.length, lag: events.length - 5, lastError: null });
    expect(await projector.catchUp()).toBe(events.length - 5);
    expect(projector.status()).toMatchObject({ checkpoint: events.length, lag: 0 });
    expect(await sink.get(ALLOCATIONS, 'PT-1')).toEqual(await reference.get(ALLOCATIONS, 'PT-1'));
  });

  it('resumes after a restart from the checkpoint the sink committed, applying nothing twice', async () => {
    const { reference, events } = await buildLedgerFixture();
    const sink = new CrashingSink(options);
    sink.crashOn = new Set([3]);
    const first = new Projector(reference, sink, { batchSize: 4, sleep: noSleep });
    await expect(first.catchUp()).rejects.toThrow('killed before commit');
    expect(await sink.checkpoint()).toBe(8);
    // A new process, the same sink: it starts where the committed checkpoint says.
    const second = new Projector(reference, sink, { batchSize: 4, sleep: noSleep });
    await second.catchUp();
    expect(await sink.checkpoint()).toBe(events.length);
    const fresh = new MemoryProjectionSink(options);
    await new Projector(reference, fresh, { batchSize: 1000 }).catchUp();
    for (const c of [ALLOCATIONS, DISBURSEMENTS, 'units', 'households', 'transfers']) expect(await sink.find(c)).toEqual(await fresh.find(c));
    expect(await sink.queryIndex({ keys: [], afterPosition: 0, limit: 1000 })).toEqual(events.map((e) => e.position));
  });

  it('rides out a dropped connection: logs, backs off, and continues from the checkpoint', async () => {
    const { reference, events } = await buildLedgerFixture();
    let reads = 0;
    const flaky = {
      readAll: async (after: number, limit: number) => {
        reads += 1;
        if (reads === 2 || reads === 3) throw new Error('14 UNAVAILABLE: connection dropped');
        return reference.readAll(after, limit);
      },
      head: () => reference.head(),
    };
    const sink = new MemoryProjectionSink(options);
    const lines: string[] = [];
    const delays: number[] = [];
    const abort = new AbortController();
    const projector = new Projector(flaky, sink, {
      batchSize: 4,
      log: (l) => lines.push(l),
      retryDelayMs: (n) => n * 10,
      sleep: async (ms) => {
        delays.push(ms);
        if ((await sink.checkpoint()) === events.length) abort.abort();
      },
    });
    await projector.run(abort.signal);
    expect(await sink.checkpoint()).toBe(events.length);
    expect(delays.slice(0, 2)).toEqual([10, 20]);
    expect(lines.some((l) => l.includes('attempt 2 failed') && l.includes('UNAVAILABLE'))).toBe(true);
    expect(lines.some((l) => l.includes('resumed at position 8 after 2 failed attempt(s)'))).toBe(true);
    expect(projector.status().lastError).toBeNull();
  });

  it('waits for appends when caught up and picks them up from where it stopped', async () => {
    const { reference, events } = await buildLedgerFixture();
    const sink = new MemoryProjectionSink(options);
    const waited: number[] = [];
    const source = {
      readAll: (a: number, l: number) => reference.readAll(a, l),
      head: () => reference.head(),
      waitForAppend: async (after: number) => {
        waited.push(after);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const abort = new AbortController();
    const projector = new Projector(source, sink, { batchSize: 100 });
    const done = projector.run(abort.signal);
    while ((await sink.checkpoint()) < events.length) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    abort.abort();
    await done;
    expect(waited.every((p) => p === events.length)).toBe(true);
    expect(sink.batches).toBe(1);
  });
});
