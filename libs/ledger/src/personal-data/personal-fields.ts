import type { Principal } from '../../../domain/src';
import type { NewEvent } from '../ports/event-store.port';
import type { HouseholdKeyStore } from './household-keys.port';
import { isSealed, open, seal, type Sealed } from './personal-cipher';

/**
 * The fields of household events that describe a person (Decree 13/2023/NĐ-CP: a name, an
 * ethnicity). No other household event carries free text about a person: assessments hold
 * figures and indicator codes, and an erasure's legal basis and reason are the record of the act.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  HouseholdRegistered: ['headName', 'ethnicMinority'],
};

/** At rest the personal fields are gone from `data`, sealed together in this one field. */
export const SEALED_FIELD = 'personal';

export type PersonalFields = Readonly<{ headName: string | null; ethnicMinority: boolean | null }>;
/** What a reader is shown: the fields, or null with `personalDataErased` once erased. */
export type ShownPersonalFields = PersonalFields & Readonly<{ personalDataErased: boolean }>;

const associated = (type: string, householdId: string): string => `${type}|${householdId}`;

/**
 * The event as it is stored: its personal fields sealed with the household's key. An event with
 * none of them set carries nothing personal and is stored as it is (no key is made for it).
 */
export function sealEvent(e: NewEvent, keyOf: (householdId: string) => Buffer): NewEvent {
  const fields = PERSONAL_FIELDS[e.type];
  if (!fields) return e;
  const data = e.data as Record<string, unknown>;
  if (fields.every((f) => data[f] === null || data[f] === undefined)) return e;
  const householdId = String(data.householdId);
  const rest: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) (fields.includes(k) ? personal : rest)[k] = v;
  rest[SEALED_FIELD] = seal(keyOf(householdId), JSON.stringify(personal), associated(e.type, householdId));
  return { ...e, data: rest };
}

export const isPersonalEvent = (type: string): boolean => PERSONAL_FIELDS[type] !== undefined;

const NOTHING: PersonalFields = { headName: null, ethnicMinority: null };

/**
 * The personal fields of a household as its stored data (an event's, or a read model's copy of
 * it) holds them: opened with its key when sealed; as written when the event predates sealing.
 * `erased` comes from the erasure event; the key store's tombstone says the same for a read at a
 * past position, where the document does not know of the erasure yet.
 */
export function revealPersonal(
  keys: HouseholdKeyStore | null,
  type: string,
  householdId: string,
  stored: Readonly<Record<string, unknown>>,
  erased: boolean,
): ShownPersonalFields {
  const key = keys?.get(householdId) ?? null;
  if (erased || key?.state === 'erased') return { ...NOTHING, personalDataErased: true };
  const sealed = stored[SEALED_FIELD];
  if (isSealed(sealed)) {
    // A missing key (a copy of the log without its key store) shows nothing rather than failing the read.
    if (key === null) return { ...NOTHING, personalDataErased: false };
    const opened = JSON.parse(open(key.key, sealed as Sealed, associated(type, householdId))) as Partial<PersonalFields>;
    return { headName: opened.headName ?? null, ethnicMinority: opened.ethnicMinority ?? null, personalDataErased: false };
  }
  return {
    headName: (stored.headName as string | null | undefined) ?? null,
    ethnicMinority: (stored.ethnicMinority as boolean | null | undefined) ?? null,
    personalDataErased: false,
  };
}

/** Finance officers work with ids, counts and classes; a person's name or ethnicity is not theirs to see. */
export const seesPersonalData = (p: Principal): boolean => p.role !== 'finance_officer';
