import { ADMIN_TOKEN, type TestServer } from './server';
import { allocate, seed, type Cast } from './story';

/**
 * Phong Thổ's December 2022 report (domain.md, "What a district report looks like"), recorded
 * through the API: the allocations of 2022 with the figures the report quotes, a line carried
 * from the 2016–2020 programme, progress notes, and the 2021 and 2022 household reviews.
 */

const M = 1_000_000;
export const DECISION_413 = { number: '413/QĐ-UBND', date: '2022-04-06', issuer: 'UBND tỉnh Lai Châu' };
const DECISION_747 = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const CENTRAL = { number: '652/QĐ-TTg', date: '2022-05-28', issuer: 'Thủ tướng Chính phủ' };

/** The recurrent (sự nghiệp) lines of 2022 and what was disbursed on each, in millions as the report prints them. */
export const RECURRENT = [
  { project: 'DA2', subProject: null, allocated: 6_629, disbursed: 1_964 },
  { project: 'DA3', subProject: 'DA3.1', allocated: 1_822, disbursed: 0 },
  { project: 'DA4', subProject: 'DA4.1', allocated: 1_070, disbursed: 0 },
  { project: 'DA4', subProject: 'DA4.2', allocated: 293, disbursed: 0 },
  { project: 'DA4', subProject: 'DA4.3', allocated: 240, disbursed: 0 },
  { project: 'DA6', subProject: 'DA6.2', allocated: 72, disbursed: 35 },
  { project: 'DA7', subProject: 'DA7.1', allocated: 543, disbursed: 543 },
  { project: 'DA7', subProject: 'DA7.2', allocated: 206, disbursed: 2 },
] as const;

export const NOTE_DA3_1 = 'Chưa có hướng dẫn thực hiện của Bộ Nông nghiệp và PTNT; chưa giải ngân';
export const NOTE_DA1_1 = 'Đã lựa chọn nhà thầu, dự kiến giải ngân quý I/2023';

/** Households of the 2022 review by commune: 7,642 poor and 3,007 near-poor of 17,443 in all. */
export const REVIEW_2022 = {
  'MA-LI-PHO': { households: 9_000, poor: 4_500, nearPoor: 1_500 },
  'DAO-SAN': { households: 8_443, poor: 3_142, nearPoor: 1_507 },
} as const;
/** The 2021 review of the same households under Decision 59/2015: 3,198 poor and 3,616 near-poor. */
export const REVIEW_2021 = { poor: 3_198, nearPoor: 3_616 };

export const INDICATORS_2022 = [
  'employment',
  'dependants',
  'nutrition',
  'health_insurance',
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water_source',
  'latrine',
  'telecom',
  'information_access',
];

export type Row = {
  household: string;
  unit: string;
  area: 'rural';
  members: number;
  reviewYear: number;
  reviewType: 'periodic';
  incomePerCapita: number;
  deprivations: string[];
};

/**
 * The rows of both reviews, generated (not a checked-in file). 2022, rural, Decree 07: poor at
 * 1,200,000 đ with three deprivations, near-poor at 1,200,000 đ with one, the rest at 2,000,000 đ
 * (average) with one deprivation every third household. 2021, Decision 59: 600,000 đ is poor,
 * 900,000 đ with no deprivation near-poor, 1,200,000 đ average.
 */
export function reviewRows(): { y2021: Row[]; y2022: Row[] } {
  const y2021: Row[] = [];
  const y2022: Row[] = [];
  let n = 0;
  for (const [unit, c] of Object.entries(REVIEW_2022)) {
    for (let i = 0; i < c.households; i++, n++) {
      const household = `${unit}-${String(i).padStart(5, '0')}`;
      const base = { household, unit, area: 'rural' as const, members: 4, reviewType: 'periodic' as const };
      const poor = i < c.poor;
      const nearPoor = !poor && i < c.poor + c.nearPoor;
      const pick = (...offsets: number[]) => offsets.map((o) => INDICATORS_2022[(n + o) % 12]!);
      y2022.push({
        ...base,
        reviewYear: 2022,
        incomePerCapita: poor || nearPoor ? 1_200_000 : 2_000_000,
        deprivations: poor ? pick(0, 1, 4) : nearPoor ? pick(0) : n % 3 === 0 ? pick(7) : [],
      });
      const income2021 = n < REVIEW_2021.poor ? 600_000 : n < REVIEW_2021.poor + REVIEW_2021.nearPoor ? 900_000 : 1_200_000;
      y2021.push({ ...base, reviewYear: 2021, incomePerCapita: income2021, deprivations: [] });
    }
  }
  return { y2021, y2022 };
}

async function ok(s: TestServer, path: string, body: unknown, token: string) {
  const r = await s.request('POST', path, { token, body });
  if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const disburse = (s: TestServer, token: string, allocation: string, id: string, amount: number, valueDate: string) =>
  ok(s, `/api/v1/allocations/${allocation}/disbursements`, { id, amount, valueDate, voucher: `UNC-${id}` }, token);

export type ProgrammeStory = Readonly<{
  cast: Cast & { districtSocial: string };
  /** The log position just after the first DA1.1 payment (12,000 M), and an instant between the two payments. */
  afterFirstPayment: number;
  betweenPayments: string;
}>;

export async function recordProgrammeStory(s: TestServer): Promise<ProgrammeStory> {
  const cast = await seed(s);
  const districtSocial = (
    await ok(s, '/api/v1/users', { id: 'pt-social', name: 'Cán bộ LĐTBXH huyện', role: 'social_officer', units: ['PHONG-THO'] }, ADMIN_TOKEN)
  ).token as string;

  // DA1.1 investment: 71,570 M under 747/QĐ-UBND; 27,673 M disbursed (a payment posted twice is reversed).
  await allocate(s, cast);
  await disburse(s, cast.district, 'PT-DA1.1-2022', 'PT-D1', 12_000 * M, '2022-09-15');
  const afterFirstPayment = (await s.request('GET', '/api/v1/integrity', { token: ADMIN_TOKEN })).body.position as number;
  await new Promise((r) => setTimeout(r, 20));
  const betweenPayments = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  await disburse(s, cast.district, 'PT-DA1.1-2022', 'PT-D2', 15_673 * M, '2022-10-20');
  await disburse(s, cast.district, 'PT-DA1.1-2022', 'PT-D3', 5_000 * M, '2022-10-21');
  await ok(s, '/api/v1/disbursements/PT-D3/reversal', { reason: 'UNC-PT-D2 posted twice', valueDate: '2022-10-21' }, cast.district);

  // The recurrent lines: granted to Lai Châu, passed down to Phong Thổ under 747, then disbursed.
  for (const line of RECURRENT) {
    const code = line.subProject ?? line.project;
    const body = {
      program: 'GNBV-2021-2025',
      project: line.project,
      ...(line.subProject ? { subProject: line.subProject } : {}),
      fiscalYear: 2022,
      capitalType: 'recurrent',
      source: 'central',
    };
    await ok(s, '/api/v1/allocations', { id: `LC-${code}-2022`, unit: 'LAI-CHAU', ...body, amount: line.allocated * 2 * M, decision: CENTRAL }, ADMIN_TOKEN);
    await ok(
      s,
      '/api/v1/allocations',
      { id: `PT-${code}-2022`, parentId: `LC-${code}-2022`, unit: 'PHONG-THO', amount: line.allocated * M, decision: DECISION_747 },
      cast.province,
    );
  }
  // DA2: 1,000 M passed on to Ma Li Pho, which pays 464 M; the district pays 1,500 M itself: 1,964 M in all.
  await ok(
    s,
    '/api/v1/allocations',
    {
      id: 'MLP-DA2-2022',
      parentId: 'PT-DA2-2022',
      unit: 'MA-LI-PHO',
      amount: 1_000 * M,
      decision: { number: '2310/QĐ-UBND', date: '2022-08-01', issuer: 'UBND huyện Phong Thổ' },
    },
    cast.district,
  );
  await disburse(s, cast.commune, 'MLP-DA2-2022', 'MLP-D1', 464 * M, '2022-11-10');
  await disburse(s, cast.district, 'PT-DA2-2022', 'PT-D4', 1_500 * M, '2022-11-15');
  await disburse(s, cast.district, 'PT-DA6.2-2022', 'PT-D5', 35 * M, '2022-11-20');
  await disburse(s, cast.district, 'PT-DA7.1-2022', 'PT-D6', 543 * M, '2022-11-25');
  await disburse(s, cast.district, 'PT-DA7.2-2022', 'PT-D7', 2 * M, '2022-11-30');

  // Carried from the 2016–2020 programme (project 1, sub-project 3) by 413/QĐ-UBND: 2,455 M, 1,964 M disbursed.
  const carried = { program: 'GNBV-2016-2020', project: 'DA1', subProject: 'DA1.TDA3', fiscalYear: 2022, capitalType: 'recurrent', source: 'central' };
  await ok(s, '/api/v1/allocations', { id: 'LC-3010-TDA3-2022', unit: 'LAI-CHAU', ...carried, amount: 5_000 * M, decision: CENTRAL }, ADMIN_TOKEN);
  await ok(
    s,
    '/api/v1/allocations',
    { id: 'PT-3010-TDA3-2022', parentId: 'LC-3010-TDA3-2022', unit: 'PHONG-THO', amount: 2_455 * M, decision: DECISION_413 },
    cast.province,
  );
  await disburse(s, cast.district, 'PT-3010-TDA3-2022', 'PT-D8', 1_964 * M, '2022-12-05');

  await ok(s, '/api/v1/allocations/PT-DA3.1-2022/notes', { text: NOTE_DA3_1, asOf: '2022-12-20' }, cast.district);
  await ok(s, '/api/v1/allocations/PT-DA1.1-2022/notes', { text: NOTE_DA1_1, asOf: '2022-12-20' }, cast.supervisor);

  const { y2021, y2022 } = reviewRows();
  for (const rows of [y2021, y2022]) {
    const raw = rows.map((r) => JSON.stringify(r)).join('\n');
    const r = await s.request('POST', '/api/v1/imports/households', { token: districtSocial, raw, headers: { 'content-type': 'application/x-ndjson' } });
    if (r.status !== 201) throw new Error(`import → ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  }
  return { cast: { ...cast, districtSocial }, afterFirstPayment, betweenPayments };
}
