import { parseArgs as nodeParseArgs } from 'node:util';
import type { ReadOnlyEventLog } from '../../../libs/adapters/src/sqlite/read-only-log';
import type { SqliteLedgerStore } from '../../../libs/adapters/src/sqlite/sqlite-ledger-store';

export type CliIo = Readonly<{
  out: (line: string) => void;
  err: (line: string) => void;
}>;

export type CliContext = Readonly<{
  io: CliIo;
  env: Readonly<Record<string, string | undefined>>;
  /** Opened on demand so that commands which never touch the ledger (keygen, help) do not need one. */
  openLedger: () => SqliteLedgerStore;
  /** The log file alone, read-only, with no read models: for commands that check it (verify, checkpoint sign). */
  readLog: () => ReadOnlyEventLog;
  commands: readonly Command[];
}>;

export interface Command {
  readonly name: string;
  /** One line per form, without the program name. */
  readonly usage: readonly string[];
  readonly summary: string;
  /** Resolves to the process exit code. */
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

export const PROGRAM = 'ledger';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: main prints the message and the usage and exits with 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParsedArgs = Readonly<{ flags: Readonly<Record<string, string>>; positionals: readonly string[] }>;

/**
 * `--name value` and `--name=value` for the flags listed (Node's `util.parseArgs`, strict); an
 * unknown option, a flag without a value or given twice is a usage error.
 */
export function parseArgs(args: readonly string[], valueFlags: readonly string[], command?: Command): ParsedArgs {
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict(args, valueFlags);
  } catch (error) {
    throw new UsageError(messageOf(error).replace(/\. To specify an option argument starting with a dash.*$/s, ''), command);
  }
  const flags: Record<string, string> = {};
  for (const [name, values] of Object.entries(parsed.values)) {
    const list = values as string[];
    if (list.length > 1) throw new UsageError(`--${name} given twice`, command);
    if (list[0] === '') throw new UsageError(`--${name} needs a value`, command);
    flags[name] = list[0]!;
  }
  return { flags, positionals: parsed.positionals };
}

const parseArgsStrict = (args: readonly string[], valueFlags: readonly string[]) =>
  nodeParseArgs({
    args: [...args],
    options: Object.fromEntries(valueFlags.map((name) => [name, { type: 'string', multiple: true } as const])),
    strict: true,
    allowPositionals: true,
  });

export function noPositionals(parsed: ParsedArgs, command: Command): void {
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`, command);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function usage(commands: readonly Command[], withSummaries = true): string {
  const forms = commands.flatMap((c) => c.usage.map((u) => `  ${PROGRAM} ${u}`));
  if (!withSummaries) return ['usage:', ...forms].join('\n');
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const summaries = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return ['usage:', ...forms, '', 'commands:', ...summaries, '', 'The ledger is the SQLite file at $LEDGER_DB (default ./data/ledger.db).'].join('\n');
}
