import type { LayoutInput } from './tree-layout';

/*
 * The fields the drawing reads, by their shape: the API's types (generated from the served
 * document) fit them, and this module stays pure, testable without the generated client.
 */
type Decision = Readonly<{ number: string; date: string }>;
type Payment = Readonly<{
  id: string;
  unit: string;
  amount: number;
  valueDate: string;
  voucher: string;
  reversal: Readonly<{ reason: string; valueDate: string; recordedBy: string }> | null;
}>;
type TraceNode = Readonly<{
  id: string;
  unit: string;
  decision: Decision;
  allocated: number;
  subAllocated: number;
  disbursed: number;
  disbursedTotal: number;
  reconciles: boolean;
  discrepancies: readonly string[];
  children: readonly TraceNode[];
  disbursements: readonly Payment[];
}>;
export type AllocationTraceShape = Readonly<{ tree: TraceNode }>;
type Balance = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number }>;
export type PaymentTraceShape = Readonly<{
  chain: readonly (
    | Readonly<{ allocationId: string; unit: string; decision: Decision; balanceAtTime: Balance }>
    | Readonly<{ allocationId: string; unit: string; outOfScope: true }>
  )[];
  payment: Payment;
}>;

/** What a box of the drawing says: its id, then lines of text, and how it is marked. */
export type GraphBox = Readonly<{
  id: string;
  kind: 'allocation' | 'payment' | 'reversal' | 'outside';
  lines: readonly string[];
  /** An allocation that does not reconcile: drawn in red, with the reasons (`alarmLines`) in red below its lines. */
  alarm: boolean;
  alarmLines?: readonly string[];
  struck: boolean;
}>;

/** How the page turns figures and codes into words (the same `t`/`money` as the rest of the console). */
export type Words = Readonly<{
  money: (dong: number) => string;
  date: (day: string) => string;
  allocated: string;
  disbursed: string;
  disbursedTotal: string;
  available: string;
  subAllocated: string;
  reconciles: string;
  doesNotReconcile: string;
  reversed: (reason: string) => string;
  outOfScope: string;
  decision: (number: string, date: string) => string;
}>;

const LINE = 16;
const PAD = 10;
export const boxHeight = (b: GraphBox) => 2 * PAD + (b.lines.length + (b.alarmLines?.length ?? 0) + 1) * LINE;
export const LINE_HEIGHT = LINE;
export const BOX_PADDING = PAD;

const input = (box: GraphBox, children: LayoutInput<GraphBox>[] = []): LayoutInput<GraphBox> => ({ value: box, height: boxHeight(box), children });

function paymentBoxes(p: Payment, w: Words): LayoutInput<GraphBox> {
  const payment: GraphBox = {
    id: p.id,
    kind: 'payment',
    lines: [`${p.voucher} · ${w.date(p.valueDate)}`, w.money(p.amount), p.unit],
    alarm: false,
    struck: p.reversal !== null,
  };
  if (!p.reversal) return input(payment);
  const reversal: GraphBox = {
    id: `${p.id} ✕`,
    kind: 'reversal',
    lines: [w.reversed(p.reversal.reason), w.date(p.reversal.valueDate), p.reversal.recordedBy],
    alarm: false,
    struck: false,
  };
  return input(payment, [input(reversal)]);
}

/** The allocation tree down to every payment, and each payment's reversal below it. */
export function allocationGraph(trace: AllocationTraceShape, w: Words): LayoutInput<GraphBox> {
  const node = (n: TraceNode): LayoutInput<GraphBox> => {
    const box: GraphBox = {
      id: n.id,
      kind: 'allocation',
      lines: [
        n.unit,
        w.decision(n.decision.number, w.date(n.decision.date)),
        `${w.allocated}: ${w.money(n.allocated)}`,
        `${w.subAllocated}: ${w.money(n.subAllocated)}`,
        `${w.disbursed}: ${w.money(n.disbursed)}`,
        `${w.disbursedTotal}: ${w.money(n.disbursedTotal)}`,
        n.reconciles ? `✓ ${w.reconciles}` : `✗ ${w.doesNotReconcile}`,
      ],
      alarm: !n.reconciles,
      alarmLines: n.discrepancies,
      struck: false,
    };
    return input(box, [...n.children.map(node), ...n.disbursements.map((p) => paymentBoxes(p, w))]);
  };
  return node(trace.tree);
}

/** A payment's chain: the top-level allocation first, each below its parent, the payment last. */
export function paymentGraph(trace: PaymentTraceShape, w: Words): LayoutInput<GraphBox> {
  let below = paymentBoxes(trace.payment, w);
  for (const link of [...trace.chain].reverse()) {
    const box: GraphBox =
      'outOfScope' in link
        ? { id: link.allocationId, kind: 'outside', lines: [link.unit, w.outOfScope], alarm: false, struck: false }
        : {
            id: link.allocationId,
            kind: 'allocation',
            lines: [
              link.unit,
              w.decision(link.decision.number, w.date(link.decision.date)),
              `${w.allocated}: ${w.money(link.balanceAtTime.allocated)}`,
              `${w.subAllocated}: ${w.money(link.balanceAtTime.subAllocated)}`,
              `${w.disbursed}: ${w.money(link.balanceAtTime.disbursed)}`,
              `${w.available}: ${w.money(link.balanceAtTime.available)}`,
            ],
            alarm: false,
            struck: false,
          };
    below = input(box, [below]);
  }
  return below;
}
