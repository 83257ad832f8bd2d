import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { CompleteTransfer } from '../apps/api/src/transfers/complete-transfer.command';
import { allocationDecider } from '../libs/domain/src';
import { appContext, streams } from '../libs/ledger/src';
import { uuidv7 } from '../libs/ledger/src/commands/ids';
import { startServer, type TestServer } from './support/server';
import { DECISION_747, allocate, seed, type Cast } from './support/story';

/**
 * A transfer whose first step is committed and whose second never comes (the process that began it
 * died, here: another process, simulated by appending the first step alone) is finished by the
 * saga over committed events while the server runs, not only at the next start.
 */
describe('saga: a half-done transfer is finished while the server runs', () => {
  let s: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    s = await startServer({ transferGraceMs: 50 });
    cast = await seed(s);
    await allocate(s, cast);
  });
  afterAll(() => s.close());

  const allocation = (id: string) => s.request('GET', `/api/v1/allocations/${id}`, { token: cast.admin });

  /** Step one of a sub-allocation alone, as a process that died before step two leaves it. */
  const firstStepOnly = async (childId: string, amount: number) => {
    const ctx = appContext({
      principal: { userId: 'lc-finance', role: 'finance_officer', units: ['LAI-CHAU'] },
      now: new Date().toISOString(),
      newId: uuidv7,
      correlationId: randomUUID(),
    });
    const transferId = uuidv7();
    await s.ledger.ledger.runner.run(
      streams.allocation('LC-DA1.1-2022'),
      allocationDecider,
      { type: 'PassDown', transferId, childAllocationId: childId, childUnitPath: ['PHONG-THO', 'LAI-CHAU', 'VN'], line: {}, amount, decision: DECISION_747 },
      ctx,
    );
    return transferId;
  };
  // Bounded by the test's timeout, not by a guess at the machine's speed.
  const granted = async (id: string) => {
    while ((await allocation(id)).status === 404) await new Promise((r) => setTimeout(r, 20));
    return (await allocation(id)).body;
  };

  it("grants the child once the grace period passes, under the first step's actor", async () => {
    await firstStepOnly('PT-DA1.1-2022-B', 1_000_000_000);
    expect(await granted('PT-DA1.1-2022-B')).toMatchObject({ id: 'PT-DA1.1-2022-B', unit: 'PHONG-THO', parentId: 'LC-DA1.1-2022', allocated: 1_000_000_000 });
    const trail = await s.request('GET', '/api/v1/audit?allocation=PT-DA1.1-2022-B', { token: cast.admin });
    const grants = trail.body.items.filter((e: { type: string }) => e.type === 'AllocationGranted');
    expect(grants.map((e: { actor: { userId: string } }) => e.actor.userId)).toEqual(['lc-finance']);
    expect((await allocation('LC-DA1.1-2022')).body.subAllocated).toBe(71_570_000_000 + 1_000_000_000);
  });

  it('records nothing when told to finish a transfer the request finished (a late saga, another process)', async () => {
    const r = await s.request('POST', '/api/v1/allocations', {
      token: cast.province,
      body: { id: 'PT-DA1.1-2022-C', parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', amount: 2_000_000, decision: DECISION_747 },
    });
    expect(r.status).toBe(201);
    const passed = (await s.ledger.ledger.events.readStream(streams.allocation('LC-DA1.1-2022'))).find(
      (e) => e.type === 'FundsPassedDown' && e.data.childAllocationId === 'PT-DA1.1-2022-C',
    )!;
    const head = (await s.ledger.ledger.events.head()).position;
    expect(await s.ledger.app.get(CommandBus).execute(new CompleteTransfer(passed.data.transferId as string))).toBe(false);
    expect((await s.ledger.ledger.events.head()).position).toBe(head);
    expect((await s.ledger.ledger.events.readStream(streams.allocation('PT-DA1.1-2022-C'))).map((e) => e.type)).toEqual(['AllocationGranted']);
  });
});
