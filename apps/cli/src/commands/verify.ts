import { readFileSync } from 'node:fs';
import { parseCheckpoint, verifyCheckpoint } from '../../../../libs/ledger/src/integrity/checkpoint';
import { verifyChain } from '../../../../libs/ledger/src/integrity/verify-chain';
import { EXIT_FAILED, EXIT_OK, UsageError, noPositionals, parseArgs, type Command } from '../command';

export const verifyCommand: Command = {
  name: 'verify',
  usage: ['verify [--since checkpoint.json] [--public-key key.pem]'],
  summary: 'walk the whole hash chain; exit 1 at the first broken link',
  async run(args, { io, readLog }) {
    const parsed = parseArgs(args, ['since', 'public-key'], verifyCommand);
    noPositionals(parsed, verifyCommand);
    const { since: checkpointFile, 'public-key': keyFile } = parsed.flags;
    if (keyFile !== undefined && checkpointFile === undefined) throw new UsageError('--public-key checks a checkpoint: give --since too', verifyCommand);

    let since;
    if (checkpointFile !== undefined) {
      const checked = verifyCheckpoint(
        parseCheckpoint(readFileSync(checkpointFile, 'utf8')),
        keyFile === undefined ? undefined : readFileSync(keyFile, 'utf8'),
      );
      if (!checked.ok) {
        io.out(`checkpoint ${checkpointFile} rejected: ${checked.problem}`);
        return EXIT_FAILED;
      }
      if (!checked.trustedKey) io.err(`note: ${checkpointFile} was checked against the key it carries; give --public-key to know who signed it`);
      since = checked.checkpoint;
    }

    const result = await verifyChain(readLog(), { since });
    if (!result.ok) {
      io.out(`broken at position ${result.position}: ${result.problem}`);
      return EXIT_FAILED;
    }
    if (since) io.out(`checkpoint matches at position ${since.position} (signed ${since.signedAt})`);
    io.out(`intact: ${result.events} events, head position ${result.head.position}, digest ${result.head.hash}`);
    return EXIT_OK;
  },
};
