import { MemoryHouseholdKeys } from '../../../adapters/src/memory/memory-household-keys';
import type { NewEvent } from '../ports/event-store.port';
import { revealPersonal, sealEvent, seesPersonalData } from './personal-fields';

const registered = (headName: string | null, ethnicMinority: boolean | null): NewEvent => ({
  id: 'e1',
  type: 'HouseholdRegistered',
  schemaVersion: 1,
  data: { householdId: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 4, headName, ethnicMinority },
  metadata: {
    actor: { userId: 'so', role: 'social_officer' },
    recordedAt: '2026-01-01T00:00:00Z',
    correlationId: 'c',
    causationId: null,
    idempotencyKey: null,
    requestHash: null,
    decision: null,
    reason: null,
  },
});

describe('personal fields of household events', () => {
  it('seals the name and ethnicity into one field and keeps the rest in clear', () => {
    const keys = new MemoryHouseholdKeys();
    const sealed = sealEvent(registered('Lò Văn Sình', true), (id) => keys.obtain(id));
    expect(Object.keys(sealed.data).sort()).toEqual(['area', 'householdId', 'members', 'personal', 'unit']);
    expect(JSON.stringify(sealed)).not.toContain('Sình');
    expect(revealPersonal(keys, 'HouseholdRegistered', 'H1', sealed.data, false)).toEqual({
      headName: 'Lò Văn Sình',
      ethnicMinority: true,
      personalDataErased: false,
    });
  });

  it('stores an event with nothing personal as it is, and makes no key for it', () => {
    const keys = new MemoryHouseholdKeys();
    const e = registered(null, null);
    expect(sealEvent(e, (id) => keys.obtain(id))).toBe(e);
    expect(keys.get('H1')).toBeNull();
    const other = { ...e, type: 'HouseholdAssessed' };
    expect(
      sealEvent(other, () => {
        throw new Error('no key is needed');
      }),
    ).toBe(other);
  });

  it('shows erased fields once the key is destroyed', () => {
    const keys = new MemoryHouseholdKeys();
    const sealed = sealEvent(registered('Lò Văn Sình', true), (id) => keys.obtain(id));
    keys.destroy('H1', '2026-02-01T00:00:00Z');
    expect(revealPersonal(keys, 'HouseholdRegistered', 'H1', sealed.data, false)).toEqual({ headName: null, ethnicMinority: null, personalDataErased: true });
  });

  it('reads events written before sealing as they are, and as erased after an erasure', () => {
    const legacy = registered('Lò Văn Sình', false).data;
    expect(revealPersonal(null, 'HouseholdRegistered', 'H1', legacy, false)).toEqual({
      headName: 'Lò Văn Sình',
      ethnicMinority: false,
      personalDataErased: false,
    });
    expect(revealPersonal(null, 'HouseholdRegistered', 'H1', legacy, true)).toEqual({ headName: null, ethnicMinority: null, personalDataErased: true });
  });

  it('shows nothing, without failing, when the key store has no key for a sealed value (a copy of the log alone)', () => {
    const sealed = sealEvent(registered('Lò Văn Sình', true), (id) => new MemoryHouseholdKeys().obtain(id));
    expect(revealPersonal(new MemoryHouseholdKeys(), 'HouseholdRegistered', 'H1', sealed.data, false)).toEqual({
      headName: null,
      ethnicMinority: null,
      personalDataErased: false,
    });
  });

  it('keeps personal data from finance officers only', () => {
    expect(seesPersonalData({ userId: 'f', role: 'finance_officer', units: ['X'] })).toBe(false);
    for (const role of ['admin', 'social_officer', 'supervisor', 'inspector'] as const) expect(seesPersonalData({ userId: 'u', role, units: [] })).toBe(true);
  });
});
