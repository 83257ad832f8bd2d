import type { Principal } from '../../../../libs/domain/src';
import { changes, type AllocationMove } from '../../../../libs/ledger/src/queries/changes';
import { MAX_LIMIT } from '../../../../libs/ledger/src/queries/list-page';
import { EXIT_OK, UsageError, noPositionals, parseArgs, type Command } from '../command';

/** Whoever can open the SQLite file can read all of it: the CLI reads as an inspector. */
const LOCAL_READER: Principal = { userId: 'cli', role: 'inspector', units: [] };

const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toLocaleString('en-US')}`;
const dong = (n: number) => n.toLocaleString('en-US');

export function moveLine(m: AllocationMove): string {
  const was = m.before ? `available ${dong(m.before.available)} → ${dong(m.after.available)}` : `new: allocated ${dong(m.after.allocated)}`;
  return (
    `${m.id}  ${m.unit}  ${was}  ` +
    `Δ allocated ${signed(m.delta.allocated)}  Δ passed down ${signed(m.delta.subAllocated)}  Δ disbursed ${signed(m.delta.disbursed)}  Δ available ${signed(m.delta.available)}`
  );
}

export const diffCommand: Command = {
  name: 'diff',
  usage: ['diff --from <position|timestamp|day> --to <position|timestamp|day> [--unit U] [--format text|json]'],
  summary: 'what was recorded between two moments and how each allocation balance moved (as GET /changes)',
  async run(args, { io, openLedger }) {
    const parsed = parseArgs(args, ['from', 'to', 'unit', 'format'], diffCommand);
    noPositionals(parsed, diffCommand);
    const { from, to, unit, format = 'text' } = parsed.flags;
    if (from === undefined || to === undefined) throw new UsageError('--from and --to are needed', diffCommand);
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`, diffCommand);
    const store = openLedger();
    const query = { from, to, ...(unit === undefined ? {} : { unit }) };
    const r = await changes(store, store, { ...query, limit: MAX_LIMIT }, LOCAL_READER);
    if (format === 'json') {
      // The same answer as GET /changes, with every event of the range: the pages, read at one position.
      const items = [...r.items];
      for (let next = r.nextCursor; next !== null;) {
        const page = await changes(store, store, { ...query, limit: MAX_LIMIT, cursor: next }, LOCAL_READER);
        items.push(...page.items);
        next = page.nextCursor;
      }
      io.out(JSON.stringify({ ...r, items, nextCursor: null }, null, 2));
      return EXIT_OK;
    }
    io.out(`changes after position ${r.from.position} up to ${r.to.position}: ${r.recorded.events} events`);
    for (const [type, n] of Object.entries(r.recorded.byType)) io.out(`  ${type}  ${n}`);
    io.out(r.allocations.length === 0 ? 'no allocation balance moved' : 'allocations:');
    for (const m of r.allocations) io.out(`  ${moveLine(m)}`);
    return EXIT_OK;
  },
};
