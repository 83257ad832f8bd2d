import { standardFor } from '../../../../domain/src';
import type { HouseholdStatsDoc } from '../../projections/households.projection';
import type { UnitDoc } from '../../projections/units.projection';
import { INDICATOR_NAMES } from './labels-vi';
import type { ReportInputs } from './programme-report';
import type { CurrentReview, ReviewSummary, UnitHouseholds } from './programme-report.model';
import { rateOf } from './table';

type Tally = {
  households: number;
  poor: number;
  nearPoor: number;
  average: number;
  notPoor: number;
  deprivations: Map<string, number>;
  deprivationsOfPoor: Map<string, number>;
};

const tally = (docs: readonly HouseholdStatsDoc[]): Tally => {
  const t: Tally = { households: 0, poor: 0, nearPoor: 0, average: 0, notPoor: 0, deprivations: new Map(), deprivationsOfPoor: new Map() };
  for (const s of docs) {
    t.households += s.households;
    t.poor += s.byClassification.poor;
    t.nearPoor += s.byClassification.near_poor;
    t.average += s.byClassification.average;
    t.notPoor += s.byClassification.not_poor;
    for (const [code, n] of Object.entries(s.deprivations)) t.deprivations.set(code, (t.deprivations.get(code) ?? 0) + n);
    for (const [code, n] of Object.entries(s.deprivationsOfPoor ?? {})) t.deprivationsOfPoor.set(code, (t.deprivationsOfPoor.get(code) ?? 0) + n);
  }
  return t;
};

const fmt = (n: number) => n.toLocaleString('en-US');

function summary(inputs: ReportInputs, reviewYear: number, t: Tally): ReviewSummary {
  const s = standardFor(reviewYear);
  return {
    reviewYear,
    standard: s ? { id: s.id, legalBasis: s.legalBasis } : null,
    households: t.households,
    poor: t.poor,
    poorRate: rateOf(t.poor, t.households),
    nearPoor: t.nearPoor,
    nearPoorRate: rateOf(t.nearPoor, t.households),
    average: t.average,
    notPoor: t.notPoor,
    denominator: `of ${fmt(t.households)} assessed households`,
    evidence: `/api/v1/households/stats?unit=${encodeURIComponent(inputs.unit.code)}&reviewYear=${reviewYear}&${inputs.at}`,
  };
}

/** Totals per class, then per unit one level down (communes, for a district), as of the report's position. */
export function householdsSection(
  inputs: ReportInputs,
  children: readonly UnitDoc[],
  previous: readonly HouseholdStatsDoc[],
  current: readonly HouseholdStatsDoc[],
) {
  const all = tally(current);
  const standard = standardFor(inputs.fiscalYear);
  const indicators = (standard?.indicators ?? []).map((code) => {
    const deprived = all.deprivations.get(code) ?? 0;
    const deprivedPoor = all.deprivationsOfPoor.get(code) ?? 0;
    return {
      code,
      name: INDICATOR_NAMES[code] ?? code,
      deprived,
      rateOfAssessed: rateOf(deprived, all.households),
      deprivedPoor,
      rateOfPoor: rateOf(deprivedPoor, all.poor),
    };
  });
  // A commune is its own only line; a district or province is shown by the units one level down.
  const units = children.length > 0 ? children : [inputs.unit];
  const byUnit: UnitHouseholds[] = units.map((u) => {
    const t = tally(current.filter((s) => s.unitPath.includes(u.code)));
    return {
      unit: u.code,
      name: u.name,
      households: t.households,
      poor: t.poor,
      poorRate: rateOf(t.poor, t.households),
      nearPoor: t.nearPoor,
      nearPoorRate: rateOf(t.nearPoor, t.households),
    };
  });
  const ranked = byUnit.filter((u) => u.households > 0).sort((a, b) => b.poorRate! - a.poorRate! || a.unit.localeCompare(b.unit));
  const review: CurrentReview = {
    ...summary(inputs, inputs.fiscalYear, all),
    indicators,
    indicatorBases: { assessed: all.households, poor: all.poor },
    byUnit,
    highest: ranked[0] ?? null,
    lowest: ranked.length > 1 ? ranked[ranked.length - 1]! : null,
  };
  return { previous: summary(inputs, inputs.fiscalYear - 1, tally(previous)), current: review };
}
