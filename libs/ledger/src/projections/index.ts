import { allocationsProjection } from './allocations.projection';
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

export const PROJECTIONS: readonly Projection[] = [
  unitsProjection,
  usersProjection,
  allocationsProjection,
  disbursementsProjection,
  disbursedByDayProjection,
  transfersProjection,
  householdsProjection,
];
