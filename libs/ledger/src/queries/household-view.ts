import type { Principal } from '../../../domain/src';
import { householdById } from '../commands/lookups';
import type { HouseholdKeyStore } from '../personal-data/household-keys.port';
import { shownHousehold } from '../personal-data/shown-personal-data';
import type { ReadStore } from '../ports/read-store.port';
import { HOUSEHOLDS, type HouseholdDoc } from '../projections/households.projection';
import { readingAt, type TimeTravelQuery } from './time-travel';

export async function householdView(current: ReadStore, id: string, principal: Principal, q: TimeTravelQuery = {}, keys: HouseholdKeyStore | null = null) {
  const { reads, at } = await readingAt(current, q);
  const h = await householdById(reads, principal, id);
  const { _position, unitPath: _path, headName: _name, ethnicMinority: _ethnic, personal: _sealed, personalDataErased: _erased, ...rest } = h;
  // An erasure applies to every read from then on, those of an earlier position included.
  const erasedNow = (await current.get<HouseholdDoc>(HOUSEHOLDS, id))?.personalDataErased === true;
  return {
    ...rest,
    ...shownHousehold(h, principal, keys, erasedNow),
    classification: h.current?.classification ?? null,
    standard: h.current?.standard ?? null,
    position: _position,
    at,
  };
}
