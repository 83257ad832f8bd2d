import { DomainError } from '../shared/errors';
import { assertCanWrite, assertCanWriteNote, canRead, inScope, readsEverything, type Principal, type UnitPath, type WriteKind } from './access';
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

    it.each<[Role, readonly string[], boolean]>([
      ['admin', [], true],
      ['admin', ['phong-tho'], true],
      ['inspector', [], true],
      ['inspector', ['lai-chau'], false],
      ['supervisor', ['phong-tho'], false],
      ['finance_officer', ['phong-tho'], false],
      ['social_officer', ['phong-tho'], false],
    ])('%s with units %j reads everything: %s', (role, units, expected) => {
      expect(readsEverything(principal(role, units))).toBe(expected);
    });
  });

  describe('canRead', () => {
    it.each<Role>(['admin', 'inspector'])('lets a %s without units read any unit', (role) => {
      expect(canRead(principal(role, []), MUONG_NHE)).toBe(true);
    });

    it('lets a supervisor read below its unit, not beside it', () => {
      expect([canRead(principal('supervisor'), SI_LO_LAU), canRead(principal('supervisor'), MUONG_NHE)]).toEqual([true, false]);
    });

    it('keeps an inspector created with units (a provincial inspectorate) inside them', () => {
      const provincial = principal('inspector', ['lai-chau']);
      expect([canRead(provincial, SI_LO_LAU), canRead(provincial, PHONG_THO), canRead(provincial, MUONG_NHE), canRead(provincial, ['vn'])]).toEqual([
        true,
        true,
        false,
        false,
      ]);
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

    it("refuses a finance officer another unit's money without naming the unit, in the caller's words if given", () => {
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'money', MUONG_NHE))).toBe('this is recorded by another unit');
      expect(refusal(() => assertCanWrite(principal('finance_officer'), 'money', MUONG_NHE, 'granted above'))).toBe('granted above');
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
      expect(refusal(() => assertCanWrite(officer, 'households', MUONG_NHE))).toBe('this is recorded by another unit');
      expect(refusal(() => assertCanWrite(officer, 'money', SI_LO_LAU))).toBe("role 'social_officer' may not record this");
    });

    it.each<Role>(['finance_officer', 'social_officer'])('refuses a %s administration', (role) => {
      expect(refusal(() => assertCanWrite(principal(role, ['vn']), 'administration', PHONG_THO))).toBe(`role '${role}' may not record this`);
    });
  });

  describe('assertCanWriteNote (progress notes)', () => {
    it("lets the finance officers of the allocation's own unit write", () => {
      expect(refusal(() => assertCanWriteNote(principal('finance_officer', ['phong-tho']), PHONG_THO))).toBeNull();
    });

    it("refuses a finance officer of the unit above: the note is the unit's own account", () => {
      expect(refusal(() => assertCanWriteNote(principal('finance_officer', ['lai-chau']), PHONG_THO))).toBe(
        "only finance officers of unit 'phong-tho' may note progress on its allocations",
      );
    });

    it('lets a supervisor over the unit write, and refuses one outside it', () => {
      expect(refusal(() => assertCanWriteNote(principal('supervisor', ['lai-chau']), SI_LO_LAU))).toBeNull();
      expect(refusal(() => assertCanWriteNote(principal('supervisor'), MUONG_NHE))).toBe('only supervisors over the unit may note progress on its allocations');
    });

    it.each<Role>(['social_officer', 'inspector'])('refuses a %s, even in its own unit', (role) => {
      expect(refusal(() => assertCanWriteNote(principal(role), PHONG_THO))).toBe(`role '${role}' may not record progress notes`);
    });

    it('lets an admin write anywhere', () => {
      expect(refusal(() => assertCanWriteNote(principal('admin', []), MUONG_NHE))).toBeNull();
    });
  });
});
