import type { Principal } from '../../../domain/src';
import type { ReadStore } from '../ports/read-store.port';
import type { UnitDoc } from '../projections/units.projection';
import { approvalPolicyFor } from '../commands/approvals/approval-policy-in-force';
import { unitByCode } from '../commands/lookups';
import { readingAt, type TimeTravelQuery } from './time-travel';

/** A unit's approval policy in force: its own or the nearest ancestor's (`policy.unit` says whose); null: none. */
export async function approvalPolicyView(reads: ReadStore, unit: UnitDoc) {
  const found = await approvalPolicyFor(reads, unit.path);
  return {
    unit: unit.code,
    policy:
      found === null
        ? null
        : {
            unit: found.policy.unit,
            threshold: found.policy.threshold,
            decision: found.policy.decision,
            setBy: found.doc.setBy,
            setAt: found.doc.setAt,
            position: found.doc.position,
          },
  };
}

/** GET /units/{code}/approval-policy. */
export async function approvalPolicy(current: ReadStore, code: string, principal: Principal, q: TimeTravelQuery = {}) {
  const { reads, at } = await readingAt(current, q);
  const unit = await unitByCode(reads, principal, code);
  return { ...(await approvalPolicyView(reads, unit)), at };
}
