import type { BudgetLine } from '../catalogue/catalogue';
import type { DomainEvent, LegalDocument } from '../shared/event';
import type { Dong } from '../shared/money';

/**
 * Events of one allocation stream (`allocation-<id>`). Every event names the allocation's unit so
 * read models and scope checks never need another lookup; `ancestry` (root first) lets balance
 * projections roll a disbursement up to every allocation above it without reading them.
 */
export type AllocationGranted = DomainEvent<
  'AllocationGranted',
  {
    allocationId: string;
    unit: string;
    grantedBy: string | null;
    parentId: string | null;
    ancestry: readonly string[];
    line: BudgetLine;
    amount: Dong;
    decision: LegalDocument;
    transferId: string | null;
  }
>;

export type AllocationAdjusted = DomainEvent<
  'AllocationAdjusted',
  { allocationId: string; unit: string; delta: Dong; allocated: Dong; decision: LegalDocument; reason: string; transferId: string | null }
>;

/** A parent's side of a sub-allocation or of its increase: the amount leaves the parent's available balance. */
export type FundsPassedDown = DomainEvent<
  'FundsPassedDown',
  {
    allocationId: string;
    unit: string;
    transferId: string;
    purpose: 'grant' | 'increase';
    childAllocationId: string;
    childUnit: string;
    amount: Dong;
    decision: LegalDocument;
    reason: string | null;
  }
>;

/** A parent's side of a child's reduction, or of a sub-allocation that could not be completed. */
export type FundsReturned = DomainEvent<
  'FundsReturned',
  { allocationId: string; unit: string; transferId: string; purpose: 'reduction' | 'cancellation'; childAllocationId: string; amount: Dong; reason: string }
>;

export type DisbursementRecorded = DomainEvent<
  'DisbursementRecorded',
  {
    allocationId: string;
    unit: string;
    ancestry: readonly string[];
    disbursementId: string;
    amount: Dong;
    valueDate: string;
    voucher: string;
    payee: string | null;
    purpose: string | null;
  }
>;

/**
 * Schema version 2 (issue 4) adds `valueDate`: the day the reversal takes effect at the Treasury,
 * which value-dated balances use. Version 1 events have none; the v1 → v2 upcaster
 * (libs/ledger/src/schema) gives them the day they were recorded in Asia/Ho_Chi_Minh.
 */
export type DisbursementReversed = DomainEvent<
  'DisbursementReversed',
  {
    allocationId: string;
    unit: string;
    ancestry: readonly string[];
    disbursementId: string;
    amount: Dong;
    valueDate: string;
    reason: string;
    decision: LegalDocument | null;
  }
>;

/**
 * A progress note: why money is (not yet) spent, as the unit or its supervisors see it on `asOf`
 * ("no implementing guidance from the ministry yet"). It moves no money; the province reads it
 * beside the disbursement rate.
 */
export type AllocationNoteRecorded = DomainEvent<
  'AllocationNoteRecorded',
  { allocationId: string; unit: string; noteId: string; text: string; asOf: string; reason: string }
>;

/**
 * Maker-checker (issue 13): a payment at or above the threshold of the approval policy in force for
 * the unit is first a request. Its amount is reserved at once (`pending`), so requests and payments
 * can never together spend more than is available; a different finance officer then approves it
 * (it becomes a payment, valued as requested) or rejects it, or the maker withdraws it. Every
 * decision event repeats what the projections need, so none of them has to look the request up.
 */
export type DisbursementRequested = DomainEvent<
  'DisbursementRequested',
  {
    allocationId: string;
    unit: string;
    disbursementId: string;
    amount: Dong;
    valueDate: string;
    voucher: string;
    payee: string | null;
    purpose: string | null;
    /** The maker: the user who prepared the payment and may not approve it. */
    requestedBy: string;
    /** The policy that made it a request: whose, from what amount, by which decision. */
    policy: Readonly<{ unit: string; threshold: Dong; decision: LegalDocument }>;
  }
>;

export type DisbursementApproved = DomainEvent<
  'DisbursementApproved',
  {
    allocationId: string;
    unit: string;
    ancestry: readonly string[];
    disbursementId: string;
    amount: Dong;
    valueDate: string;
    voucher: string;
    payee: string | null;
    purpose: string | null;
    requestedBy: string;
    approvedBy: string;
    comment: string | null;
  }
>;

export type DisbursementRejected = DomainEvent<
  'DisbursementRejected',
  { allocationId: string; unit: string; disbursementId: string; amount: Dong; requestedBy: string; rejectedBy: string; reason: string }
>;

export type DisbursementWithdrawn = DomainEvent<
  'DisbursementWithdrawn',
  { allocationId: string; unit: string; disbursementId: string; amount: Dong; requestedBy: string; reason: string }
>;

/** The schema version the deciders emit for each event type (absent: 1). */
export const ALLOCATION_EVENT_VERSIONS: Readonly<Partial<Record<AllocationEvent['type'], number>>> = { DisbursementReversed: 2 };

export type AllocationEvent =
  | AllocationGranted
  | AllocationAdjusted
  | FundsPassedDown
  | FundsReturned
  | DisbursementRecorded
  | DisbursementReversed
  | AllocationNoteRecorded
  | DisbursementRequested
  | DisbursementApproved
  | DisbursementRejected
  | DisbursementWithdrawn;

export const ALLOCATION_EVENT_TYPES: readonly AllocationEvent['type'][] = [
  'AllocationGranted',
  'AllocationAdjusted',
  'FundsPassedDown',
  'FundsReturned',
  'DisbursementRecorded',
  'DisbursementReversed',
  'AllocationNoteRecorded',
  'DisbursementRequested',
  'DisbursementApproved',
  'DisbursementRejected',
  'DisbursementWithdrawn',
];
