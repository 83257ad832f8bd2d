import {
  allocationGraph,
  boxHeight,
  paymentGraph,
  type AllocationTraceShape,
  type GraphBox,
  type PaymentTraceShape,
  type Words,
} from '../../apps/web/src/trace/trace-graph-model';
import { layoutTree, type LayoutInput } from '../../apps/web/src/trace/tree-layout';

const leaf = (id: string, height = 40): LayoutInput<string> => ({ value: id, height, children: [] });
const node = (id: string, children: LayoutInput<string>[], height = 40): LayoutInput<string> => ({ value: id, height, children });
const S = { width: 100, gapX: 10, gapY: 20, margin: 5 };

describe('console: the trace drawn as a tidy tree', () => {
  it('puts leaves in consecutive columns, each parent centred over its children, each depth in a row as tall as its tallest box', () => {
    const l = layoutTree(node('root', [node('a', [leaf('a1'), leaf('a2', 60)]), leaf('b'), node('c', [leaf('c1')])]), S);
    const at = Object.fromEntries(l.nodes.map((n) => [n.value, n]));
    expect(['a1', 'a2', 'b', 'c1'].map((k) => at[k]!.x)).toEqual([5, 115, 225, 335]);
    expect(at.a!.x).toBe(60);
    expect(at.c!.x).toBe(335);
    expect(at.root!.x).toBe((60 + 335) / 2);
    // rows: 40 tall at depth 0; 40 at depth 1 (b is 40); 60 at depth 2 (a2).
    expect([at.root!.y, at.a!.y, at.b!.y, at.a1!.y, at.c1!.y]).toEqual([5, 65, 65, 125, 125]);
    expect(l.width).toBe(5 + 4 * 100 + 3 * 10 + 5);
    expect(l.height).toBe(125 + 60 + 5);
    expect(at.a1!.parent!.value).toBe('a');
  });

  it('never lets two boxes of a row overlap', () => {
    const wide = node(
      'r',
      Array.from({ length: 5 }, (_, i) =>
        node(
          `n${i}`,
          Array.from({ length: i }, (_, j) => leaf(`n${i}-${j}`)),
        ),
      ),
    );
    const l = layoutTree(wide, S);
    for (const a of l.nodes) for (const b of l.nodes) if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(S.width + S.gapX);
  });
});

const words: Words = {
  money: (d) => `${d} đ`,
  date: (d) => d,
  allocated: 'allocated',
  subAllocated: 'passed down',
  disbursed: 'disbursed',
  disbursedTotal: 'disbursed incl. below',
  available: 'available',
  reconciles: 'reconciles',
  doesNotReconcile: 'does not reconcile',
  reversed: (r) => `reversed: ${r}`,
  outOfScope: 'outside',
  decision: (n, d) => `${n} of ${d}`,
};
const decision = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
type Reversal = { reason: string; valueDate: string; recordedAt: string; recordedBy: string; position: number } | null;
const payment = (id: string, amount: number, reversal: Reversal = null) => ({
  id,
  allocationId: 'PT',
  unit: 'PHONG-THO',
  amount,
  valueDate: '2022-09-15',
  voucher: `UNC-${id}`,
  payee: null,
  purpose: null,
  recordedAt: '2022-09-15T08:00:00.000Z',
  recordedBy: 'pt-finance',
  position: 9,
  reversal,
});
const flatten = (n: LayoutInput<GraphBox>): GraphBox[] => [n.value, ...n.children.flatMap(flatten)];

describe('console: the boxes of a trace', () => {
  it('draws every allocation, payment and reversal, marking the unreconciled node with its reasons', () => {
    const trace: AllocationTraceShape & Record<string, unknown> = {
      allocationId: 'LC',
      at: { position: 12 },
      reconciles: false,
      unreconciled: [{ id: 'PT', unit: 'PHONG-THO', discrepancies: ['disbursed 5 ≠ 6'] }],
      tree: {
        id: 'LC',
        unit: 'LAI-CHAU',
        decision,
        allocated: 300,
        subAllocated: 70,
        disbursed: 0,
        disbursedTotal: 20,
        reconciles: true,
        discrepancies: [],
        disbursements: [],
        children: [
          {
            id: 'PT',
            unit: 'PHONG-THO',
            decision,
            allocated: 70,
            subAllocated: 0,
            disbursed: 20,
            disbursedTotal: 20,
            reconciles: false,
            discrepancies: ['disbursed 5 ≠ 6'],
            children: [],
            disbursements: [
              payment('D1', 20),
              payment('D3', 5, {
                reason: 'posted twice',
                valueDate: '2022-10-22',
                recordedAt: '2022-10-22T08:00:00.000Z',
                recordedBy: 'pt-finance',
                position: 11,
              }),
            ],
          },
        ],
      },
    };
    const boxes = flatten(allocationGraph(trace, words));
    expect(boxes.map((b) => [b.id, b.kind, b.alarm, b.struck])).toEqual([
      ['LC', 'allocation', false, false],
      ['PT', 'allocation', true, false],
      ['D1', 'payment', false, false],
      ['D3', 'payment', false, true],
      ['D3 ✕', 'reversal', false, false],
    ]);
    const pt = boxes[1]!;
    expect(pt.lines).toContain('747/QĐ-UBND of 2022-06-30');
    expect(pt.lines).toContain('✗ does not reconcile');
    expect(boxes[0]!.lines).toContain('disbursed incl. below: 20 đ');
    expect(pt.alarmLines).toEqual(['disbursed 5 ≠ 6']);
    expect(boxHeight(pt)).toBeGreaterThan(boxHeight(boxes[0]!));
    expect(boxes[4]!.lines[0]).toBe('reversed: posted twice');
  });

  it('draws a payment’s chain from the top-level decision down, an ancestor outside the scope named only', () => {
    const trace: PaymentTraceShape & Record<string, unknown> = {
      disbursementId: 'C1',
      position: 14,
      chain: [
        { allocationId: 'LC', unit: 'LAI-CHAU', outOfScope: true },
        { allocationId: 'PT', unit: 'PHONG-THO', decision, balanceAtTime: { allocated: 70, subAllocated: 10, disbursed: 20, available: 40 } },
      ],
      payment: payment('C1', 2),
      at: { position: 14 },
    };
    const root = paymentGraph(trace, words);
    expect(flatten(root).map((b) => [b.id, b.kind])).toEqual([
      ['LC', 'outside'],
      ['PT', 'allocation'],
      ['C1', 'payment'],
    ]);
    expect(root.value.lines).toEqual(['LAI-CHAU', 'outside']);
    expect(root.children[0]!.value.lines).toContain('passed down: 10 đ');
    expect(root.children[0]!.value.lines).toContain('available: 40 đ');
  });
});
