import type { UnitLevel } from '../units/unit';
import type { Decider } from '../shared/decider';
import { DomainError, alreadyExists, invalid, notFound } from '../shared/errors';
import { event, type LegalDocument } from '../shared/event';
import type { AssessmentSummary, HouseholdEvent } from './household.events';
import { classify, standardFor, type Area, type Classification, type PovertyStandard } from './poverty-standards';

export type RegisterHousehold = Readonly<{
  type: 'RegisterHousehold';
  householdId: string;
  unit: string;
  unitLevel: UnitLevel;
  area: Area;
  /** 1 to 1000. */
  members: number;
  headName: string | null;
  ethnicMinority: boolean | null;
}>;

export type AssessHousehold = Readonly<{
  type: 'AssessHousehold';
  assessmentId: string;
  reviewYear: number;
  reviewType: ReviewType;
  /** Whole đồng per person per month, 0 or more. */
  incomePerCapita: number;
  /** Indicator codes, none twice; whether they belong to the year's standard is decided here. */
  deprivations: readonly string[];
  decision: LegalDocument | null;
  standards?: readonly PovertyStandard[];
}>;

/** `legalBasis` and `reason` are parsed at the edge (non-empty, trimmed). */
export type EraseHouseholdPersonalData = Readonly<{ type: 'EraseHouseholdPersonalData'; legalBasis: string; reason: string }>;

export type HouseholdCommand = RegisterHousehold | AssessHousehold | EraseHouseholdPersonalData;

export type Current = Readonly<{ reviewYear: number; classification: Classification; standard: string }>;

export type HouseholdState =
  | Readonly<{ status: 'empty' }>
  | Readonly<{
      status: 'registered';
      id: string;
      unit: string;
      area: Area;
      members: number;
      current: Current | null;
      personalDataErased: boolean;
      /** The assessment that counts for each review year (the latest recorded). */
      byYear: ReadonlyMap<number, AssessmentSummary>;
    }>;

export const REVIEW_TYPES = ['periodic', 'adhoc'] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

function registered(state: HouseholdState, id: string) {
  if (state.status !== 'registered') throw notFound('household', id);
  return state;
}

/** Each code must be an indicator of the standard the review year selects (Decree 07/2021 has 12, Decision 59/2015 has 10). */
function assertIndicators(deprivations: readonly string[], standard: PovertyStandard): void {
  deprivations.forEach((code, i) => {
    if (!standard.indicators.includes(code)) {
      throw new DomainError(
        'UNKNOWN_REFERENCE',
        `deprivations[${i}]: '${code}' is not an indicator of standard ${standard.id} (${standard.indicators.join(', ')})`,
        {
          field: `deprivations[${i}]`,
          value: code,
        },
      );
    }
  });
}

export function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold': {
      if (state.status !== 'empty') throw alreadyExists('household', command.householdId);
      if (command.unitLevel !== 'commune') throw invalid('unit', `must be a commune; '${command.unit}' is a ${command.unitLevel}`);
      return [
        event('HouseholdRegistered', {
          householdId: command.householdId,
          unit: command.unit,
          area: command.area,
          members: command.members,
          headName: command.headName,
          ethnicMinority: command.ethnicMinority,
        }),
      ];
    }
    case 'AssessHousehold': {
      const s = registered(state, 'household');
      const year = command.reviewYear;
      const standard = standardFor(year, command.standards);
      if (!standard) throw invalid('reviewYear', `no poverty standard covers review year ${year}`);
      const income = command.incomePerCapita;
      const deprivations = command.deprivations;
      assertIndicators(deprivations, standard);
      const decision = command.decision;
      const { classification, rule } = classify(standard, s.area, income, deprivations.length);
      const previous = s.current?.classification ?? null;
      const becomesCurrent = s.current === null || year >= s.current.reviewYear;
      const events: HouseholdEvent[] = [
        event('HouseholdAssessed', {
          householdId: s.id,
          unit: s.unit,
          assessmentId: command.assessmentId,
          reviewYear: year,
          reviewType: command.reviewType,
          area: s.area,
          members: s.members,
          incomePerCapita: income,
          deprivations,
          classification,
          standard: standard.id,
          rule,
          previousClassification: previous,
          supersedes: s.byYear.get(year) ?? null,
          decision,
        }),
      ];
      if (becomesCurrent && previous !== null && previous !== classification) {
        events.push(
          event('HouseholdReclassified', {
            householdId: s.id,
            unit: s.unit,
            assessmentId: command.assessmentId,
            reviewYear: year,
            from: previous,
            to: classification,
            standard: standard.id,
          }),
        );
      }
      return events;
    }
    case 'EraseHouseholdPersonalData': {
      const s = registered(state, 'household');
      // Erasing twice is refused rather than recorded again: the first erasure is the legal act.
      if (s.personalDataErased) throw new DomainError('ALREADY_ERASED', `the personal data of household '${s.id}' is already erased`, { id: s.id });
      return [event('HouseholdPersonalDataErased', { householdId: s.id, unit: s.unit, legalBasis: command.legalBasis, reason: command.reason })];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolveHousehold(state: HouseholdState, e: HouseholdEvent): HouseholdState {
  switch (e.type) {
    case 'HouseholdRegistered':
      return {
        status: 'registered',
        id: e.data.householdId,
        unit: e.data.unit,
        area: e.data.area,
        members: e.data.members,
        current: null,
        personalDataErased: false,
        byYear: new Map(),
      };
    case 'HouseholdAssessed': {
      if (state.status !== 'registered') return state;
      const d = e.data;
      const byYear = new Map(state.byYear).set(d.reviewYear, { assessmentId: d.assessmentId, classification: d.classification, deprivations: d.deprivations });
      const current =
        state.current === null || d.reviewYear >= state.current.reviewYear
          ? { reviewYear: d.reviewYear, classification: d.classification, standard: d.standard }
          : state.current;
      return { ...state, byYear, current };
    }
    case 'HouseholdReclassified':
      return state;
    case 'HouseholdPersonalDataErased':
      return state.status === 'registered' ? { ...state, personalDataErased: true } : state;
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: evolveHousehold,
  decide: decideHousehold,
};
