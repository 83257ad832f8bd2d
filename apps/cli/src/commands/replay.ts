import { resolve } from 'node:path';
import { PROJECTIONS, auditKeys } from '../../../../libs/ledger/src/projections';
import { parseInstant, parsePosition } from '../../../../libs/ledger/src/queries/time-travel';
import { replayCopy } from '../../../../libs/adapters/src/sqlite/sqlite-replay';
import { EXIT_OK, UsageError, noPositionals, parseArgs, type Command } from '../command';
import { ledgerPath } from '../ledger-file';

export const replayCommand: Command = {
  name: 'replay',
  usage: ['replay --to <position|timestamp|day> --out <file>'],
  summary: 'write a read-only copy of the books as they stood at a point: the log up to it and its read models',
  async run(args, { io, env, openLedger }) {
    const parsed = parseArgs(args, ['to', 'out'], replayCommand);
    noPositionals(parsed, replayCommand);
    const { to, out } = parsed.flags;
    if (to === undefined || out === undefined) throw new UsageError('--to and --out are needed', replayCommand);
    const store = openLedger();
    const head = (await store.head()).position;
    let position: number;
    try {
      position = /^\d+$/.test(to) ? parsePosition('to', to) : await store.positionAt(parseInstant('to', to));
    } catch (error) {
      throw new UsageError(`--to ${error instanceof Error ? error.message.replace(/^to: /, '') : String(error)}`, replayCommand);
    }
    if (position > head) throw new UsageError(`--to ${position} is past the head of the log (${head})`, replayCommand);
    const r = await replayCopy(ledgerPath(env), resolve(out), position, { projections: PROJECTIONS, auditKeys });
    io.out(`wrote ${r.file}: ${r.events} events, head ${r.position} ${r.hash}, read models rebuilt (${r.ms} ms); it refuses appends`);
    return EXIT_OK;
  },
};
