import type { BudgetLine, BudgetLineInput } from '../catalogue/catalogue';
import type { UnitPath } from '../access/access';
import type { Dong } from '../shared/money';
import type { LegalDocument } from '../shared/event';

/** A top-level grant: the receiving unit's parent (or, for a root unit, an administrator) gives it. */
export type GrantAllocation = Readonly<{
  type: 'GrantAllocation';
  allocationId: string;
  unit: string;
  grantedBy: string | null;
  line: BudgetLine;
  amount: unknown;
  decision: unknown;
}>;

/** Step one of a sub-allocation, decided on the parent: reserve the amount for the child. */
export type PassDown = Readonly<{
  type: 'PassDown';
  transferId: string;
  childAllocationId: string;
  /** The child's unit followed by its ancestors: it must pass through the parent's unit. */
  childUnitPath: UnitPath;
  line: BudgetLineInput;
  amount: unknown;
  decision: unknown;
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
  delta: unknown;
  decision: unknown;
  reason: unknown;
  /** Set when the allocation is a sub-allocation: the parent's side follows. */
  transferId: string | null;
}>;

/** Step one of a sub-allocation's increase, decided on the parent. */
export type PassDownIncrease = Readonly<{
  type: 'PassDownIncrease';
  transferId: string;
  childAllocationId: string;
  childUnit: string;
  delta: unknown;
  decision: unknown;
  reason: unknown;
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
  amount: unknown;
  valueDate: unknown;
  voucher: unknown;
  payee: unknown;
  purpose: unknown;
  /** Today in Asia/Ho_Chi_Minh: a payment cannot be valued in the future. */
  today: string;
}>;

export type ReverseDisbursement = Readonly<{
  type: 'ReverseDisbursement';
  disbursementId: string;
  reason: unknown;
  decision: unknown;
  /** When the reversal takes effect; absent: `today`. Not before the payment's own value date. */
  valueDate?: unknown;
  /** Today in Asia/Ho_Chi_Minh. */
  today: string;
}>;

/** A progress note on the allocation; `asOf` (a day, default today) is the day it speaks for. */
export type RecordNote = Readonly<{
  type: 'RecordNote';
  noteId: string;
  text: unknown;
  asOf?: unknown;
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
  | RecordNote;
