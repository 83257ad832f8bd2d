import { add, subtract } from '../../../domain/src';
import { ALLOCATIONS, type AllocationDoc } from './allocations.projection';
import { defineProjection, ref, type DocWrite } from './projection';

/**
 * What one allocation paid out net on one value date: payments valued that day minus reversals
 * taking effect that day. `/balances?valueDate=D` sums the days on or before D. The budget line
 * and unit path are copied from the allocation (they never change) so balance filters apply here too.
 */
export type DisbursedOnDayDoc = Readonly<{
  id: string;
  allocationId: string;
  valueDate: string;
  unit: string;
  unitPath: readonly string[];
  program: string;
  project: string;
  subProject: string | null;
  fiscalYear: number;
  capitalType: string;
  source: string;
  disbursed: number;
  _position?: number;
}>;

export const DISBURSED_BY_DAY = 'disbursed-by-day';
export const dayId = (allocationId: string, valueDate: string): string => `${allocationId}|${valueDate}`;

export const disbursedByDayProjection = defineProjection({
  name: 'disbursed-by-day',
  // An approved request is a payment valued on the day it was requested for.
  handles: ['DisbursementRecorded', 'DisbursementReversed', 'DisbursementApproved'],
  // The allocation's document is only read, for fields that never change: it is not "touched".
  touches: (e) => {
    const d = e.data;
    return [ref(DISBURSED_BY_DAY, dayId(d.allocationId, d.valueDate))];
  },
  apply(e, docs): DocWrite[] {
    const d = e.data;
    const id = dayId(d.allocationId, d.valueDate);
    const existing = docs<DisbursedOnDayDoc>(DISBURSED_BY_DAY, id);
    let day = existing;
    if (!day) {
      const a = docs<AllocationDoc>(ALLOCATIONS, d.allocationId);
      if (!a) throw new Error(`disbursed-by-day projection: '${d.allocationId}' has no document before position ${e.position}`);
      day = {
        id,
        allocationId: a.id,
        valueDate: d.valueDate,
        unit: a.unit,
        unitPath: a.unitPath,
        program: a.program,
        project: a.project,
        subProject: a.subProject,
        fiscalYear: a.fiscalYear,
        capitalType: a.capitalType,
        source: a.source,
        disbursed: 0,
      };
    }
    const disbursed = e.type === 'DisbursementReversed' ? subtract(day.disbursed, d.amount) : add(day.disbursed, d.amount);
    return [{ collection: DISBURSED_BY_DAY, id, doc: { ...day, disbursed } }];
  },
});
