import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Row = Readonly<{
  scenario: string;
  figure: string;
  target: string;
  pass: boolean | null;
  /** Raw measurements behind the figure, for results.json. */
  detail?: Readonly<Record<string, unknown>>;
}>;

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `ledger-bench-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const perSecond = (n: number, ms: number): number => Math.round((n * 1000) / ms);
export const fmt = (n: number): string => n.toLocaleString('en-US');

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const quick = (): boolean => process.env.BENCH_QUICK === '1';
