import type { StoredEvent } from '../ports/event-store.port';
import { upcast } from './upcasters';

const v1: StoredEvent = {
  id: 'e-1',
  type: 'DisbursementReversed',
  schemaVersion: 1,
  streamId: 'allocation-PT-DA1.1-2022',
  revision: 4,
  position: 17,
  hash: 'f'.repeat(64),
  data: {
    allocationId: 'PT-DA1.1-2022',
    unit: 'PHONG-THO',
    ancestry: ['LC-DA1.1-2022'],
    disbursementId: 'D-WRONG',
    amount: 5_000_000_000,
    reason: 'voucher posted twice',
    decision: null,
  },
  metadata: {
    actor: { userId: 'pt-finance', role: 'finance_officer' },
    // 23:30 in Hà Nội on 31 Dec 2022: the reversal belongs to 2022 even though it is 2022-12-31T16:30Z.
    recordedAt: '2022-12-31T16:30:00.000Z',
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: null,
    reason: 'voucher posted twice',
  },
};

describe('DisbursementReversed v1 → v2', () => {
  it('gives a v1 reversal the day it was recorded in Asia/Ho_Chi_Minh as its value date', () => {
    expect(upcast(v1)).toEqual({ ...v1, schemaVersion: 2, data: { ...v1.data, valueDate: '2022-12-31' } });
  });

  it('takes the next day after 17:00 UTC', () => {
    const late = { ...v1, metadata: { ...v1.metadata, recordedAt: '2022-12-31T17:00:00.000Z' } };
    expect(upcast(late).data.valueDate).toBe('2023-01-01');
  });

  it('leaves the stored event alone (the hash chain covers its bytes)', () => {
    const before = JSON.stringify(v1);
    upcast(v1);
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('leaves a v2 reversal and every other event as they are', () => {
    const v2 = { ...v1, schemaVersion: 2, data: { ...v1.data, valueDate: '2022-10-03' } };
    expect(upcast(v2)).toBe(v2);
    const other = { ...v1, type: 'DisbursementRecorded' };
    expect(upcast(other)).toBe(other);
  });
});
