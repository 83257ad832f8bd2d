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

/**
 * The household's personal data (head's name, ethnicity) erased at the person's request or by law
 * (Decree 13/2023/NĐ-CP on personal data protection): its key is destroyed, so the sealed fields of
 * its events can never be read again. Counts, classes and money stay.
 */
export type HouseholdPersonalDataErased = DomainEvent<'HouseholdPersonalDataErased', { householdId: string; unit: string; legalBasis: string; reason: string }>;

export type HouseholdEvent = HouseholdRegistered | HouseholdAssessed | HouseholdReclassified | HouseholdPersonalDataErased;
