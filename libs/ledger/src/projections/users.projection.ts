import type { Role, UserDeactivated, UserReactivated, UserRegistered, UserTokenRotated } from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';
import { ref, type DocLookup, type DocRef, type DocWrite, type Projection } from './projection';

/**
 * `active`, `expiresAt` and `tokenRotatedAt` are absent from documents written before tokens could
 * be rotated or users deactivated: read them through `userStatus`.
 */
export type UserDoc = Readonly<{
  id: string;
  name: string;
  role: Role;
  units: readonly string[];
  registeredAt: string;
  active?: boolean;
  expiresAt?: string | null;
  tokenRotatedAt?: string | null;
  _position?: number;
}>;
/** A token stays in the collection once replaced, marked `revokedAt`, so the refusal can say why. */
export type TokenDoc = Readonly<{ userId: string; expiresAt?: string | null; revokedAt?: string | null; _position?: number }>;

export const USERS = 'users';
/** Keyed by the token's SHA-256, so authentication is one lookup and no token is ever stored. */
export const TOKENS = 'tokens';

export const userStatus = (u: UserDoc) => ({ active: u.active ?? true, expiresAt: u.expiresAt ?? null, tokenRotatedAt: u.tokenRotatedAt ?? null });

type Data = UserRegistered['data'] | UserTokenRotated['data'] | UserDeactivated['data'] | UserReactivated['data'];

export const usersProjection: Projection = {
  name: 'users',
  handles: new Set(['UserRegistered', 'UserTokenRotated', 'UserDeactivated', 'UserReactivated']),
  touches: (e: StoredEvent): DocRef[] => {
    const d = e.data as Data;
    if (e.type === 'UserRegistered') return [ref(USERS, d.id), ref(TOKENS, (d as UserRegistered['data']).tokenHash)];
    if (e.type === 'UserTokenRotated') {
      const r = d as UserTokenRotated['data'];
      return [ref(USERS, d.id), ref(TOKENS, r.tokenHash), ref(TOKENS, r.previousTokenHash)];
    }
    return [ref(USERS, d.id)];
  },
  apply(e: StoredEvent, docs: DocLookup): DocWrite[] {
    const at = e.metadata.recordedAt;
    if (e.type === 'UserRegistered') {
      const d = e.data as UserRegistered['data'];
      const user: UserDoc = { id: d.id, name: d.name, role: d.role, units: d.units, registeredAt: at, active: true, expiresAt: d.expiresAt, tokenRotatedAt: null };
      return [
        { collection: USERS, id: d.id, doc: user },
        { collection: TOKENS, id: d.tokenHash, doc: { userId: d.id, expiresAt: d.expiresAt, revokedAt: null } },
      ];
    }
    const d = e.data as Data;
    const user = docs<UserDoc>(USERS, d.id);
    if (user === null) return [];
    if (e.type === 'UserTokenRotated') {
      const r = d as UserTokenRotated['data'];
      const previous = docs<TokenDoc>(TOKENS, r.previousTokenHash);
      return [
        { collection: USERS, id: r.id, doc: { ...user, expiresAt: r.expiresAt, tokenRotatedAt: at } },
        { collection: TOKENS, id: r.tokenHash, doc: { userId: r.id, expiresAt: r.expiresAt, revokedAt: null } },
        { collection: TOKENS, id: r.previousTokenHash, doc: { userId: r.id, expiresAt: previous?.expiresAt ?? null, revokedAt: at } },
      ];
    }
    return [{ collection: USERS, id: d.id, doc: { ...user, active: e.type === 'UserReactivated' } }];
  },
};
