import { fold } from '../shared/decider';
import { event, type LegalDocument } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import { householdDecider, type AssessHousehold, type RegisterHousehold } from './household.decider';
import type { HouseholdAssessed, HouseholdEvent, HouseholdRegistered } from './household.events';
import { STANDARD_2016_2020, STANDARD_2022_2025, type Area, type Classification } from './poverty-standards';

const spec = DeciderSpec.for(householdDecider);

const HH = 'hh-si-lo-lau-0042';
const COMMUNE = 'si-lo-lau';
const REVIEW_DECISION: LegalDocument = { number: '1850/QĐ-UBND', date: '2022-12-20', issuer: 'UBND huyện Phong Thổ' };

const registered = (area: Area = 'rural', members = 5): HouseholdRegistered =>
  event('HouseholdRegistered', { householdId: HH, unit: COMMUNE, area, members, headName: 'Lò Văn Sình', ethnicMinority: true });

const register = (over: Partial<RegisterHousehold> = {}): RegisterHousehold => ({
  type: 'RegisterHousehold',
  householdId: HH,
  unit: COMMUNE,
  unitLevel: 'commune',
  area: 'rural',
  members: 5,
  headName: 'Lò Văn Sình',
  ethnicMinority: true,
  ...over,
});

const assess = (over: Partial<AssessHousehold> = {}): AssessHousehold => ({
  type: 'AssessHousehold',
  assessmentId: 'a-2022',
  reviewYear: 2022,
  reviewType: 'periodic',
  incomePerCapita: 1_200_000,
  deprivations: ['nutrition', 'housing_quality', 'latrine'],
  decision: REVIEW_DECISION,
  ...over,
});

/** Runs the decider, for tests that look at a few fields of what it emitted. */
const decide = (given: readonly HouseholdEvent[], command: AssessHousehold): HouseholdEvent[] =>
  householdDecider.decide(command, fold(householdDecider, given));
const assessedData = (e: HouseholdEvent | undefined): HouseholdAssessed['data'] => {
  expect(e?.type).toBe('HouseholdAssessed');
  return (e as HouseholdAssessed).data;
};

const assessed = (over: Partial<HouseholdAssessed['data']> & { classification: Classification }): HouseholdAssessed =>
  event('HouseholdAssessed', {
    householdId: HH,
    unit: COMMUNE,
    assessmentId: 'a-2022',
    reviewYear: 2022,
    reviewType: 'periodic' as const,
    area: 'rural' as const,
    members: 5,
    incomePerCapita: 1_200_000,
    deprivations: ['nutrition', 'housing_quality', 'latrine'],
    standard: 'MDP-2022-2025',
    rule: 'income 1,200,000 ≤ poverty line 1,500,000 and 3 of 12 indicators deprived (≥ 3) (07/2021/NĐ-CP, rural)',
    previousClassification: null,
    supersedes: null,
    decision: REVIEW_DECISION,
    ...over,
  });

describe('household decider', () => {
  describe('RegisterHousehold', () => {
    it('registers a household of a commune', () => {
      spec.given([]).when(register()).then([registered()]);
    });

    it('leaves the optional fields null', () => {
      spec
        .given([])
        .when(register({ headName: null, ethnicMinority: null, area: 'urban', members: 1000 }))
        .then([event('HouseholdRegistered', { householdId: HH, unit: COMMUNE, area: 'urban' as const, members: 1000, headName: null, ethnicMinority: null })]);
    });

    it('refuses a household registered twice', () => {
      spec.given([registered()]).when(register()).thenThrows('ALREADY_EXISTS', { id: HH });
    });

    it.each(['district', 'province', 'agency'] as const)('refuses a unit that is a %s, not a commune', (unitLevel) => {
      spec
        .given([])
        .when(register({ unit: 'phong-tho', unitLevel }))
        .thenThrows('VALIDATION_FAILED', { field: 'unit' });
    });
  });

  describe('AssessHousehold', () => {
    it('classifies under the standard of the review year and records the rule and the decision', () => {
      spec
        .given([registered()])
        .when(assess())
        .then([assessed({ classification: 'poor' })]);
    });

    it('accepts an ad-hoc review without a decision', () => {
      const [e] = decide([registered()], assess({ reviewType: 'adhoc', decision: null }));
      expect(e).toMatchObject({ type: 'HouseholdAssessed', data: { reviewType: 'adhoc', decision: null } });
    });

    it('uses the household area: the same figures make an urban household poor and a rural one average', () => {
      const figures = { incomePerCapita: 1_800_000, deprivations: ['nutrition', 'latrine', 'telecom'] };
      expect(decide([registered('urban')], assess(figures))[0]!.data).toMatchObject({ area: 'urban', classification: 'poor' });
      expect(decide([registered('rural')], assess(figures))[0]!.data).toMatchObject({ area: 'rural', classification: 'average' });
    });

    describe('review year 2021 uses MDP-2016-2020 and its 10 indicators', () => {
      it('classifies on income alone at the 2016–2020 poverty line', () => {
        const [e] = decide([registered()], assess({ reviewYear: 2021, assessmentId: 'a-2021', incomePerCapita: 700_000, deprivations: [] }));
        expect(e!.data).toMatchObject({
          standard: 'MDP-2016-2020',
          classification: 'poor',
          rule: 'income 700,000 ≤ poverty line 700,000 (59/2015/QĐ-TTg, rural)',
        });
      });

      it('accepts health_access, an indicator of 2016–2020 only', () => {
        const [e] = decide([registered()], assess({ reviewYear: 2021, incomePerCapita: 800_000, deprivations: ['health_access', 'latrine', 'telecom'] }));
        expect(e!.data).toMatchObject({ standard: 'MDP-2016-2020', classification: 'poor', deprivations: ['health_access', 'latrine', 'telecom'] });
      });

      it('refuses employment, which is not one of its indicators', () => {
        spec
          .given([registered()])
          .when(assess({ reviewYear: 2021, deprivations: ['latrine', 'employment'] }))
          .thenThrows('UNKNOWN_REFERENCE', { field: 'deprivations[1]', value: 'employment' });
      });
    });

    it('refuses health_access in 2022: MDP-2022-2025 replaced it', () => {
      spec
        .given([registered()])
        .when(assess({ deprivations: ['health_access'] }))
        .thenThrows('UNKNOWN_REFERENCE', { field: 'deprivations[0]' });
    });

    it('refuses a review year no standard covers', () => {
      spec
        .given([registered()])
        .when(assess({ reviewYear: 2030 }))
        .thenThrows('VALIDATION_FAILED', { field: 'reviewYear' });
    });

    it('uses the standards it is given instead of the built-in ones', () => {
      spec
        .given([registered()])
        .when(assess({ standards: [STANDARD_2016_2020] }))
        .thenThrows('VALIDATION_FAILED', { field: 'reviewYear' });
      const [e] = decide(
        [registered()],
        assess({ reviewYear: 2030, standards: [{ ...STANDARD_2022_2025, id: 'MDP-2026-2030', reviewYears: { from: 2026, to: 2030 } }] }),
      );
      expect(e!.data).toMatchObject({ reviewYear: 2030, standard: 'MDP-2026-2030' });
    });

    it('refuses a household that is not registered', () => {
      spec.given([]).when(assess()).thenThrows('NOT_FOUND', { id: 'household' });
    });

    describe('reclassification', () => {
      const poor2022 = assessed({ classification: 'poor' });

      it('is emitted when the current class changes', () => {
        spec
          .given([registered(), poor2022])
          .when(assess({ assessmentId: 'a-2023', reviewYear: 2023, incomePerCapita: 1_600_000 }))
          .then([
            assessed({
              assessmentId: 'a-2023',
              reviewYear: 2023,
              incomePerCapita: 1_600_000,
              classification: 'average',
              rule: '1,500,000 < income 1,600,000 ≤ average-living upper bound 2,250,000 (07/2021/NĐ-CP, rural)',
              previousClassification: 'poor',
            }),
            event('HouseholdReclassified', {
              householdId: HH,
              unit: COMMUNE,
              assessmentId: 'a-2023',
              reviewYear: 2023,
              from: 'poor' as const,
              to: 'average' as const,
              standard: 'MDP-2022-2025',
            }),
          ]);
      });

      it('is not emitted on a first assessment', () => {
        expect(decide([registered()], assess()).map((e) => e.type)).toEqual(['HouseholdAssessed']);
      });

      it('is not emitted when the class stays the same', () => {
        const events = decide([registered(), poor2022], assess({ assessmentId: 'a-2023', reviewYear: 2023, incomePerCapita: 1_000_000 }));
        expect(events.map((e) => [e.type, assessedData(e).previousClassification])).toEqual([['HouseholdAssessed', 'poor']]);
      });

      it('is not emitted for an older review year, which leaves the current class alone', () => {
        const given = [registered(), poor2022];
        const older = assess({ assessmentId: 'a-2021', reviewYear: 2021, incomePerCapita: 2_000_000, deprivations: [] });
        expect(decide(given, older).map((e) => [e.type, assessedData(e).classification])).toEqual([['HouseholdAssessed', 'not_poor']]);
        const state = fold(householdDecider, [...given, ...decide(given, older)]);
        expect(state).toMatchObject({ current: { reviewYear: 2022, classification: 'poor', standard: 'MDP-2022-2025' } });
      });

      it('is emitted when the same review year is re-assessed into another class, which supersedes the first', () => {
        const events = decide([registered(), poor2022], assess({ assessmentId: 'a-2022-bis', deprivations: ['latrine'] }));
        expect(events.map((e) => e.type)).toEqual(['HouseholdAssessed', 'HouseholdReclassified']);
        expect(events[0]!.data).toMatchObject({
          classification: 'near_poor',
          supersedes: { assessmentId: 'a-2022', classification: 'poor', deprivations: ['nutrition', 'housing_quality', 'latrine'] },
        });
        expect(events[1]!.data).toMatchObject({ from: 'poor', to: 'near_poor', reviewYear: 2022 });
      });
    });

    describe('supersedes', () => {
      it('is null for the first assessment of a year, even when other years exist', () => {
        const [e] = decide([registered(), assessed({ classification: 'poor' })], assess({ assessmentId: 'a-2023', reviewYear: 2023 }));
        expect(assessedData(e).supersedes).toBeNull();
      });

      it('names the latest assessment of the same year', () => {
        const given = [
          registered(),
          assessed({ classification: 'poor' }),
          assessed({ assessmentId: 'a-2022-bis', classification: 'near_poor', deprivations: ['latrine'], previousClassification: 'poor' }),
        ];
        const [e] = decide(given, assess({ assessmentId: 'a-2022-ter' }));
        expect(assessedData(e).supersedes).toEqual({ assessmentId: 'a-2022-bis', classification: 'near_poor', deprivations: ['latrine'] });
        expect(assessedData(e).previousClassification).toBe('near_poor');
      });
    });
  });

  describe('EraseHouseholdPersonalData', () => {
    const erase = {
      type: 'EraseHouseholdPersonalData' as const,
      legalBasis: 'Nghị định 13/2023/NĐ-CP, Điều 16',
      reason: 'the head of household asked for erasure',
    };
    const erased = event('HouseholdPersonalDataErased', { householdId: HH, unit: COMMUNE, legalBasis: erase.legalBasis, reason: erase.reason });

    it('records the erasure with its legal basis', () => {
      spec
        .given([registered(), assessed({ classification: 'poor' })])
        .when(erase)
        .then([erased]);
    });

    it('refuses a second erasure of the same household', () => {
      spec.given([registered(), erased]).when(erase).thenThrows('ALREADY_ERASED', { id: HH });
    });

    it('refuses an unknown household', () => {
      spec.given([]).when(erase).thenThrows('NOT_FOUND');
    });

    it('keeps classifying an erased household: counts and classes stay', () => {
      spec
        .given([registered(), erased])
        .when(assess())
        .then([assessed({ classification: 'poor' })]);
    });
  });

  describe('evolve', () => {
    it('ignores an assessment or a reclassification before registration', () => {
      const reclassified = event('HouseholdReclassified', {
        householdId: HH,
        unit: COMMUNE,
        assessmentId: 'a-2022',
        reviewYear: 2022,
        from: 'poor' as const,
        to: 'near_poor' as const,
        standard: 'MDP-2022-2025',
      });
      expect(fold(householdDecider, [assessed({ classification: 'poor' }), reclassified])).toEqual({ status: 'empty' });
    });
  });
});
