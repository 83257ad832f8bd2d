import { DomainError } from '../shared/errors';
import { budgetLine, GNBV_2021_2025, type BudgetLineInput, type Programme } from './catalogue';

const DA1_1: BudgetLineInput = {
  program: 'GNBV-2021-2025',
  project: 'DA1',
  subProject: 'DA1.1',
  fiscalYear: 2022,
  capitalType: 'investment',
  source: 'central',
};

const refusal = (input: BudgetLineInput, catalogue?: readonly Programme[]) => {
  try {
    budgetLine(input, catalogue);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).details?.field };
  }
  throw new Error('expected the budget line to be refused');
};

describe('budget line', () => {
  it('accepts a line of Decision 90/QĐ-TTg', () => {
    expect(budgetLine(DA1_1)).toEqual(DA1_1);
  });

  it('accepts a line of the 2016–2020 programme extended into 2022, and refuses one of 2023', () => {
    const carried: BudgetLineInput = {
      program: 'GNBV-2016-2020',
      project: 'DA1',
      subProject: 'DA1.TDA3',
      fiscalYear: 2022,
      capitalType: 'recurrent',
      source: 'central',
    };
    expect(budgetLine(carried)).toEqual(carried);
    expect(refusal({ ...carried, fiscalYear: 2023 })).toEqual({ code: 'VALIDATION_FAILED', field: 'fiscalYear' });
  });

  it('accepts a project without sub-projects, with its sub-project left null', () => {
    expect(budgetLine({ ...DA1_1, project: 'DA2', subProject: undefined, capitalType: 'recurrent', source: 'policy_credit' })).toEqual({
      ...DA1_1,
      project: 'DA2',
      subProject: null,
      capitalType: 'recurrent',
      source: 'policy_credit',
    });
  });

  it.each<[string, BudgetLineInput, string, string]>([
    ['no programme', { ...DA1_1, program: undefined }, 'VALIDATION_FAILED', 'program'],
    ['an unknown programme', { ...DA1_1, program: 'NTM-2021-2025' }, 'UNKNOWN_REFERENCE', 'program'],
    ['no project', { ...DA1_1, project: 1 }, 'VALIDATION_FAILED', 'project'],
    ['an unknown project', { ...DA1_1, project: 'DA8' }, 'UNKNOWN_REFERENCE', 'project'],
    ['no sub-project where the project has them', { ...DA1_1, subProject: null }, 'VALIDATION_FAILED', 'subProject'],
    ["another project's sub-project", { ...DA1_1, subProject: 'DA3.1' }, 'UNKNOWN_REFERENCE', 'subProject'],
    ['a sub-project where the project has none', { ...DA1_1, project: 'DA5', subProject: 'DA5.1' }, 'VALIDATION_FAILED', 'subProject'],
    ['a fractional fiscal year', { ...DA1_1, fiscalYear: 2022.5 }, 'VALIDATION_FAILED', 'fiscalYear'],
    ['a fiscal year before the programme', { ...DA1_1, fiscalYear: 2020 }, 'VALIDATION_FAILED', 'fiscalYear'],
    ['a fiscal year after the programme', { ...DA1_1, fiscalYear: 2026 }, 'VALIDATION_FAILED', 'fiscalYear'],
    ['an unknown capital type', { ...DA1_1, capitalType: 'mixed' }, 'VALIDATION_FAILED', 'capitalType'],
    ['an unknown source', { ...DA1_1, source: 'oda' }, 'VALIDATION_FAILED', 'source'],
  ])('refuses %s', (_, input, code, field) => {
    expect(refusal(input)).toEqual({ code, field });
  });

  it('checks against the catalogue it is given: programmes are data', () => {
    const other: Programme = { ...GNBV_2021_2025, code: 'GNBV-2026-2030', fiscalYears: { from: 2026, to: 2030 } };
    expect(budgetLine({ ...DA1_1, program: 'GNBV-2026-2030', fiscalYear: 2026 }, [other])).toMatchObject({ program: 'GNBV-2026-2030', fiscalYear: 2026 });
    expect(refusal(DA1_1, [other])).toEqual({ code: 'UNKNOWN_REFERENCE', field: 'program' });
  });
});
