import type { BudgetLine, BudgetLineFields } from '../catalogue/catalogue';
import type { UnitPath } from '../access/access';
import type { Dong } from '../shared/money';
import type { LegalDocument } from '../shared/event';
import type { Day } from '../shared/parse';
import type { ApprovalPolicyInForce } from '../approvals/approval-policy';

/*
 * Commands carry parsed, typed values: every edge parses its input first (shared/parse.ts and the
 * use cases' parsers), so the decider checks business rules only — funds, state, dates against today.
 */

/** A top-level grant: the receiving unit's parent (or, for a root unit, an administrator) gives it. */
export type GrantAllocation = Readonly<{
  type: 'GrantAllocation';
  allocationId: string;
  unit: string;
  grantedBy: string | null;
  line: BudgetLine;
  amount: Dong;
  decision: LegalDocument;
}>;

/** Step one of a sub-allocation, decided on the parent: reserve the amount for the child. */
export type PassDown = Readonly<{
  type: 'PassDown';
  transferId: string;
  childAllocationId: string;
  /** The child's unit followed by its ancestors: it must pass through the parent's unit. */
  childUnitPath: UnitPath;
  /** The fields the caller gave: each must repeat the parent's line. */
  line: BudgetLineFields;
  amount: Dong;
  decision: LegalDocument;
}>;

/** Step two of a sub-allocation, decided on the child, built from the parent's FundsPassedDown. */
export type GrantSubAllocation = Readonly<{
  type: 'GrantSubAllocation';
  transferId: string;
  allocationId: string;
  unit: string;
  parentId: string;
  parentUnit: string;
  ancestry: readonly string[];
  line: BudgetLine;
  amount: Dong;
  decision: LegalDocument;
}>;

/** A top-level increase or any reduction, decided on the allocation itself. */
export type AdjustAllocation = Readonly<{
  type: 'AdjustAllocation';
  /** Non-zero; negative reduces. */
  delta: Dong;
  decision: LegalDocument;
  reason: string;
  /** Set when the allocation is a sub-allocation: the parent's side follows. */
  transferId: string | null;
}>;

/** Step one of a sub-allocation's increase, decided on the parent. */
export type PassDownIncrease = Readonly<{
  type: 'PassDownIncrease';
  transferId: string;
  childAllocationId: string;
  childUnit: string;
  delta: Dong;
  decision: LegalDocument;
  reason: string;
}>;

/** Step two of an increase, decided on the child. */
export type ApplyIncrease = Readonly<{
  type: 'ApplyIncrease';
  transferId: string;
  delta: Dong;
  decision: LegalDocument;
  reason: string;
}>;

/** The parent's side of a reduction, or the undoing of a sub-allocation that could not be granted. */
export type ReturnFunds = Readonly<{
  type: 'ReturnFunds';
  transferId: string;
  purpose: 'reduction' | 'cancellation';
  childAllocationId: string;
  amount: Dong;
  reason: string;
}>;

export type RecordDisbursement = Readonly<{
  type: 'RecordDisbursement';
  disbursementId: string;
  amount: Dong;
  valueDate: Day;
  voucher: string;
  payee: string | null;
  purpose: string | null;
  /** Today in Asia/Ho_Chi_Minh: a payment cannot be valued in the future. */
  today: string;
  /** The user recording it: the maker, should it need a checker. */
  maker: string;
  /** The approval policy in force for the allocation's unit (its own or the nearest ancestor's); null: none. */
  approvalPolicy: ApprovalPolicyInForce | null;
}>;

/**
 * A checker's decision on a pending request. `checker` is the deciding user; that they are a
 * finance officer of the unit or its parent is the edge's access check (access/checker.ts), that
 * they are not the maker is the decider's rule (separation of duties).
 */
export type ApproveDisbursement = Readonly<{ type: 'ApproveDisbursement'; disbursementId: string; checker: string; comment: string | null }>;
export type RejectDisbursement = Readonly<{ type: 'RejectDisbursement'; disbursementId: string; checker: string; reason: string }>;
/** Only the maker may take back their own request. */
export type WithdrawDisbursement = Readonly<{ type: 'WithdrawDisbursement'; disbursementId: string; by: string; reason: string }>;

export type ReverseDisbursement = Readonly<{
  type: 'ReverseDisbursement';
  disbursementId: string;
  reason: string;
  decision: LegalDocument | null;
  /** When the reversal takes effect; null: `today`. Not before the payment's own value date. */
  valueDate: Day | null;
  /** Today in Asia/Ho_Chi_Minh. */
  today: string;
}>;

/** A progress note on the allocation; `asOf` (a day, default today) is the day it speaks for. */
export type RecordNote = Readonly<{
  type: 'RecordNote';
  noteId: string;
  text: string;
  /** null: today. */
  asOf: Day | null;
  /** Today in Asia/Ho_Chi_Minh: a note cannot speak for a day not yet come. */
  today: string;
}>;

export type AllocationCommand =
  | GrantAllocation
  | PassDown
  | GrantSubAllocation
  | AdjustAllocation
  | PassDownIncrease
  | ApplyIncrease
  | ReturnFunds
  | RecordDisbursement
  | ReverseDisbursement
  | RecordNote
  | ApproveDisbursement
  | RejectDisbursement
  | WithdrawDisbursement;
