import { BUDGET_LINE_FIELDS } from '../catalogue/catalogue';
import type { Decider } from '../shared/decider';
import { DomainError, alreadyExists, invalid, notFound } from '../shared/errors';
import { event, type LegalDocument } from '../shared/event';
import { add, type Dong } from '../shared/money';
import { needsApproval } from '../approvals/approval-policy';
import type { AllocationCommand } from './allocation.commands';
import { approve, reject, withdraw } from './maker-checker';
import { ALLOCATION_EVENT_VERSIONS, type AllocationEvent } from './allocation.events';
import { available, committed, evolveAllocation, initialAllocationState, type AllocationState, type Granted } from './allocation.state';

const insufficientFunds = (s: Granted, amount: Dong): DomainError =>
  new DomainError('INSUFFICIENT_FUNDS', `allocation '${s.id}' has ${available(s)} đ available; ${amount} đ requested`, {
    allocationId: s.id,
    available: available(s),
    requested: amount,
  });

function granted(state: AllocationState, id: string): Granted {
  if (state.status !== 'granted') throw notFound('allocation', id);
  return state;
}

export function decideAllocation(command: AllocationCommand, state: AllocationState): AllocationEvent[] {
  switch (command.type) {
    case 'GrantAllocation': {
      if (state.status !== 'empty') throw alreadyExists('allocation', command.allocationId);
      return [
        event('AllocationGranted', {
          allocationId: command.allocationId,
          unit: command.unit,
          grantedBy: command.grantedBy,
          parentId: null,
          ancestry: [],
          line: command.line,
          amount: command.amount,
          decision: command.decision,
          transferId: null,
        }),
      ];
    }
    case 'PassDown': {
      const parent = granted(state, 'parent');
      // The child's budget line is the parent's: any field given must repeat it (Decision 90 lines never mix).
      for (const field of BUDGET_LINE_FIELDS) {
        const given = command.line[field];
        if (given !== undefined && given !== parent.line[field]) {
          throw invalid(field, `must equal the parent allocation's ${field} (${String(parent.line[field])})`);
        }
      }
      if (command.childUnitPath[0] === parent.unit || !command.childUnitPath.includes(parent.unit)) {
        throw invalid('unit', `must be a unit below the parent allocation's unit '${parent.unit}'`);
      }
      if (command.amount > available(parent)) throw insufficientFunds(parent, command.amount);
      return [
        event('FundsPassedDown', {
          allocationId: parent.id,
          unit: parent.unit,
          transferId: command.transferId,
          purpose: 'grant' as const,
          childAllocationId: command.childAllocationId,
          childUnit: command.childUnitPath[0]!,
          amount: command.amount,
          decision: command.decision,
          reason: null,
        }),
      ];
    }
    case 'GrantSubAllocation': {
      if (state.status === 'granted') {
        if (state.transfers.has(command.transferId)) return [];
        throw alreadyExists('allocation', command.allocationId);
      }
      return [
        event('AllocationGranted', {
          allocationId: command.allocationId,
          unit: command.unit,
          grantedBy: command.parentUnit,
          parentId: command.parentId,
          ancestry: command.ancestry,
          line: command.line,
          amount: command.amount,
          decision: command.decision,
          transferId: command.transferId,
        }),
      ];
    }
    case 'AdjustAllocation': {
      const s = granted(state, 'allocation');
      if (command.delta > 0 && s.parentId !== null) {
        throw new DomainError('VALIDATION_FAILED', 'an increase of a sub-allocation is decided on its parent (PassDownIncrease)');
      }
      const allocated = add(s.allocated, command.delta);
      if (allocated < committed(s)) {
        throw new DomainError(
          'BELOW_COMMITTED',
          `allocation '${s.id}' has ${committed(s)} đ passed down or disbursed; it cannot be reduced to ${allocated} đ`,
          { allocationId: s.id, committed: committed(s), requestedAllocated: allocated },
        );
      }
      return [
        event('AllocationAdjusted', {
          allocationId: s.id,
          unit: s.unit,
          delta: command.delta,
          allocated,
          decision: command.decision,
          reason: command.reason,
          transferId: command.transferId,
        }),
      ];
    }
    case 'PassDownIncrease': {
      const parent = granted(state, 'parent');
      // An increase only ever moves money down; a negative one would credit the parent unasked.
      if (command.delta <= 0) throw invalid('delta', 'must be a positive whole number of đồng (a safe integer)');
      if (command.delta > available(parent)) throw insufficientFunds(parent, command.delta);
      return [
        event('FundsPassedDown', {
          allocationId: parent.id,
          unit: parent.unit,
          transferId: command.transferId,
          purpose: 'increase' as const,
          childAllocationId: command.childAllocationId,
          childUnit: command.childUnit,
          amount: command.delta,
          decision: command.decision,
          reason: command.reason,
        }),
      ];
    }
    case 'ApplyIncrease': {
      const s = granted(state, 'allocation');
      if (s.transfers.has(command.transferId)) return [];
      return [
        event('AllocationAdjusted', {
          allocationId: s.id,
          unit: s.unit,
          delta: command.delta,
          allocated: add(s.allocated, command.delta),
          decision: command.decision,
          reason: command.reason,
          transferId: command.transferId,
        }),
      ];
    }
    case 'ReturnFunds': {
      const s = granted(state, 'parent');
      if (s.transfers.has(`${command.transferId}:return`)) return [];
      return [
        event('FundsReturned', {
          allocationId: s.id,
          unit: s.unit,
          transferId: `${command.transferId}:return`,
          purpose: command.purpose,
          childAllocationId: command.childAllocationId,
          amount: command.amount,
          reason: command.reason,
        }),
      ];
    }
    case 'RecordDisbursement': {
      const s = granted(state, 'allocation');
      if (s.disbursements.has(command.disbursementId) || s.requests.has(command.disbursementId)) throw alreadyExists('disbursement', command.disbursementId);
      if (command.valueDate > command.today) throw invalid('valueDate', `${command.valueDate} is in the future (today is ${command.today})`);
      if (command.amount > available(s)) throw insufficientFunds(s, command.amount);
      if (needsApproval(command.approvalPolicy, command.amount)) {
        return [
          event('DisbursementRequested', {
            allocationId: s.id,
            unit: s.unit,
            disbursementId: command.disbursementId,
            amount: command.amount,
            valueDate: command.valueDate,
            voucher: command.voucher,
            payee: command.payee,
            purpose: command.purpose,
            requestedBy: command.maker,
            policy: command.approvalPolicy,
          }),
        ];
      }
      return [
        event('DisbursementRecorded', {
          allocationId: s.id,
          unit: s.unit,
          ancestry: s.ancestry,
          disbursementId: command.disbursementId,
          amount: command.amount,
          valueDate: command.valueDate,
          voucher: command.voucher,
          payee: command.payee,
          purpose: command.purpose,
        }),
      ];
    }
    case 'ReverseDisbursement': {
      const s = granted(state, 'allocation');
      const d = s.disbursements.get(command.disbursementId);
      if (!d) throw notFound('disbursement', command.disbursementId);
      if (d.reversed) {
        throw new DomainError('ALREADY_REVERSED', `disbursement '${command.disbursementId}' is already reversed`, { disbursementId: command.disbursementId });
      }
      const valueDate = command.valueDate ?? command.today;
      if (valueDate > command.today) throw invalid('valueDate', `${valueDate} is in the future (today is ${command.today})`);
      if (valueDate < d.valueDate) throw invalid('valueDate', `${valueDate} is before the payment's own value date ${d.valueDate}`);
      return [
        event(
          'DisbursementReversed',
          {
            allocationId: s.id,
            unit: s.unit,
            ancestry: s.ancestry,
            disbursementId: command.disbursementId,
            amount: d.amount,
            valueDate,
            reason: command.reason,
            decision: command.decision,
          },
          ALLOCATION_EVENT_VERSIONS.DisbursementReversed,
        ),
      ];
    }
    case 'RecordNote': {
      const s = granted(state, 'allocation');
      if (s.notes.has(command.noteId)) throw alreadyExists('note', command.noteId);
      const asOf = command.asOf ?? command.today;
      if (asOf > command.today) throw invalid('asOf', `${asOf} is in the future (today is ${command.today})`);
      const text = command.text;
      // The note is its own why: it lands in the metadata's reason like every other event's.
      return [event('AllocationNoteRecorded', { allocationId: s.id, unit: s.unit, noteId: command.noteId, text, asOf, reason: text })];
    }
    case 'ApproveDisbursement':
      return [approve(granted(state, 'allocation'), command)];
    case 'RejectDisbursement':
      return [reject(granted(state, 'allocation'), command)];
    case 'WithdrawDisbursement':
      return [withdraw(granted(state, 'allocation'), command)];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const allocationDecider: Decider<AllocationCommand, AllocationEvent, AllocationState> = {
  initialState: initialAllocationState,
  evolve: evolveAllocation,
  decide: decideAllocation,
};

/** Builds step two of a sub-allocation from the parent and its FundsPassedDown: used by the handler and by recovery alike. */
export function subAllocationGrant(
  parent: Granted,
  passed: Readonly<{ transferId: string; childAllocationId: string; childUnit: string; amount: Dong; decision: LegalDocument }>,
) {
  return {
    type: 'GrantSubAllocation' as const,
    transferId: passed.transferId,
    allocationId: passed.childAllocationId,
    unit: passed.childUnit,
    parentId: parent.id,
    parentUnit: parent.unit,
    ancestry: [...parent.ancestry, parent.id],
    line: parent.line,
    amount: passed.amount,
    decision: passed.decision,
  };
}
