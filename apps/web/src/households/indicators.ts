/**
 * The indicators of the two poverty standards, in the order their legal texts list them, so that a
 * form offers and a chart shows the 12 (Decree 07/2021/NĐ-CP, review years 2022–2025) or the 10
 * (Decision 59/2015/QĐ-TTg, up to the 2021 review) of the year in view, including those no household
 * lacks (the API leaves them out of its counts). The server stays the authority: it refuses an
 * indicator that is not its standard's, and a year neither covers falls back to what it sends.
 */
export const STANDARDS = [
  {
    id: 'MDP-2016-2020',
    from: 2016,
    to: 2021,
    indicators: ['health_access', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area', 'water_source', 'latrine', 'telecom', 'information_access'],
  },
  {
    id: 'MDP-2022-2025',
    from: 2022,
    to: 2025,
    indicators: ['employment', 'dependants', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area', 'water_source', 'latrine', 'telecom', 'information_access'],
  },
] as const;

export function indicatorsOf(reviewYear: number): readonly string[] | null {
  return STANDARDS.find((s) => reviewYear >= s.from && reviewYear <= s.to)?.indicators ?? null;
}
