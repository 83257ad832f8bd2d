import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteLedgerStore } from '../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { PROJECTIONS, auditKeys } from '../../libs/ledger/src/projections';
import { allocationView } from '../../libs/ledger/src/queries/allocation-view';
import { balances } from '../../libs/ledger/src/queries/balances';
import type { Principal } from '../../libs/domain/src';
import { fmt, percentile, quick, seconds, tempDir, type Row } from '../lib';
import { ALLOCATIONS, allocationId, disbursementEvent, grantEvent } from './log';

const INSPECTOR: Principal = { userId: 'bench', role: 'inspector', units: [] };
const READS = 1000;

/**
 * Issue 4: a time-travel read on a log of a million events. The log is written through the store's
 * ordinary append path (group commit in waves of one append per allocation, each answered once
 * the projector has written its read models and their history), each wave stamped one second after the last; then READS balance reads
 * (`/balances?fiscalYear=2025&atPosition=P` over all 1,000 allocations) and READS allocation
 * reads at random past positions, and READS `asOf` reads at random past moments.
 */
export async function timeTravelScenario(events = quick() ? 100_000 : 1_000_000): Promise<Row[]> {
  const tmp = tempDir('time-travel');
  try {
    const store = new SqliteLedgerStore(join(tmp.dir, 'ledger.db'), { projections: PROJECTIONS, auditKeys, maxBatch: ALLOCATIONS });
    await Promise.all(
      Array.from({ length: ALLOCATIONS }, (_, a) => store.append(`allocation-${allocationId(a)}`, 'no_stream', [{ id: randomUUID(), ...grantEvent(a) }])),
    );
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const waves = Math.ceil(events / ALLOCATIONS);
    const t0 = performance.now();
    for (let w = 0; w < waves; w++) {
      const recordedAt = new Date(start + w * 1000).toISOString();
      await Promise.all(
        Array.from({ length: ALLOCATIONS }, (_, a) => {
          const e = disbursementEvent(w * ALLOCATIONS + a);
          return store.append(`allocation-${allocationId(a)}`, w, [{ id: randomUUID(), ...e, metadata: { ...e.metadata, recordedAt } }]);
        }),
      );
    }
    const writeMs = performance.now() - t0;
    const head = (await store.head()).position;

    const time = async (read: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < READS; i++) {
        const t = performance.now();
        await read();
        ms.push(performance.now() - t);
      }
      return ms.sort((a, b) => a - b);
    };
    const randomPosition = () => ALLOCATIONS + 1 + Math.floor(Math.random() * (head - ALLOCATIONS));
    const balance = await time(() => balances(store, { fiscalYear: '2025', atPosition: String(randomPosition()) }, INSPECTOR));
    const allocation = await time(() =>
      allocationView(store, allocationId(Math.floor(Math.random() * ALLOCATIONS)), INSPECTOR, { atPosition: String(randomPosition()) }),
    );
    const asOf = await time(() =>
      balances(store, { fiscalYear: '2025', asOf: new Date(start + Math.floor(Math.random() * waves) * 1000 + 500).toISOString() }, INSPECTOR),
    );
    await store.close();

    const p = (ms: number[]) => ({ p50: percentile(ms, 50), p99: percentile(ms, 99) });
    const figure = (ms: number[]) => `p50 ${p(ms).p50.toFixed(1)} ms, p99 ${p(ms).p99.toFixed(1)} ms`;
    const pass = (ms: number[]) => (quick() ? null : p(ms).p50 < 50 && p(ms).p99 < 250);
    const detail = { events: head, writeSeconds: writeMs / 1000, reads: READS, balance: p(balance), allocation: p(allocation), asOf: p(asOf) };
    const size = `${fmt(head)}-event log${quick() ? ' (quick)' : ''}`;
    return [
      {
        scenario: `(g) time-travel balance read, ${size}, 1,000 allocations, random atPosition`,
        figure: figure(balance),
        target: 'p50 < 50 ms, p99 < 250 ms',
        pass: pass(balance),
        detail,
      },
      {
        scenario: `(g) time-travel allocation read, ${size}, random atPosition`,
        figure: figure(allocation),
        target: 'p50 < 50 ms, p99 < 250 ms',
        pass: pass(allocation),
      },
      { scenario: `(g) time-travel balance read, ${size}, random asOf`, figure: figure(asOf), target: 'p50 < 50 ms, p99 < 250 ms', pass: pass(asOf) },
      { scenario: `(g) writing the ${size} with history`, figure: seconds(writeMs), target: '—', pass: null },
    ];
  } finally {
    tmp.remove();
  }
}
