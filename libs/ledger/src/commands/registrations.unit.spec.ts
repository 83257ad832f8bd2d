import { DomainError } from '../../../domain/src';
import { parseRegisterUnit } from './units/register-unit';
import { parseRegisterUser } from './users/register-user';
import { parseRotateUserToken } from './users/rotate-user-token';
import { parseUserStatusChange } from './users/user-status';

const field = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details?.field;
  }
  throw new Error('parsed without a refusal');
};

describe('parseRegisterUnit', () => {
  const unit = { code: 'phong-tho', name: 'Huyện Phong Thổ', level: 'district', parent: 'lai-chau' };

  it('parses a unit; a root has no parent', () => {
    expect(parseRegisterUnit(unit)).toEqual(unit);
    expect(parseRegisterUnit({ code: 'vn', name: 'Trung ương', level: 'central' })).toMatchObject({ parent: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty code', { code: '' }, 'code'],
    ['a code with a space', { code: 'phong tho' }, 'code'],
    ['a code starting with a dash', { code: '-phong-tho' }, 'code'],
    ['a code that is not a string', { code: 42 }, 'code'],
    ['a blank name', { name: ' ' }, 'name'],
    ['a name too long', { name: 'x'.repeat(201) }, 'name'],
    ['an unknown level', { level: 'ward' }, 'level'],
  ])('refuses %s', (_, over, name) => {
    expect(field(() => parseRegisterUnit({ ...unit, ...over }))).toBe(name);
  });
});

describe('parseRegisterUser', () => {
  const user = { id: 'ke-toan-phong-tho', name: 'Kế toán', role: 'finance_officer', units: ['phong-tho'] };

  it('parses a user; units default to none, the token does not expire unless told', () => {
    expect(parseRegisterUser(user)).toEqual({ ...user, expiresAt: null });
    expect(parseRegisterUser({ ...user, expiresAt: '2026-01-01T07:00:00+07:00' })).toMatchObject({ expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(parseRegisterUser({ ...user, role: 'admin', units: undefined })).toMatchObject({ units: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an id outside the safe alphabet', { id: 'kế toán' }, 'id'],
    ['a blank name', { name: '' }, 'name'],
    ['an unknown role', { role: 'accountant' }, 'role'],
    ['units that are not a list', { units: 'phong-tho' }, 'units'],
    ['a unit that is not text', { units: [7] }, 'units[0]'],
    ['an expiry that is a day', { expiresAt: '2026-01-01' }, 'expiresAt'],
    ['an expiry without an offset', { expiresAt: '2026-01-01T00:00:00' }, 'expiresAt'],
    ['an expiry that is a number', { expiresAt: 1767225600000 }, 'expiresAt'],
  ])('refuses %s', (_, over, name) => {
    expect(field(() => parseRegisterUser({ ...user, ...over }))).toBe(name);
  });
});

describe('parseRotateUserToken and parseUserStatusChange', () => {
  it('parse a reason (trimmed) and an optional expiry in UTC', () => {
    expect(parseRotateUserToken({ reason: ' lost laptop ' })).toEqual({ reason: 'lost laptop', expiresAt: null });
    expect(parseRotateUserToken({ reason: 'r', expiresAt: '2026-06-30T17:00:00Z' })).toEqual({ reason: 'r', expiresAt: '2026-06-30T17:00:00.000Z' });
    expect(parseUserStatusChange({ reason: 'transferred' })).toEqual({ reason: 'transferred' });
  });

  it.each<[string, () => unknown, string]>([
    ['a rotation without a reason', () => parseRotateUserToken({}), 'reason'],
    ['a blank reason', () => parseUserStatusChange({ reason: '  ' }), 'reason'],
    ['a reason that is not text', () => parseUserStatusChange({ reason: 5 }), 'reason'],
    ['an expiry that is not an instant', () => parseRotateUserToken({ reason: 'r', expiresAt: 'soon' }), 'expiresAt'],
    ['a body that is not an object', () => parseUserStatusChange(null), 'body'],
  ])('refuse %s', (_, parse, name) => {
    expect(field(parse)).toBe(name);
  });
});
