import Database from 'better-sqlite3';
import type { LedgerMetadata, NewEvent } from '../../../ledger/src/ports/event-store.port';

/** What the log tests append: payments by a district's finance officer, one a call. */
export const officerMetadata: LedgerMetadata = {
  actor: { userId: 'pt-finance', role: 'finance_officer' },
  recordedAt: '2025-12-20T09:00:00.000Z',
  correlationId: 'c',
  causationId: null,
  idempotencyKey: null,
  requestHash: null,
  decision: null,
  reason: null,
};

/** Event `e-<n>`: payment `disbursementId` against allocation `allocationId`. */
export const payment = (n: number, disbursementId: string, allocationId: string): NewEvent => ({
  id: `e-${n}`,
  type: 'DisbursementRecorded',
  schemaVersion: 1,
  data: {
    allocationId,
    unit: 'PHONG-THO',
    ancestry: [],
    disbursementId,
    amount: 1_000 + n,
    valueDate: '2025-12-20',
    voucher: `UNC-${n}`,
    payee: null,
    purpose: null,
  },
  metadata: officerMetadata,
});

/** `n` of a `SELECT COUNT(*) AS n …` on a file, read on a connection of its own. */
export function countIn(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
