import type { Classification } from '../../../domain/src';
import { UNITS, type UnitDoc } from './units.projection';
import { defineProjection, ref, type DocRef, type DocWrite } from './projection';

export type AssessmentEntry = Readonly<{
  id: string;
  reviewYear: number;
  reviewType: string;
  incomePerCapita: number;
  deprivations: readonly string[];
  classification: Classification;
  standard: string;
  rule: string;
  recordedAt: string;
  recordedBy: string;
  position: number;
}>;

export type HouseholdDoc = Readonly<{
  id: string;
  unit: string;
  unitPath: readonly string[];
  area: string;
  members: number;
  /** As the log holds them: written in clear only by events from before sealing (else null). */
  headName: string | null;
  ethnicMinority: boolean | null;
  /**
   * The sealed personal fields, copied from the log as they are: the read models never hold a
   * name in clear, so erasing (destroying the key) needs no scrubbing of documents or versions.
   */
  personal?: string | null;
  personalDataErased?: boolean;
  registeredAt: string;
  current: Readonly<{ classification: Classification; reviewYear: number; standard: string }> | null;
  assessments: readonly AssessmentEntry[];
  reclassifications: readonly Readonly<{
    assessmentId: string;
    reviewYear: number;
    from: Classification;
    to: Classification;
    standard: string;
    recordedAt: string;
    position: number;
  }>[];
  _position?: number;
}>;

/** Counts for one commune and one review year; /households/stats sums them over a subtree. */
export type HouseholdStatsDoc = Readonly<{
  id: string;
  unit: string;
  unitPath: readonly string[];
  reviewYear: number;
  households: number;
  byClassification: Readonly<Record<Classification, number>>;
  deprivations: Readonly<Record<string, number>>;
  /** The same among the poor households: the programme report gives indicator rates on both bases. */
  deprivationsOfPoor: Readonly<Record<string, number>>;
  _position?: number;
}>;

export const HOUSEHOLDS = 'households';
export const HOUSEHOLD_STATS = 'household-stats';
export const statsId = (unit: string, reviewYear: number): string => `${unit}|${reviewYear}`;

const emptyStats = (unit: string, unitPath: readonly string[], reviewYear: number): HouseholdStatsDoc => ({
  id: statsId(unit, reviewYear),
  unit,
  unitPath,
  reviewYear,
  households: 0,
  byClassification: { poor: 0, near_poor: 0, average: 0, not_poor: 0 },
  deprivations: {},
  deprivationsOfPoor: {},
});

function count(stats: HouseholdStatsDoc, a: Readonly<{ classification: Classification; deprivations: readonly string[] }>, sign: 1 | -1): HouseholdStatsDoc {
  const deprivations = { ...stats.deprivations };
  for (const code of a.deprivations) deprivations[code] = (deprivations[code] ?? 0) + sign;
  const ofPoor = { ...(stats.deprivationsOfPoor ?? {}) };
  if (a.classification === 'poor') for (const code of a.deprivations) ofPoor[code] = (ofPoor[code] ?? 0) + sign;
  return {
    ...stats,
    deprivationsOfPoor: ofPoor,
    byClassification: { ...stats.byClassification, [a.classification]: stats.byClassification[a.classification] + sign },
    deprivations,
  };
}

export const householdsProjection = defineProjection({
  name: 'households',
  handles: ['HouseholdRegistered', 'HouseholdAssessed', 'HouseholdReclassified', 'HouseholdPersonalDataErased'],
  touches(e): DocRef[] {
    const refs = [ref(HOUSEHOLDS, e.data.householdId)];
    if (e.type === 'HouseholdRegistered') refs.push(ref(UNITS, e.data.unit));
    if (e.type === 'HouseholdAssessed') refs.push(ref(HOUSEHOLD_STATS, statsId(e.data.unit, e.data.reviewYear)));
    return refs;
  },
  apply(e, docs): DocWrite[] {
    const id = e.data.householdId;
    if (e.type === 'HouseholdRegistered') {
      // Sealed (SEALED_FIELD) since crypto-shredding; in clear in events written before it.
      const d = e.data as typeof e.data & { personal?: string };
      const doc: HouseholdDoc = {
        id,
        unit: d.unit,
        unitPath: docs<UnitDoc>(UNITS, d.unit)?.path ?? [d.unit],
        area: d.area,
        members: d.members,
        headName: d.headName ?? null,
        ethnicMinority: d.ethnicMinority ?? null,
        personal: d.personal ?? null,
        personalDataErased: false,
        registeredAt: e.metadata.recordedAt,
        current: null,
        assessments: [],
        reclassifications: [],
      };
      return [{ collection: HOUSEHOLDS, id, doc }];
    }
    const household = docs<HouseholdDoc>(HOUSEHOLDS, id);
    if (!household) throw new Error(`households projection: '${id}' has no document before position ${e.position}`);
    if (e.type === 'HouseholdPersonalDataErased') {
      return [{ collection: HOUSEHOLDS, id, doc: { ...household, headName: null, ethnicMinority: null, personal: null, personalDataErased: true } }];
    }
    if (e.type === 'HouseholdReclassified') {
      const d = e.data;
      const entry = {
        assessmentId: d.assessmentId,
        reviewYear: d.reviewYear,
        from: d.from,
        to: d.to,
        standard: d.standard,
        recordedAt: e.metadata.recordedAt,
        position: e.position,
      };
      return [{ collection: HOUSEHOLDS, id, doc: { ...household, reclassifications: [...household.reclassifications, entry] } }];
    }
    const d = e.data;
    const entry: AssessmentEntry = {
      id: d.assessmentId,
      reviewYear: d.reviewYear,
      reviewType: d.reviewType,
      incomePerCapita: d.incomePerCapita,
      deprivations: d.deprivations,
      classification: d.classification,
      standard: d.standard,
      rule: d.rule,
      recordedAt: e.metadata.recordedAt,
      recordedBy: e.metadata.actor.userId,
      position: e.position,
    };
    const becomesCurrent = household.current === null || d.reviewYear >= household.current.reviewYear;
    const current = becomesCurrent ? { classification: d.classification, reviewYear: d.reviewYear, standard: d.standard } : household.current;
    let stats = docs<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId(d.unit, d.reviewYear)) ?? emptyStats(d.unit, household.unitPath, d.reviewYear);
    if (d.supersedes) stats = count(stats, d.supersedes, -1);
    else stats = { ...stats, households: stats.households + 1 };
    stats = count(stats, d, 1);
    return [
      { collection: HOUSEHOLDS, id, doc: { ...household, current, assessments: [...household.assessments, entry] } },
      { collection: HOUSEHOLD_STATS, id: stats.id, doc: stats },
    ];
  },
});
