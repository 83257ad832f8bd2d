import type { Decision, Payment } from '../api/types';

type Balance = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number }>;

/** GET /disbursements/{id}/trace: the chain from the top-level allocation down to the one that paid. */
export type DisbursementTrace = Readonly<{
  disbursementId: string;
  position: number;
  chain: readonly (
    | Readonly<{ allocationId: string; unit: string; decision: Decision; amount: number; balanceAtTime: Balance }>
    | Readonly<{ allocationId: string; unit: string; outOfScope: true }>
  )[];
  payment: Payment;
  at: Readonly<{ position: number }>;
}>;
