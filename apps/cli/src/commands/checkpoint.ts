import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCheckpointKeys, signCheckpoint } from '../../../../libs/ledger/src/integrity/checkpoint';
import { verifyChain } from '../../../../libs/ledger/src/integrity/verify-chain';
import { EXIT_FAILED, EXIT_OK, UsageError, noPositionals, parseArgs, type CliContext, type Command } from '../command';

type Sub = (args: readonly string[], ctx: CliContext) => Promise<number>;

/** The git work tree a folder lies in, if any: a private key there is one `git add -A` from being published. */
function repositoryHolding(dir: string): string | null {
  for (let p = resolve(dir); ; p = dirname(p)) {
    if (existsSync(join(p, '.git'))) return p;
    if (dirname(p) === p) return null;
  }
}

const keygen: Sub = async (args, { io }) => {
  const parsed = parseArgs(args, ['out'], checkpointCommand);
  noPositionals(parsed, checkpointCommand);
  const dir = parsed.flags.out;
  if (dir === undefined) throw new UsageError('checkpoint keygen needs --out DIR', checkpointCommand);
  const repository = repositoryHolding(dir);
  if (repository !== null) {
    throw new UsageError(
      `--out ${dir} is inside the git repository ${repository}: a private key must not live in a work tree; choose a folder outside it (e.g. --out ~/ledger-keys)`,
      checkpointCommand,
    );
  }
  const keys = generateCheckpointKeys();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // 'wx': a second keygen into the same folder must not destroy the key earlier checkpoints were signed with.
  writeFileSync(join(dir, 'private.pem'), keys.privateKey, { flag: 'wx', mode: 0o600 });
  writeFileSync(join(dir, 'public.pem'), keys.publicKey, { flag: 'wx', mode: 0o644 });
  io.out(`wrote ${join(dir, 'private.pem')} (keep it off the ledger's machine) and ${join(dir, 'public.pem')}`);
  return EXIT_OK;
};

const sign: Sub = async (args, { io, readLog }) => {
  const parsed = parseArgs(args, ['key', 'out'], checkpointCommand);
  noPositionals(parsed, checkpointCommand);
  const { key: keyFile, out } = parsed.flags;
  if (keyFile === undefined) throw new UsageError('checkpoint sign needs --key private.pem', checkpointCommand);
  const privateKey = readFileSync(keyFile, 'utf8');
  // Signing the head of a log that is already broken would vouch for the tampering.
  const result = await verifyChain(readLog());
  if (!result.ok) {
    io.out(`not signing: broken at position ${result.position}: ${result.problem}`);
    return EXIT_FAILED;
  }
  const checkpoint = signCheckpoint(result.head, privateKey);
  const json = `${JSON.stringify(checkpoint, null, 2)}\n`;
  if (out === undefined) {
    io.out(json.trimEnd());
  } else {
    writeFileSync(out, json);
    io.out(`signed checkpoint at position ${checkpoint.position} (${result.events} events verified), digest ${checkpoint.hash} -> ${out}`);
  }
  return EXIT_OK;
};

const SUBCOMMANDS: Readonly<Record<string, Sub>> = { keygen, sign };

export const checkpointCommand: Command = {
  name: 'checkpoint',
  usage: ['checkpoint keygen --out DIR', 'checkpoint sign --key private.pem [--out checkpoint.json]'],
  summary: 'make an Ed25519 key pair, or sign the verified head of the log',
  async run(args, ctx) {
    const [sub, ...rest] = args;
    if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) {
      throw new UsageError(sub === undefined ? 'which one: keygen or sign?' : `unknown subcommand '${sub}'`, checkpointCommand);
    }
    return SUBCOMMANDS[sub]!(rest, ctx);
  },
};
