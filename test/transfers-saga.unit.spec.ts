import { EventCommitted } from '../apps/api/src/events/event-committed.event';
import { CompleteTransfer } from '../apps/api/src/transfers/complete-transfer.command';
import { HalfDoneTransfersSaga } from '../apps/api/src/transfers/half-done-transfers.saga';
import type { LedgerConfig } from '../apps/api/src/config';
import type { StoredEvent } from '../libs/ledger/src';
import { TestScheduler } from 'rxjs/testing';

/** The saga's timing on virtual time (rxjs TestScheduler): no test here waits on the clock. */
const committed = (type: string, data: Record<string, unknown>, position = 1) =>
  new EventCommitted({
    type,
    data,
    position,
    streamId: 's',
    revision: 0,
    id: `e${position}`,
    schemaVersion: 1,
    hash: '',
    metadata: {} as StoredEvent['metadata'],
  });

const passedDown = (transferId: string) => committed('FundsPassedDown', { transferId, purpose: 'grant', allocationId: 'P', childAllocationId: 'C', amount: 1 });
const granted = (transferId: string) => committed('AllocationGranted', { transferId, allocationId: 'C' });
const reduced = (transferId: string) => committed('AllocationAdjusted', { transferId, delta: -5, allocationId: 'C' });
const returned = (transferId: string) => committed('FundsReturned', { transferId: `${transferId}:return`, allocationId: 'P' });
const disbursed = () => committed('DisbursementRecorded', { allocationId: 'C', disbursementId: 'D1', amount: 1 });

const saga = new HalfDoneTransfersSaga({ transferGraceMs: 10 } as LedgerConfig);
const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('HalfDoneTransfersSaga', () => {
  it('sends CompleteTransfer when no second step follows a first within the grace period', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const events = hot('a', { a: passedDown('t1') });
      expectObservable(saga.halfDone(events)).toBe('10ms x', { x: new CompleteTransfer('t1') });
    });
  });

  it('sends nothing when the second step comes in time, for a grant as for a reduction', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const events = hot('a 2ms b c 2ms d 20ms', { a: passedDown('t1'), b: disbursed(), c: reduced('t2'), d: granted('t1') });
      expectObservable(saga.halfDone(events)).toBe('14ms x', { x: new CompleteTransfer('t2') });
    });
  });

  it('matches a second step to its own transfer only', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const events = hot('a b 2ms c', { a: passedDown('t1'), b: reduced('t2'), c: returned('t2') });
      expectObservable(saga.halfDone(events)).toBe('10ms x', { x: new CompleteTransfer('t1') });
    });
  });
});
