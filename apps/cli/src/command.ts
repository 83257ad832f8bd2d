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
  constructor(message: string, readonly command?: Command) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParsedArgs = Readonly<{ flags: Readonly<Record<string, string>>; positionals: readonly string[] }>;

/** `--name value` and `--name=value` for the flags listed; anything else starting with `-` is refused. */
export function parseArgs(args: readonly string[], valueFlags: readonly string[], command?: Command): ParsedArgs {
  const flags: Record<string, string> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    if (!valueFlags.includes(name)) throw new UsageError(`unknown option ${arg}`, command);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`, command);
    if (name in flags) throw new UsageError(`--${name} given twice`, command);
    flags[name] = value;
  }
  return { flags, positionals };
}

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
