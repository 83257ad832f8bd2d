import type { Client } from '../api/client';
import type { components } from '../api/generated/ledger-api';

type Schemas = components['schemas'];
export type UnitRow = Schemas['UnitDto'];
export type UserRow = Schemas['UserDto'];
export type NewUnit = Schemas['RegisterUnitDto'];
export type NewUser = Schemas['RegisterUserDto'];

export const UNIT_LEVELS: readonly NewUnit['level'][] = ['central', 'province', 'district', 'commune', 'agency'];
export const ROLES: readonly NewUser['role'][] = ['admin', 'finance_officer', 'social_officer', 'supervisor', 'inspector'];

export const listUnits = (client: Client) =>
  client.allPages((cursor) => client.unwrap(client.api.GET('/api/v1/units', { params: { query: { limit: 1000, cursor } } })));
export const listUsers = (client: Client) =>
  client.allPages((cursor) => client.unwrap(client.api.GET('/api/v1/users', { params: { query: { limit: 1000, cursor } } })));

export const registerUnit = (client: Client, body: NewUnit, idempotencyKey: string) =>
  client.unwrap(client.api.POST('/api/v1/units', { body, headers: { 'idempotency-key': idempotencyKey } }));

/** The token is in this answer only (the ledger keeps its hash); the API honours no Idempotency-Key here. */
export const registerUser = (client: Client, body: NewUser) => client.unwrap(client.api.POST('/api/v1/users', { body }));

/** A new token for the user, in this answer only; the previous one stops working at once. No Idempotency-Key, as for registration. */
export const rotateToken = (client: Client, id: string, reason: string) =>
  client.unwrap(client.api.POST('/api/v1/users/{id}/token', { params: { path: { id } }, body: { reason } }));

export const deactivateUser = (client: Client, id: string, reason: string, idempotencyKey: string) =>
  client.unwrap(
    client.api.POST('/api/v1/users/{id}/deactivation', { params: { path: { id } }, body: { reason }, headers: { 'idempotency-key': idempotencyKey } }),
  );

export const reactivateUser = (client: Client, id: string, reason: string, idempotencyKey: string) =>
  client.unwrap(
    client.api.POST('/api/v1/users/{id}/reactivation', { params: { path: { id } }, body: { reason }, headers: { 'idempotency-key': idempotencyKey } }),
  );
