import type { UnitLevel } from '../units/unit';
import type { Decider } from '../shared/decider';
import { DomainError, alreadyExists, invalid, notFound } from '../shared/errors';
import { event } from '../shared/event';
import { legalDocument } from '../shared/legal-document';
import { assertText } from '../shared/text';
import type { AssessmentSummary, HouseholdEvent } from './household.events';
import { AREAS, classify, standardFor, type Area, type Classification, type PovertyStandard } from './poverty-standards';

export type RegisterHousehold = Readonly<{
  type: 'RegisterHousehold';
  householdId: string;
  unit: string;
  unitLevel: UnitLevel;
  area: unknown;
  members: unknown;
  headName: unknown;
  ethnicMinority: unknown;
}>;

export type AssessHousehold = Readonly<{
  type: 'AssessHousehold';
  assessmentId: string;
  reviewYear: unknown;
  reviewType: unknown;
  incomePerCapita: unknown;
  deprivations: unknown;
  decision: unknown;
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

function registered(state: HouseholdState, id: string) {
  if (state.status !== 'registered') throw notFound('household', id);
  return state;
}

function deprivationsOf(value: unknown, standard: PovertyStandard): string[] {
  if (!Array.isArray(value)) throw invalid('deprivations', 'must be a list of indicator codes');
  const seen = new Set<string>();
  value.forEach((code, i) => {
    if (typeof code !== 'string') throw invalid(`deprivations[${i}]`, 'must be an indicator code');
    if (!standard.indicators.includes(code)) {
      throw new DomainError('UNKNOWN_REFERENCE', `deprivations[${i}]: '${code}' is not an indicator of standard ${standard.id} (${standard.indicators.join(', ')})`, {
        field: `deprivations[${i}]`,
        value: code,
      });
    }
    if (seen.has(code)) throw invalid(`deprivations[${i}]`, `'${code}' is listed twice`);
    seen.add(code);
  });
  return [...seen];
}

export function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold': {
      if (state.status !== 'empty') throw alreadyExists('household', command.householdId);
      if (command.unitLevel !== 'commune') throw invalid('unit', `must be a commune; '${command.unit}' is a ${command.unitLevel}`);
      if (!AREAS.includes(command.area as Area)) throw invalid('area', `must be one of ${AREAS.join(', ')}`);
      const m = command.members;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 1000) throw invalid('members', 'must be an integer from 1 to 1000');
      let headName: string | null = null;
      if (command.headName !== undefined && command.headName !== null) {
        assertText('headName', command.headName, 200);
        headName = command.headName.trim();
      }
      const em = command.ethnicMinority;
      if (em !== undefined && em !== null && typeof em !== 'boolean') throw invalid('ethnicMinority', 'must be true or false');
      return [
        event('HouseholdRegistered', {
          householdId: command.householdId,
          unit: command.unit,
          area: command.area as Area,
          members: m,
          headName,
          ethnicMinority: (em as boolean | undefined) ?? null,
        }),
      ];
    }
    case 'AssessHousehold': {
      const s = registered(state, 'household');
      const year = command.reviewYear;
      if (typeof year !== 'number' || !Number.isInteger(year)) throw invalid('reviewYear', 'must be an integer year');
      const standard = standardFor(year, command.standards);
      if (!standard) throw invalid('reviewYear', `no poverty standard covers review year ${year}`);
      if (!REVIEW_TYPES.includes(command.reviewType as 'periodic')) throw invalid('reviewType', `must be one of ${REVIEW_TYPES.join(', ')}`);
      const income = command.incomePerCapita;
      if (typeof income !== 'number' || !Number.isSafeInteger(income) || income < 0) {
        throw invalid('incomePerCapita', 'must be a whole number of đồng per person per month, 0 or more');
      }
      const deprivations = deprivationsOf(command.deprivations, standard);
      const decision = command.decision === undefined || command.decision === null ? null : legalDocument('decision', command.decision);
      const { classification, rule } = classify(standard, s.area, income, deprivations.length);
      const previous = s.current?.classification ?? null;
      const becomesCurrent = s.current === null || year >= s.current.reviewYear;
      const events: HouseholdEvent[] = [
        event('HouseholdAssessed', {
          householdId: s.id,
          unit: s.unit,
          assessmentId: command.assessmentId,
          reviewYear: year,
          reviewType: command.reviewType as 'periodic' | 'adhoc',
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
      return { status: 'registered', id: e.data.householdId, unit: e.data.unit, area: e.data.area, members: e.data.members, current: null, personalDataErased: false, byYear: new Map() };
    case 'HouseholdAssessed': {
      if (state.status !== 'registered') return state;
      const d = e.data;
      const byYear = new Map(state.byYear).set(d.reviewYear, { assessmentId: d.assessmentId, classification: d.classification, deprivations: d.deprivations });
      const current = state.current === null || d.reviewYear >= state.current.reviewYear
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
