import { excelFormula } from './render-xlsx';
import { evaluate, formulaMismatches, rateFormula, rateOf, sumOf, type Table } from './table';

/** Section 3 in miniature: a total over two lines, and its rate. */
const funds = (total: number): Table => ({
  id: 'funds',
  section: '3',
  title: 'Nguồn vốn',
  sheet: '3. Nguồn vốn',
  columns: [
    { key: 'item', header: 'Nội dung', kind: 'text' },
    { key: 'allocated', header: 'Kế hoạch', kind: 'money' },
    { key: 'disbursed', header: 'Giải ngân', kind: 'money' },
    { key: 'rate', header: 'Tỷ lệ', kind: 'rate' },
  ],
  rows: [
    {
      cells: ['Tổng', total, 30_217, rateOf(30_217, total)],
      formulas: [, sumOf(1, [1, 2]), sumOf(2, [1, 2]), rateFormula({ row: 0, col: 2 }, { row: 0, col: 1 })],
    },
    { cells: ['ĐTPT', 71_570, 27_673, 38.67], formulas: [, , , rateFormula({ row: 1, col: 2 }, { row: 1, col: 1 })] },
    { cells: ['SN', 10_875, 2_544, 23.39], formulas: [, , , rateFormula({ row: 2, col: 2 }, { row: 2, col: 1 })] },
  ],
});

describe('report tables', () => {
  it('rates half up from integers: 27,673 / 71,570 is 38.67 (the seed printed 38.66); nothing allocated is no rate', () => {
    expect([rateOf(27_673, 71_570), rateOf(1, 8), rateOf(1_964, 2_455), rateOf(0, 0)]).toEqual([38.67, 12.5, 80, null]);
  });

  it('finds every figure consistent with its formula when the total is the sum of its lines', () => {
    expect(formulaMismatches([funds(82_445)])).toEqual([]);
    expect(evaluate(funds(82_445), sumOf(1, [1, 2]))).toBe(82_445);
  });

  it('names a total that is not the sum of its lines, as the seed’s hand-typed 10,505 would be', () => {
    expect(formulaMismatches([funds(82_075)])).toEqual(['funds: row 1, “Kế hoạch” holds 82075, its formula gives 82445']);
  });

  it('writes a run of one column as a range, other sums as lists, rates guarded against zero', () => {
    expect(excelFormula(sumOf(3, [1, 2]))).toBe('SUM(D4:D5)');
    expect(excelFormula(sumOf(3, [1, 4]))).toBe('SUM(D4,D7)');
    expect(excelFormula(rateFormula({ row: 0, col: 4 }, { row: 0, col: 3 }))).toBe('IF(D3=0,"",ROUND(E3/D3*100,2))');
  });
});
