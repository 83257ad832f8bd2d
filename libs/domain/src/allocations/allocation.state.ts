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
  /** Requests awaiting a checker (maker-checker): reserved, not yet paid. */
  pending: Dong;
  disbursements: ReadonlyMap<string, Disbursed>;
  requests: ReadonlyMap<string, Requested>;
  /** Transfers already applied on this stream: makes the two-stream steps idempotent. */
  transfers: ReadonlySet<string>;
  notes: ReadonlySet<string>;
}>;

export type Disbursed = Readonly<{ amount: Dong; valueDate: string; reversed: boolean }>;

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** A payment awaiting (or past) a checker's decision; what approval turns into a payment. */
export type Requested = Readonly<{
  amount: Dong;
  valueDate: string;
  voucher: string;
  payee: string | null;
  purpose: string | null;
  requestedBy: string;
  status: RequestStatus;
}>;

export type AllocationState = Readonly<{ status: 'empty' }> | Granted;

export const initialAllocationState = (): AllocationState => ({ status: 'empty' });

/** allocated − passed down − disbursed − pending: what this allocation can still pass down, pay or request. */
export const available = (s: Granted): Dong => subtract(subtract(subtract(s.allocated, s.subAllocated), s.disbursed), s.pending);

/** What a reduction may not cut into: a pending request is money promised to a payee. */
export const committed = (s: Granted): Dong => add(add(s.subAllocated, s.disbursed), s.pending);

/*
 * A busy allocation carries tens of thousands of disbursements. Copying the map on every event would
 * make a fold quadratic, so evolve hands the grown collection on to the next state: a state is
 * only ever superseded by its successor, never read again after it has been evolved.
 */
const withTransfer = (set: ReadonlySet<string>, id: string | null): ReadonlySet<string> => (id === null ? set : (set as Set<string>).add(id));
const withDisbursement = (map: Granted['disbursements'], id: string, entry: Disbursed): Granted['disbursements'] =>
  (map as Map<string, Disbursed>).set(id, entry);
const withRequest = (map: Granted['requests'], id: string, entry: Requested): Granted['requests'] => (map as Map<string, Requested>).set(id, entry);

function decided(state: Granted, id: string, status: RequestStatus): Granted['requests'] {
  const request = state.requests.get(id);
  return request ? withRequest(state.requests, id, { ...request, status }) : state.requests;
}

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
      pending: 0,
      disbursements: new Map(),
      requests: new Map(),
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
    case 'DisbursementRequested': {
      const d = e.data;
      return {
        ...state,
        pending: add(state.pending, d.amount),
        requests: withRequest(state.requests, d.disbursementId, {
          amount: d.amount,
          valueDate: d.valueDate,
          voucher: d.voucher,
          payee: d.payee,
          purpose: d.purpose,
          requestedBy: d.requestedBy,
          status: 'pending',
        }),
      };
    }
    case 'DisbursementApproved':
      return {
        ...state,
        pending: subtract(state.pending, e.data.amount),
        disbursed: add(state.disbursed, e.data.amount),
        disbursements: withDisbursement(state.disbursements, e.data.disbursementId, { amount: e.data.amount, valueDate: e.data.valueDate, reversed: false }),
        requests: decided(state, e.data.disbursementId, 'approved'),
      };
    case 'DisbursementRejected':
      return { ...state, pending: subtract(state.pending, e.data.amount), requests: decided(state, e.data.disbursementId, 'rejected') };
    case 'DisbursementWithdrawn':
      return { ...state, pending: subtract(state.pending, e.data.amount), requests: decided(state, e.data.disbursementId, 'withdrawn') };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}
