import ExcelJS from 'exceljs';
import type { Formula, Ref, Table } from './table';

const NUM_FMT = { money: '#,##0', count: '#,##0', rate: '0.00', text: '@' } as const;
/** Row 1 the title, row 2 the headers (both frozen); data from row 3. */
const FIRST_DATA_ROW = 3;

export const columnLetter = (col: number): string => {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
export const address = (r: Ref): string => `${columnLetter(r.col)}${r.row + FIRST_DATA_ROW}`;

/** A contiguous run of one column as a range, anything else as a list: SUM(D3:D9), SUM(D4,D7). */
export function excelFormula(f: Formula): string {
  if ('rate' in f) {
    const [part, whole] = f.rate.map(address);
    // ROUND is half away from zero: for the non-negative figures here, half up like the ledger.
    return `IF(${whole}=0,"",ROUND(${part}/${whole}*100,2))`;
  }
  if (f.sum.length === 0) return '0';
  const sameCol = f.sum.every((r) => r.col === f.sum[0]!.col);
  const contiguous = sameCol && f.sum.every((r, i) => i === 0 || r.row === f.sum[i - 1]!.row + 1);
  return contiguous && f.sum.length > 1 ? `SUM(${address(f.sum[0]!)}:${address(f.sum[f.sum.length - 1]!)})` : `SUM(${f.sum.map(address).join(',')})`;
}

/**
 * One sheet per table, Vietnamese headers frozen, number formats, and totals and rates as
 * formulas with the ledger's figure stored as each formula's result, so a reader that does not
 * recalculate shows the same numbers and Excel, recalculating, must arrive at them.
 */
export async function renderXlsx(tables: readonly Table[], meta: Readonly<{ title: string; created: Date }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'poverty-fund-ledger';
  wb.title = meta.title;
  wb.created = meta.created;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, {
      views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = t.columns.map((c) => ({ key: c.key, width: c.width ?? 14, style: { numFmt: NUM_FMT[c.kind] } }));
    const title = ws.getRow(1);
    title.getCell(1).value = `${t.section}. ${t.title}`;
    title.font = { bold: true, size: 13 };
    const header = ws.getRow(2);
    t.columns.forEach((c, i) => (header.getCell(i + 1).value = c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }));
    t.rows.forEach((row, r) => {
      const xr = ws.getRow(r + FIRST_DATA_ROW);
      row.cells.forEach((value, c) => {
        const f = row.formulas?.[c];
        const cell = xr.getCell(c + 1);
        if (f) cell.value = { formula: excelFormula(f), result: value ?? '' } as ExcelJS.CellFormulaValue;
        else if (value !== null) cell.value = value;
        if (t.columns[c]!.kind === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (row.style === 'total' || row.style === 'group') xr.font = { bold: true };
      if (row.style === 'denominator') xr.font = { italic: true };
    });
    if (t.note) ws.getRow(t.rows.length + FIRST_DATA_ROW + 1).getCell(1).value = t.note;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
