/** The programme report's JSON: amounts whole đồng, rates percent with two decimals (half up), null where nothing was allocated. */
export type Figures = Readonly<{ allocated: number; disbursed: number; rate: number | null }>;

export type UnitRef = Readonly<{ code: string; name: string; level: string }>;

export type ReportHeader = Readonly<{
  unit: UnitRef;
  parent: UnitRef | null;
  fiscalYear: number;
  program: Readonly<{ code: string; name: string; legalBasis: string; predecessor: string | null }>;
  /** The books as they stood just after this log position (recordedAt: that event's stamp). */
  asOf: Readonly<{ position: number; recordedAt: string | null; requested: Readonly<{ asOf?: string; atPosition?: string }> }>;
  generatedAt: string;
  /** The hash of the log's event at `asOf.position`: `ledger verify` / GET /integrity prove this state later. */
  headHash: string;
}>;

export type ReviewSummary = Readonly<{
  reviewYear: number;
  standard: Readonly<{ id: string; legalBasis: string }> | null;
  households: number;
  poor: number;
  poorRate: number | null;
  nearPoor: number;
  nearPoorRate: number | null;
  average: number;
  notPoor: number;
  /** "of 17,443 assessed households": the denominator of both rates. */
  denominator: string;
  evidence: string;
}>;

export type IndicatorLine = Readonly<{
  code: string;
  name: string;
  deprived: number;
  rateOfAssessed: number | null;
  deprivedPoor: number;
  rateOfPoor: number | null;
}>;

export type UnitHouseholds = Readonly<{
  unit: string;
  name: string;
  households: number;
  poor: number;
  poorRate: number | null;
  nearPoor: number;
  nearPoorRate: number | null;
}>;

export type CurrentReview = ReviewSummary &
  Readonly<{
    indicators: readonly IndicatorLine[];
    /** The bases of the indicator rates, stated. */
    indicatorBases: Readonly<{ assessed: number; poor: number }>;
    byUnit: readonly UnitHouseholds[];
    highest: UnitHouseholds | null;
    lowest: UnitHouseholds | null;
  }>;

export type FundsLine = Readonly<{
  key: string;
  label: string;
  level: 0 | 1 | 2;
  figures: Figures;
  decisions: readonly string[];
  allocations: readonly string[];
  evidence: readonly string[];
}>;

export type ProgressNote = Readonly<{
  allocationId: string;
  unit: string;
  asOf: string;
  text: string;
  recordedBy: string;
  recordedAt: string;
  position: number;
}>;

export type ProjectLine = Readonly<{
  code: string;
  name: string;
  kind: 'project' | 'subProject';
  capitalTypes: readonly string[];
  /** False: "không giao", nothing allocated on this line in the unit's subtree. */
  allocatedAny: boolean;
  figures: Figures;
  allocations: readonly string[];
  notes: readonly ProgressNote[];
  evidence: readonly string[];
}>;

export const PLAN_SOURCES = ['central_investment', 'central_recurrent', 'local', 'other', 'policy_credit'] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];

export type PlanYear = Readonly<{
  year: number;
  bySource: Readonly<Record<PlanSource, Readonly<{ allocated: number; disbursed: number }>>>;
  total: Figures;
  evidence: string;
}>;

export type Check = Readonly<{ id: string; description: string; ok: boolean; detail: string }>;

export type ProgrammeReport = Readonly<{
  report: 'programme';
  header: ReportHeader;
  households: Readonly<{ previous: ReviewSummary; current: CurrentReview }>;
  funds: Readonly<{ lines: readonly FundsLine[] }>;
  projects: readonly ProjectLine[];
  plan: Readonly<{ years: readonly PlanYear[]; total: PlanYear['bySource']; totalFigures: Figures }>;
  checks: readonly Check[];
  consistent: boolean;
}>;
