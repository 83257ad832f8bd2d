import { invalid, unknownReference } from '../shared/errors';

export type SubProject = Readonly<{ code: string; name: string; nameVi?: string }>;
export type Project = Readonly<{ code: string; name: string; nameVi: string; subProjects: readonly SubProject[] }>;
export type Programme = Readonly<{
  code: string;
  name: string;
  legalBasis: string;
  fiscalYears: Readonly<{ from: number; to: number }>;
  /**
   * The last fiscal year whose lines may still be booked after the programme ended: its unspent
   * funds extended (kéo dài) by competent decisions. Absent: `fiscalYears.to`.
   */
  extendedTo?: number;
  /** The programme this one succeeds: its extended lines are reported apart, as "carried". */
  predecessor?: string;
  projects: readonly Project[];
}>;

/**
 * The 2016–2020 programme (Decision 1722/QĐ-TTg of 2/9/2016). Its unspent funds were extended into
 * 2021–2022 by decisions of the provinces (e.g. 413/QĐ-UBND of 6/4/2022 for Phong Thổ's line of
 * sub-project 3 of project 1): those lines are booked here, and the 2021–2025 report shows them apart.
 */
export const GNBV_2016_2020: Programme = {
  code: 'GNBV-2016-2020',
  name: 'National Target Programme for Sustainable Poverty Reduction 2016–2020',
  legalBasis: '1722/QĐ-TTg ngày 02/9/2016 của Thủ tướng Chính phủ',
  fiscalYears: { from: 2016, to: 2020 },
  extendedTo: 2022,
  projects: [
    {
      code: 'DA1',
      name: 'Programme 30a',
      nameVi: 'Chương trình 30a',
      subProjects: [
        { code: 'DA1.TDA1', name: 'Infrastructure investment in poor districts' },
        { code: 'DA1.TDA2', name: 'Infrastructure investment in extremely difficult coastal and island communes' },
        { code: 'DA1.TDA3', name: 'Production support, livelihood diversification and replication of poverty-reduction models' },
        { code: 'DA1.TDA4', name: 'Support for contract work abroad' },
      ],
    },
    {
      code: 'DA2',
      name: 'Programme 135',
      nameVi: 'Chương trình 135',
      subProjects: [
        { code: 'DA2.TDA1', name: 'Infrastructure investment' },
        { code: 'DA2.TDA2', name: 'Production support, livelihood diversification and replication of poverty-reduction models' },
        { code: 'DA2.TDA3', name: 'Capacity building for communities and local officials' },
      ],
    },
    {
      code: 'DA3',
      name: 'Production support and livelihood diversification outside Programmes 30a and 135',
      nameVi: 'Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế và nhân rộng mô hình giảm nghèo trên địa bàn các xã ngoài Chương trình 30a và Chương trình 135',
      subProjects: [],
    },
    { code: 'DA4', name: 'Communication and information poverty', nameVi: 'Truyền thông và giảm nghèo về thông tin', subProjects: [] },
    {
      code: 'DA5',
      name: 'Capacity building, monitoring and evaluation',
      nameVi: 'Nâng cao năng lực và giám sát, đánh giá thực hiện Chương trình',
      subProjects: [],
    },
  ],
};

/** The catalogue of Decision 90/QĐ-TTg of 18 Jan 2022. Programmes are data: others are added beside it. */
export const GNBV_2021_2025: Programme = {
  code: 'GNBV-2021-2025',
  name: 'National Target Programme for Sustainable Poverty Reduction 2021–2025',
  legalBasis: '90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ',
  fiscalYears: { from: 2021, to: 2025 },
  predecessor: 'GNBV-2016-2020',
  projects: [
    {
      code: 'DA1',
      name: 'Infrastructure in poor districts and extremely difficult communes',
      nameVi: 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      subProjects: [
        {
          code: 'DA1.1',
          name: 'Infrastructure investment',
          nameVi: 'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
        },
        {
          code: 'DA1.2',
          name: 'Scheme helping poor districts leave poverty 2022–2025',
          nameVi: 'Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn giai đoạn 2022 - 2025',
        },
      ],
    },
    { code: 'DA2', name: 'Diversifying livelihoods, poverty-reduction models', nameVi: 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo', subProjects: [] },
    {
      code: 'DA3',
      name: 'Production support and nutrition',
      nameVi: 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      subProjects: [
        { code: 'DA3.1', name: 'Agricultural production', nameVi: 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp' },
        { code: 'DA3.2', name: 'Nutrition', nameVi: 'Cải thiện dinh dưỡng' },
      ],
    },
    {
      code: 'DA4',
      name: 'Vocational education and sustainable jobs',
      nameVi: 'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
      subProjects: [
        { code: 'DA4.1', name: 'Vocational education in poor areas', nameVi: 'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn' },
        { code: 'DA4.2', name: 'Support for contract work abroad', nameVi: 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng' },
        { code: 'DA4.3', name: 'Sustainable employment', nameVi: 'Hỗ trợ việc làm bền vững' },
      ],
    },
    { code: 'DA5', name: 'Housing for poor and near-poor households in poor districts', nameVi: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo', subProjects: [] },
    {
      code: 'DA6',
      name: 'Communication and information poverty',
      nameVi: 'Truyền thông và giảm nghèo về thông tin',
      subProjects: [
        { code: 'DA6.1', name: 'Information poverty', nameVi: 'Giảm nghèo về thông tin' },
        { code: 'DA6.2', name: 'Communication on multidimensional poverty', nameVi: 'Truyền thông về giảm nghèo đa chiều' },
      ],
    },
    {
      code: 'DA7',
      name: 'Capacity building, monitoring and evaluation',
      nameVi: 'Nâng cao năng lực và giám sát, đánh giá Chương trình',
      subProjects: [
        { code: 'DA7.1', name: 'Capacity building', nameVi: 'Nâng cao năng lực thực hiện Chương trình' },
        { code: 'DA7.2', name: 'Monitoring and evaluation', nameVi: 'Giám sát, đánh giá Chương trình' },
      ],
    },
  ],
};

export const CATALOGUE: readonly Programme[] = [GNBV_2021_2025, GNBV_2016_2020];

export const CAPITAL_TYPES = ['investment', 'recurrent'] as const;
export type CapitalType = (typeof CAPITAL_TYPES)[number];
export const SOURCES = ['central', 'local', 'other', 'policy_credit'] as const;
export type Source = (typeof SOURCES)[number];

/** (programme, project, sub-project, fiscal year, capital type, source): the line money is booked on. */
export type BudgetLine = Readonly<{
  program: string;
  project: string;
  subProject: string | null;
  fiscalYear: number;
  capitalType: CapitalType;
  source: Source;
}>;

/** A budget line as given (a body, a row): raw until `budgetLine` parses it against the catalogue. */
export type BudgetLineInput = Readonly<{
  program?: unknown;
  project?: unknown;
  subProject?: unknown;
  fiscalYear?: unknown;
  capitalType?: unknown;
  source?: unknown;
}>;

/** Checks a budget line against the catalogue; the error names the first field at fault. */
export function budgetLine(input: BudgetLineInput, catalogue: readonly Programme[] = CATALOGUE): BudgetLine {
  const programme = catalogue.find((p) => p.code === input.program);
  if (typeof input.program !== 'string') throw invalid('program', 'is required');
  if (!programme) throw unknownReference('program', input.program);
  if (typeof input.project !== 'string') throw invalid('project', 'is required');
  const project = programme.projects.find((p) => p.code === input.project);
  if (!project) throw unknownReference('project', input.project);
  let subProject: string | null = null;
  if (project.subProjects.length > 0) {
    if (input.subProject === undefined || input.subProject === null) {
      throw invalid('subProject', `is required: project ${project.code} has sub-projects ${project.subProjects.map((s) => s.code).join(', ')}`);
    }
    if (!project.subProjects.some((s) => s.code === input.subProject)) throw unknownReference('subProject', input.subProject);
    subProject = input.subProject as string;
  } else if (input.subProject !== undefined && input.subProject !== null) {
    throw invalid('subProject', `must be left out: project ${project.code} has no sub-projects`);
  }
  const year = input.fiscalYear;
  if (typeof year !== 'number' || !Number.isInteger(year)) throw invalid('fiscalYear', 'must be an integer year');
  const last = programme.extendedTo ?? programme.fiscalYears.to;
  if (year < programme.fiscalYears.from || year > last) {
    throw invalid('fiscalYear', `must be within ${programme.code}'s years ${programme.fiscalYears.from}–${last}`);
  }
  if (!CAPITAL_TYPES.includes(input.capitalType as CapitalType)) throw invalid('capitalType', `must be one of ${CAPITAL_TYPES.join(', ')}`);
  if (!SOURCES.includes(input.source as Source)) throw invalid('source', `must be one of ${SOURCES.join(', ')}`);
  return {
    program: programme.code,
    project: project.code,
    subProject,
    fiscalYear: year,
    capitalType: input.capitalType as CapitalType,
    source: input.source as Source,
  };
}

export const BUDGET_LINE_FIELDS = ['program', 'project', 'subProject', 'fiscalYear', 'capitalType', 'source'] as const;

/** The fields of a budget line a caller gave, parsed but not checked against the catalogue (a sub-allocation repeats its parent's). */
export type BudgetLineFields = Readonly<{
  program?: string;
  project?: string;
  subProject?: string | null;
  fiscalYear?: number;
  capitalType?: CapitalType;
  source?: Source;
}>;

/** Parses the line fields a caller gave, leaving out those not given. */
export function budgetLineFields(input: BudgetLineInput): BudgetLineFields {
  const fields: Record<string, unknown> = {};
  for (const field of ['program', 'project', 'subProject'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' && !(field === 'subProject' && value === null)) throw invalid(field, 'must be a code (text)');
    fields[field] = value;
  }
  if (input.fiscalYear !== undefined) {
    if (typeof input.fiscalYear !== 'number' || !Number.isInteger(input.fiscalYear)) throw invalid('fiscalYear', 'must be an integer year');
    fields.fiscalYear = input.fiscalYear;
  }
  if (input.capitalType !== undefined) {
    if (!CAPITAL_TYPES.includes(input.capitalType as CapitalType)) throw invalid('capitalType', `must be one of ${CAPITAL_TYPES.join(', ')}`);
    fields.capitalType = input.capitalType;
  }
  if (input.source !== undefined) {
    if (!SOURCES.includes(input.source as Source)) throw invalid('source', `must be one of ${SOURCES.join(', ')}`);
    fields.source = input.source;
  }
  return fields as BudgetLineFields;
}
