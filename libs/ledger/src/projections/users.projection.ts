import type { Role } from '../../../domain/src';
import { defineProjection, ref, type DocWrite } from './projection';

export type UserDoc = Readonly<{ id: string; name: string; role: Role; units: readonly string[]; registeredAt: string; _position?: number }>;
export type TokenDoc = Readonly<{ userId: string; _position?: number }>;

export const USERS = 'users';
/** Keyed by the token's SHA-256, so authentication is one lookup and no token is ever stored. */
export const TOKENS = 'tokens';

export const usersProjection = defineProjection({
  name: 'users',
  handles: ['UserRegistered'],
  touches: (e) => {
    const d = e.data;
    return [ref(USERS, d.id), ref(TOKENS, d.tokenHash)];
  },
  apply(e): DocWrite[] {
    const d = e.data;
    const user: UserDoc = { id: d.id, name: d.name, role: d.role, units: d.units, registeredAt: e.metadata.recordedAt };
    return [
      { collection: USERS, id: d.id, doc: user },
      { collection: TOKENS, id: d.tokenHash, doc: { userId: d.id } },
    ];
  },
});
