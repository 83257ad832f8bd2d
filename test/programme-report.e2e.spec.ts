import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { runCli } from '../apps/cli/src/cli';
import { programmeTables, type ProgrammeReport, type Table } from '../libs/ledger/src';
import { ADMIN_TOKEN, startServer, type TestServer } from './support/server';
import { INDICATORS_2022, NOTE_DA1_1, NOTE_DA3_1, REVIEW_2021, reviewRows, recordProgrammeStory, type ProgrammeStory } from './support/programme-story';

const M = 1_000_000;
const REPORT = '/api/v1/reports/programme?unit=PHONG-THO&fiscalYear=2022';

/** GET with the body as bytes: the report's files are not JSON. */
async function fetchRaw(s: TestServer, path: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The Excel formulas the report writes, evaluated over the sheet's own cells as Excel would. */
function evaluateFormula(ws: XLSX.WorkSheet, formula: string): number | string {
  const num = (addr: string): number => {
    const v = ws[addr]?.v;
    if (typeof v !== 'number') throw new Error(`${addr} holds ${JSON.stringify(v)}, not a number`);
    return v;
  };
  let m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (m) {
    let total = 0;
    for (let r = Number(m[2]); r <= Number(m[4]); r++) total += num(`${m[1]}${r}`);
    return total;
  }
  m = /^SUM\(([A-Z0-9,]+)\)$/.exec(formula);
  if (m) return m[1]!.split(',').reduce((t, a) => t + num(a), 0);
  m = /^IF\(([A-Z]+\d+)=0,"",ROUND\(([A-Z]+\d+)\/([A-Z]+\d+)\*100,2\)\)$/.exec(formula);
  if (m) return num(m[1]!) === 0 ? '' : Math.round((num(m[2]!) / num(m[3]!)) * 100 * 100) / 100;
  if (formula === '0') return 0;
  throw new Error(`a formula the test does not know: ${formula}`);
}

const col = (c: number) => XLSX.utils.encode_col(c);

describe('the programme report (issue 12): Phong Thổ, 2022', () => {
  let s: TestServer;
  let story: ProgrammeStory;
  let report: ProgrammeReport;

  beforeAll(async () => {
    s = await startServer();
    story = await recordProgrammeStory(s);
    const r = await s.request('GET', REPORT, { token: story.cast.supervisor });
    expect(r.status).toBe(200);
    report = r.body;
  });
  afterAll(async () => {
    await s?.close();
  });

  const line = (key: string) => report.funds.lines.find((l) => l.key === key)!;
  const project = (code: string) => report.projects.find((p) => p.code === code)!;

  describe('progress notes', () => {
    it('are listed on the allocation and in its audit trail, with who wrote them', async () => {
      const a = await s.request('GET', '/api/v1/allocations/PT-DA3.1-2022', { token: story.cast.supervisor });
      expect(a.body.notes).toEqual([expect.objectContaining({ text: NOTE_DA3_1, asOf: '2022-12-20', recordedBy: 'pt-finance' })]);
      const audit = await s.request('GET', '/api/v1/audit?allocation=PT-DA3.1-2022', { token: story.cast.supervisor });
      const noted = audit.body.items.filter((e: { type: string }) => e.type === 'AllocationNoteRecorded');
      expect(noted).toEqual([
        expect.objectContaining({
          actor: { userId: 'pt-finance', role: 'finance_officer' },
          data: expect.objectContaining({ text: NOTE_DA3_1 }),
          metadata: expect.objectContaining({ reason: NOTE_DA3_1 }),
        }),
      ]);
    });

    it('are refused to those who may not write them, and on bad input, recording nothing', async () => {
      const head = async () => (await s.request('GET', '/api/v1/integrity', { token: ADMIN_TOKEN })).body.position;
      const before = await head();
      const post = (token: string, body: unknown, id = 'PT-DA3.1-2022') => s.request('POST', `/api/v1/allocations/${id}/notes`, { token, body });
      expect((await post(story.cast.province, { text: 'x' })).status).toBe(403);
      expect((await post(story.cast.districtSocial, { text: 'x' })).status).toBe(403);
      expect((await post(story.cast.inspector, { text: 'x' })).status).toBe(403);
      expect((await post(story.cast.outsider, { text: 'x' })).status).toBe(404); // another province's allocation: as an unknown one
      expect((await post(story.cast.district, { text: 'x' }, 'NO-SUCH')).status).toBe(404);
      const blank = await post(story.cast.district, { text: '  ' });
      expect([blank.status, blank.body.details.field]).toEqual([400, 'text']);
      const future = await post(story.cast.district, { text: 'x', asOf: '2999-01-01' });
      expect([future.status, future.body.details.field]).toEqual([400, 'asOf']);
      const unknown = await post(story.cast.district, { text: 'x', amount: 1 });
      expect(unknown.status).toBe(400);
      expect(await head()).toBe(before);
    });
  });

  describe('JSON', () => {
    it('1. header: the unit, its parent, the year, the position and the head hash there', async () => {
      const integrity = (await s.request('GET', '/api/v1/integrity', { token: ADMIN_TOKEN })).body;
      expect(report.header).toMatchObject({
        unit: { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district' },
        parent: { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu' },
        fiscalYear: 2022,
        program: { code: 'GNBV-2021-2025', predecessor: 'GNBV-2016-2020' },
        asOf: { position: integrity.position },
        headHash: integrity.hash,
      });
    });

    it('2. the 2021 and 2022 reviews, each rate with its denominator; indicators on both bases; communes ranked', () => {
      const { previous, current } = report.households;
      expect(previous).toMatchObject({
        reviewYear: 2021,
        standard: { legalBasis: '59/2015/QĐ-TTg' },
        households: 17_443,
        poor: REVIEW_2021.poor,
        poorRate: 18.33,
        nearPoor: REVIEW_2021.nearPoor,
        nearPoorRate: 20.73,
      });
      expect(current).toMatchObject({
        reviewYear: 2022,
        standard: { legalBasis: '07/2021/NĐ-CP' },
        households: 17_443,
        poor: 7_642,
        poorRate: 43.81,
        nearPoor: 3_007,
        nearPoorRate: 17.24,
        denominator: 'of 17,443 assessed households',
        indicatorBases: { assessed: 17_443, poor: 7_642 },
      });
      // The indicator counts as the generator made them, counted here without the ledger.
      const { y2022 } = reviewRows();
      const poorRows = y2022.filter((r) => r.deprivations.length >= 3);
      expect(current.indicators.map((i) => [i.code, i.deprived, i.deprivedPoor])).toEqual(
        INDICATORS_2022.map((code) => [
          code,
          y2022.filter((r) => r.deprivations.includes(code)).length,
          poorRows.filter((r) => r.deprivations.includes(code)).length,
        ]),
      );
      const employment = current.indicators.find((i) => i.code === 'employment')!;
      expect(employment.rateOfAssessed).toBe(Math.round((employment.deprived / 17_443) * 10_000) / 100);
      expect(current.byUnit).toEqual([
        { unit: 'MA-LI-PHO', name: 'Xã Ma Li Pho', households: 9_000, poor: 4_500, poorRate: 50, nearPoor: 1_500, nearPoorRate: 16.67 },
        { unit: 'DAO-SAN', name: 'Xã Dào San', households: 8_443, poor: 3_142, poorRate: 37.21, nearPoor: 1_507, nearPoorRate: 17.85 },
      ]);
      expect([current.highest?.unit, current.lowest?.unit]).toEqual(['MA-LI-PHO', 'DAO-SAN']);
    });

    it('3. funds of 2022: DA1.1 38.67 %, the recurrent lines’ true sum, the carried line apart at 80.00 %', () => {
      expect(line('current.investment')).toMatchObject({
        figures: { allocated: 71_570 * M, disbursed: 27_673 * M, rate: 38.67 },
        decisions: ['747/QĐ-UBND'],
        allocations: ['PT-DA1.1-2022'],
      });
      // 6,629 + 1,822 + 1,070 + 293 + 240 + 72 + 543 + 206 = 10,875 (the seed printed 10,505).
      expect(line('current.recurrent').figures).toEqual({ allocated: 10_875 * M, disbursed: 2_544 * M, rate: 23.39 });
      expect(line('current').figures).toEqual({ allocated: 82_445 * M, disbursed: 30_217 * M, rate: 36.65 });
      expect(line('carried.recurrent')).toMatchObject({ figures: { allocated: 2_455 * M, disbursed: 1_964 * M, rate: 80 }, decisions: ['413/QĐ-UBND'] });
      expect(line('carried.investment').figures).toEqual({ allocated: 0, disbursed: 0, rate: null });
      expect(line('total').figures).toEqual({ allocated: 84_900 * M, disbursed: 32_181 * M, rate: 37.9 });
    });

    it('3. each line names the query listing its entries at the same position, and that query agrees', async () => {
      const at = `atPosition=${report.header.asOf.position}`;
      expect(line('current.investment').evidence).toContain(`/api/v1/audit?allocation=PT-DA1.1-2022&${at}`);
      const balances = await s.request('GET', line('current.recurrent').evidence[0]!, { token: story.cast.supervisor });
      expect(balances.body.total).toMatchObject({ allocated: 10_875 * M, disbursed: 2_544 * M });
    });

    it('4. every project and sub-project: figures, “không giao”, and the progress notes', () => {
      expect(project('DA1.1')).toMatchObject({
        figures: { allocated: 71_570 * M, disbursed: 27_673 * M, rate: 38.67 },
        capitalTypes: ['investment'],
        allocatedAny: true,
      });
      expect(project('DA1.1').notes).toEqual([expect.objectContaining({ text: NOTE_DA1_1, asOf: '2022-12-20', recordedBy: 'pt-supervisor' })]);
      expect(project('DA2').figures).toEqual({ allocated: 6_629 * M, disbursed: 1_964 * M, rate: 29.63 });
      expect(project('DA3.1')).toMatchObject({
        figures: { allocated: 1_822 * M, disbursed: 0, rate: 0 },
        notes: [expect.objectContaining({ text: NOTE_DA3_1 })],
      });
      expect(project('DA6.2').figures).toEqual({ allocated: 72 * M, disbursed: 35 * M, rate: 48.61 });
      expect(project('DA7.1').figures).toEqual({ allocated: 543 * M, disbursed: 543 * M, rate: 100 });
      expect(project('DA7.2').figures).toEqual({ allocated: 206 * M, disbursed: 2 * M, rate: 0.97 });
      expect(project('DA7').figures).toEqual({ allocated: 749 * M, disbursed: 545 * M, rate: 72.76 });
      for (const code of ['DA1.2', 'DA3.2', 'DA5', 'DA6.1'])
        expect(project(code)).toMatchObject({ allocatedAny: false, figures: { allocated: 0, disbursed: 0, rate: null } });
      expect(report.projects.map((p) => p.code)).toEqual([
        'DA1',
        'DA1.1',
        'DA1.2',
        'DA2',
        'DA3',
        'DA3.1',
        'DA3.2',
        'DA4',
        'DA4.1',
        'DA4.2',
        'DA4.3',
        'DA5',
        'DA6',
        'DA6.1',
        'DA6.2',
        'DA7',
        'DA7.1',
        'DA7.2',
      ]);
    });

    it('5. years 2021–2025 by source, 2022 equal to the programme’s funds of the year', () => {
      expect(report.plan.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
      const y2022 = report.plan.years[1]!;
      expect(y2022.bySource).toMatchObject({
        central_investment: { allocated: 71_570 * M, disbursed: 27_673 * M },
        central_recurrent: { allocated: 10_875 * M, disbursed: 2_544 * M },
        local: { allocated: 0 },
      });
      expect(y2022.total).toEqual({ allocated: 82_445 * M, disbursed: 30_217 * M, rate: 36.65 });
      expect(report.plan.totalFigures).toEqual(y2022.total);
    });

    it('6. every consistency check passes, each with what it compared', () => {
      expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
        ['totals', true],
        ['subtree', true],
        ['projects', true],
        ['plan', true],
        ['households', true],
        ['traces', true],
        ['log', true],
      ]);
      expect(report.consistent).toBe(true);
      expect(report.checks.find((c) => c.id === 'log')!.detail).toContain(report.header.headHash);
    });
  });

  describe('as the books stood before a payment', () => {
    it('atPosition and asOf show 12,000 M disbursed on DA1.1 (16.77 %), and the header says where', async () => {
      for (const q of [`atPosition=${story.afterFirstPayment}`, `asOf=${encodeURIComponent(story.betweenPayments)}`]) {
        const r = await s.request('GET', `${REPORT}&${q}`, { token: story.cast.supervisor });
        expect(r.status).toBe(200);
        expect(r.body.header.asOf.position).toBe(story.afterFirstPayment);
        expect(r.body.funds.lines.find((l: { key: string }) => l.key === 'current.investment').figures).toEqual({
          allocated: 71_570 * M,
          disbursed: 12_000 * M,
          rate: 16.77,
        });
        expect(r.body.funds.lines.find((l: { key: string }) => l.key === 'current.recurrent').figures).toEqual({ allocated: 0, disbursed: 0, rate: null });
        expect(r.body.households.current.households).toBe(0);
        expect(r.body.consistent).toBe(true);
      }
    });
  });

  describe('XLSX', () => {
    let sheets: XLSX.WorkBook;
    let tables: Table[];
    let file: Buffer;

    beforeAll(async () => {
      const at = `atPosition=${report.header.asOf.position}`;
      const r = await fetchRaw(s, `${REPORT}&format=xlsx&${at}`, story.cast.supervisor);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(r.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-chuong-trinh-PHONG-THO-2022-p${report.header.asOf.position}.xlsx"`);
      file = r.body;
      sheets = XLSX.read(file, { type: 'buffer', cellFormula: true });
      tables = programmeTables((await s.request('GET', `${REPORT}&${at}`, { token: story.cast.supervisor })).body);
    });

    it('has one sheet per table, a Vietnamese title and headers', () => {
      expect(sheets.SheetNames).toEqual([
        '1. Thông tin chung',
        '2. Rà soát hộ nghèo',
        '2.2 Chỉ số thiếu hụt',
        '2.2 Theo đơn vị',
        '3. Nguồn vốn',
        '4. Dự án, tiểu dự án',
        '5. Theo năm và nguồn',
        '6. Kiểm tra',
      ]);
      const funds = sheets.Sheets['3. Nguồn vốn']!;
      expect(funds.A1.v).toBe('3. Nguồn vốn năm 2022 và kết quả giải ngân');
      expect([funds.D2.v, funds.E2.v, funds.F2.v]).toEqual(['Kế hoạch vốn giao (đồng)', 'Đã giải ngân (đồng)', 'Tỷ lệ giải ngân (%)']);
    });

    it('holds every cell of every table, and every formula comes to the value stored with it', () => {
      let formulas = 0;
      for (const t of tables) {
        const ws = sheets.Sheets[t.sheet]!;
        t.columns.forEach((c, j) => expect(ws[`${col(j)}2`]?.v).toBe(c.header));
        t.rows.forEach((row, i) =>
          row.cells.forEach((value, j) => {
            const addr = `${col(j)}${i + 3}`;
            const cell = ws[addr];
            // The generation time differs between the two requests; everything else is the same state.
            if (t.id === 'info' && t.rows[i]!.cells[0] === 'Thời điểm lập báo cáo') return;
            // An empty text and an empty cell read back alike.
            expect({ addr, v: cell?.v === '' || cell === undefined ? null : cell.v }).toEqual({ addr, v: value === '' ? null : value });
            if (row.formulas?.[j]) {
              formulas += 1;
              expect(cell.f).toBeDefined();
              const computed = evaluateFormula(ws, cell.f!);
              expect({ addr, f: cell.f, computed: computed === '' ? null : computed }).toEqual({ addr, f: cell.f, computed: value });
            }
          }),
        );
      }
      expect(formulas).toBeGreaterThan(100);
    });

    it('computes, by its own formulas, the ledger’s figures: 84,900 M in all, DA1.1 at 38.67, the recurrent sum 10,875 M', () => {
      const ws = sheets.Sheets['3. Nguồn vốn']!;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, range: 2 }) as unknown[][];
      const byLabel = (label: string, n = 0) => rows.filter((r) => r[1] === label)[n]!;
      const rowIndex = (label: string, n = 0) => rows.indexOf(byLabel(label, n)) + 3;
      const total = rowIndex('Tổng vốn năm 2022');
      expect([evaluateFormula(ws, ws[`D${total}`].f), evaluateFormula(ws, ws[`E${total}`].f), evaluateFormula(ws, ws[`F${total}`].f)]).toEqual([
        84_900 * M,
        32_181 * M,
        37.9,
      ]);
      const investment = rowIndex('Vốn đầu tư phát triển');
      expect([ws[`D${investment}`].v, ws[`E${investment}`].v, evaluateFormula(ws, ws[`F${investment}`].f)]).toEqual([71_570 * M, 27_673 * M, 38.67]);
      const programme = rowIndex('Vốn Chương trình 2021–2025');
      expect(evaluateFormula(ws, ws[`D${programme + 2}`].f ?? `SUM(D${programme + 2})`)).toBe(10_875 * M);
      expect(ws[`D${programme}`].f).toBe(`SUM(D${programme + 1}:D${programme + 2})`);
    });

    it('freezes the header rows and formats the numbers', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ArrayBuffer);
      for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const funds = wb.getWorksheet('3. Nguồn vốn')!;
      expect([funds.getCell('D3').numFmt, funds.getCell('F3').numFmt]).toEqual(['#,##0', '0.00']);
    });
  });

  describe('HTML', () => {
    it('is a printable Vietnamese document with the figures as officers write them', async () => {
      const r = await fetchRaw(s, REPORT, story.cast.supervisor, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = r.body.toString('utf8');
      for (const text of [
        '<html lang="vi">',
        '@page { size: A4;',
        '2.1. Kết quả rà soát năm 2021',
        '7.642 hộ nghèo, chiếm 43,81%',
        '3.007 hộ cận nghèo, chiếm 17,24%',
        'tỷ lệ trên 17.443 hộ được rà soát',
        'giao 71.570 triệu đồng, giải ngân 27.673 triệu đồng, đạt 38,67%',
        'giao 10.875 triệu đồng, giải ngân 2.544 triệu đồng, đạt 23,39%',
        'giao 2.455 triệu đồng, giải ngân 1.964 triệu đồng, đạt 80,00%',
        'Tổng vốn năm 2022: giao 84.900 triệu đồng, giải ngân 32.181 triệu đồng, đạt 37,90%',
        'không giao',
        NOTE_DA3_1,
        'Xã Ma Li Pho có tỷ lệ hộ nghèo cao nhất (50,00%); Xã Dào San thấp nhất (37,21%)',
        report.header.headHash,
      ]) {
        expect(html).toContain(text);
      }
      // each figure links to the console's page for it, at the report's position
      const at = `atPosition=${report.header.asOf.position}`;
      expect(html).toContain(`<a class="figure" href="/#/households?unit=MA-LI-PHO&amp;${at}">`);
      expect(html).toContain(`<a class="figure" href="/#/?year=2022&amp;unit=PHONG-THO&amp;${at}">71.570</a>`);
    });
  });

  describe('CSV', () => {
    it('gives one table with a byte-order mark', async () => {
      const r = await fetchRaw(s, `${REPORT}&format=csv&table=projects`, story.cast.supervisor);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="bao-cao-chuong-trinh-PHONG-THO-2022-p\d+-4-projects\.csv"$/);
      expect([...r.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = r.body.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'Mục,Mã,Dự án / tiểu dự án,Loại vốn,Kế hoạch vốn giao (đồng),Đã giải ngân (đồng),Tỷ lệ giải ngân (%),"Tình hình thực hiện, lý do chưa giải ngân"',
      );
      expect(lines).toContain(
        '4.1.1,DA1.1,"Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo",ĐTPT,71570000000,27673000000,38.67,"20/12/2022: Đã lựa chọn nhà thầu, dự kiến giải ngân quý I/2023 (PHONG-THO)"',
      );
    });

    it('gives a ZIP of every table without `table`, chosen by Accept: text/csv', async () => {
      const r = await fetchRaw(s, REPORT, story.cast.supervisor, { accept: 'text/csv' });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/zip');
      const zip = XLSX.CFB.read(r.body, { type: 'buffer' });
      // SheetJS's reader lists a placeholder entry of its own (Sh33tJ5) besides the archive's files.
      const names = zip.FileIndex.filter((f: { type: number; name: string }) => f.type === 2 && !f.name.includes('Sh33tJ5')).map(
        (f: { name: string }) => f.name,
      );
      expect(names).toEqual([
        '1-info.csv',
        '2-households.csv',
        '2_2-indicators.csv',
        '2_2-communes.csv',
        '3-funds.csv',
        '4-projects.csv',
        '5-plan.csv',
        '6-checks.csv',
      ]);
      const funds = Buffer.from(XLSX.CFB.find(zip, '3-funds.csv')!.content as Uint8Array).toString('utf8');
      expect(funds).toContain(',Tổng vốn năm 2022,"747/QĐ-UBND, 413/QĐ-UBND",84900000000,32181000000,37.9\r\n');
    });
  });

  describe('scope and input', () => {
    it('gives a commune’s officer its commune only', async () => {
      const mine = await s.request('GET', '/api/v1/reports/programme?unit=MA-LI-PHO&fiscalYear=2022', { token: story.cast.commune });
      expect(mine.status).toBe(200);
      expect(mine.body.funds.lines.find((l: { key: string }) => l.key === 'total').figures).toEqual({ allocated: 1_000 * M, disbursed: 464 * M, rate: 46.4 });
      expect(mine.body.households.current).toMatchObject({ households: 9_000, poor: 4_500, byUnit: [{ unit: 'MA-LI-PHO' }] });
      expect(mine.body.consistent).toBe(true);
      // A unit outside the officer's scope is answered exactly as an unknown one (issue 15).
      for (const unit of ['PHONG-THO', 'DAO-SAN', 'LAI-CHAU', 'NO-SUCH-UNIT']) {
        const r = await s.request('GET', `/api/v1/reports/programme?unit=${unit}&fiscalYear=2022`, { token: story.cast.commune });
        expect([unit, r.status, r.body.code, r.body.message]).toEqual([unit, 400, 'UNKNOWN_REFERENCE', `unit: no such unit '${unit}'`]);
      }
      expect((await s.request('GET', REPORT, { token: story.cast.outsider })).status).toBe(400);
    });

    it.each([
      ['unit=NOWHERE&fiscalYear=2022', 'unit', 'UNKNOWN_REFERENCE'],
      ['fiscalYear=2022', 'unit', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=22', 'fiscalYear', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2030', 'fiscalYear', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2022&format=pdf', 'format', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2022&format=csv&table=nothing', 'table', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2022&table=funds', 'table', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2022&program=NTM', 'program', 'UNKNOWN_REFERENCE'],
      ['unit=PHONG-THO&fiscalYear=2022&atPosition=99999999', 'atPosition', 'VALIDATION_FAILED'],
      ['unit=PHONG-THO&fiscalYear=2022&colour=red', 'colour', 'VALIDATION_FAILED'],
    ])('refuses %s naming %s', async (query, field, code) => {
      const r = await s.request('GET', `/api/v1/reports/programme?${query}`, { token: story.cast.supervisor });
      expect([r.status, r.body.code, r.body.details?.field]).toEqual([400, code, field]);
    });
  });

  describe('the command line', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ledger-report-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes the same report as XLSX, at a past position too', async () => {
      const out = join(dir, 'report.xlsx');
      const err: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { out: () => undefined, err: (l) => err.push(l) }, { LEDGER_DB: s.dbFile });
      expect(await run('report', 'programme', '--unit', 'PHONG-THO', '--year', '2022', '--format', 'xlsx', '--out', out)).toBe(0);
      let ws = XLSX.read(readFileSync(out), { type: 'buffer', cellFormula: true }).Sheets['3. Nguồn vốn']!;
      expect([ws.D3.v, ws.E3.v, ws.F3.v]).toEqual([84_900 * M, 32_181 * M, 37.9]);
      expect(
        await run(
          'report',
          'programme',
          '--unit',
          'PHONG-THO',
          '--year',
          '2022',
          '--at-position',
          String(story.afterFirstPayment),
          '--format',
          'xlsx',
          '--out',
          out,
        ),
      ).toBe(0);
      ws = XLSX.read(readFileSync(out), { type: 'buffer', cellFormula: true }).Sheets['3. Nguồn vốn']!;
      expect([ws.D3.v, ws.E3.v]).toEqual([71_570 * M, 12_000 * M]);
      expect(err.join('\n')).toContain(`at position ${story.afterFirstPayment}`);
      expect(await run('report', 'programme', '--unit', 'PHONG-THO')).toBe(2);
    });
  });
});
