import { allocationsProjection } from './allocations.projection';
import { approvalPoliciesProjection } from './approval-policies.projection';
import { approvalsProjection } from './approvals.projection';
import { disbursedByDayProjection } from './disbursed-by-day.projection';
import { disbursementsProjection } from './disbursements.projection';
import { householdsProjection } from './households.projection';
import type { Projection } from './projection';
import { transfersProjection } from './transfers.projection';
import { unitsProjection } from './units.projection';
import { usersProjection } from './users.projection';

export * from './projection';
export * from './allocations.projection';
export * from './disbursements.projection';
export * from './disbursed-by-day.projection';
export * from './households.projection';
export * from './transfers.projection';
export * from './units.projection';
export * from './users.projection';
export * from './audit-keys';
export * from './approvals.projection';
export * from './approval-policies.projection';

export const PROJECTIONS: readonly Projection[] = [
  unitsProjection,
  usersProjection,
  allocationsProjection,
  disbursementsProjection,
  disbursedByDayProjection,
  transfersProjection,
  householdsProjection,
  approvalsProjection,
  approvalPoliciesProjection,
];
