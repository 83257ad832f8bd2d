import type { AllocationGranted } from '../../../domain/src';
import { add, subtract } from '../../../domain/src';
import { UNITS, type UnitDoc } from './units.projection';
import { defineProjection, ref, type DocRef, type DocWrite } from './projection';
import { MAKER_CHECKER_EVENTS, applyMakerChecker } from './allocations.maker-checker';

export type AllocationDoc = Readonly<{
  id: string;
  unit: string;
  /** The unit and its ancestors, nearest first: balance queries filter subtrees on it. */
  unitPath: readonly string[];
  grantedBy: string | null;
  parentId: string | null;
  ancestry: readonly string[];
  children: readonly string[];
  program: string;
  project: string;
  subProject: string | null;
  fiscalYear: number;
  capitalType: string;
  source: string;
  decision: AllocationGranted['data']['decision'];
  allocated: number;
  subAllocated: number;
  disbursed: number;
  disbursedTotal: number;
  /** Requests awaiting a checker, reserved (absent on documents written before issue 13: none). */
  pending?: number;
  grantedAt: string;
  /** Progress notes, oldest first (absent on documents written before issue 12: none). */
  notes?: readonly AllocationNote[];
  _position?: number;
}>;

export type AllocationNote = Readonly<{ id: string; text: string; asOf: string; recordedAt: string; recordedBy: string; position: number }>;

export const ALLOCATIONS = 'allocations';

/** Live balances of every allocation: the figures GET /allocations/{id} and /balances read. */
export const allocationsProjection = defineProjection({
  name: 'allocations',
  handles: [
    'AllocationGranted',
    'AllocationAdjusted',
    'FundsPassedDown',
    'FundsReturned',
    'DisbursementRecorded',
    'DisbursementReversed',
    'AllocationNoteRecorded',
    ...MAKER_CHECKER_EVENTS,
  ],
  touches(e) {
    const refs: DocRef[] = [ref(ALLOCATIONS, e.data.allocationId)];
    if (e.type === 'AllocationGranted') {
      refs.push(ref(UNITS, e.data.unit));
      if (e.data.parentId) refs.push(ref(ALLOCATIONS, e.data.parentId));
    }
    if (e.type === 'DisbursementRecorded' || e.type === 'DisbursementReversed' || e.type === 'DisbursementApproved')
      for (const a of e.data.ancestry) refs.push(ref(ALLOCATIONS, a));
    return refs;
  },
  apply(e, docs): DocWrite[] {
    const get = (id: string): AllocationDoc => {
      const doc = docs<AllocationDoc>(ALLOCATIONS, id);
      if (!doc) throw new Error(`allocations projection: '${id}' has no document before position ${e.position}`);
      return doc;
    };
    const put = (doc: AllocationDoc): DocWrite => ({ collection: ALLOCATIONS, id: doc.id, doc });
    switch (e.type) {
      case 'AllocationGranted': {
        const d = e.data;
        const writes = [
          put({
            id: d.allocationId,
            unit: d.unit,
            unitPath: docs<UnitDoc>(UNITS, d.unit)?.path ?? [d.unit],
            grantedBy: d.grantedBy,
            parentId: d.parentId,
            ancestry: d.ancestry,
            children: [],
            ...d.line,
            decision: d.decision,
            allocated: d.amount,
            subAllocated: 0,
            disbursed: 0,
            disbursedTotal: 0,
            pending: 0,
            grantedAt: e.metadata.recordedAt,
          }),
        ];
        if (d.parentId) {
          const parent = get(d.parentId);
          writes.push(put({ ...parent, children: [...parent.children, d.allocationId] }));
        }
        return writes;
      }
      case 'AllocationAdjusted': {
        const d = e.data;
        return [put({ ...get(d.allocationId), allocated: d.allocated })];
      }
      case 'FundsPassedDown': {
        const d = e.data;
        const a = get(d.allocationId);
        return [put({ ...a, subAllocated: add(a.subAllocated, d.amount) })];
      }
      case 'FundsReturned': {
        const d = e.data;
        const a = get(d.allocationId);
        return [put({ ...a, subAllocated: subtract(a.subAllocated, d.amount) })];
      }
      case 'DisbursementRecorded':
      case 'DisbursementReversed': {
        const d = e.data;
        const delta = e.type === 'DisbursementRecorded' ? d.amount : -d.amount;
        const own = get(d.allocationId);
        return [
          put({ ...own, disbursed: add(own.disbursed, delta), disbursedTotal: add(own.disbursedTotal, delta) }),
          ...d.ancestry.map((id) => {
            const a = get(id);
            return put({ ...a, disbursedTotal: add(a.disbursedTotal, delta) });
          }),
        ];
      }
      case 'AllocationNoteRecorded': {
        const d = e.data;
        const a = get(d.allocationId);
        const note: AllocationNote = {
          id: d.noteId,
          text: d.text,
          asOf: d.asOf,
          recordedAt: e.metadata.recordedAt,
          recordedBy: e.metadata.actor.userId,
          position: e.position,
        };
        return [put({ ...a, notes: [...(a.notes ?? []), note] })];
      }
      case 'DisbursementRequested':
      case 'DisbursementApproved':
      case 'DisbursementRejected':
      case 'DisbursementWithdrawn':
        return applyMakerChecker(e, get).map(put);
      default: {
        const _exhaustive: never = e;
        return _exhaustive;
      }
    }
  },
});
