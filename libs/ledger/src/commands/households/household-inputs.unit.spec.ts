import { DomainError } from '../../../../domain/src';
import { parseAssessHousehold } from './assess-household';
import { householdRow } from './household-inputs';
import { parseRegisterHousehold } from './register-household';

/* One set of rules for a household's fields, over HTTP and in every import row. */

const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.code, field: e.details?.field, message: e.message };
  }
  throw new Error('parsed without a refusal');
};

const HOUSEHOLD = { id: 'HH-1', unit: 'MLP', area: 'rural', members: 5, headName: ' Lò Văn Sình ', ethnicMinority: true };
const ASSESSMENT = { reviewYear: 2022, reviewType: 'periodic', incomePerCapita: 1_200_000, deprivations: ['latrine', 'telecom'] };

describe('parseRegisterHousehold', () => {
  it('trims the head name and leaves absent fields null', () => {
    expect(parseRegisterHousehold(HOUSEHOLD)).toEqual({ ...HOUSEHOLD, headName: 'Lò Văn Sình' });
    expect(parseRegisterHousehold({ id: 'HH-1', unit: 'MLP', area: 'urban', members: 1000 })).toMatchObject({ headName: null, ethnicMinority: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an area that is neither rural nor urban', { area: 'mountain' }, 'area'],
    ['0 members', { members: 0 }, 'members'],
    ['1001 members', { members: 1001 }, 'members'],
    ['2.5 members', { members: 2.5 }, 'members'],
    ['"5" members', { members: '5' }, 'members'],
    ['a blank head name', { headName: '  ' }, 'headName'],
    ['an ethnic-minority flag that is not a boolean', { ethnicMinority: 'yes' }, 'ethnicMinority'],
    ['an id outside the safe alphabet', { id: 'hộ 1' }, 'id'],
  ])('refuses %s', (_, over, field) => {
    expect(refusal(() => parseRegisterHousehold({ ...HOUSEHOLD, ...over }))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

describe('parseAssessHousehold', () => {
  it('keeps the figures and leaves an absent decision null', () => {
    expect(parseAssessHousehold(ASSESSMENT)).toEqual({ ...ASSESSMENT, decision: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a fractional review year', { reviewYear: 2022.5 }, 'reviewYear'],
    ['a review year given as text', { reviewYear: '2022' }, 'reviewYear'],
    ['a review year before 1900', { reviewYear: 1899 }, 'reviewYear'],
    ['a review year after 2200', { reviewYear: 2201 }, 'reviewYear'],
    ['an unknown review type', { reviewType: 'annual' }, 'reviewType'],
    ['a negative income', { incomePerCapita: -1 }, 'incomePerCapita'],
    ['a fractional income', { incomePerCapita: 1_500_000.5 }, 'incomePerCapita'],
    ['no income', { incomePerCapita: undefined }, 'incomePerCapita'],
    ['deprivations that are not a list', { deprivations: 'latrine' }, 'deprivations'],
    ['more than 20 deprivations', { deprivations: Array.from({ length: 21 }, (_, i) => `i${i}`) }, 'deprivations'],
    ['an indicator that is not a code', { deprivations: ['latrine', 3] }, 'deprivations[1]'],
    ['an indicator listed twice', { deprivations: ['latrine', 'telecom', 'latrine'] }, 'deprivations[2]'],
    ['a malformed decision', { decision: { number: '1/QĐ', date: '2022-02-30', issuer: 'UBND' } }, 'decision.date'],
  ])('refuses %s', (_, over, field) => {
    expect(refusal(() => parseAssessHousehold({ ...ASSESSMENT, ...over }))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

describe('householdRow (an import row)', () => {
  const row = { household: 'HH-1', unit: 'MLP', area: 'rural', members: 5, ...ASSESSMENT };

  it('parses the household, its commune, its registration and its assessment', () => {
    expect(householdRow(row)).toEqual({
      household: 'HH-1',
      unit: 'MLP',
      registration: { area: 'rural', members: 5, headName: null, ethnicMinority: null },
      assessment: { ...ASSESSMENT, decision: null },
    });
  });

  it('leaves the registration out when the row gives none of it (a household registered before)', () => {
    expect(householdRow({ household: 'HH-1', unit: 'MLP', ...ASSESSMENT }).registration).toBeNull();
  });

  it('holds a row to the limits POST /households/{id}/assessments has: years 1900–2200, at most 20 indicators', () => {
    expect(refusal(() => householdRow({ ...row, reviewYear: 1800 }))).toMatchObject({ field: 'reviewYear' });
    expect(refusal(() => householdRow({ ...row, deprivations: Array.from({ length: 21 }, (_, i) => `i${i}`) }))).toMatchObject({ field: 'deprivations' });
  });

  it('refuses a unit that is not text', () => {
    expect(refusal(() => householdRow({ ...row, unit: { toString: 1 } }))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'unit',
      message: 'unit: must be a unit code (text)',
    });
  });
});
