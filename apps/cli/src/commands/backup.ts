import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReadOnlyEventLog } from '../../../../libs/adapters/src/sqlite/read-only-log';
import { backupFile, backupParts, isHeldOpen, restoreFile } from '../../../../libs/adapters/src/sqlite/sqlite-backup';
import { verifyChain, type VerifyResult } from '../../../../libs/ledger/src/integrity/verify-chain';
import { EXIT_FAILED, EXIT_OK, UsageError, noPositionals, parseArgs, type Command } from '../command';
import { ledgerPath, openExistingLedger } from '../ledger-file';

export const backupCommand: Command = {
  name: 'backup',
  usage: ['backup --out <file>'],
  summary: 'copy the log (and the files kept with it) while the server writes, then verify the copy',
  async run(args, { io, env }) {
    const parsed = parseArgs(args, ['out'], backupCommand);
    noPositionals(parsed, backupCommand);
    if (parsed.flags.out === undefined) throw new UsageError('--out is needed', backupCommand);
    const log = ledgerPath(env);
    if (!existsSync(log)) throw new Error(`no ledger at ${log} (set LEDGER_DB to the ledger's file)`);
    const out = resolve(parsed.flags.out);
    const started = performance.now();
    const parts = backupParts(log, out);
    for (const p of parts) await backupFile(p.from, p.to);
    const checked = await verifyFile(out);
    for (const p of parts.slice(1)) io.out(`wrote ${p.to}`);
    if (!checked.ok) {
      io.out(`wrote ${out}, but its chain is broken at position ${checked.position}: ${checked.problem}`);
      return EXIT_FAILED;
    }
    io.out(
      `wrote ${out}: ${checked.events} events, head position ${checked.head.position}, digest ${checked.head.hash}; chain intact (${Math.round(performance.now() - started)} ms)`,
    );
    return EXIT_OK;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: ['restore <backup-file> [--force]'],
  summary: 'put a verified backup in place of the ledger (server stopped), then rebuild its read models',
  async run(args, { io, env }) {
    const force = args.includes('--force');
    const parsed = parseArgs(
      args.filter((a) => a !== '--force'),
      [],
      restoreCommand,
    );
    if (parsed.positionals.length !== 1) throw new UsageError('give one backup file', restoreCommand);
    const backup = resolve(parsed.positionals[0]!);
    const target = ledgerPath(env);
    if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
    if (isHeldOpen(target)) throw new Error(`${target} is open in another process (a running server?): stop it before restoring`);
    if (existsSync(target) && !force) throw new Error(`${target} exists: give --force to replace it (it is kept aside, not deleted)`);

    // A backup that does not verify is not put in place: the ledger would refuse to serve it anyway.
    const before = await verifyFile(backup);
    if (!before.ok) {
      io.out(`${backup} is broken at position ${before.position}: ${before.problem}; nothing was restored`);
      return EXIT_FAILED;
    }
    const started = performance.now();
    let keptAside: string | null = null;
    for (const p of backupParts(backup, target)) {
      const r = await restoreFile(p.from, p.to, new Date());
      if (p.to === target) keptAside = r.keptAside;
    }
    // Opening the ledger builds its read models from the restored log.
    const store = openExistingLedger(target);
    await store.close();
    const after = await verifyFile(target);
    if (keptAside) io.out(`the ledger that was at ${target} is kept as ${keptAside}`);
    if (!after.ok || after.head.hash !== before.head.hash) {
      io.out(
        `restored ${target}, but it does not verify as the backup did: ${after.ok ? `head ${after.head.position}` : `broken at position ${after.position}: ${after.problem}`}`,
      );
      return EXIT_FAILED;
    }
    io.out(
      `restored ${backup} to ${target}: ${after.events} events, head position ${after.head.position}, digest ${after.head.hash}; chain intact, read models rebuilt (${Math.round(performance.now() - started)} ms)`,
    );
    return EXIT_OK;
  },
};

async function verifyFile(file: string): Promise<VerifyResult> {
  const log = ReadOnlyEventLog.open(file);
  try {
    return await verifyChain(log);
  } finally {
    log.close();
  }
}
