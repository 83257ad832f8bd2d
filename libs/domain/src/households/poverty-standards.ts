/**
 * Multidimensional poverty standards as data. A review year selects the standard in force; every
 * assessment records the standard and the rule that decided its class, so a replay can show them.
 */
export const CLASSIFICATIONS = ['poor', 'near_poor', 'average', 'not_poor'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const AREAS = ['rural', 'urban'] as const;
export type Area = (typeof AREAS)[number];

export type Thresholds = Readonly<{ povertyLine: number; nearPoorLine: number | null; upperBound: number }>;

export type PovertyStandard = Readonly<{
  id: string;
  legalBasis: string;
  reviewYears: Readonly<{ from: number; to: number }>;
  indicators: readonly string[];
  /** Deprivations at or above which a household below the relevant line is poor. */
  deprivationThreshold: number;
  thresholds: Readonly<Record<Area, Thresholds>>;
  /** 2016–2020: income at or below the poverty line is poor whatever the deprivations. */
  incomeAloneMakesPoor: boolean;
}>;

export const STANDARD_2016_2020: PovertyStandard = {
  id: 'MDP-2016-2020',
  legalBasis: '59/2015/QĐ-TTg',
  // Decision 59/2015 was still used for the review at the end of 2021 (domain.md).
  reviewYears: { from: 2016, to: 2021 },
  indicators: [
    'health_access',
    'health_insurance',
    'adult_education',
    'child_schooling',
    'housing_quality',
    'housing_area',
    'water_source',
    'latrine',
    'telecom',
    'information_access',
  ],
  deprivationThreshold: 3,
  thresholds: {
    rural: { povertyLine: 700_000, nearPoorLine: 1_000_000, upperBound: 1_500_000 },
    urban: { povertyLine: 900_000, nearPoorLine: 1_300_000, upperBound: 1_950_000 },
  },
  incomeAloneMakesPoor: true,
};

export const STANDARD_2022_2025: PovertyStandard = {
  id: 'MDP-2022-2025',
  legalBasis: '07/2021/NĐ-CP',
  reviewYears: { from: 2022, to: 2025 },
  indicators: [
    'employment',
    'dependants',
    'nutrition',
    'health_insurance',
    'adult_education',
    'child_schooling',
    'housing_quality',
    'housing_area',
    'water_source',
    'latrine',
    'telecom',
    'information_access',
  ],
  deprivationThreshold: 3,
  thresholds: {
    rural: { povertyLine: 1_500_000, nearPoorLine: null, upperBound: 2_250_000 },
    urban: { povertyLine: 2_000_000, nearPoorLine: null, upperBound: 3_000_000 },
  },
  incomeAloneMakesPoor: false,
};

export const POVERTY_STANDARDS: readonly PovertyStandard[] = [STANDARD_2016_2020, STANDARD_2022_2025];

export const standardFor = (reviewYear: number, standards: readonly PovertyStandard[] = POVERTY_STANDARDS): PovertyStandard | undefined =>
  standards.find((s) => reviewYear >= s.reviewYears.from && reviewYear <= s.reviewYears.to);

export type ClassificationResult = Readonly<{ classification: Classification; rule: string }>;

const vnd = (n: number): string => n.toLocaleString('en-US');

/** Classifies one household under one standard; the rule text says which clause decided it. */
export function classify(standard: PovertyStandard, area: Area, incomePerCapita: number, deprivations: number): ClassificationResult {
  const t = standard.thresholds[area];
  const n = standard.indicators.length;
  const deprived = `${deprivations} of ${n} indicators deprived`;
  const many = deprivations >= standard.deprivationThreshold;
  const cite = `${standard.legalBasis}, ${area}`;
  if (incomePerCapita <= t.povertyLine) {
    if (standard.incomeAloneMakesPoor) {
      return { classification: 'poor', rule: `income ${vnd(incomePerCapita)} ≤ poverty line ${vnd(t.povertyLine)} (${cite})` };
    }
    return many
      ? {
          classification: 'poor',
          rule: `income ${vnd(incomePerCapita)} ≤ poverty line ${vnd(t.povertyLine)} and ${deprived} (≥ ${standard.deprivationThreshold}) (${cite})`,
        }
      : {
          classification: 'near_poor',
          rule: `income ${vnd(incomePerCapita)} ≤ poverty line ${vnd(t.povertyLine)} and ${deprived} (< ${standard.deprivationThreshold}) (${cite})`,
        };
  }
  if (t.nearPoorLine !== null && incomePerCapita <= t.nearPoorLine) {
    const band = `poverty line ${vnd(t.povertyLine)} < income ${vnd(incomePerCapita)} ≤ near-poor line ${vnd(t.nearPoorLine)}`;
    return many
      ? { classification: 'poor', rule: `${band} and ${deprived} (≥ ${standard.deprivationThreshold}) (${cite})` }
      : { classification: 'near_poor', rule: `${band} and ${deprived} (< ${standard.deprivationThreshold}) (${cite})` };
  }
  const lower = t.nearPoorLine ?? t.povertyLine;
  if (incomePerCapita <= t.upperBound) {
    return { classification: 'average', rule: `${vnd(lower)} < income ${vnd(incomePerCapita)} ≤ average-living upper bound ${vnd(t.upperBound)} (${cite})` };
  }
  return { classification: 'not_poor', rule: `income ${vnd(incomePerCapita)} > average-living upper bound ${vnd(t.upperBound)} (${cite})` };
}
