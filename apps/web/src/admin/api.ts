import type { Client } from '../api/client';
import type { Page, Written } from '../api/types';

/** GET /units and GET /users items as the OpenAPI document describes them (UnitDto, UserDto). */
export type UnitRow = Readonly<{ code: string; name: string; level: string; parent: string | null; children: readonly string[]; registeredAt: string; position: number }>;
export type UserRow = Readonly<{ id: string; name: string; role: string; units: readonly string[]; registeredAt: string; position: number }>;

export const UNIT_LEVELS = ['central', 'province', 'district', 'commune', 'agency'] as const;
export const ROLES = ['admin', 'finance_officer', 'social_officer', 'supervisor', 'inspector'] as const;

async function everyPage<T>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.get<Page<T>>(path, { limit: 1000, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const listUnits = (client: Client) => everyPage<UnitRow>(client, '/units');
export const listUsers = (client: Client) => everyPage<UserRow>(client, '/users');

export type NewUnit = Readonly<{ code: string; name: string; level: string; parent?: string }>;
export const registerUnit = (client: Client, body: NewUnit, idempotencyKey: string) => client.post<Written>('/units', body, idempotencyKey);

export type NewUser = Readonly<{ id: string; name: string; role: string; units?: readonly string[] }>;
/** The token is in this answer only (the ledger keeps its hash); the API honours no Idempotency-Key here. */
export const registerUser = (client: Client, body: NewUser) => client.post<Written & { id: string; token: string }>('/users', body);
