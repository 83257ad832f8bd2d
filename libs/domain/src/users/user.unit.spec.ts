import type { Role } from '../access/roles';
import { fold } from '../shared/decider';
import { event } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import { userDecider, type DeactivateUser, type RegisterUser, type RotateUserToken } from './user';

const spec = DeciderSpec.for(userDecider);
const TOKEN_HASH = 'a'.repeat(64);
const NEW_HASH = 'b'.repeat(64);
const NOW = '2025-03-01T02:00:00.000Z';

const register = (over: Partial<RegisterUser> = {}): RegisterUser => ({
  type: 'RegisterUser',
  id: 'ke-toan-phong-tho',
  name: 'Kế toán Phòng TC-KH huyện Phong Thổ',
  role: 'finance_officer',
  units: ['phong-tho', 'phong-tho'],
  tokenHash: TOKEN_HASH,
  expiresAt: null,
  now: NOW,
  ...over,
});

const registeredAs = (role: Role, expiresAt: string | null = null) =>
  event(
    'UserRegistered',
    {
      id: 'ke-toan-phong-tho',
      name: 'Kế toán Phòng TC-KH huyện Phong Thổ',
      role,
      units: role === 'admin' ? [] : ['phong-tho'],
      tokenHash: TOKEN_HASH,
      expiresAt,
    },
    2,
  );
const registered = registeredAs('finance_officer');

const rotate = (over: Partial<RotateUserToken> = {}): RotateUserToken => ({
  type: 'RotateUserToken',
  id: 'ke-toan-phong-tho',
  tokenHash: NEW_HASH,
  expiresAt: null,
  reason: 'điện thoại bị mất',
  now: NOW,
  ...over,
});
const rotated = (expiresAt: string | null = null) =>
  event('UserTokenRotated', { id: 'ke-toan-phong-tho', tokenHash: NEW_HASH, previousTokenHash: TOKEN_HASH, expiresAt, reason: 'điện thoại bị mất' });
const deactivate = (over: Partial<DeactivateUser> = {}): DeactivateUser => ({
  type: 'DeactivateUser',
  id: 'ke-toan-phong-tho',
  reason: 'chuyển công tác',
  otherActiveAdmins: 1,
  ...over,
});
const deactivated = event('UserDeactivated', { id: 'ke-toan-phong-tho', reason: 'chuyển công tác' });
const reactivated = event('UserReactivated', { id: 'ke-toan-phong-tho', reason: 'trở lại đơn vị' });

describe('user decider', () => {
  describe('registration', () => {
    it('registers a finance officer of a unit, listing each unit once, with a token that does not expire', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('records a token expiry', () => {
      spec
        .given([])
        .when(register({ expiresAt: '2025-12-31T16:59:00.000Z' }))
        .then([registeredAs('finance_officer', '2025-12-31T16:59:00.000Z')]);
    });

    it.each(['2025-03-01T02:00:00.000Z', '2024-12-31T00:00:00.000Z'])('refuses an expiry that is not in the future (%s)', (expiresAt) => {
      spec.given([]).when(register({ expiresAt })).thenThrows('VALIDATION_FAILED', { field: 'expiresAt' });
    });

    it.each<Role>(['admin', 'inspector'])('registers a %s without units: they see everything', (role) => {
      spec
        .given([])
        .when(register({ id: role, role, units: [] }))
        .then([event('UserRegistered', { id: role, name: 'Kế toán Phòng TC-KH huyện Phong Thổ', role, units: [], tokenHash: TOKEN_HASH, expiresAt: null }, 2)]);
    });

    it.each<Role>(['finance_officer', 'social_officer', 'supervisor'])('refuses a %s without a unit', (role) => {
      spec
        .given([])
        .when(register({ role, units: [] }))
        .thenThrows('VALIDATION_FAILED', { field: 'units' });
    });

    it('refuses a user registered twice', () => {
      spec.given([registered]).when(register()).thenThrows('ALREADY_EXISTS', { id: 'ke-toan-phong-tho' });
    });
  });

  describe('token rotation', () => {
    it('replaces the token, naming the one it kills', () => {
      spec.given([registered]).when(rotate()).then([rotated()]);
    });

    it('kills the token of the previous rotation, not the first one', () => {
      const second = event('UserTokenRotated', {
        id: 'ke-toan-phong-tho',
        tokenHash: 'c'.repeat(64),
        previousTokenHash: NEW_HASH,
        expiresAt: null,
        reason: 'lần hai',
      });
      spec
        .given([registered, rotated()])
        .when(rotate({ tokenHash: 'c'.repeat(64), reason: 'lần hai' }))
        .then([second]);
    });

    it('gives the new token an expiry', () => {
      spec
        .given([registered])
        .when(rotate({ expiresAt: '2025-06-30T17:00:00.000Z' }))
        .then([rotated('2025-06-30T17:00:00.000Z')]);
    });

    it("rotates a deactivated user's token (it works once the user is reactivated)", () => {
      spec.given([registered, deactivated]).when(rotate()).then([rotated()]);
    });

    it('changes nothing when the token is already the current one', () => {
      spec.given([registered, rotated()]).when(rotate()).thenNothing();
    });

    it('refuses an unknown user', () => {
      spec.given([]).when(rotate()).thenThrows('NOT_FOUND', { id: 'ke-toan-phong-tho' });
    });

    it('refuses an expiry in the past', () => {
      spec
        .given([registered])
        .when(rotate({ expiresAt: '2025-02-28T00:00:00.000Z' }))
        .thenThrows('VALIDATION_FAILED', { field: 'expiresAt' });
    });
  });

  describe('deactivation and reactivation', () => {
    it('deactivates an active user with the reason', () => {
      spec.given([registered]).when(deactivate()).then([deactivated]);
    });

    it('deactivates an administrator while another stays active', () => {
      spec
        .given([registeredAs('admin')])
        .when(deactivate({ otherActiveAdmins: 1 }))
        .then([deactivated]);
    });

    it('refuses to deactivate the last active administrator', () => {
      spec
        .given([registeredAs('admin')])
        .when(deactivate({ otherActiveAdmins: 0 }))
        .thenThrows('LAST_ACTIVE_ADMIN', { id: 'ke-toan-phong-tho' });
    });

    it('deactivates the only finance officer: the rule is about administrators', () => {
      spec
        .given([registered])
        .when(deactivate({ otherActiveAdmins: 0 }))
        .then([deactivated]);
    });

    it('refuses to deactivate a deactivated user', () => {
      spec.given([registered, deactivated]).when(deactivate()).thenThrows('ALREADY_DEACTIVATED', { id: 'ke-toan-phong-tho' });
    });

    it('refuses to deactivate an unknown user', () => {
      spec.given([]).when(deactivate()).thenThrows('NOT_FOUND', { id: 'ke-toan-phong-tho' });
    });

    it('reactivates a deactivated user with the reason', () => {
      spec.given([registered, deactivated]).when({ type: 'ReactivateUser', id: 'ke-toan-phong-tho', reason: 'trở lại đơn vị' }).then([reactivated]);
    });

    it('refuses to reactivate an active user', () => {
      spec.given([registered]).when({ type: 'ReactivateUser', id: 'ke-toan-phong-tho', reason: 'x' }).thenThrows('ALREADY_ACTIVE', { id: 'ke-toan-phong-tho' });
    });

    it('refuses to reactivate an unknown user', () => {
      spec.given([]).when({ type: 'ReactivateUser', id: 'nobody', reason: 'x' }).thenThrows('NOT_FOUND', { id: 'nobody' });
    });
  });

  it('folds its history into state: role, current token and whether it is active', () => {
    expect(fold(userDecider, [registered])).toEqual({ status: 'active', id: 'ke-toan-phong-tho', role: 'finance_officer', tokenHash: TOKEN_HASH });
    expect(fold(userDecider, [registered, rotated(), deactivated])).toEqual({
      status: 'deactivated',
      id: 'ke-toan-phong-tho',
      role: 'finance_officer',
      tokenHash: NEW_HASH,
    });
    expect(fold(userDecider, [registered, deactivated, reactivated])).toMatchObject({ status: 'active' });
  });
});
