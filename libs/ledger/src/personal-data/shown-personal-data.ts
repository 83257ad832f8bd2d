import type { Principal } from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';
import type { ReadStore } from '../ports/read-store.port';
import { redactSecrets } from '../queries/redact';
import { HOUSEHOLDS, type HouseholdDoc } from '../projections/households.projection';
import type { HouseholdKeyStore } from './household-keys.port';
import { PERSONAL_FIELDS, SEALED_FIELD, revealPersonal, seesPersonalData, type ShownPersonalFields } from './personal-fields';

/**
 * A household document's personal fields as this reader is shown them: none at all for a finance
 * officer; otherwise opened, or null with `personalDataErased`. `erasedNow` is the erasure as the
 * ledger stands now, for a read at a past position (whose document predates it).
 */
export function shownHousehold(doc: HouseholdDoc, principal: Principal, keys: HouseholdKeyStore | null, erasedNow = false): Partial<ShownPersonalFields> {
  if (!seesPersonalData(principal)) return {};
  return revealPersonal(keys, 'HouseholdRegistered', doc.id, doc, erasedNow || doc.personalDataErased === true);
}

/**
 * An event's data as a reader of the audit trail or of the changes is shown it: secrets redacted
 * (redact.ts), and a household's personal fields as `shownHousehold` shows them (the sealed value
 * itself is never shown: it is of no use to a reader and would only be copied about).
 */
export async function shownEventData(
  e: StoredEvent,
  principal: Principal,
  keys: HouseholdKeyStore | null,
  current: ReadStore,
): Promise<Readonly<Record<string, unknown>>> {
  const fields = PERSONAL_FIELDS[e.type];
  if (!fields) return redactSecrets(e);
  const data: Record<string, unknown> = { ...e.data };
  for (const f of [...fields, SEALED_FIELD]) delete data[f];
  if (!seesPersonalData(principal)) return data;
  const householdId = String(e.data.householdId);
  const erased = (await current.get<HouseholdDoc>(HOUSEHOLDS, householdId))?.personalDataErased === true;
  return { ...data, ...revealPersonal(keys, e.type, householdId, e.data, erased) };
}
