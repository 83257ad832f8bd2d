import type { Role } from '../../../domain/src';
import { defineProjection, ref, type DocWrite } from './projection';

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

export const usersProjection = defineProjection({
  name: 'users',
  handles: ['UserRegistered', 'UserTokenRotated', 'UserDeactivated', 'UserReactivated'],
  touches: (e) => {
    switch (e.type) {
      case 'UserRegistered':
        return [ref(USERS, e.data.id), ref(TOKENS, e.data.tokenHash)];
      case 'UserTokenRotated':
        return [ref(USERS, e.data.id), ref(TOKENS, e.data.tokenHash), ref(TOKENS, e.data.previousTokenHash)];
      default:
        return [ref(USERS, e.data.id)];
    }
  },
  apply(e, docs): DocWrite[] {
    const at = e.metadata.recordedAt;
    if (e.type === 'UserRegistered') {
      const d = e.data;
      const user: UserDoc = {
        id: d.id,
        name: d.name,
        role: d.role,
        units: d.units,
        registeredAt: at,
        active: true,
        expiresAt: d.expiresAt,
        tokenRotatedAt: null,
      };
      return [
        { collection: USERS, id: d.id, doc: user },
        { collection: TOKENS, id: d.tokenHash, doc: { userId: d.id, expiresAt: d.expiresAt, revokedAt: null } },
      ];
    }
    const user = docs<UserDoc>(USERS, e.data.id);
    if (user === null) return [];
    if (e.type === 'UserTokenRotated') {
      const r = e.data;
      const previous = docs<TokenDoc>(TOKENS, r.previousTokenHash);
      return [
        { collection: USERS, id: r.id, doc: { ...user, expiresAt: r.expiresAt, tokenRotatedAt: at } },
        { collection: TOKENS, id: r.tokenHash, doc: { userId: r.id, expiresAt: r.expiresAt, revokedAt: null } },
        { collection: TOKENS, id: r.previousTokenHash, doc: { userId: r.id, expiresAt: previous?.expiresAt ?? null, revokedAt: at } },
      ];
    }
    return [{ collection: USERS, id: e.data.id, doc: { ...user, active: e.type === 'UserReactivated' } }];
  },
});
