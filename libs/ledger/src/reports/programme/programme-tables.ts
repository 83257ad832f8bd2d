import { CAPITAL_TYPE_SHORT_VI, LEVEL_VI, PLAN_SOURCE_VI } from './labels-vi';
import { formatCount, formatDay, formatInstant } from './format-vi';
import { PLAN_SOURCES, type ProgrammeReport } from './programme-report.model';
import { rateFormula, rateOf as rateOfCell, sumOf, type Cell, type Column, type Formula, type Row, type Table } from './table';

type Draft = Omit<ProgrammeReport, 'checks' | 'consistent'> & Partial<Pick<ProgrammeReport, 'checks' | 'consistent'>>;

/** The console's pages at the report's position: where an officer checks a figure against its entries. */
const consoleAt = (r: Draft, page: string, params: Readonly<Record<string, string>>): string =>
  `#/${page}?${new URLSearchParams({ ...params, atPosition: String(r.header.asOf.position) }).toString()}`;
const overviewOf = (r: Draft) => consoleAt(r, '', { year: String(r.header.fiscalYear), unit: r.header.unit.code });

const MONEY = 18;

function infoTable(r: Draft): Table {
  const h = r.header;
  const rows: [string, string][] = [
    ['Đơn vị', `${h.unit.name} (${h.unit.code}, cấp ${LEVEL_VI[h.unit.level]?.toLowerCase() ?? h.unit.level})`],
    ['Đơn vị cấp trên', h.parent ? `${h.parent.name} (${h.parent.code})` : '—'],
    ['Năm ngân sách', String(h.fiscalYear)],
    ['Chương trình', `${h.program.code}: ${h.program.legalBasis}`],
    ['Số liệu tính đến', `${h.asOf.recordedAt ? formatInstant(h.asOf.recordedAt) : 'khi sổ cái chưa có bút toán nào'} (vị trí ${h.asOf.position} của sổ cái)`],
    ['Thời điểm lập báo cáo', formatInstant(h.generatedAt)],
    ['Mã băm sổ cái tại vị trí đó', h.headHash],
    ['Kiểm tra tính nhất quán', r.consistent === undefined ? '' : r.consistent ? 'Đạt tất cả' : 'Có kiểm tra không đạt (xem mục 6)'],
  ];
  return {
    id: 'info',
    section: '1',
    title: 'Thông tin chung',
    sheet: '1. Thông tin chung',
    columns: [
      { key: 'item', header: 'Mục', kind: 'text', width: 30 },
      { key: 'value', header: 'Nội dung', kind: 'text', width: 90 },
    ],
    rows: rows.map((cells) => ({ cells })),
  };
}

function householdsTable(r: Draft): Table {
  const rows: Row[] = [
    ['2.1', r.households.previous],
    ['2.2', r.households.current],
  ].map(([section, s], i) => {
    const review = s as ProgrammeReport['households']['previous'];
    return {
      cells: [
        section as string,
        `Rà soát năm ${review.reviewYear}`,
        review.standard?.legalBasis ?? '—',
        review.households,
        review.poor,
        review.poorRate,
        review.nearPoor,
        review.nearPoorRate,
      ],
      formulas: [, , , , , rateFormula({ row: i, col: 4 }, { row: i, col: 3 }), , rateFormula({ row: i, col: 6 }, { row: i, col: 3 })],
    };
  });
  return {
    id: 'households',
    section: '2',
    title: 'Kết quả rà soát hộ nghèo, hộ cận nghèo',
    sheet: '2. Rà soát hộ nghèo',
    columns: [
      { key: 'section', header: 'Mục', kind: 'text', width: 6 },
      { key: 'review', header: 'Đợt rà soát', kind: 'text', width: 18 },
      { key: 'standard', header: 'Chuẩn nghèo áp dụng', kind: 'text', width: 20 },
      ...classColumns('số hộ được rà soát'),
    ],
    rows,
  };
}

/** Households, poor and near-poor with their rates; `of` names the rates' denominator in the header. */
const classColumns = (of: string): Column[] => [
  { key: 'households', header: 'Số hộ được rà soát', kind: 'count', width: 14 },
  { key: 'poor', header: 'Hộ nghèo', kind: 'count', width: 12 },
  { key: 'poorRate', header: `Tỷ lệ hộ nghèo (% trên ${of})`, kind: 'rate', width: 16 },
  { key: 'nearPoor', header: 'Hộ cận nghèo', kind: 'count', width: 12 },
  { key: 'nearPoorRate', header: `Tỷ lệ hộ cận nghèo (% trên ${of})`, kind: 'rate', width: 16 },
];

function indicatorsTable(r: Draft): Table {
  const c = r.households.current;
  const rows: Row[] = [
    {
      cells: ['', `Mẫu số: số hộ được rà soát / số hộ nghèo (rà soát năm ${c.reviewYear})`, c.indicatorBases.assessed, null, c.indicatorBases.poor, null],
      style: 'denominator',
    },
    ...c.indicators.map((ind, i) => ({
      cells: [String(i + 1), ind.name, ind.deprived, ind.rateOfAssessed, ind.deprivedPoor, ind.rateOfPoor] as Cell[],
      formulas: [, , , rateFormula({ row: i + 1, col: 2 }, { row: 0, col: 2 }), , rateFormula({ row: i + 1, col: 4 }, { row: 0, col: 4 })],
    })),
  ];
  return {
    id: 'indicators',
    section: '2.2',
    title: `Số hộ thiếu hụt theo từng chỉ số (rà soát năm ${c.reviewYear})`,
    sheet: '2.2 Chỉ số thiếu hụt',
    columns: [
      { key: 'no', header: 'STT', kind: 'text', width: 6 },
      { key: 'indicator', header: 'Chỉ số thiếu hụt', kind: 'text', width: 40 },
      { key: 'deprived', header: 'Số hộ thiếu hụt', kind: 'count', width: 14 },
      { key: 'rateOfAssessed', header: `Tỷ lệ (% trên ${formatCount(c.indicatorBases.assessed)} hộ được rà soát)`, kind: 'rate', width: 18 },
      { key: 'deprivedPoor', header: 'Số hộ nghèo thiếu hụt', kind: 'count', width: 14 },
      { key: 'rateOfPoor', header: `Tỷ lệ (% trên ${formatCount(c.indicatorBases.poor)} hộ nghèo)`, kind: 'rate', width: 18 },
    ],
    rows,
  };
}

function communesTable(r: Draft): Table {
  const c = r.households.current;
  const n = c.byUnit.length;
  const rows: Row[] = c.byUnit.map((u, i) => ({
    console: consoleAt(r, 'households', { unit: u.unit }),
    cells: [u.name, u.households, u.poor, u.poorRate, u.nearPoor, u.nearPoorRate],
    formulas: [, , , rateFormula({ row: i, col: 2 }, { row: i, col: 1 }), , rateFormula({ row: i, col: 4 }, { row: i, col: 1 })],
  }));
  const all = (col: number) => rows.reduce((s, row) => s + (row.cells[col] as number), 0);
  const [households, poor, nearPoor] = [all(1), all(2), all(4)];
  const idx = [...Array(n).keys()];
  rows.push({
    cells: ['Cộng', households, poor, rateOfCell(poor, households), nearPoor, rateOfCell(nearPoor, households)],
    formulas: [
      ,
      sumOf(1, idx),
      sumOf(2, idx),
      rateFormula({ row: n, col: 2 }, { row: n, col: 1 }),
      sumOf(4, idx),
      rateFormula({ row: n, col: 4 }, { row: n, col: 1 }),
    ],
    style: 'total',
  });
  const named = [c.highest && `cao nhất: ${c.highest.name} (${c.highest.poorRate}%)`, c.lowest && `thấp nhất: ${c.lowest.name} (${c.lowest.poorRate}%)`]
    .filter(Boolean)
    .join('; ');
  return {
    id: 'communes',
    section: '2.2',
    title: `Kết quả rà soát năm ${c.reviewYear} theo đơn vị`,
    sheet: '2.2 Theo đơn vị',
    columns: [{ key: 'unit', header: 'Đơn vị', kind: 'text', width: 28 }, ...classColumns('số hộ của đơn vị')],
    rows,
    ...(named ? { note: `Tỷ lệ hộ nghèo ${named}.` } : {}),
  };
}

const MONEY_COLUMNS = [
  { key: 'allocated', header: 'Kế hoạch vốn giao (đồng)', kind: 'money' as const, width: MONEY },
  { key: 'disbursed', header: 'Đã giải ngân (đồng)', kind: 'money' as const, width: MONEY },
  { key: 'rate', header: 'Tỷ lệ giải ngân (%)', kind: 'rate' as const, width: 12 },
];

function fundsTable(r: Draft): Table {
  const lines = r.funds.lines;
  // total, I, I.1, I.2, II, II.1, II.2: each group sums the two lines under it, the total the groups.
  const sums: Record<number, number[]> = { 0: [1, 4], 1: [2, 3], 4: [5, 6] };
  const numbers = ['', 'I', '1', '2', 'II', '1', '2'];
  const rows: Row[] = lines.map((l, i) => {
    const parts = sums[i];
    return {
      console: overviewOf(r),
      cells: [numbers[i] ?? '', l.label, l.decisions.join(', '), l.figures.allocated, l.figures.disbursed, l.figures.rate],
      formulas: [, , , parts && sumOf(3, parts), parts && sumOf(4, parts), rateFormula({ row: i, col: 4 }, { row: i, col: 3 })],
      style: l.level === 0 ? 'total' : l.level === 1 ? 'group' : undefined,
    };
  });
  return {
    id: 'funds',
    section: '3',
    title: `Nguồn vốn năm ${r.header.fiscalYear} và kết quả giải ngân`,
    sheet: '3. Nguồn vốn',
    columns: [
      { key: 'no', header: 'TT', kind: 'text', width: 6 },
      { key: 'item', header: 'Nội dung', kind: 'text', width: 44 },
      { key: 'decisions', header: 'Quyết định giao vốn', kind: 'text', width: 24 },
      ...MONEY_COLUMNS,
    ],
    rows,
  };
}

function projectsTable(r: Draft): Table {
  const rows: Row[] = [];
  const projectRows: number[] = [];
  const notesOf = (p: ProgrammeReport['projects'][number]) =>
    [...(p.allocatedAny ? [] : ['không giao']), ...p.notes.map((n) => `${formatDay(n.asOf)}: ${n.text} (${n.unit})`)].join('\n');
  let index = 0;
  r.projects.forEach((p, i) => {
    if (p.kind !== 'project') return;
    index += 1;
    const next = r.projects.findIndex((x, k) => k > i && x.kind === 'project');
    const subs = r.projects.slice(i + 1, next === -1 ? undefined : next);
    const row = rows.length + 1;
    projectRows.push(row);
    const subRows = subs.map((_, k) => row + 1 + k);
    rows.push({ ...projectRow(`4.${index}`, p, subs.length > 0 ? subRows : null, row, subs.length > 0 ? '' : notesOf(p)), console: overviewOf(r) });
    subs.forEach((s, k) => rows.push({ ...projectRow(`4.${index}.${k + 1}`, s, null, row + 1 + k, notesOf(s)), console: overviewOf(r) }));
  });
  const all = (col: number) => projectRows.reduce((s, i) => s + (rows[i - 1]!.cells[col] as number), 0);
  rows.unshift({
    cells: ['', '', 'Tổng cộng', '', all(4), all(5), rateOfCell(all(5), all(4)), ''],
    formulas: [, , , , sumOf(4, projectRows), sumOf(5, projectRows), rateFormula({ row: 0, col: 5 }, { row: 0, col: 4 })],
    style: 'total',
  });
  return {
    id: 'projects',
    section: '4',
    title: `Kết quả thực hiện theo dự án, tiểu dự án năm ${r.header.fiscalYear}`,
    sheet: '4. Dự án, tiểu dự án',
    columns: [
      { key: 'no', header: 'Mục', kind: 'text', width: 8 },
      { key: 'code', header: 'Mã', kind: 'text', width: 8 },
      { key: 'name', header: 'Dự án / tiểu dự án', kind: 'text', width: 44 },
      { key: 'capitalTypes', header: 'Loại vốn', kind: 'text', width: 10 },
      ...MONEY_COLUMNS,
      { key: 'notes', header: 'Tình hình thực hiện, lý do chưa giải ngân', kind: 'text', width: 50 },
    ],
    rows,
  };
}

function projectRow(no: string, p: ProgrammeReport['projects'][number], subRows: number[] | null, row: number, notes: string): Row {
  const formulas: (Formula | undefined)[] = [
    ,
    ,
    ,
    ,
    subRows ? sumOf(4, subRows) : undefined,
    subRows ? sumOf(5, subRows) : undefined,
    rateFormula({ row, col: 5 }, { row, col: 4 }),
  ];
  return {
    cells: [
      no,
      p.code,
      p.name,
      p.capitalTypes.map((t) => CAPITAL_TYPE_SHORT_VI[t] ?? t).join(' + '),
      p.figures.allocated,
      p.figures.disbursed,
      p.figures.rate,
      notes,
    ],
    formulas,
    style: p.kind === 'project' ? 'group' : undefined,
  };
}

function planTable(r: Draft): Table {
  const years = r.plan.years;
  const width = PLAN_SOURCES.length * 2;
  const rowOf = (label: string, bySource: ProgrammeReport['plan']['total'], row: number, sumRows: number[] | null): Row => {
    const cells: Cell[] = [label];
    const formulas: (Formula | undefined)[] = [undefined];
    PLAN_SOURCES.forEach((s, i) => {
      cells.push(bySource[s].allocated, bySource[s].disbursed);
      formulas.push(sumRows ? sumOf(1 + 2 * i, sumRows) : undefined, sumRows ? sumOf(2 + 2 * i, sumRows) : undefined);
    });
    const allocated = PLAN_SOURCES.reduce((t, s) => t + bySource[s].allocated, 0);
    const disbursed = PLAN_SOURCES.reduce((t, s) => t + bySource[s].disbursed, 0);
    cells.push(allocated, disbursed, rateOfCell(disbursed, allocated));
    formulas.push(
      { sum: PLAN_SOURCES.map((_, i) => ({ row, col: 1 + 2 * i })) },
      { sum: PLAN_SOURCES.map((_, i) => ({ row, col: 2 + 2 * i })) },
      rateFormula({ row, col: width + 2 }, { row, col: width + 1 }),
    );
    return { cells, formulas, ...(sumRows ? { style: 'total' as const } : {}) };
  };
  const rows = years.map((y, i) => rowOf(String(y.year), y.bySource, i, null));
  rows.push(
    rowOf(
      'Cộng',
      r.plan.total,
      years.length,
      years.map((_, i) => i),
    ),
  );
  return {
    id: 'plan',
    section: '5',
    title: `Kế hoạch vốn và giải ngân theo năm và nguồn vốn, Chương trình ${r.header.program.code}`,
    sheet: '5. Theo năm và nguồn',
    columns: [
      { key: 'year', header: 'Năm', kind: 'text', width: 8 },
      ...PLAN_SOURCES.flatMap((s) => [
        { key: `${s}.allocated`, header: `${PLAN_SOURCE_VI[s]}: kế hoạch (đồng)`, kind: 'money' as const, width: MONEY },
        { key: `${s}.disbursed`, header: `${PLAN_SOURCE_VI[s]}: giải ngân (đồng)`, kind: 'money' as const, width: MONEY },
      ]),
      { key: 'allocated', header: 'Tổng kế hoạch (đồng)', kind: 'money', width: MONEY },
      { key: 'disbursed', header: 'Tổng giải ngân (đồng)', kind: 'money', width: MONEY },
      { key: 'rate', header: 'Tỷ lệ giải ngân (%)', kind: 'rate', width: 12 },
    ],
    rows,
    note: 'Không gồm vốn kéo dài từ chương trình giai đoạn trước (xem mục 3).',
  };
}

function checksTable(r: Draft): Table {
  return {
    id: 'checks',
    section: '6',
    title: 'Kiểm tra tính nhất quán',
    sheet: '6. Kiểm tra',
    columns: [
      { key: 'no', header: 'STT', kind: 'text', width: 6 },
      { key: 'check', header: 'Nội dung kiểm tra', kind: 'text', width: 60 },
      { key: 'result', header: 'Kết quả', kind: 'text', width: 12 },
      { key: 'detail', header: 'Chi tiết', kind: 'text', width: 80 },
    ],
    rows: (r.checks ?? []).map((c, i) => ({ cells: [String(i + 1), c.description, c.ok ? 'Đạt' : 'KHÔNG ĐẠT', c.detail] })),
  };
}

/** The report's tables, in the order of its sections: what XLSX writes as sheets and CSV as files. */
export function programmeTables(r: Draft): Table[] {
  return [infoTable(r), householdsTable(r), indicatorsTable(r), communesTable(r), fundsTable(r), projectsTable(r), planTable(r), checksTable(r)];
}
