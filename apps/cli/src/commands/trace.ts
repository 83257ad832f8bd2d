import type { Principal } from '../../../../libs/domain/src';
import { allocationTrace, type AllocationTrace, type TraceNode, type TracedPayment } from '../../../../libs/ledger/src/queries/trace';
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
    const label = [n.id, n.unit, n.decision.number, `allocated ${dong(n.allocated)}`, `passed down ${dong(n.subAllocated)}`, `disbursed ${dong(n.disbursed)}`, `total ${dong(n.disbursedTotal)}`, ...n.discrepancies].join('\n');
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

export const traceCommand: Command = {
  name: 'trace',
  usage: ['trace <allocation-id> [--format text|dot]'],
  summary: 'print the tree below an allocation down to every payment and reversal (exit 1 if it does not reconcile)',
  async run(args, { io, openLedger }) {
    const { flags, positionals } = parseArgs(args, ['format'], traceCommand);
    const format = flags.format ?? 'text';
    if (format !== 'text' && format !== 'dot') throw new UsageError(`--format must be text or dot, not '${format}'`, traceCommand);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'an allocation id is needed' : `unexpected argument '${positionals[1]}'`, traceCommand);
    const trace = await allocationTrace(openLedger(), positionals[0]!, LOCAL_READER);
    io.out(format === 'dot' ? traceDot(trace) : traceText(trace));
    return trace.reconciles ? EXIT_OK : EXIT_FAILED;
  },
};
