import { add, allocationDecider, available, type AllocationEvent, type AllocationState, type Principal } from '../../../domain/src';
import type { EventStore } from '../ports/event-store.port';
import type { ReadStore } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from '../projections/allocations.projection';
import { DISBURSEMENTS, type DisbursementDoc } from '../projections/disbursements.projection';
import { APPROVALS } from '../projections/approvals.projection';
import { requestView, type RequestView } from './list-approvals';
import { allocationById, disbursementAndAllocation } from '../commands/lookups';
import { streams } from '../streams';
import { upcast } from '../schema/upcasters';
import { visible } from './scope';
import type { ReadPoint } from './time-travel';

export type Balance = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number }>;

export type TraceLink =
  | Readonly<{ allocationId: string; unit: string; decision: AllocationDoc['decision']; amount: number; balanceAtTime: Balance }>
  /** An ancestor outside the reader's scope: named, but its figures are not the reader's business. */
  | Readonly<{ allocationId: string; unit: string; outOfScope: true }>;

/** A payment as the disbursements read model holds it, without the projection's bookkeeping. */
export type TracedPayment = Omit<DisbursementDoc, '_position'>;

const payment = ({ _position, ...d }: DisbursementDoc): TracedPayment => d;

/** An allocation's balance just after global position `position`, folded from its own stream. */
async function balanceAt(events: EventStore, allocationId: string, position: number): Promise<Balance | null> {
  let state: AllocationState = allocationDecider.initialState();
  for (const e of await events.readStream(streams.allocation(allocationId))) {
    if (e.position > position) break;
    state = allocationDecider.evolve(state, upcast(e) as unknown as AllocationEvent);
  }
  if (state.status !== 'granted') return null;
  return { allocated: state.allocated, subAllocated: state.subAllocated, disbursed: state.disbursed, available: available(state) };
}

async function ancestor(reads: ReadStore, id: string): Promise<AllocationDoc> {
  const a = await reads.get<AllocationDoc>(ALLOCATIONS, id);
  if (!a) throw new Error(`allocation '${id}' is an ancestor without a document`);
  return a;
}

/**
 * GET /disbursements/{id}/trace: the chain from the top-level allocation down to the payment, each
 * link with its balance just after the payment was recorded.
 */
export async function disbursementTrace(reads: ReadStore, events: EventStore, id: string, principal: Principal) {
  const at: ReadPoint = { position: await reads.checkpoint() };
  const { disbursement: d, allocation: own } = await disbursementAndAllocation(reads, principal, id);
  const chain: TraceLink[] = [];
  for (const allocationId of [...own.ancestry, own.id]) {
    // The chain above the caller's allocation is the funders': named (as `grantedBy`/`parentId` already are), not shown.
    const a = allocationId === own.id ? own : await ancestor(reads, allocationId);
    if (!visible(principal, a.unitPath)) {
      chain.push({ allocationId: a.id, unit: a.unit, outOfScope: true });
      continue;
    }
    const balance = await balanceAt(events, a.id, d.position);
    if (!balance) throw new Error(`allocation '${a.id}' has no grant at or before position ${d.position}`);
    chain.push({ allocationId: a.id, unit: a.unit, decision: a.decision, amount: balance.allocated, balanceAtTime: balance });
  }
  return { disbursementId: d.id, position: d.position, chain, payment: payment(d), at };
}

export type TraceNode = Readonly<{
  id: string;
  unit: string;
  decision: AllocationDoc['decision'];
  allocated: number;
  subAllocated: number;
  disbursed: number;
  disbursedTotal: number;
  /** Reserved by requests awaiting a checker (maker-checker). */
  pending: number;
  children: TraceNode[];
  disbursements: TracedPayment[];
  /** Payments that waited for a checker, pending or decided, in the order requested. */
  requests: RequestView[];
  reconciles: boolean;
  discrepancies: string[];
}>;

export type AllocationTrace = Readonly<{
  allocationId: string;
  reconciles: boolean;
  unreconciled: { id: string; unit: string; discrepancies: string[] }[];
  tree: TraceNode;
  /** The read models' position when the tree was read. */
  at: ReadPoint;
}>;

async function node(reads: ReadStore, a: AllocationDoc, bad: AllocationTrace['unreconciled']): Promise<TraceNode> {
  const discrepancies: string[] = [];
  const children: TraceNode[] = [];
  for (const childId of a.children) {
    const child = await reads.get<AllocationDoc>(ALLOCATIONS, childId);
    if (!child) discrepancies.push(`child '${childId}' has no document`);
    else children.push(await node(reads, child, bad));
  }
  const payments = (await reads.find<DisbursementDoc>(DISBURSEMENTS, { allocationId: a.id })).sort((x, y) => x.position - y.position).map(payment);
  const requests = (await reads.find<Parameters<typeof requestView>[0]>(APPROVALS, { allocationId: a.id }))
    .sort((x, y) => x.position - y.position)
    .map(requestView);
  const pendingRequested = requests.filter((r) => r.status === 'pending').reduce((s, r) => add(s, r.amount), 0);
  if ((a.pending ?? 0) !== pendingRequested) discrepancies.push(`pending ${a.pending ?? 0} ≠ Σ pending requests ${pendingRequested}`);
  const childAllocated = children.reduce((s, c) => add(s, c.allocated), 0);
  const ownDisbursed = payments.filter((p) => p.reversal === null).reduce((s, p) => add(s, p.amount), 0);
  const childTotals = children.reduce((s, c) => add(s, c.disbursedTotal), 0);
  if (a.subAllocated !== childAllocated) discrepancies.push(`subAllocated ${a.subAllocated} ≠ Σ children.allocated ${childAllocated}`);
  if (a.disbursed !== ownDisbursed) discrepancies.push(`disbursed ${a.disbursed} ≠ Σ own non-reversed disbursements ${ownDisbursed}`);
  if (a.disbursedTotal !== add(a.disbursed, childTotals))
    discrepancies.push(`disbursedTotal ${a.disbursedTotal} ≠ disbursed ${a.disbursed} + Σ children.disbursedTotal ${childTotals}`);
  if (discrepancies.length > 0) bad.push({ id: a.id, unit: a.unit, discrepancies });
  return {
    id: a.id,
    unit: a.unit,
    decision: a.decision,
    allocated: a.allocated,
    subAllocated: a.subAllocated,
    disbursed: a.disbursed,
    disbursedTotal: a.disbursedTotal,
    pending: a.pending ?? 0,
    children,
    disbursements: payments,
    requests,
    reconciles: discrepancies.length === 0,
    discrepancies,
  };
}

/**
 * GET /allocations/{id}/trace: the tree below an allocation down to every disbursement and reversal,
 * each node checked against its children and its own payments.
 */
export async function allocationTrace(reads: ReadStore, id: string, principal: Principal): Promise<AllocationTrace> {
  const root = await allocationById(reads, principal, id);
  // A write landing between two document reads would look like a discrepancy: read again until the
  // read models did not move while the tree was being read.
  for (let attempt = 0; ; attempt++) {
    const before = await reads.checkpoint();
    const unreconciled: AllocationTrace['unreconciled'] = [];
    const tree = await node(reads, await allocationById(reads, principal, id), unreconciled);
    const after = await reads.checkpoint();
    if (before === after || attempt === 4) return { allocationId: root.id, reconciles: unreconciled.length === 0, unreconciled, tree, at: { position: after } };
  }
}
