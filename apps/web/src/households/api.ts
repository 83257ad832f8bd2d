import type { Client } from '../api/client';
import type { At, Page, Written } from '../api/types';

/**
 * The households screens' calls to API v1 and the shapes they read, in one place: when the client
 * generated from the OpenAPI document replaces the hand-written one, this file is what changes.
 */
export type Classification = 'poor' | 'near_poor' | 'average' | 'not_poor';

export type HouseholdListItem = Readonly<{
  id: string;
  unit: string;
  area: string;
  members: number;
  headName: string | null;
  ethnicMinority: boolean | null;
  registeredAt: string;
  classification: Classification | null;
  standard: string | null;
  assessment: Readonly<{ reviewYear: number; reviewType: string; classification: Classification; deprivations: readonly string[]; standard: string }> | null;
  position: number;
}>;

export type Assessment = Readonly<{
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

export type Reclassification = Readonly<{ assessmentId: string; reviewYear: number; from: Classification; to: Classification; standard: string; recordedAt: string; position: number }>;

export type Household = Readonly<{
  id: string;
  unit: string;
  area: string;
  members: number;
  headName: string | null;
  ethnicMinority: boolean | null;
  registeredAt: string;
  current: Readonly<{ classification: Classification; reviewYear: number; standard: string }> | null;
  assessments: readonly Assessment[];
  reclassifications: readonly Reclassification[];
  at: Readonly<{ position: number }>;
}>;

export type AssessmentCreated = Written & Readonly<{ classification: Classification; previousClassification: Classification | null; standard: string; rule: string }>;

export type ImportSummary = Readonly<{ rows: number; registered: number; assessed: number; reclassified: number; byClassification: Readonly<Record<Classification, number>> }>;

export type { ImportRowError } from './bad-rows-csv';

export type Thresholds = Readonly<{ povertyLine: number; nearPoorLine: number | null; upperBound: number }>;

export type PovertyStandard = Readonly<{
  id: string;
  legalBasis: string;
  reviewYears: Readonly<{ from: number; to: number }>;
  indicators: readonly string[];
  deprivationThreshold: number;
  incomeAloneMakesPoor: boolean;
  thresholds: Readonly<{ rural: Thresholds; urban: Thresholds }>;
}>;

export type HouseholdFilters = Readonly<Partial<Record<'unit' | 'classification' | 'reviewYear' | 'deprivation' | 'q' | 'cursor', string>>>;

export type Registration = Readonly<{ id: string; unit: string; area: string; members: number; headName?: string; ethnicMinority?: boolean }>;

export type AssessmentInput = Readonly<{ reviewYear: number; reviewType: string; incomePerCapita: number; deprivations: readonly string[] }>;

/** A page a screen keeps in the DOM at a time: a district's 17,443 households are read page by page. */
export const PAGE_SIZE = 50;

const enc = encodeURIComponent;

export const householdsApi = (client: Client) => ({
  standards: () => client.request<{ standards: readonly PovertyStandard[] }>('GET', '/poverty-standards'),
  list: (filters: HouseholdFilters, at: At) => client.request<Page<HouseholdListItem> & { at: { position: number } }>('GET', '/households', { query: { ...filters, ...at, limit: PAGE_SIZE } }),
  get: (id: string, at: At) => client.request<Household>('GET', `/households/${enc(id)}`, { query: { ...at } }),
  register: (body: Registration, idempotencyKey: string) => client.request<Written>('POST', '/households', { body, idempotencyKey }),
  assess: (id: string, body: AssessmentInput, idempotencyKey: string) => client.request<AssessmentCreated>('POST', `/households/${enc(id)}/assessments`, { body, idempotencyKey }),
  importFile: (file: Blob, contentType: 'text/csv' | 'application/x-ndjson', idempotencyKey: string, onProgress: (sent: number, total: number) => void) =>
    client.upload<ImportSummary>('/imports/households', file, contentType, idempotencyKey, onProgress),
});
