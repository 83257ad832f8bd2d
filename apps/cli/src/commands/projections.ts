import { PROJECTIONS, auditKeys } from '../../../../libs/ledger/src/projections';
import { ReadModelRebuild, rebuildReadModels } from '../../../../libs/adapters/src/sqlite/sqlite-rebuild';
import { EXIT_OK, UsageError, parseArgs, type Command } from '../command';
import { ledgerPath, openExistingLedger } from '../ledger-file';

export const projectionsCommand: Command = {
  name: 'projections',
  usage: ['projections rebuild [name]'],
  summary: `rebuild read models from the log beside the live ones, then switch atomically (names: ${ReadModelRebuild.names(PROJECTIONS).join(', ')}; none: all)`,
  async run(args, { io, env }) {
    const { positionals } = parseArgs(args, [], projectionsCommand);
    const [sub, name, extra] = positionals;
    if (sub !== 'rebuild') throw new UsageError(sub === undefined ? 'a subcommand is needed' : `unknown subcommand '${sub}'`, projectionsCommand);
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, projectionsCommand);
    if (name !== undefined && !ReadModelRebuild.names(PROJECTIONS).includes(name)) {
      throw new UsageError(`no read model named '${name}' (known: ${ReadModelRebuild.names(PROJECTIONS).join(', ')})`, projectionsCommand);
    }
    const file = ledgerPath(env);
    // Opening it first brings an old file's schema and read models up to this release.
    await openExistingLedger(file).close();
    const r = await rebuildReadModels(file, { projections: PROJECTIONS, auditKeys }, name ?? null);
    io.out(
      `rebuilt ${r.rebuilt} from ${r.events} events up to position ${r.position} in ${r.ms} ms${r.collections.length > 0 ? ` (${r.collections.join(', ')})` : ''}`,
    );
    return EXIT_OK;
  },
};
