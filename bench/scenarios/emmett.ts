import { join } from 'node:path';
import { appendToStream, createEventStoreSchema, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { fmt, perSecond, type Row } from '../lib';
import { ALLOCATIONS, allocationId, disbursementEvent, grantEvent } from './log';

/**
 * (f) The same workload on @event-driven-io/emmett-sqlite, through its own exported API: one
 * `appendToStream` per event with its expected stream version, the appends of a wave inside one
 * `withTransaction` (emmett's way of batching), WAL as emmett sets it and synchronous=FULL as ours;
 * then the whole log replayed with `readMessagesBatch`.
 */
export async function emmettScenario(dir: string, events: number, ours: Readonly<{ appendsPerSecond: number; replayPerSecond: number }>): Promise<Row[]> {
  const connection = sqliteConnection({ fileName: join(dir, 'emmett.db') });
  await connection.command('PRAGMA synchronous = FULL');
  await createEventStoreSchema(connection);
  const asEmmett = (e: ReturnType<typeof grantEvent>) => ({ type: e.type, data: e.data, metadata: e.metadata as unknown as Record<string, unknown> });
  await connection.withTransaction(async () => {
    for (let a = 0; a < ALLOCATIONS; a++) {
      const r = await appendToStream(connection, `allocation-${allocationId(a)}`, 'allocation', [asEmmett(grantEvent(a))]);
      if (!r.success) throw new Error('emmett: seeding failed');
    }
  });
  const waves = Math.ceil(events / ALLOCATIONS);
  const t0 = performance.now();
  for (let w = 0; w < waves; w++) {
    await connection.withTransaction(async () => {
      for (let a = 0; a < ALLOCATIONS; a++) {
        const r = await appendToStream(connection, `allocation-${allocationId(a)}`, 'allocation', [asEmmett(disbursementEvent(w * ALLOCATIONS + a))], {
          expectedStreamVersion: BigInt(w + 1),
        });
        if (!r.success) throw new Error(`emmett: append to ${allocationId(a)} refused at wave ${w}`);
      }
    });
  }
  const appendMs = performance.now() - t0;
  const appended = waves * ALLOCATIONS;
  const appendsPerSecond = perSecond(appended, appendMs);

  const t1 = performance.now();
  let read = 0;
  let after = 0n;
  for (;;) {
    const batch = await readMessagesBatch(connection, { after, batchSize: 5000 });
    read += batch.messages.length;
    if (batch.messages.length === 0 || !batch.areEventsLeft) break;
    after = batch.currentGlobalPosition;
  }
  const replayMs = performance.now() - t1;
  const replayPerSecond = perSecond(read, replayMs);
  connection.close();

  const appendRatio = ours.appendsPerSecond / appendsPerSecond;
  const replayRatio = ours.replayPerSecond / replayPerSecond;
  return [
    {
      scenario: `(f) appends vs emmett-sqlite (same ${fmt(appended)} events, batches of ${ALLOCATIONS})`,
      figure: `ours ${fmt(ours.appendsPerSecond)} vs emmett ${fmt(appendsPerSecond)} ev/s = ${appendRatio.toFixed(2)}×`,
      target: '≥ 2×',
      pass: appendRatio >= 2,
      detail: { appended, emmettMs: appendMs, emmettPerSecond: appendsPerSecond, oursPerSecond: ours.appendsPerSecond, ratio: appendRatio },
    },
    {
      scenario: `(f) replay vs emmett-sqlite (${fmt(read)} events, pages of 5,000)`,
      figure: `ours ${fmt(ours.replayPerSecond)} vs emmett ${fmt(replayPerSecond)} ev/s = ${replayRatio.toFixed(2)}×`,
      target: '≥ 1×',
      pass: replayRatio >= 1,
      detail: { events: read, emmettMs: replayMs, emmettPerSecond: replayPerSecond, oursPerSecond: ours.replayPerSecond, ratio: replayRatio },
    },
  ];
}
