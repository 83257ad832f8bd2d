import { given, type Client } from '../api/client';
import type { components, paths } from '../api/generated/ledger-api';
import type { At, Written } from '../api/types';

/**
 * The households screens' calls to API v1, through the client generated from the served OpenAPI
 * document; the shapes are its schemas, so a change on the server fails the console's build.
 */
type Schemas = components['schemas'];
export type Classification = NonNullable<Schemas['HouseholdListItemDto']['classification']>;
export type HouseholdListItem = Schemas['HouseholdListItemDto'];
export type HouseholdPage = Schemas['HouseholdPageDto'];
export type Household = Schemas['HouseholdViewDto'];
export type Assessment = Schemas['AssessmentDto'];
export type AssessmentCreated = Schemas['AssessmentCreatedDto'];
export type ImportSummary = Schemas['HouseholdImportSummaryDto'];
export type PovertyStandard = Schemas['PovertyStandardDto'];
export type Registration = Schemas['RegisterHouseholdDto'];
export type AssessmentInput = Schemas['AssessHouseholdDto'];
export type { ImportRowError } from './bad-rows-csv';

type ListQuery = NonNullable<paths['/api/v1/households']['get']['parameters']['query']>;
/** The list's filters as the URL holds them: text, checked by the server (a wrong one is refused and shown). */
export type HouseholdFilters = Readonly<Partial<Record<'unit' | 'classification' | 'reviewYear' | 'deprivation' | 'q' | 'cursor', string>>>;

/** A page a screen keeps in the DOM at a time: a district's 17,443 households are read page by page. */
export const PAGE_SIZE = 50;

export const householdsApi = (client: Client) => ({
  standards: () => client.unwrap(client.api.GET('/api/v1/poverty-standards')),
  list: (filters: HouseholdFilters, at: At): Promise<HouseholdPage> =>
    client.unwrap(client.api.GET('/api/v1/households', { params: { query: given({ ...(filters as ListQuery), ...at, limit: PAGE_SIZE }) } })),
  get: (id: string, at: At): Promise<Household> =>
    client.unwrap(client.api.GET('/api/v1/households/{id}', { params: { path: { id }, query: given({ ...at }) } })),
  register: (body: Registration, idempotencyKey: string): Promise<Written> =>
    client.unwrap(client.api.POST('/api/v1/households', { body, headers: { 'idempotency-key': idempotencyKey } })),
  assess: (id: string, body: AssessmentInput, idempotencyKey: string): Promise<AssessmentCreated> =>
    client.unwrap(client.api.POST('/api/v1/households/{id}/assessments', { params: { path: { id } }, body, headers: { 'idempotency-key': idempotencyKey } })),
  importFile: (file: Blob, contentType: 'text/csv' | 'application/x-ndjson', idempotencyKey: string, onProgress: (sent: number, total: number) => void) =>
    client.upload<ImportSummary>('/api/v1/imports/households', file, contentType, idempotencyKey, onProgress),
});
