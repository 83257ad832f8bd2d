import { POVERTY_STANDARDS, STANDARD_2016_2020, STANDARD_2022_2025, classify, standardFor, type Area, type Classification } from './poverty-standards';

type Row = readonly [area: Area, income: number, deprivations: number, expected: Classification];

describe('poverty standards', () => {
  describe('standardFor', () => {
    it.each([
      [2016, 'MDP-2016-2020'],
      [2021, 'MDP-2016-2020'],
      [2022, 'MDP-2022-2025'],
      [2025, 'MDP-2022-2025'],
    ])('selects for review year %i the standard %s', (year, id) => {
      expect(standardFor(year)?.id).toBe(id);
    });

    it.each([2015, 2026, 2030])('has no standard for review year %i', (year) => {
      expect(standardFor(year)).toBeUndefined();
    });

    it('looks only in the standards it is given', () => {
      expect(standardFor(2022, [STANDARD_2016_2020])).toBeUndefined();
    });

    it('has 10 indicators for 2016–2020 and 12 for 2022–2025', () => {
      expect(POVERTY_STANDARDS.map((s) => [s.id, s.indicators.length])).toEqual([
        ['MDP-2016-2020', 10],
        ['MDP-2022-2025', 12],
      ]);
      expect(STANDARD_2016_2020.indicators).not.toContain('employment');
      expect(STANDARD_2022_2025.indicators).not.toContain('health_access');
    });
  });

  describe('2022–2025 (Decree 07/2021/NĐ-CP)', () => {
    it.each<Row>([
      ['rural', 0, 12, 'poor'],
      ['rural', 1_500_000, 3, 'poor'],
      ['rural', 1_500_000, 2, 'near_poor'],
      ['rural', 1_500_000, 0, 'near_poor'],
      ['rural', 1_500_001, 12, 'average'],
      ['rural', 2_250_000, 0, 'average'],
      ['rural', 2_250_001, 0, 'not_poor'],
      ['urban', 2_000_000, 3, 'poor'],
      ['urban', 2_000_000, 2, 'near_poor'],
      ['urban', 2_000_001, 5, 'average'],
      ['urban', 3_000_000, 0, 'average'],
      ['urban', 3_000_001, 0, 'not_poor'],
      // The rural line is below the urban one: the same income is average in the country, poor in town.
      ['rural', 1_800_000, 4, 'average'],
      ['urban', 1_800_000, 4, 'poor'],
    ])('%s, income %i, %i deprivations → %s', (area, income, deprivations, expected) => {
      expect(classify(STANDARD_2022_2025, area, income, deprivations).classification).toBe(expected);
    });

    it('says which clause decided the class and cites the decree', () => {
      expect(classify(STANDARD_2022_2025, 'rural', 1_500_000, 3).rule).toBe(
        'income 1,500,000 ≤ poverty line 1,500,000 and 3 of 12 indicators deprived (≥ 3) (07/2021/NĐ-CP, rural)',
      );
      expect(classify(STANDARD_2022_2025, 'urban', 2_000_000, 2).rule).toBe(
        'income 2,000,000 ≤ poverty line 2,000,000 and 2 of 12 indicators deprived (< 3) (07/2021/NĐ-CP, urban)',
      );
      expect(classify(STANDARD_2022_2025, 'urban', 3_000_000, 0).rule).toBe(
        '2,000,000 < income 3,000,000 ≤ average-living upper bound 3,000,000 (07/2021/NĐ-CP, urban)',
      );
      expect(classify(STANDARD_2022_2025, 'rural', 2_250_001, 0).rule).toBe('income 2,250,001 > average-living upper bound 2,250,000 (07/2021/NĐ-CP, rural)');
    });
  });

  describe('2016–2020 (Decision 59/2015/QĐ-TTg)', () => {
    it.each<Row>([
      // At or below the poverty line income alone makes a household poor.
      ['rural', 700_000, 0, 'poor'],
      ['rural', 700_001, 3, 'poor'],
      ['rural', 700_001, 2, 'near_poor'],
      ['rural', 1_000_000, 3, 'poor'],
      ['rural', 1_000_000, 2, 'near_poor'],
      ['rural', 1_000_001, 10, 'average'],
      ['rural', 1_500_000, 0, 'average'],
      ['rural', 1_500_001, 0, 'not_poor'],
      ['urban', 900_000, 0, 'poor'],
      ['urban', 900_001, 3, 'poor'],
      ['urban', 900_001, 2, 'near_poor'],
      ['urban', 1_300_000, 2, 'near_poor'],
      ['urban', 1_300_001, 3, 'average'],
      ['urban', 1_950_000, 0, 'average'],
      ['urban', 1_950_001, 0, 'not_poor'],
    ])('%s, income %i, %i deprivations → %s', (area, income, deprivations, expected) => {
      expect(classify(STANDARD_2016_2020, area, income, deprivations).classification).toBe(expected);
    });

    it('says which clause decided the class and cites the decision', () => {
      expect(classify(STANDARD_2016_2020, 'rural', 700_000, 0).rule).toBe('income 700,000 ≤ poverty line 700,000 (59/2015/QĐ-TTg, rural)');
      expect(classify(STANDARD_2016_2020, 'urban', 1_300_000, 3).rule).toBe(
        'poverty line 900,000 < income 1,300,000 ≤ near-poor line 1,300,000 and 3 of 10 indicators deprived (≥ 3) (59/2015/QĐ-TTg, urban)',
      );
      expect(classify(STANDARD_2016_2020, 'rural', 1_000_001, 0).rule).toBe(
        '1,000,000 < income 1,000,001 ≤ average-living upper bound 1,500,000 (59/2015/QĐ-TTg, rural)',
      );
    });
  });
});
