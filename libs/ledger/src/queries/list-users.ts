import { forbidden, type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { USERS, userStatus, type UserDoc } from '../projections/users.projection';
import { openListing, type PageQuery } from './list-page';
import { readingAt, type TimeTravelQuery } from './time-travel';

/** Built field by field, so that nothing the document holds beyond them (no hash) is ever served. */
const userView = (u: UserDoc) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  units: u.units,
  registeredAt: u.registeredAt,
  ...userStatus(u),
  position: u._position,
});

/** GET /users: who may sign in, by id; an administrator's list (token hashes are never shown). */
export async function listUsers(current: ReadStore, q: PageQuery, principal: Principal) {
  if (principal.role !== 'admin') throw forbidden('only an administrator may list users');
  const listing = await openListing(current, q, 'users', {});
  return listing.scanPage(USERS, {}, (u: UserDoc) => userView(u));
}

/** GET /me: the caller as the ledger knows it. */
export async function me(current: ReadStore, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const u = await reads.get<UserDoc>(USERS, principal.userId);
  const status = u ? userStatus(u) : { active: true, expiresAt: null, tokenRotatedAt: null };
  return {
    id: principal.userId,
    name: u?.name ?? null,
    role: principal.role,
    units: [...principal.units],
    registeredAt: u?.registeredAt ?? null,
    ...status,
    at,
  };
}
