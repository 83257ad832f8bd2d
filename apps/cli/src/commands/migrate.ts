import { EsdbEventStore } from '../../../../libs/adapters/src/eventstoredb/esdb-event-store';
import { copyLog } from '../../../../libs/ledger/src/distributed/copy-log';
import { uniqueKeys } from '../../../../libs/ledger/src/distributed/unique-keys';
import { EXIT_FAILED, EXIT_OK, UsageError, noPositionals, parseArgs, type Command } from '../command';

/**
 * A district that started on one machine moves to the province's cluster: the whole log, in
 * order, with its ids and metadata, into an EventStoreDB that holds no ledger yet; then every
 * event is compared and the hash chain re-walked on the target. Run with no API writing to either.
 */
export const migrateCommand: Command = {
  name: 'migrate',
  usage: ['migrate --to <esdb-url>'],
  summary: 'copy the whole log into an empty EventStoreDB and verify the copy',
  async run(args, { io, openLedger }) {
    const parsed = parseArgs(args, ['to'], migrateCommand);
    noPositionals(parsed, migrateCommand);
    const url = parsed.flags.to;
    if (url === undefined) throw new UsageError('--to is required (e.g. esdb://localhost:2113?tls=false)', migrateCommand);
    const source = openLedger();
    const target = await EsdbEventStore.connect(url, { uniqueKeys });
    try {
      const total = (await source.head()).position;
      io.err(`copying ${total} events to ${url}`);
      let shown = 0;
      const result = await copyLog(source, target, (copied) => {
        if (copied - shown >= 10_000) {
          shown = copied;
          io.err(`  ${copied}/${total}`);
        }
      });
      if (!result.ok) {
        io.out(`copy differs at position ${result.position}: ${result.problem}`);
        return EXIT_FAILED;
      }
      io.out(`migrated and verified: ${result.events} events, head position ${result.head.position}, digest ${result.head.hash}`);
      return EXIT_OK;
    } finally {
      await target.close();
    }
  },
};
