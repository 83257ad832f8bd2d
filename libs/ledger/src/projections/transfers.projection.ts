import type { StoredEvent } from '../ports/event-store.port';
import { upcast } from '../schema/upcasters';
import { defineProjection, ref, type DocWrite, type ProjectedOf } from './projection';

type TransferStep = ProjectedOf<'FundsPassedDown' | 'AllocationGranted' | 'AllocationAdjusted' | 'FundsReturned'>;
const STEP_TYPES = new Set<string>(['FundsPassedDown', 'AllocationGranted', 'AllocationAdjusted', 'FundsReturned']);

/**
 * Money moving between two allocation streams is written in two appends. This read model lists
 * the moves whose first step is in the log and whose second is not, so that a restart completes
 * them: see commands/transfers.ts.
 */
export type TransferDoc = Readonly<{
  id: string;
  kind: 'sub-allocation' | 'increase' | 'reduction';
  status: 'pending' | 'done';
  /** The stream holding the first step, and that step's position. */
  firstStep: Readonly<{ allocationId: string; position: number }>;
  childAllocationId: string;
  amount: number;
  _position?: number;
}>;

export const TRANSFERS = 'transfers';

const transferOf = (e: TransferStep): string | null => {
  const t = e.data.transferId;
  return t === null ? null : t.replace(/:return$/, '');
};

/**
 * Whether a committed event begins a transfer (the side giving money up) or ends one (the side
 * receiving it, or the parent taking back a reservation whose child id was taken): what the read
 * model below and the saga that finishes half-done transfers both go by.
 */
export function transferStep(stored: StoredEvent): Readonly<{ transferId: string; step: 'first' | 'second' }> | null {
  if (!STEP_TYPES.has(stored.type)) return null;
  const e = upcast(stored) as unknown as TransferStep;
  const transferId = transferOf(e);
  if (transferId === null) return null;
  switch (e.type) {
    case 'FundsPassedDown':
      return { transferId, step: 'first' };
    case 'AllocationAdjusted':
      return { transferId, step: e.data.delta < 0 ? 'first' : 'second' };
    case 'AllocationGranted':
    case 'FundsReturned':
      return { transferId, step: 'second' };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export const transfersProjection = defineProjection({
  name: 'transfers',
  handles: ['FundsPassedDown', 'AllocationGranted', 'AllocationAdjusted', 'FundsReturned'],
  touches: (e) => {
    const t = transferOf(e);
    return t === null ? [] : [ref(TRANSFERS, t)];
  },
  apply(e, docs): DocWrite[] {
    const id = transferOf(e);
    if (id === null) return [];
    const put = (doc: TransferDoc): DocWrite[] => [{ collection: TRANSFERS, id, doc }];
    const existing = docs<TransferDoc>(TRANSFERS, id);
    switch (e.type) {
      case 'FundsPassedDown': {
        const d = e.data;
        return put({
          id,
          kind: d.purpose === 'grant' ? 'sub-allocation' : 'increase',
          status: 'pending',
          firstStep: { allocationId: d.allocationId, position: e.position },
          childAllocationId: d.childAllocationId,
          amount: d.amount,
        });
      }
      case 'AllocationAdjusted': {
        const d = e.data;
        if (d.delta < 0) {
          return put({
            id,
            kind: 'reduction',
            status: 'pending',
            firstStep: { allocationId: d.allocationId, position: e.position },
            childAllocationId: d.allocationId,
            amount: -d.delta,
          });
        }
        return existing ? put({ ...existing, status: 'done' }) : [];
      }
      case 'AllocationGranted':
      case 'FundsReturned':
        return existing ? put({ ...existing, status: 'done' }) : [];
      default: {
        const _exhaustive: never = e;
        return _exhaustive;
      }
    }
  },
});
