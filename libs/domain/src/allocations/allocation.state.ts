import type { BudgetLine } from '../catalogue/catalogue';
import type { LegalDocument } from '../shared/event';
import { add, subtract, type Dong } from '../shared/money';
import type { AllocationEvent } from './allocation.events';

export type Granted = Readonly<{
  status: 'granted';
  id: string;
  unit: string;
  parentId: string | null;
  ancestry: readonly string[];
  line: BudgetLine;
  decision: LegalDocument;
  allocated: Dong;
  subAllocated: Dong;
  disbursed: Dong;
  disbursements: ReadonlyMap<string, Disbursed>;
  /** Transfers already applied on this stream: makes the two-stream steps idempotent. */
  transfers: ReadonlySet<string>;
  notes: ReadonlySet<string>;
}>;

export type Disbursed = Readonly<{ amount: Dong; valueDate: string; reversed: boolean }>;

export type AllocationState = Readonly<{ status: 'empty' }> | Granted;

export const initialAllocationState = (): AllocationState => ({ status: 'empty' });

/** allocated − passed down − disbursed: what this allocation can still pass down or pay. */
export const available = (s: Granted): Dong => subtract(subtract(s.allocated, s.subAllocated), s.disbursed);

/** What a reduction may not cut into. */
export const committed = (s: Granted): Dong => add(s.subAllocated, s.disbursed);

/*
 * A busy allocation carries tens of thousands of disbursements. Copying the map on every event would
 * make a fold quadratic, so evolve hands the grown collection on to the next state: a state is
 * only ever superseded by its successor, never read again after it has been evolved.
 */
const withTransfer = (set: ReadonlySet<string>, id: string | null): ReadonlySet<string> =>
  id === null ? set : (set as Set<string>).add(id);
const withDisbursement = (
  map: Granted['disbursements'],
  id: string,
  entry: Disbursed,
): Granted['disbursements'] => (map as Map<string, Disbursed>).set(id, entry);

export function evolveAllocation(state: AllocationState, e: AllocationEvent): AllocationState {
  if (e.type === 'AllocationGranted') {
    const d = e.data;
    return {
      status: 'granted',
      id: d.allocationId,
      unit: d.unit,
      parentId: d.parentId,
      ancestry: d.ancestry,
      line: d.line,
      decision: d.decision,
      allocated: d.amount,
      subAllocated: 0,
      disbursed: 0,
      disbursements: new Map(),
      transfers: withTransfer(new Set(), d.transferId),
      notes: new Set(),
    };
  }
  if (state.status !== 'granted') return state;
  switch (e.type) {
    case 'AllocationAdjusted':
      return { ...state, allocated: e.data.allocated, transfers: withTransfer(state.transfers, e.data.transferId) };
    case 'FundsPassedDown':
      return { ...state, subAllocated: add(state.subAllocated, e.data.amount), transfers: withTransfer(state.transfers, e.data.transferId) };
    case 'FundsReturned':
      return { ...state, subAllocated: subtract(state.subAllocated, e.data.amount), transfers: withTransfer(state.transfers, e.data.transferId) };
    case 'DisbursementRecorded':
      return {
        ...state,
        disbursed: add(state.disbursed, e.data.amount),
        disbursements: withDisbursement(state.disbursements, e.data.disbursementId, { amount: e.data.amount, valueDate: e.data.valueDate, reversed: false }),
      };
    case 'DisbursementReversed':
      return {
        ...state,
        disbursed: subtract(state.disbursed, e.data.amount),
        disbursements: withDisbursement(state.disbursements, e.data.disbursementId, {
          amount: e.data.amount,
          valueDate: state.disbursements.get(e.data.disbursementId)?.valueDate ?? e.data.valueDate,
          reversed: true,
        }),
      };
    case 'AllocationNoteRecorded':
      return { ...state, notes: (state.notes as Set<string>).add(e.data.noteId) };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}
