import { notFound, type Principal } from '../../../../libs/domain/src';
import {
  allocationTrace,
  disbursementTrace,
  type AllocationTrace,
  type TraceLink,
  type TraceNode,
  type TracedPayment,
} from '../../../../libs/ledger/src/queries/trace';
import type { SqliteLedgerStore } from '../../../../libs/adapters/src/sqlite/sqlite-ledger-store';
import { EXIT_FAILED, EXIT_OK, UsageError, parseArgs, type Command } from '../command';

/** Whoever can open the SQLite file can read all of it: the CLI reads as an inspector. */
const LOCAL_READER: Principal = { userId: 'cli', role: 'inspector', units: [] };

const dong = (n: number) => `${n.toLocaleString('en-US')} đ`;

const paymentLine = (p: TracedPayment) =>
  `payment ${p.id}  ${dong(p.amount)}  ${p.valueDate}  ${p.voucher}${p.payee ? `  to ${p.payee}` : ''}` +
  (p.reversal ? `  REVERSED (${p.reversal.reason})` : '');

export function traceText(t: AllocationTrace): string {
  const lines: string[] = [];
  const walk = (n: TraceNode, depth: number) => {
    const pad = '  '.repeat(depth);
    lines.push(
      `${pad}${n.id}  ${n.unit}  ${n.decision.number}  allocated ${dong(n.allocated)}  passed down ${dong(n.subAllocated)}` +
        `  disbursed ${dong(n.disbursed)}  total ${dong(n.disbursedTotal)}  ${n.reconciles ? 'ok' : 'DOES NOT RECONCILE'}`,
    );
    for (const d of n.discrepancies) lines.push(`${pad}  ! ${d}`);
    for (const p of n.disbursements) lines.push(`${pad}  ${paymentLine(p)}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  walk(t.tree, 0);
  lines.push(t.reconciles ? `reconciles (read models at position ${t.at.position})` : `does not reconcile at: ${t.unreconciled.map((u) => u.id).join(', ')}`);
  return lines.join('\n');
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function traceDot(t: AllocationTrace): string {
  const lines = ['digraph trace {', '  rankdir=TB;', '  node [shape=box, fontname="Helvetica"];'];
  const walk = (n: TraceNode) => {
    const label = [
      n.id,
      n.unit,
      n.decision.number,
      `allocated ${dong(n.allocated)}`,
      `passed down ${dong(n.subAllocated)}`,
      `disbursed ${dong(n.disbursed)}`,
      `total ${dong(n.disbursedTotal)}`,
      ...n.discrepancies,
    ].join('\n');
    lines.push(`  ${q(n.id)} [label=${q(label)}${n.reconciles ? '' : ', color=red, fontcolor=red'}];`);
    for (const p of n.disbursements) {
      const pid = `disbursement:${p.id}`;
      const label = [p.id, dong(p.amount), p.valueDate, p.voucher, ...(p.reversal ? [`reversed: ${p.reversal.reason}`] : [])].join('\n');
      lines.push(`  ${q(pid)} [shape=note, label=${q(label)}${p.reversal ? ', style=dashed' : ''}];`);
      lines.push(`  ${q(n.id)} -> ${q(pid)};`);
    }
    for (const c of n.children) {
      walk(c);
      lines.push(`  ${q(n.id)} -> ${q(c.id)} [label=${q(dong(c.allocated))}];`);
    }
  };
  walk(t.tree);
  lines.push('}');
  return lines.join('\n');
}

type PaymentTrace = Awaited<ReturnType<typeof disbursementTrace>>;

/** A payment's chain of money, from the top-level allocation down to it. */
export function paymentTraceText(t: PaymentTrace): string {
  const link = (l: TraceLink, depth: number) =>
    '  '.repeat(depth) +
    ('outOfScope' in l
      ? `${l.allocationId}  ${l.unit}  (outside your scope)`
      : `${l.allocationId}  ${l.unit}  ${l.decision.number}  allocated ${dong(l.balanceAtTime.allocated)}  passed down ${dong(l.balanceAtTime.subAllocated)}` +
        `  disbursed ${dong(l.balanceAtTime.disbursed)}  available ${dong(l.balanceAtTime.available)}`);
  return [...t.chain.map(link), `${'  '.repeat(t.chain.length)}${paymentLine(t.payment)}`, `balances as they stood just after position ${t.position}`].join(
    '\n',
  );
}

/** An id names an allocation or a payment; allocations are tried first, as before. */
async function traceEither(ledger: SqliteLedgerStore, id: string): Promise<{ allocation: AllocationTrace } | { payment: PaymentTrace }> {
  try {
    return { allocation: await allocationTrace(ledger, id, LOCAL_READER) };
  } catch (e) {
    if ((e as { code?: string }).code !== 'NOT_FOUND') throw e;
    try {
      return { payment: await disbursementTrace(ledger, ledger, id, LOCAL_READER) };
    } catch (inner) {
      if ((inner as { code?: string }).code !== 'NOT_FOUND') throw inner;
      throw notFound('allocation or disbursement', id);
    }
  }
}

export const traceCommand: Command = {
  name: 'trace',
  usage: ['trace <allocation-id|disbursement-id> [--format text|dot]'],
  summary:
    "print the tree below an allocation down to every payment and reversal (exit 1 if it does not reconcile), or a payment's chain up to the top-level allocation",
  async run(args, { io, openLedger }) {
    const { flags, positionals } = parseArgs(args, ['format'], traceCommand);
    const format = flags.format ?? 'text';
    if (format !== 'text' && format !== 'dot') throw new UsageError(`--format must be text or dot, not '${format}'`, traceCommand);
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'an allocation id is needed' : `unexpected argument '${positionals[1]}'`, traceCommand);
    const found = await traceEither(openLedger(), positionals[0]!);
    if ('payment' in found) {
      if (format === 'dot') throw new UsageError("--format dot draws an allocation's tree; a payment's chain is printed as text", traceCommand);
      io.out(paymentTraceText(found.payment));
      return EXIT_OK;
    }
    io.out(format === 'dot' ? traceDot(found.allocation) : traceText(found.allocation));
    return found.allocation.reconciles ? EXIT_OK : EXIT_FAILED;
  },
};
