import type { BudgetLine } from '../catalogue/catalogue';
import { approvalPolicyDecider, policyInForce, type ApprovalPolicyInForce } from '../approvals/approval-policy';
import { fold } from '../shared/decider';
import { event, type LegalDocument } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import type { RecordDisbursement } from './allocation.commands';
import { allocationDecider } from './allocation.decider';
import type { AllocationEvent, DisbursementRequested } from './allocation.events';
import { available, committed, type Granted } from './allocation.state';

/*
 * Lai Châu requires a second finance officer for Phong Thổ's payments of 1,000,000,000 đ or more
 * (decision 88/QĐ-UBND). pt-maker prepares, pt-checker decides.
 */
const spec = DeciderSpec.for(allocationDecider);
const LINE: BudgetLine = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
const DECISION_747: LegalDocument = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const POLICY_DECISION: LegalDocument = { number: '88/QĐ-UBND', date: '2022-07-15', issuer: 'UBND tỉnh Lai Châu' };
const THRESHOLD = 1_000_000_000;
const POLICY: ApprovalPolicyInForce = { unit: 'phong-tho', threshold: THRESHOLD, decision: POLICY_DECISION };
const ALLOCATION = 'alloc-phongtho';
const ALLOCATED = 10_000_000_000;

const granted = event('AllocationGranted', {
  allocationId: ALLOCATION,
  unit: 'phong-tho',
  grantedBy: 'lai-chau',
  parentId: 'alloc-laichau',
  ancestry: ['alloc-laichau'],
  line: LINE,
  amount: ALLOCATED,
  decision: DECISION_747,
  transferId: 't-747',
});

const disburse = (amount: number, over: Partial<RecordDisbursement> = {}): RecordDisbursement => ({
  type: 'RecordDisbursement',
  disbursementId: 'd-1',
  amount,
  valueDate: '2022-09-15',
  voucher: 'UNC-0001',
  payee: null,
  purpose: null,
  today: '2022-09-20',
  maker: 'pt-maker',
  approvalPolicy: POLICY,
  ...over,
});

const requested = (amount: number, id = 'd-1'): DisbursementRequested =>
  event('DisbursementRequested', {
    allocationId: ALLOCATION,
    unit: 'phong-tho',
    disbursementId: id,
    amount,
    valueDate: '2022-09-15',
    voucher: 'UNC-0001',
    payee: null,
    purpose: null,
    requestedBy: 'pt-maker',
    policy: POLICY,
  });

const approved = (amount: number, id = 'd-1', approvedBy = 'pt-checker') =>
  event('DisbursementApproved', {
    allocationId: ALLOCATION,
    unit: 'phong-tho',
    ancestry: ['alloc-laichau'],
    disbursementId: id,
    amount,
    valueDate: '2022-09-15',
    voucher: 'UNC-0001',
    payee: null,
    purpose: null,
    requestedBy: 'pt-maker',
    approvedBy,
    comment: null,
  });

const rejected = (amount: number) =>
  event('DisbursementRejected', {
    allocationId: ALLOCATION,
    unit: 'phong-tho',
    disbursementId: 'd-1',
    amount,
    requestedBy: 'pt-maker',
    rejectedBy: 'pt-checker',
    reason: 'thiếu hồ sơ',
  });
const withdrawn = (amount: number) =>
  event('DisbursementWithdrawn', {
    allocationId: ALLOCATION,
    unit: 'phong-tho',
    disbursementId: 'd-1',
    amount,
    requestedBy: 'pt-maker',
    reason: 'sai tài khoản',
  });

const state = (events: readonly AllocationEvent[]) => fold(allocationDecider, events) as Granted;

describe('maker-checker on the allocation', () => {
  describe('recording a payment under an approval policy', () => {
    it('pays below the threshold at once', () => {
      const [e] = allocationDecider.decide(disburse(THRESHOLD - 1), state([granted]));
      expect(e!.type).toBe('DisbursementRecorded');
    });

    it('makes a payment of exactly the threshold a request, naming its maker and the policy', () => {
      spec
        .given([granted])
        .when(disburse(THRESHOLD))
        .then([requested(THRESHOLD)]);
    });

    it('pays at once when no policy is in force, however large', () => {
      const [e] = allocationDecider.decide(disburse(ALLOCATED, { approvalPolicy: null }), state([granted]));
      expect(e!.type).toBe('DisbursementRecorded');
    });

    it('reserves a pending request: available excludes it and a reduction may not cut into it', () => {
      const s = state([granted, requested(4 * THRESHOLD)]);
      expect({ pending: s.pending, disbursed: s.disbursed, available: available(s), committed: committed(s) }).toEqual({
        pending: 4 * THRESHOLD,
        disbursed: 0,
        available: ALLOCATED - 4 * THRESHOLD,
        committed: 4 * THRESHOLD,
      });
    });

    it('refuses a request or a payment beyond what pending requests leave', () => {
      spec
        .given([granted, requested(9 * THRESHOLD)])
        .when(disburse(THRESHOLD + 1, { disbursementId: 'd-2' }))
        .thenThrows('INSUFFICIENT_FUNDS', { available: THRESHOLD });
      spec
        .given([granted, requested(9 * THRESHOLD)])
        .when(disburse(THRESHOLD + 1, { disbursementId: 'd-2', approvalPolicy: null }))
        .thenThrows('INSUFFICIENT_FUNDS');
    });

    it('refuses a second use of a request id', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when(disburse(5))
        .thenThrows('ALREADY_EXISTS', { id: 'd-1' });
    });
  });

  describe('approval', () => {
    it('by another officer turns the reservation into a payment valued as requested', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'ApproveDisbursement', disbursementId: 'd-1', checker: 'pt-checker', comment: null })
        .then([approved(THRESHOLD)]);
      const s = state([granted, requested(THRESHOLD), approved(THRESHOLD)]);
      expect({ pending: s.pending, disbursed: s.disbursed, available: available(s) }).toEqual({
        pending: 0,
        disbursed: THRESHOLD,
        available: ALLOCATED - THRESHOLD,
      });
    });

    it('by the maker is refused: separation of duties', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'ApproveDisbursement', disbursementId: 'd-1', checker: 'pt-maker', comment: null })
        .thenThrows('SEPARATION_OF_DUTIES', { id: 'd-1' });
    });

    it('twice is refused: the request was already decided', () => {
      spec
        .given([granted, requested(THRESHOLD), approved(THRESHOLD)])
        .when({ type: 'ApproveDisbursement', disbursementId: 'd-1', checker: 'lc-checker', comment: null })
        .thenThrows('ALREADY_DECIDED', { id: 'd-1', status: 'approved' });
    });

    it('of an unknown request is refused', () => {
      spec.given([granted]).when({ type: 'ApproveDisbursement', disbursementId: 'd-9', checker: 'pt-checker', comment: null }).thenThrows('NOT_FOUND');
    });

    it('of a withdrawn request is refused', () => {
      spec
        .given([granted, requested(THRESHOLD), withdrawn(THRESHOLD)])
        .when({ type: 'ApproveDisbursement', disbursementId: 'd-1', checker: 'pt-checker', comment: null })
        .thenThrows('ALREADY_DECIDED', { status: 'withdrawn' });
    });

    it('gives a payment that is reversed like any other', () => {
      spec
        .given([granted, requested(THRESHOLD), approved(THRESHOLD)])
        .when({ type: 'ReverseDisbursement', disbursementId: 'd-1', reason: 'trùng chứng từ', decision: null, valueDate: null, today: '2022-09-20' })
        .then([
          event(
            'DisbursementReversed',
            {
              allocationId: ALLOCATION,
              unit: 'phong-tho',
              ancestry: ['alloc-laichau'],
              disbursementId: 'd-1',
              amount: THRESHOLD,
              valueDate: '2022-09-20',
              reason: 'trùng chứng từ',
              decision: null,
            },
            2,
          ),
        ]);
    });

    it('is needed before a request can be reversed: a pending request is no payment', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'ReverseDisbursement', disbursementId: 'd-1', reason: 'x', decision: null, valueDate: null, today: '2022-09-20' })
        .thenThrows('NOT_FOUND');
    });
  });

  describe('rejection and withdrawal', () => {
    it('a checker rejects with a reason, and the reservation is released', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'RejectDisbursement', disbursementId: 'd-1', checker: 'pt-checker', reason: 'thiếu hồ sơ' })
        .then([rejected(THRESHOLD)]);
      expect(available(state([granted, requested(THRESHOLD), rejected(THRESHOLD)]))).toBe(ALLOCATED);
    });

    it('the maker may not reject their own request (they withdraw it)', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'RejectDisbursement', disbursementId: 'd-1', checker: 'pt-maker', reason: 'x' })
        .thenThrows('SEPARATION_OF_DUTIES');
    });

    it('the maker withdraws, and the reservation is released', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'WithdrawDisbursement', disbursementId: 'd-1', by: 'pt-maker', reason: 'sai tài khoản' })
        .then([withdrawn(THRESHOLD)]);
      expect(state([granted, requested(THRESHOLD), withdrawn(THRESHOLD)]).pending).toBe(0);
    });

    it('nobody else may withdraw it', () => {
      spec
        .given([granted, requested(THRESHOLD)])
        .when({ type: 'WithdrawDisbursement', disbursementId: 'd-1', by: 'pt-checker', reason: 'x' })
        .thenThrows('FORBIDDEN');
    });

    it('a rejected request cannot be withdrawn, nor rejected again', () => {
      spec
        .given([granted, requested(THRESHOLD), rejected(THRESHOLD)])
        .when({ type: 'WithdrawDisbursement', disbursementId: 'd-1', by: 'pt-maker', reason: 'x' })
        .thenThrows('ALREADY_DECIDED');
      spec
        .given([granted, requested(THRESHOLD), rejected(THRESHOLD)])
        .when({ type: 'RejectDisbursement', disbursementId: 'd-1', checker: 'pt-checker', reason: 'x' })
        .thenThrows('ALREADY_DECIDED');
    });
  });
});

describe('approval policy', () => {
  const policies = DeciderSpec.for(approvalPolicyDecider);
  const set = (threshold: number | null, decision = POLICY_DECISION) => event('ApprovalPolicySet', { unit: 'phong-tho', threshold, decision });

  it('is set under a decision', () => {
    policies
      .given([])
      .when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: THRESHOLD, decision: POLICY_DECISION })
      .then([set(THRESHOLD)]);
  });

  it('records nothing when the same policy is set again under the same decision', () => {
    policies
      .given([set(THRESHOLD)])
      .when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: THRESHOLD, decision: POLICY_DECISION })
      .thenNothing();
  });

  it('records a new decision even for the same threshold, and a removal', () => {
    const other = { ...POLICY_DECISION, number: '99/QĐ-UBND' };
    policies
      .given([set(THRESHOLD)])
      .when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: THRESHOLD, decision: other })
      .then([set(THRESHOLD, other)]);
    policies
      .given([set(THRESHOLD)])
      .when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: null, decision: POLICY_DECISION })
      .then([set(null)]);
  });

  it('records nothing when there is nothing to remove', () => {
    policies.given([]).when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: null, decision: POLICY_DECISION }).thenNothing();
    policies
      .given([set(null)])
      .when({ type: 'SetApprovalPolicy', unit: 'phong-tho', threshold: null, decision: { ...POLICY_DECISION, number: '1/QĐ' } })
      .thenNothing();
  });

  it("in force is the unit's own, else the nearest ancestor's; a removed one does not count", () => {
    const own = new Map([
      ['lai-chau', { threshold: 5 * THRESHOLD, decision: DECISION_747 }],
      ['phong-tho', { threshold: null, decision: POLICY_DECISION }],
    ]);
    const path = ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'];
    expect(policyInForce(path, (u) => own.get(u) ?? null)).toEqual({ unit: 'lai-chau', threshold: 5 * THRESHOLD, decision: DECISION_747 });
    expect(policyInForce(['vn'], (u) => own.get(u) ?? null)).toBeNull();
  });
});
