import { COMMANDS } from './commands';
import { EXIT_FAILED, EXIT_USAGE, PROGRAM, UsageError, messageOf, usage, type CliContext, type CliIo, type Command } from './command';
import { ledgerPath, openExistingLedger, openLogReadOnly } from './ledger-file';
import type { ReadOnlyEventLog } from '../../../libs/adapters/src/sqlite/read-only-log';
import type { SqliteLedgerStore } from '../../../libs/adapters/src/sqlite/sqlite-ledger-store';

/** The whole program minus process globals, so tests run commands in-process. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>>,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name) ?? (name === '--help' || name === '-h' ? commands.find((c) => c.name === 'help') : undefined);
  if (!command) {
    io.err(name === undefined ? 'no command given' : `unknown command '${name}'`);
    io.err(usage(commands));
    return EXIT_USAGE;
  }
  let store: SqliteLedgerStore | undefined;
  let log: ReadOnlyEventLog | undefined;
  const ctx: CliContext = {
    io,
    env,
    commands,
    openLedger: () => (store ??= openExistingLedger(ledgerPath(env))),
    readLog: () => (log ??= openLogReadOnly(ledgerPath(env))),
  };
  try {
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${PROGRAM} ${command.name}: ${error.message}`);
      io.err(usage([error.command ?? command], false));
      return EXIT_USAGE;
    }
    io.err(`${PROGRAM} ${command.name}: ${messageOf(error)}`);
    return EXIT_FAILED;
  } finally {
    log?.close();
    await store?.close();
  }
}
