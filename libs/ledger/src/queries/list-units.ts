import { type Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import { UNITS, type UnitDoc } from '../projections/units.projection';
import { openListing, type PageQuery } from './list-page';
import { visibleUnit, visibleUnitRef } from './scope';

export type UnitsQuery = PageQuery & Readonly<{ parent?: string }>;

/** A unit as every read shows it (GET /units/{code} and the items of GET /units). */
export function unitView(u: UnitDoc) {
  const { _position, path, ...rest } = u;
  return { ...rest, ancestors: path.slice(1), position: _position };
}

/**
 * GET /units: the units in the reader's scope (its units and everything below them; all of them
 * for an administrator or an inspector), in tree order (a unit, then its subtree, children by
 * code), or the children of `parent`. The sort key is the path from the root, so a page boundary
 * never moves when units are added elsewhere.
 */
export async function listUnits(current: ReadStore, q: UnitsQuery, principal: Principal) {
  const listing = await openListing(current, q, 'units', { parent: q.parent });
  const parent = q.parent === undefined ? null : await visibleUnitRef(listing.reads, principal, 'parent', q.parent);
  const units = (await listing.reads.find<UnitDoc>(UNITS)).filter((u) => visibleUnit(principal, u) && (parent === null || u.parent === parent.code));
  const page = listing.page(units, treeKey);
  return { ...page, items: page.items.map(unitView) };
}

const treeKey = (u: UnitDoc): string => [...u.path].reverse().join('\u0000');
