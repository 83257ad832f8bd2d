/**
 * A report table as every renderer sees it: cells hold the ledger's figures, and a total or a rate
 * also says how it follows from other cells, so XLSX can write it as a formula, HTML and CSV can
 * show the value, and the consistency check can recompute it.
 */
export type Cell = string | number | null;
export type Ref = Readonly<{ row: number; col: number }>;
/** `sum`: the sum of the cells. `rate`: part ÷ whole in percent, two decimals half up; empty when whole is 0. */
export type Formula = Readonly<{ sum: readonly Ref[] }> | Readonly<{ rate: readonly [Ref, Ref] }>;
export type ColumnKind = 'text' | 'money' | 'count' | 'rate';
export type Column = Readonly<{ key: string; header: string; kind: ColumnKind; width?: number }>;
/** `console`: the web console's page for the row (a hash route, e.g. `#/households?unit=X&atPosition=P`), linked from its figures in HTML. */
export type Row = Readonly<{
  cells: readonly Cell[];
  formulas?: readonly (Formula | undefined)[];
  style?: 'total' | 'group' | 'denominator';
  console?: string;
}>;
export type Table = Readonly<{ id: string; section: string; title: string; sheet: string; columns: readonly Column[]; rows: readonly Row[]; note?: string }>;

export const TABLE_IDS = ['info', 'households', 'indicators', 'communes', 'funds', 'projects', 'plan', 'checks'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Half up on integers, as libs/domain's `percent`; null when there is nothing to divide by. */
export function rateOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const scaled = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole));
  return Number(scaled) / 100;
}

/** What a formula comes to over the table's own values. */
export function evaluate(table: Table, f: Formula): Cell {
  const value = (r: Ref): number => {
    const v = table.rows[r.row]?.cells[r.col];
    if (typeof v !== 'number') throw new Error(`table ${table.id}: formula refers to row ${r.row}, column ${r.col}, which holds no number`);
    return v;
  };
  if ('sum' in f) return f.sum.reduce((s, r) => s + value(r), 0);
  return rateOf(value(f.rate[0]), value(f.rate[1]));
}

/** Every formula of every table whose stored value differs from what it computes. */
export function formulaMismatches(tables: readonly Table[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    t.rows.forEach((row, r) =>
      row.formulas?.forEach((f, c) => {
        if (!f) return;
        const computed = evaluate(t, f);
        if (computed !== row.cells[c])
          out.push(`${t.id}: row ${r + 1}, “${t.columns[c]!.header}” holds ${String(row.cells[c])}, its formula gives ${String(computed)}`);
      }),
    );
  }
  return out;
}

export const sumOf = (col: number, rows: readonly number[]): Formula => ({ sum: rows.map((row) => ({ row, col })) });
export const rateFormula = (part: Ref, whole: Ref): Formula => ({ rate: [part, whole] });
