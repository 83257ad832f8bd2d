import { CAPITAL_TYPES, CATALOGUE, SOURCES, invalid, unknownReference, type Principal } from '../../../domain/src';
import type { ReadStore, Scalar } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { allocationSummary } from './allocation-view';
import { openListing, type PageQuery } from './list-page';
import { visible, visibleUnitRef } from './scope';

export type AllocationsQuery = PageQuery &
  Readonly<Partial<Record<'unit' | 'fiscalYear' | 'program' | 'project' | 'subProject' | 'capitalType' | 'source' | 'parentId', string>>>;

/** The budget-line filters, checked as /balances checks them: a code the catalogue lacks is an unknown reference. */
export function lineFilters(q: AllocationsQuery): Record<string, Scalar> {
  const where: Record<string, Scalar> = {};
  if (q.fiscalYear !== undefined) {
    if (!/^\d{4}$/.test(q.fiscalYear)) throw invalid('fiscalYear', 'must be a year');
    where.fiscalYear = Number(q.fiscalYear);
  }
  if (q.program !== undefined && !CATALOGUE.some((p) => p.code === q.program)) throw unknownReference('program', q.program);
  const projects = CATALOGUE.flatMap((p) => p.projects);
  if (q.project !== undefined && !projects.some((p) => p.code === q.project)) throw unknownReference('project', q.project);
  if (q.subProject !== undefined && !projects.some((p) => p.subProjects.some((s) => s.code === q.subProject)))
    throw unknownReference('subProject', q.subProject);
  if (q.capitalType !== undefined && !(CAPITAL_TYPES as readonly string[]).includes(q.capitalType))
    throw invalid('capitalType', `must be one of ${CAPITAL_TYPES.join(', ')}`);
  if (q.source !== undefined && !(SOURCES as readonly string[]).includes(q.source)) throw invalid('source', `must be one of ${SOURCES.join(', ')}`);
  for (const f of ['program', 'project', 'subProject', 'capitalType', 'source'] as const) if (q[f] !== undefined) where[f] = q[f]!;
  return where;
}

/**
 * GET /allocations: the allocations in the reader's scope, by id. `unit` keeps a unit's subtree,
 * `parentId` the sub-allocations carved from one allocation (a parent outside the reader's scope
 * simply has no visible children: its existence is not confirmed either way).
 */
export async function listAllocations(current: ReadStore, q: AllocationsQuery, principal: Principal) {
  const where = lineFilters(q);
  if (q.parentId !== undefined) where.parentId = q.parentId;
  const filters = {
    unit: q.unit,
    fiscalYear: q.fiscalYear,
    program: q.program,
    project: q.project,
    subProject: q.subProject,
    capitalType: q.capitalType,
    source: q.source,
    parentId: q.parentId,
  };
  const listing = await openListing(current, q, 'allocations', filters);
  const unit = q.unit === undefined ? null : await visibleUnitRef(listing.reads, principal, 'unit', q.unit);
  return listing.scanPage<AllocationDoc, ReturnType<typeof allocationSummary>>(ALLOCATIONS, where, (a) =>
    visible(principal, a.unitPath) && (unit === null || a.unitPath.includes(unit.code)) ? allocationSummary(a) : null,
  );
}
