import type { components } from './generated/ledger-api';

/**
 * The shapes the console reads, taken from the OpenAPI document the server serves (generated into
 * ./generated during the build, never by hand): a rename on the server fails the console's build.
 * The aliases only name schemas for the pages, and add the read position pulled out of `at`.
 */
type Schemas = components['schemas'];
type Positioned = Readonly<{ readPosition: number | null }>;

export type Decision = Schemas['DecisionDto'];
export type Figures = Schemas['BalanceTotalsDto'];
export type BalanceRow = Schemas['BalanceRowDto'];
export type Balances = Readonly<{ rows: readonly BalanceRow[]; total: Figures }> & Positioned;
export type Allocation = Schemas['AllocationViewDto'] & Positioned;
export type Payment = Schemas['DisbursementDto'];
export type AllocationSummary = Schemas['AllocationSummaryDto'];
export type TraceNode = Schemas['TraceNodeDto'];
export type AllocationTrace = Schemas['AllocationTraceDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type Page<T> = Readonly<{ items: readonly T[]; nextCursor: string | null }>;
export type HouseholdFigures = Schemas['UnitTallyDto'];
export type HouseholdStats = Schemas['HouseholdStatsDto'] & Positioned;
export type Unit = Schemas['UnitReadDto'];
export type Me = Schemas['MeDto'];
export type Written = Readonly<{ id?: string; position: number }>;

/** A point of the log to read at: a day or instant (`asOf`) or a position (`atPosition`). */
export type At = Readonly<{ asOf?: string; atPosition?: string }>;
