import { add, type Programme } from '../../../../domain/src';
import type { AllocationDoc, AllocationNote } from '../../projections/allocations.projection';
import type { ReportInputs } from './programme-report';
import { PLAN_SOURCES, type Figures, type FundsLine, type PlanSource, type PlanYear, type ProgressNote, type ProjectLine } from './programme-report.model';
import { rateOf } from './table';

/** What a set of the subtree's root allocations received and disbursed (their own and their sub-allocations' payments). */
export function figuresOf(roots: readonly AllocationDoc[]): Figures {
  let allocated = 0;
  let disbursed = 0;
  for (const a of roots) {
    allocated = add(allocated, a.allocated);
    disbursed = add(disbursed, a.disbursedTotal);
  }
  return { allocated, disbursed, rate: rateOf(disbursed, allocated) };
}

const sumFigures = (parts: readonly Figures[]): Figures => {
  const allocated = parts.reduce((s, f) => add(s, f.allocated), 0);
  const disbursed = parts.reduce((s, f) => add(s, f.disbursed), 0);
  return { allocated, disbursed, rate: rateOf(disbursed, allocated) };
};

const evidenceOf = (inputs: ReportInputs, roots: readonly AllocationDoc[]) =>
  roots.map((a) => `/api/v1/audit?allocation=${encodeURIComponent(a.id)}&${inputs.at}`);
const balancesUrl = (inputs: ReportInputs, filter: string) => `/api/v1/balances?unit=${encodeURIComponent(inputs.unit.code)}&${filter}&${inputs.at}`;
const uniq = (xs: readonly string[]) => [...new Set(xs)];

/**
 * Section 3: the funds of the year, by phase then capital type. Each group's figures are the sum
 * of its lines, and the total the sum of the groups: no figure is entered, so none can disagree.
 */
export function fundsSection(inputs: ReportInputs): { lines: FundsLine[] } {
  const year = inputs.roots.filter((a) => a.fiscalYear === inputs.fiscalYear);
  const phases: { key: string; label: string; programme: Programme | null }[] = [
    { key: 'current', label: `Vốn Chương trình ${inputs.programme.fiscalYears.from}–${inputs.programme.fiscalYears.to}`, programme: inputs.programme },
    {
      key: 'carried',
      label: `Vốn kéo dài từ Chương trình ${inputs.predecessor ? `${inputs.predecessor.fiscalYears.from}–${inputs.predecessor.fiscalYears.to}` : 'giai đoạn trước'}`,
      programme: inputs.predecessor,
    },
  ];
  const groups: FundsLine[][] = phases.map((phase) => {
    const inPhase = year.filter((a) => phase.programme !== null && a.program === phase.programme.code);
    const lines: FundsLine[] = (['investment', 'recurrent'] as const).map((type) => {
      const roots = inPhase.filter((a) => a.capitalType === type);
      return {
        key: `${phase.key}.${type}`,
        label: type === 'investment' ? 'Vốn đầu tư phát triển' : 'Vốn sự nghiệp',
        level: 2,
        figures: figuresOf(roots),
        decisions: uniq(roots.map((a) => a.decision.number)),
        allocations: roots.map((a) => a.id),
        evidence: [
          balancesUrl(inputs, `fiscalYear=${inputs.fiscalYear}&program=${phase.programme?.code ?? ''}&capitalType=${type}`),
          ...evidenceOf(inputs, roots),
        ],
      };
    });
    const head: FundsLine = {
      key: phase.key,
      label: phase.label,
      level: 1,
      figures: sumFigures(lines.map((l) => l.figures)),
      decisions: uniq(lines.flatMap((l) => l.decisions)),
      allocations: lines.flatMap((l) => l.allocations),
      evidence: phase.programme ? [balancesUrl(inputs, `fiscalYear=${inputs.fiscalYear}&program=${phase.programme.code}`)] : [],
    };
    return [head, ...lines];
  });
  const total: FundsLine = {
    key: 'total',
    label: `Tổng vốn năm ${inputs.fiscalYear}`,
    level: 0,
    figures: sumFigures(groups.map((g) => g[0]!.figures)),
    decisions: uniq(groups.flatMap((g) => g[0]!.decisions)),
    allocations: groups.flatMap((g) => g[0]!.allocations),
    evidence: [balancesUrl(inputs, `fiscalYear=${inputs.fiscalYear}`)],
  };
  return { lines: [total, ...groups.flat()] };
}

const noteOf = (a: AllocationDoc, n: AllocationNote): ProgressNote => ({
  allocationId: a.id,
  unit: a.unit,
  asOf: n.asOf,
  text: n.text,
  recordedBy: n.recordedBy,
  recordedAt: n.recordedAt,
  position: n.position,
});

/** Section 4: every project and sub-project of the catalogue for the year, "không giao" where nothing was allocated. */
export function projectsSection(inputs: ReportInputs): ProjectLine[] {
  const year = inputs.allocations.filter((a) => a.fiscalYear === inputs.fiscalYear && a.program === inputs.programme.code);
  const rootIds = new Set(inputs.roots.map((a) => a.id));
  const line = (code: string, name: string, kind: ProjectLine['kind'], match: (a: AllocationDoc) => boolean): ProjectLine => {
    const all = year.filter(match);
    const roots = all.filter((a) => rootIds.has(a.id));
    const notes = all.flatMap((a) => (a.notes ?? []).map((n) => noteOf(a, n))).sort((x, y) => x.asOf.localeCompare(y.asOf) || x.position - y.position);
    return {
      code,
      name,
      kind,
      capitalTypes: uniq(roots.map((a) => a.capitalType)).sort(),
      allocatedAny: roots.length > 0,
      figures: figuresOf(roots),
      allocations: roots.map((a) => a.id),
      notes,
      evidence: evidenceOf(inputs, roots),
    };
  };
  return inputs.programme.projects.flatMap((p) => {
    const project = line(p.code, p.nameVi, 'project', (a) => a.project === p.code);
    const subs = p.subProjects.map((s) => line(s.code, s.nameVi ?? s.name, 'subProject', (a) => a.project === p.code && a.subProject === s.code));
    return [project, ...subs];
  });
}

const sourceOf = (a: AllocationDoc): PlanSource =>
  a.source === 'central' ? (a.capitalType === 'investment' ? 'central_investment' : 'central_recurrent') : (a.source as PlanSource);

/** Section 5: each year of the programme × source, allocated and disbursed as the books stand. */
export function planSection(inputs: ReportInputs) {
  const empty = () =>
    Object.fromEntries(PLAN_SOURCES.map((s) => [s, { allocated: 0, disbursed: 0 }])) as Record<PlanSource, { allocated: number; disbursed: number }>;
  const total = empty();
  const years: PlanYear[] = [];
  for (let year = inputs.programme.fiscalYears.from; year <= inputs.programme.fiscalYears.to; year++) {
    const bySource = empty();
    for (const a of inputs.roots.filter((r) => r.program === inputs.programme.code && r.fiscalYear === year)) {
      const cell = bySource[sourceOf(a)];
      cell.allocated = add(cell.allocated, a.allocated);
      cell.disbursed = add(cell.disbursed, a.disbursedTotal);
    }
    for (const s of PLAN_SOURCES) {
      total[s].allocated = add(total[s].allocated, bySource[s].allocated);
      total[s].disbursed = add(total[s].disbursed, bySource[s].disbursed);
    }
    years.push({
      year,
      bySource,
      total: sumFigures(PLAN_SOURCES.map((s) => ({ ...bySource[s], rate: null }))),
      evidence: balancesUrl(inputs, `fiscalYear=${year}&program=${inputs.programme.code}&groupBy=source,capitalType`),
    });
  }
  return { years, total, totalFigures: sumFigures(PLAN_SOURCES.map((s) => ({ ...total[s], rate: null }))) };
}
