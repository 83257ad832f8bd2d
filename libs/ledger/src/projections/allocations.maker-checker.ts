import { add, subtract } from '../../../domain/src';
import type { AllocationDoc } from './allocations.projection';
import type { ProjectedOf } from './projection';

/** The maker-checker events as the allocations projection sees them (issue 13). */
export const MAKER_CHECKER_EVENTS = ['DisbursementRequested', 'DisbursementApproved', 'DisbursementRejected', 'DisbursementWithdrawn'] as const;
type MakerCheckerEvent = ProjectedOf<(typeof MAKER_CHECKER_EVENTS)[number]>;

const pendingOf = (a: AllocationDoc): number => a.pending ?? 0;

/**
 * A request reserves its amount on its own allocation (`pending`); an approval moves it to
 * `disbursed` there and into `disbursedTotal` up the ancestry, as a payment would; a rejection or
 * withdrawal releases it.
 */
export function applyMakerChecker(e: MakerCheckerEvent, get: (id: string) => AllocationDoc): AllocationDoc[] {
  const own = get(e.data.allocationId);
  switch (e.type) {
    case 'DisbursementRequested':
      return [{ ...own, pending: add(pendingOf(own), e.data.amount) }];
    case 'DisbursementApproved': {
      const amount = e.data.amount;
      return [
        { ...own, pending: subtract(pendingOf(own), amount), disbursed: add(own.disbursed, amount), disbursedTotal: add(own.disbursedTotal, amount) },
        ...e.data.ancestry.map((id) => {
          const a = get(id);
          return { ...a, disbursedTotal: add(a.disbursedTotal, amount) };
        }),
      ];
    }
    case 'DisbursementRejected':
    case 'DisbursementWithdrawn':
      return [{ ...own, pending: subtract(pendingOf(own), e.data.amount) }];
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}
