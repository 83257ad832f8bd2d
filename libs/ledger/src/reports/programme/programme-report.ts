import { CATALOGUE, add, invalid, standardFor, subtract, unknownReference, type Principal, type Programme } from '../../../../domain/src';
import { GENESIS_HASH, type EventStore } from '../../ports/event-store.port';
import { keepsHistory, type ReadStore } from '../../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../../projections/allocations.projection';
import { HOUSEHOLD_STATS, type HouseholdStatsDoc } from '../../projections/households.projection';
import { UNITS, type UnitDoc } from '../../projections/units.projection';
import { unitRef } from '../../commands/lookups';
import { readsAt, requestedPosition, type TimeTravelQuery } from '../../queries/time-travel';
import { householdsSection } from './households-section';
import { fundsSection, planSection, projectsSection } from './funds-sections';
import { consistencyChecks } from './consistency-checks';
import type { ProgrammeReport, UnitRef } from './programme-report.model';
import { programmeTables } from './programme-tables';
import type { Table } from './table';

export type ProgrammeReportQuery = TimeTravelQuery & Readonly<{ unit?: string; fiscalYear?: string; program?: string }>;

export const DEFAULT_PROGRAM = 'GNBV-2021-2025';

const unitRefOf = (u: UnitDoc): UnitRef => ({ code: u.code, name: u.name, level: u.level });

/** What the sections are built from: the read models at one position, cut to the unit's subtree. */
export type ReportInputs = Readonly<{
  reads: ReadStore;
  position: number;
  unit: UnitDoc;
  fiscalYear: number;
  programme: Programme;
  predecessor: Programme | null;
  /** Every allocation of the programme (any year) and of its predecessor (this year) in the subtree. */
  allocations: readonly AllocationDoc[];
  /** Those whose parent is outside the subtree: what the unit's subtree received. */
  roots: readonly AllocationDoc[];
  /** `…&atPosition=P`: the evidence links read the books at the report's position. */
  at: string;
}>;

function parseQuery(q: ProgrammeReportQuery): { programme: Programme; predecessor: Programme | null; fiscalYear: number; unit: string } {
  if (q.unit === undefined || q.unit.trim() === '') throw invalid('unit', 'is required: the code of the unit reported on');
  if (q.fiscalYear === undefined || !/^\d{4}$/.test(q.fiscalYear)) throw invalid('fiscalYear', 'is required: a year YYYY');
  const code = q.program ?? DEFAULT_PROGRAM;
  const programme = CATALOGUE.find((p) => p.code === code);
  if (!programme) throw unknownReference('program', code);
  const fiscalYear = Number(q.fiscalYear);
  if (fiscalYear < programme.fiscalYears.from || fiscalYear > programme.fiscalYears.to) {
    throw invalid('fiscalYear', `must be within ${programme.code}'s years ${programme.fiscalYears.from}–${programme.fiscalYears.to}`);
  }
  const predecessor = CATALOGUE.find((p) => p.code === programme.predecessor) ?? null;
  return { programme, predecessor, fiscalYear, unit: q.unit };
}

/**
 * The district's (or any unit's) programme report: every figure a query over the read models as
 * they stood at one log position, scoped like every read, with the checks it made on itself.
 */
export async function programmeReport(
  events: EventStore,
  current: ReadStore,
  q: ProgrammeReportQuery,
  principal: Principal,
  generatedAt: string,
): Promise<Readonly<{ report: ProgrammeReport; tables: readonly Table[] }>> {
  const parsed = parseQuery(q);
  // One position for every section: "now" is pinned to what the read models have reached.
  const position = (await requestedPosition(current, q)) ?? (await current.checkpoint());
  const reads = keepsHistory(current) ? readsAt(current, position) : current;
  const unit = await unitRef(reads, principal, 'unit', parsed.unit);
  const parent = unit.parent ? await reads.get<UnitDoc>(UNITS, unit.parent) : null;

  const inSubtree = (a: AllocationDoc) => a.unitPath.includes(unit.code);
  const allocations = [
    ...(await reads.find<AllocationDoc>(ALLOCATIONS, { program: parsed.programme.code })),
    ...(parsed.predecessor ? await reads.find<AllocationDoc>(ALLOCATIONS, { program: parsed.predecessor.code, fiscalYear: parsed.fiscalYear }) : []),
  ]
    .filter(inSubtree)
    .sort((x, y) => x.id.localeCompare(y.id));
  const ids = new Set(allocations.map((a) => a.id));
  const roots = allocations.filter((a) => a.parentId === null || !ids.has(a.parentId));
  const inputs: ReportInputs = {
    reads,
    position,
    unit,
    fiscalYear: parsed.fiscalYear,
    programme: parsed.programme,
    predecessor: parsed.predecessor,
    allocations,
    roots,
    at: `atPosition=${position}`,
  };

  const stats = async (reviewYear: number) =>
    (await reads.find<HouseholdStatsDoc>(HOUSEHOLD_STATS, { reviewYear })).filter((s) => s.unitPath.includes(unit.code));
  const children = (await Promise.all(unit.children.map((c) => reads.get<UnitDoc>(UNITS, c)))).filter((c): c is UnitDoc => c !== null);
  const households = householdsSection(inputs, children, await stats(parsed.fiscalYear - 1), await stats(parsed.fiscalYear));

  const [event] = position === 0 ? [] : await events.readPositions([position]);
  const header = {
    unit: unitRefOf(unit),
    parent: parent ? unitRefOf(parent) : null,
    fiscalYear: parsed.fiscalYear,
    program: {
      code: parsed.programme.code,
      name: parsed.programme.name,
      legalBasis: parsed.programme.legalBasis,
      predecessor: parsed.predecessor?.code ?? null,
    },
    asOf: {
      position,
      recordedAt: event?.metadata.recordedAt ?? null,
      requested: { ...(q.asOf === undefined ? {} : { asOf: q.asOf }), ...(q.atPosition === undefined ? {} : { atPosition: q.atPosition }) },
    },
    generatedAt,
    headHash: event?.hash ?? GENESIS_HASH,
  };
  const funds = fundsSection(inputs);
  const projects = projectsSection(inputs);
  const plan = planSection(inputs);
  const draft = { report: 'programme' as const, header, households, funds, projects, plan, checks: [], consistent: true };
  const checks = await consistencyChecks(events, inputs, draft, principal, programmeTables(draft));
  const report: ProgrammeReport = { ...draft, checks, consistent: checks.every((c) => c.ok) };
  return { report, tables: programmeTables(report) };
}

/** Σ (allocated − passed down) and Σ own disbursements over the subtree: the funds counted the other way. */
export function keptInSubtree(allocations: readonly AllocationDoc[]): { allocated: number; disbursed: number } {
  let allocated = 0;
  let disbursed = 0;
  for (const a of allocations) {
    allocated = add(allocated, subtract(a.allocated, a.subAllocated));
    disbursed = add(disbursed, a.disbursed);
  }
  return { allocated, disbursed };
}

export const standardOf = (reviewYear: number) => {
  const s = standardFor(reviewYear);
  return s ? { id: s.id, legalBasis: s.legalBasis } : null;
};
