import { DomainError } from '../shared/errors';
import { assertCanRead, assertCanWrite, assertCanWriteNote, inScope, readsEverything, type Principal, type UnitPath, type WriteKind } from './access';
import type { Role } from './roles';

/** Sì Lở Lầu commune, nearest first: under Phong Thổ, under Lai Châu, under the centre. */
const SI_LO_LAU: UnitPath = ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'];
const PHONG_THO: UnitPath = ['phong-tho', 'lai-chau', 'vn'];
const MUONG_NHE: UnitPath = ['muong-nhe', 'dien-bien', 'vn'];

const principal = (role: Role, units: readonly string[] = ['phong-tho']): Principal => ({ userId: `${role}-1`, role, units });

const refusal = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FORBIDDEN');
    return (error as DomainError).message;
  }
};

describe('access', () => {
  describe('scope', () => {
    it('covers the units held and everything below them', () => {
      const officer = principal('finance_officer');
      expect([inScope(officer, PHONG_THO), inScope(officer, SI_LO_LAU)]).toEqual([true, true]);
    });

    it('does not cover the units above or beside the ones held', () => {
      const officer = principal('finance_officer');
      expect([inScope(officer, ['lai-chau', 'vn']), inScope(officer, MUONG_NHE)]).toEqual([false, false]);
    });

    it('covers the union of several units', () => {
      expect(inScope(principal('supervisor', ['phong-tho', 'muong-nhe']), MUONG_NHE)).toBe(true);
    });

    it.each<[Role, boolean]>([
      ['admin', true],
      ['inspector', true],
      ['supervisor', false],
      ['finance_officer', false],
      ['social_officer', false],
    ])('%s reads everything: %s', (role, expected) => {
      expect(readsEverything(principal(role))).toBe(expected);
    });
  });

  describe('assertCanRead', () => {
    it.each<Role>(['admin', 'inspector'])('lets a %s read any unit, even with no units', (role) => {
      expect(refusal(() => assertCanRead(principal(role, []), MUONG_NHE))).toBeNull();
    });

    it('lets a supervisor read below its unit', () => {
      expect(refusal(() => assertCanRead(principal('supervisor'), SI_LO_LAU))).toBeNull();
    });

    it('refuses a unit outside the scope, naming it', () => {
      expect(refusal(() => assertCanRead(principal('supervisor'), MUONG_NHE))).toBe("unit 'muong-nhe' is outside your scope");
    });
  });

  describe('assertCanWrite', () => {
    const KINDS: readonly WriteKind[] = ['money', 'households', 'administration'];

    it.each<Role>(['supervisor', 'inspector'])('never lets a %s write, even in its own unit', (role) => {
      for (const kind of KINDS) {
        expect(refusal(() => assertCanWrite(principal(role, ['phong-tho', 'vn']), kind, PHONG_THO))).toBe(`role '${role}' may not record this`);
      }
    });

    it('lets an admin write anything anywhere, without units or a path', () => {
      const admin = principal('admin', []);
      for (const kind of KINDS) {
        expect([refusal(() => assertCanWrite(admin, kind, MUONG_NHE)), refusal(() => assertCanWrite(admin, kind, null))]).toEqual([null, null]);
      }
    });

    it('lets a finance officer record money for a unit in its scope', () => {
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'money', SI_LO_LAU))).toBeNull();
    });

    it("refuses a finance officer another unit's money", () => {
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'money', MUONG_NHE))).toBe("unit 'muong-nhe' is outside your scope");
    });

    it('refuses a finance officer what only an administrator does (no unit path)', () => {
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'money', null))).toBe('only an administrator may do this');
    });

    it('refuses a finance officer households, even in its own unit', () => {
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'households', SI_LO_LAU))).toBe("role 'finance_officer' may not record this");
    });

    it('lets a social officer record households in its scope but not money', () => {
      const officer = principal('social_officer');
      expect(refusal(() => assertCanWrite(officer, 'households', SI_LO_LAU))).toBeNull();
      expect(refusal(() => assertCanWrite(officer, 'households', MUONG_NHE))).toBe("unit 'muong-nhe' is outside your scope");
      expect(refusal(() => assertCanWrite(officer, 'money', SI_LO_LAU))).toBe("role 'social_officer' may not record this");
    });

    it.each<Role>(['finance_officer', 'social_officer'])('refuses a %s administration', (role) => {
      expect(refusal(() => assertCanWrite(principal(role, ['vn']), 'administration', PHONG_THO))).toBe(`role '${role}' may not record this`);
    });
  });

  describe('assertCanWriteNote (progress notes)', () => {
    it('lets the finance officers of the allocation\'s own unit write', () => {
      expect(refusal(() => assertCanWriteNote(principal('finance_officer', ['phong-tho']), PHONG_THO))).toBeNull();
    });

    it('refuses a finance officer of the unit above: the note is the unit\'s own account', () => {
      expect(refusal(() => assertCanWriteNote(principal('finance_officer', ['lai-chau']), PHONG_THO))).toBe(
        "only finance officers of unit 'phong-tho' may note progress on its allocations",
      );
    });

    it('lets a supervisor over the unit write, and refuses one outside it', () => {
      expect(refusal(() => assertCanWriteNote(principal('supervisor', ['lai-chau']), SI_LO_LAU))).toBeNull();
      expect(refusal(() => assertCanWriteNote(principal('supervisor'), MUONG_NHE))).toBe("unit 'muong-nhe' is outside your scope");
    });

    it.each<Role>(['social_officer', 'inspector'])('refuses a %s, even in its own unit', (role) => {
      expect(refusal(() => assertCanWriteNote(principal(role), PHONG_THO))).toBe(`role '${role}' may not record progress notes`);
    });

    it('lets an admin write anywhere', () => {
      expect(refusal(() => assertCanWriteNote(principal('admin', []), MUONG_NHE))).toBeNull();
    });
  });
});
