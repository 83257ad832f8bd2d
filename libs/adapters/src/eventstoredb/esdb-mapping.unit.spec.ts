import { NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersion } from '../../../ledger/src/ports/event-store.port';
import { MemoryLedgerStore } from '../memory/memory-ledger-store';
import { contractEvent } from '../testing/event-store.contract';
import { esdbEventId, fromEsdbRecord, isLedgerRecord, mapAppendError, toEsdbEvent, toEsdbExpected, type EsdbRecord } from './esdb-mapping';
import { LogIndex } from './log-index';

/** What the server would hand back for an event written with `toEsdbEvent`. */
const recorded = (
  streamId: string,
  revision: number,
  data: ReturnType<typeof toEsdbEvent>,
  commit: number,
): EsdbRecord & { position: { commit: bigint; prepare: bigint } } => ({
  streamId,
  revision: BigInt(revision),
  id: data.id,
  type: data.type,
  isJson: data.contentType === 'application/json',
  data: data.data,
  metadata: data.metadata,
  position: { commit: BigInt(commit), prepare: BigInt(commit) },
});

describe('EventStoreDB event mapping', () => {
  it('maps our event to a JSON event: id, type, data, metadata with the schema version', () => {
    const e = { ...contractEvent({ amount: 5 }), id: '0b9b4c1e-4a8f-4a6e-9d6f-2f5c1d1e7a10' };
    const out = toEsdbEvent(e);
    expect(out).toMatchObject({ id: e.id, type: e.type, contentType: 'application/json', data: e.data });
    expect(out.metadata).toEqual({ ...e.metadata, ledgerSchemaVersion: 1, $correlationId: 'corr' });
  });

  it('derives a stable UUID for an id that is not one, and keeps ours in metadata', () => {
    const e = { ...contractEvent(), id: 'id-42' };
    const out = toEsdbEvent(e);
    expect(out.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.id).toBe(esdbEventId('id-42'));
    expect((out.metadata as Record<string, unknown>).ledgerEventId).toBe('id-42');
  });

  it('maps a recorded event back to exactly what was appended', () => {
    for (const id of ['id-7', '0b9b4c1e-4a8f-4a6e-9d6f-2f5c1d1e7a10']) {
      const e = { ...contractEvent({ nested: { a: [1, 2] } }), id, schemaVersion: 3 };
      expect(fromEsdbRecord(recorded('allocation-A', 4, toEsdbEvent(e), 100))).toEqual({ ...e, streamId: 'allocation-A', revision: 4 });
    }
  });

  it('keeps system events, the adapter’s own streams and foreign events out of the ledger', () => {
    const ours = toEsdbEvent(contractEvent());
    expect(isLedgerRecord(recorded('allocation-A', 0, ours, 1))).toBe(true);
    expect(isLedgerRecord(recorded('$stats-0.0.0.0:2113', 0, ours, 1))).toBe(false);
    expect(isLedgerRecord(recorded('ledger-idempotency-abc', 0, ours, 1))).toBe(false);
    expect(isLedgerRecord({ ...recorded('allocation-A', 0, ours, 1), type: '$metadata' })).toBe(false);
    expect(isLedgerRecord({ ...recorded('allocation-A', 0, ours, 1), metadata: { foreign: true } })).toBe(false);
    expect(isLedgerRecord({ ...recorded('allocation-A', 0, ours, 1), isJson: false })).toBe(false);
  });

  it('passes every expected revision explicitly, never the client default "any"', () => {
    expect(toEsdbExpected('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpected(0)).toBe(BigInt(0));
    expect(toEsdbExpected(41)).toBe(BigInt(41));
    expect(() => toEsdbExpected(-1)).toThrow(TypeError);
    expect(() => toEsdbExpected(1.5)).toThrow(TypeError);
  });

  it('maps the client’s WrongExpectedVersionError to ours, the one the SQLite store raises', () => {
    const atRevision = mapAppendError(
      new WrongExpectedVersionError(undefined, { streamName: 'allocation-A', expected: BigInt(2), current: BigInt(5) }),
      'allocation-A',
      2,
    );
    expect(atRevision).toBeInstanceOf(WrongExpectedVersion);
    expect(atRevision).toMatchObject({ streamId: 'allocation-A', expected: 2, actual: 5 });
    const missing = mapAppendError(
      new WrongExpectedVersionError(undefined, { streamName: 'allocation-B', expected: BigInt(0), current: NO_STREAM }),
      'allocation-B',
      0,
    );
    expect(missing).toMatchObject({ streamId: 'allocation-B', expected: 0, actual: 'no_stream' });
    const other = new Error('unavailable');
    expect(mapAppendError(other, 'allocation-A', 0)).toBe(other);
  });
});

describe('positions and hash chain over $all (LogIndex)', () => {
  it('numbers ledger events densely from 1 in $all order and chains them exactly as the embedded stores do', async () => {
    const reference = new MemoryLedgerStore({ projections: [], auditKeys: () => [] });
    const index = new LogIndex();
    const writes: [string, ReturnType<typeof contractEvent>][] = [
      ['allocation-A', contractEvent()],
      ['allocation-B', contractEvent()],
      ['allocation-A', contractEvent()],
    ];
    const revisions = new Map<string, number>();
    let commit = 1000;
    for (const [stream, e] of writes) {
      const revision = revisions.get(stream) ?? -1;
      await reference.append(stream, revision < 0 ? 'no_stream' : revision, [e]);
      revisions.set(stream, revision + 1);
      // Sparse $all positions, with the adapter's own and system records in between.
      index.observe(recorded('ledger-idempotency-x', 0, toEsdbEvent(contractEvent()), (commit += 77)));
      index.observe({ ...recorded('$stats', 0, toEsdbEvent(contractEvent()), (commit += 13)), type: '$statsCollected' });
      index.observe(recorded(stream, revision + 1, toEsdbEvent(e), (commit += 311)));
    }
    expect(index.tip()).toEqual(await reference.head());
    const all = await reference.readAll(0, 10);
    expect(all.map((e) => index.positionOf(e.id))).toEqual([1, 2, 3]);
    expect(index.locate(recorded('allocation-A', 1, toEsdbEvent(writes[2]![1]), 0))).toEqual(all[2]);
  });

  it('ignores a record read twice (a page read from a position starts with it)', () => {
    const index = new LogIndex();
    const r = recorded('allocation-A', 0, toEsdbEvent(contractEvent()), 500);
    expect(index.observe(r)?.position).toBe(1);
    expect(index.observe(r)).toBeNull();
    expect(index.observe({ ...r, position: { commit: BigInt(499), prepare: BigInt(499) } })).toBeNull();
    expect(index.tip().position).toBe(1);
    expect(index.esdbPositionOf(1)).toEqual(r.position);
  });
});
