import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Principal } from '../../../../libs/domain/src';
import { programmeReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../../../libs/ledger/src';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type Command } from '../command';

/** Whoever can open the SQLite file can read all of it: the CLI reads as an inspector. */
const LOCAL_READER: Principal = { userId: 'cli', role: 'inspector', units: [] };

export const reportCommand: Command = {
  name: 'report',
  usage: ['report programme --unit U --year YYYY [--program P] [--as-of T | --at-position N] [--format json|html|xlsx|csv] [--table T] [--out FILE]'],
  summary: 'the programme report of a unit and fiscal year (as GET /reports/programme); exit 1 if a consistency check fails',
  async run(args, { io, openLedger }) {
    const { flags, positionals } = parseArgs(args, ['unit', 'year', 'program', 'as-of', 'at-position', 'format', 'table', 'out'], reportCommand);
    if (positionals[0] !== 'programme' || positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'which report? (programme)' : `unknown report '${positionals.join(' ')}'`, reportCommand);
    if (flags.unit === undefined || flags.year === undefined) throw new UsageError('--unit and --year are needed', reportCommand);
    const format = (flags.format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${flags.format}'`, reportCommand);
    if (format !== 'json' && format !== 'html' && format !== 'csv' && flags.out === undefined)
      throw new UsageError(`--out FILE is needed for ${format}`, reportCommand);
    if (format === 'csv' && flags.table === undefined && flags.out === undefined)
      throw new UsageError('--out FILE is needed for a ZIP of every table (or pick one with --table)', reportCommand);
    const store = openLedger();
    const { report, tables } = await programmeReport(
      store,
      store,
      {
        unit: flags.unit,
        fiscalYear: flags.year,
        ...(flags.program === undefined ? {} : { program: flags.program }),
        ...(flags['as-of'] === undefined ? {} : { asOf: flags['as-of'] }),
        ...(flags['at-position'] === undefined ? {} : { atPosition: flags['at-position'] }),
      },
      LOCAL_READER,
      new Date().toISOString(),
    );
    const rendered = await renderReport(report, tables, format, flags.table);
    const body = typeof rendered.body === 'string' || Buffer.isBuffer(rendered.body) ? rendered.body : `${JSON.stringify(rendered.body, null, 2)}\n`;
    if (flags.out === undefined) io.out(String(body).trimEnd());
    else {
      writeFileSync(resolve(flags.out), body);
      io.err(
        `wrote ${flags.out}: ${report.header.unit.code} ${report.header.fiscalYear} at position ${report.header.asOf.position}, head hash ${report.header.headHash}`,
      );
    }
    for (const c of report.checks.filter((x) => !x.ok)) io.err(`check failed: ${c.description}: ${c.detail}`);
    return report.consistent ? EXIT_OK : EXIT_FAILED;
  },
};
