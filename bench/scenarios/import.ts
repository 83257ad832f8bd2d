import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, seconds, tempDir, type Row } from '../lib';

/**
 * The heap cap the import process runs with. The import's live set is small (a map entry per
 * household, ~70 MB for a million) but V8 on a machine with plenty of RAM lets garbage pile up to
 * well over a gigabyte before collecting it; a cap makes it collect. The API and CLI should run
 * province-sized imports with the same NODE_OPTIONS.
 */
export const IMPORT_HEAP_FLAG = '--max-old-space-size=256';

export type ImportRun = Readonly<{
  ms: number;
  checkMs: number;
  writeMs: number;
  rows: number;
  peakRssBytes: number;
  sampledPeakRssBytes: number;
  summary: unknown;
}>;

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** One import in a child process; its RSS is sampled every 100 ms and its own peak (getrusage) read at the end. */
export async function runImport(
  rows: number,
  communes: number,
  heapFlag: string | null = IMPORT_HEAP_FLAG,
  childDir = join(__dirname, '..'),
): Promise<ImportRun> {
  const tmp = tempDir('import');
  try {
    const child = spawn(process.execPath, [...(heapFlag ? [heapFlag] : []), join(childDir, 'import-child.js'), tmp.dir, String(rows), String(communes)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let sampled = 0;
    const timer = setInterval(() => (sampled = Math.max(sampled, rssOf(child.pid!))), 100);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(timer);
    if (code !== 0) throw new Error(`import child exited with ${code}`);
    const r = JSON.parse(out.trim().split('\n').pop()!) as {
      ms: number;
      checkMs: number;
      writeMs: number;
      rows: number;
      summary: unknown;
      maxRssBytes: number;
    };
    return {
      ms: r.ms,
      checkMs: r.checkMs,
      writeMs: r.writeMs,
      rows: r.rows,
      summary: r.summary,
      peakRssBytes: Math.max(r.maxRssBytes, sampled),
      sampledPeakRssBytes: sampled,
    };
  } finally {
    tmp.remove();
  }
}

export async function importScenarios(districtRows: number, provinceRows: number): Promise<Row[]> {
  const district = await runImport(districtRows, 25);
  const province = await runImport(provinceRows, 1000);
  const mb = (b: number) => `${Math.round(b / 2 ** 20)} MB`;
  return [
    {
      scenario: `(c) bulk import, a district: ${fmt(districtRows)} households (NDJSON, SQLite, fsync on)`,
      figure: `${seconds(district.ms)} (check ${seconds(district.checkMs)}, write ${seconds(district.writeMs)})`,
      target: '< 3 s',
      pass: district.ms < 3000,
      detail: district,
    },
    {
      scenario: `(d) bulk import, a province: ${fmt(provinceRows)} households`,
      figure: `${seconds(province.ms)} (check ${seconds(province.checkMs)}, write ${seconds(province.writeMs)}), peak RSS ${mb(province.peakRssBytes)}`,
      target: provinceRows === 1_000_000 ? '< 180 s, peak RSS < 500 MB' : '< 180 s, peak RSS < 500 MB (BENCH_QUICK: scaled down, not the target size)',
      pass: provinceRows === 1_000_000 ? province.ms < 180_000 && province.peakRssBytes < 500 * 2 ** 20 : null,
      detail: { ...province, heapFlag: IMPORT_HEAP_FLAG },
    },
  ];
}
