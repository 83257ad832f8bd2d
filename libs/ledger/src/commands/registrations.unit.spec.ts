import { DomainError } from '../../../domain/src';
import { parseRegisterUnit } from './units/register-unit';
import { parseRegisterUser } from './users/register-user';

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

  it('parses a user; units default to none', () => {
    expect(parseRegisterUser(user)).toEqual(user);
    expect(parseRegisterUser({ ...user, role: 'admin', units: undefined })).toMatchObject({ units: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an id outside the safe alphabet', { id: 'kế toán' }, 'id'],
    ['a blank name', { name: '' }, 'name'],
    ['an unknown role', { role: 'accountant' }, 'role'],
    ['units that are not a list', { units: 'phong-tho' }, 'units'],
    ['a unit that is not text', { units: [7] }, 'units[0]'],
  ])('refuses %s', (_, over, name) => {
    expect(field(() => parseRegisterUser({ ...user, ...over }))).toBe(name);
  });
});
