/**
 * The shapes the console reads from API v1, as the server answers them today. Kept in one place
 * so that a rename on the server (e.g. the read position, or the figures of /balances) is a
 * change here and in client.ts only.
 */
export type Decision = Readonly<{ number: string; date: string; issuer: string }>;

/** `allocated` is gross: available = allocated − subAllocated − disbursed (as on /allocations/{id}). */
export type Figures = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number; disbursementRate: number }>;

export type BalanceRow = Figures & Readonly<Partial<Record<'program' | 'project' | 'subProject' | 'capitalType' | 'source' | 'unit', string>> & { fiscalYear?: number }>;

export type Balances = Readonly<{ rows: BalanceRow[]; total: Figures; readPosition: number | null }>;

export type Allocation = Readonly<{
  id: string;
  unit: string;
  grantedBy: string;
  parentId: string | null;
  line: Readonly<{ program: string; project: string; subProject: string | null; fiscalYear: number; capitalType: string; source: string }>;
  decision: Decision;
  children: readonly Readonly<{ id: string; unit: string; allocated: number }>[];
  allocated: number;
  subAllocated: number;
  disbursed: number;
  disbursedTotal: number;
  available: number;
  disbursementRate: number;
  readPosition: number | null;
}>;

export type Payment = Readonly<{
  id: string;
  allocationId: string;
  unit: string;
  amount: number;
  valueDate: string;
  voucher: string;
  payee: string | null;
  purpose: string | null;
  recordedAt: string;
  recordedBy: string;
  position: number;
  reversal: Readonly<{ reason: string; valueDate: string; recordedAt: string; recordedBy: string; position: number }> | null;
}>;

export type AllocationSummary = Readonly<{ id: string; unit: string; parentId: string | null; allocated: number; subAllocated: number; disbursed: number; available: number; disbursementRate: number; decision: Decision; subProject?: string | null; project?: string; capitalType?: string }>;

export type TraceNode = Readonly<{
  id: string;
  unit: string;
  decision: Decision;
  allocated: number;
  subAllocated: number;
  disbursed: number;
  disbursedTotal: number;
  children: readonly TraceNode[];
  disbursements: readonly Payment[];
  reconciles: boolean;
  discrepancies: readonly string[];
}>;

export type AllocationTrace = Readonly<{
  allocationId: string;
  at: Readonly<{ position: number }>;
  reconciles: boolean;
  unreconciled: readonly Readonly<{ id: string; unit: string; discrepancies: readonly string[] }>[];
  tree: TraceNode;
}>;

export type AuditEntry = Readonly<{
  position: number;
  type: string;
  streamId: string;
  recordedAt: string;
  actor: Readonly<{ userId: string; role: string }>;
  data: Readonly<Record<string, unknown>>;
  metadata: Readonly<{ decision: Decision | null; reason: string | null }>;
}>;

export type Page<T> = Readonly<{ items: readonly T[]; nextCursor: string | null }>;

export type Classes = Readonly<{ poor: number; near_poor: number; average: number; not_poor: number }>;

export type HouseholdFigures = Readonly<{
  households: number;
  byClassification: Classes;
  /** Percentages with two decimals, by class. */
  rates: Classes;
  deprivations: Readonly<Record<string, number>>;
}>;

export type HouseholdStats = HouseholdFigures & Readonly<{ unit: string; reviewYear: number; byUnit: readonly (HouseholdFigures & { unit: string })[]; readPosition: number | null }>;

export type Unit = Readonly<{ code: string; name: string; level: string; parent: string | null }>;

export type Me = Readonly<{ id: string; name: string | null; role: string; units: readonly string[] }>;

export type Written = Readonly<{ id?: string; position: number }>;

/** A point of the log to read at: a day or instant (`asOf`) or a position (`atPosition`). */
export type At = Readonly<{ asOf?: string; atPosition?: string }>;
