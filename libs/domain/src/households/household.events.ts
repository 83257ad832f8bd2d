import type { DomainEvent, LegalDocument } from '../shared/event';
import type { Area, Classification } from './poverty-standards';

export type HouseholdRegistered = DomainEvent<
  'HouseholdRegistered',
  { householdId: string; unit: string; area: Area; members: number; headName: string | null; ethnicMinority: boolean | null }
>;

export type AssessmentSummary = Readonly<{ assessmentId: string; classification: Classification; deprivations: readonly string[] }>;

export type HouseholdAssessed = DomainEvent<
  'HouseholdAssessed',
  {
    householdId: string;
    unit: string;
    assessmentId: string;
    reviewYear: number;
    reviewType: 'periodic' | 'adhoc';
    area: Area;
    members: number;
    incomePerCapita: number;
    deprivations: readonly string[];
    classification: Classification;
    standard: string;
    rule: string;
    previousClassification: Classification | null;
    /** The earlier assessment of the same review year that this one replaces in that year's statistics. */
    supersedes: AssessmentSummary | null;
    decision: LegalDocument | null;
  }
>;

export type HouseholdReclassified = DomainEvent<
  'HouseholdReclassified',
  {
    householdId: string;
    unit: string;
    assessmentId: string;
    reviewYear: number;
    from: Classification;
    to: Classification;
    standard: string;
  }
>;

export type HouseholdEvent = HouseholdRegistered | HouseholdAssessed | HouseholdReclassified;
