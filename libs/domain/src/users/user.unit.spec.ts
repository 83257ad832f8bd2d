import type { Role } from '../access/roles';
import { fold } from '../shared/decider';
import { event } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import { userDecider, type RegisterUser } from './user';

const spec = DeciderSpec.for(userDecider);
const TOKEN_HASH = 'a'.repeat(64);

const register = (over: Partial<RegisterUser> = {}): RegisterUser => ({
  type: 'RegisterUser',
  id: 'ke-toan-phong-tho',
  name: 'Kế toán Phòng TC-KH huyện Phong Thổ',
  role: 'finance_officer',
  units: ['phong-tho', 'phong-tho'],
  tokenHash: TOKEN_HASH,
  ...over,
});

const registered = event('UserRegistered', {
  id: 'ke-toan-phong-tho',
  name: 'Kế toán Phòng TC-KH huyện Phong Thổ',
  role: 'finance_officer' as const,
  units: ['phong-tho'],
  tokenHash: TOKEN_HASH,
});

describe('user decider', () => {
  it('registers a finance officer of a unit, listing each unit once', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it.each<Role>(['admin', 'inspector'])('registers a %s without units: they see everything', (role) => {
    spec
      .given([])
      .when(register({ id: role, role, units: [] }))
      .then([event('UserRegistered', { id: role, name: 'Kế toán Phòng TC-KH huyện Phong Thổ', role, units: [], tokenHash: TOKEN_HASH })]);
  });

  it.each<Role>(['finance_officer', 'social_officer', 'supervisor'])('refuses a %s without a unit', (role) => {
    spec.given([]).when(register({ role, units: [] })).thenThrows('VALIDATION_FAILED', { field: 'units' });
  });

  it('refuses a user registered twice', () => {
    spec.given([registered]).when(register()).thenThrows('ALREADY_EXISTS', { id: 'ke-toan-phong-tho' });
  });

  it('folds its registration into state', () => {
    expect(fold(userDecider, [registered])).toEqual({ status: 'registered', id: 'ke-toan-phong-tho' });
  });
});
