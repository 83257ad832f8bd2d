/**
 * `npm run bench`: every scenario of issue 5 on fresh temporary ledgers, a table on stdout and
 * bench/results.json. Targets are the issue's; a missed one is printed as missed.
 * BENCH_QUICK=1 scales the sizes down for a smoke run (those rows say so and do not pass or fail).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { quick, tempDir, type Row } from './lib';
import { emmettScenario } from './scenarios/emmett';
import { httpScenario } from './scenarios/http';
import { importScenarios } from './scenarios/import';
import { logScenarios } from './scenarios/log';
import { timeTravelScenario } from './scenarios/time-travel';

async function main(): Promise<void> {
  const q = quick();
  const sizes = { events: q ? 20_000 : 100_000, district: 17_443, province: q ? 100_000 : 1_000_000, http: q ? 5_000 : 30_000 };
  const rows: Row[] = [];
  const step = async (name: string, f: () => Promise<Row[]>) => {
    process.stderr.write(`bench: ${name}…\n`);
    try {
      rows.push(...(await f()));
    } catch (error) {
      rows.push({ scenario: name, figure: `failed: ${error instanceof Error ? error.message : String(error)}`, target: '', pass: false });
    }
  };

  const tmp = tempDir('log');
  try {
    let ours = { appendsPerSecond: 0, replayPerSecond: 0 };
    await step('(a)/(b) appends and rebuild', async () => {
      const r = await logScenarios(tmp.dir, sizes.events);
      ours = { appendsPerSecond: r.libraryEventsPerSecond, replayPerSecond: r.libraryReplayEventsPerSecond };
      return r.rows;
    });
    await step('(f) emmett-sqlite comparison', () => emmettScenario(tmp.dir, sizes.events, ours));
  } finally {
    tmp.remove();
  }
  await step('(c)/(d) bulk imports', () => importScenarios(sizes.district, sizes.province));
  await step('(e) HTTP disbursements', () => httpScenario(sizes.http));
  await step('(g) time-travel reads', () => timeTravelScenario());

  const order = (r: Row) => r.scenario.slice(0, 3);
  rows.sort((a, b) => order(a).localeCompare(order(b)));
  const verdict = (p: boolean | null) => (p === null ? '—' : p ? 'PASS' : 'MISSED');
  const table = rows.map((r) => [r.scenario, r.figure, r.target, verdict(r.pass)]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['scenario', 'figure', 'target', 'result'][i]!.length, ...table.map((t) => t[i]!.length)]));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  process.stdout.write(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${Math.round(machine.totalMemoryBytes / 2 ** 30)} GiB, node ${machine.node}${q ? ', BENCH_QUICK' : ''}\n\n`,
  );
  process.stdout.write(`${line(['scenario', 'figure', 'target', 'result'])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${table.map(line).join('\n')}\n`);
  const file = join(__dirname, '..', '..', 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), quick: q, machine, sizes, scenarios: rows }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${file}\n`);
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
