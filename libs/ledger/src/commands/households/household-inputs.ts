import {
  AREAS,
  REVIEW_TYPES,
  codes,
  id,
  integer,
  invalid,
  oneOf,
  optionalBoolean,
  optionalDecision,
  optionalText,
  reference,
  type Area,
  type LegalDocument,
  type RawInput,
  type ReviewType,
} from '../../../../domain/src';

/*
 * The rules a household's fields are held to, wherever they come from: POST /households, POST
 * /households/{id}/assessments, and every row of an import file (CSV or NDJSON, over HTTP or the
 * command line). Which indicators a review year's standard has is the decider's business.
 */

export type HouseholdFields = Readonly<{ area: Area; members: number; headName: string | null; ethnicMinority: boolean | null }>;

export type AssessmentFields = Readonly<{
  reviewYear: number;
  reviewType: ReviewType;
  incomePerCapita: number;
  deprivations: readonly string[];
  decision: LegalDocument | null;
}>;

export function householdFields(raw: RawInput): HouseholdFields {
  return {
    area: oneOf('area', raw.area, AREAS),
    members: integer('members', raw.members, 1, 1000, 'must be an integer from 1 to 1000'),
    headName: optionalText('headName', raw.headName, 200),
    ethnicMinority: optionalBoolean('ethnicMinority', raw.ethnicMinority),
  };
}

/** Years outside 1900–2200 are typing mistakes, whatever standards a later decree adds. */
export function assessmentFields(raw: RawInput): AssessmentFields {
  return {
    reviewYear: integer('reviewYear', raw.reviewYear, 1900, 2200, 'must be an integer year from 1900 to 2200'),
    reviewType: oneOf('reviewType', raw.reviewType, REVIEW_TYPES),
    incomePerCapita: integer(
      'incomePerCapita',
      raw.incomePerCapita,
      0,
      Number.MAX_SAFE_INTEGER,
      'must be a whole number of đồng per person per month, 0 or more',
    ),
    deprivations: codes('deprivations', raw.deprivations, 20, 'indicator code'),
    decision: optionalDecision('decision', raw.decision),
  };
}

/** One row of an import: the household, its commune, its assessment, and its registration if the row carries one. */
export type HouseholdRow = Readonly<{ household: string; unit: string; registration: HouseholdFields | null; assessment: AssessmentFields }>;

const REGISTRATION_FIELDS = ['area', 'members', 'headName', 'ethnicMinority'] as const;

export function householdRow(raw: RawInput): HouseholdRow {
  const household = id('household', raw.household);
  const unit = reference('unit', raw.unit, 'a unit code');
  // A row for a household already registered may leave its registration out; one that gives any of it gives it whole.
  const registration = REGISTRATION_FIELDS.some((f) => raw[f] !== undefined) ? householdFields(raw) : null;
  return { household, unit, registration, assessment: assessmentFields(raw) };
}

/** A row without registration fields for a household the ledger does not know. */
export const unregistered = () => invalid('area', `must be one of ${AREAS.join(', ')}`);
