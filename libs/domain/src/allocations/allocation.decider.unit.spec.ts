import type { BudgetLine } from '../catalogue/catalogue';
import { fold } from '../shared/decider';
import { event, type LegalDocument } from '../shared/event';
import { DeciderSpec } from '../testing/decider-spec';
import type {
  AdjustAllocation,
  ApplyIncrease,
  GrantAllocation,
  PassDown,
  PassDownIncrease,
  RecordDisbursement,
  RecordNote,
  ReturnFunds,
  ReverseDisbursement,
} from './allocation.commands';
import { allocationDecider, subAllocationGrant } from './allocation.decider';
import type { AllocationEvent, AllocationGranted, AllocationNoteRecorded, DisbursementRecorded, FundsPassedDown } from './allocation.events';
import { available, committed, evolveAllocation, type Granted } from './allocation.state';

/*
 * The story: UBND tỉnh Lai Châu passes 71,570,000,000 đ of its DA1.1 investment allocation down to
 * huyện Phong Thổ by decision 747/QĐ-UBND of 30/6/2022; Phong Thổ disburses 27,673,000,000 đ (38.67%).
 */
const spec = DeciderSpec.for(allocationDecider);

const LINE: BudgetLine = {
  program: 'GNBV-2021-2025',
  project: 'DA1',
  subProject: 'DA1.1',
  fiscalYear: 2022,
  capitalType: 'investment',
  source: 'central',
};
const CENTRAL_DECISION: LegalDocument = { number: '652/QĐ-TTg', date: '2022-05-28', issuer: 'Thủ tướng Chính phủ' };
const DECISION_747: LegalDocument = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const ADJUSTMENT: LegalDocument = { number: '1520/QĐ-UBND', date: '2022-10-14', issuer: 'UBND tỉnh Lai Châu' };

const PROVINCE = 'alloc-laichau-2022-da1.1';
const DISTRICT = 'alloc-phongtho-2022-da1.1';
const PROVINCE_AMOUNT = 100_000_000_000;
const PHONG_THO_AMOUNT = 71_570_000_000;
const PHONG_THO_DISBURSED = 27_673_000_000;
/** Phong Thổ's path, nearest first: it hangs under Lai Châu. */
const PHONG_THO_PATH = ['phong-tho', 'lai-chau', 'vn'];

const provinceGranted = (amount = PROVINCE_AMOUNT): AllocationGranted =>
  event('AllocationGranted', {
    allocationId: PROVINCE,
    unit: 'lai-chau',
    grantedBy: 'vn',
    parentId: null,
    ancestry: [],
    line: LINE,
    amount,
    decision: CENTRAL_DECISION,
    transferId: null,
  });

const passedDown = (transferId: string, amount: number, childAllocationId = DISTRICT, childUnit = 'phong-tho'): FundsPassedDown =>
  event('FundsPassedDown', {
    allocationId: PROVINCE,
    unit: 'lai-chau',
    transferId,
    purpose: 'grant' as const,
    childAllocationId,
    childUnit,
    amount,
    decision: DECISION_747,
    reason: null,
  });

const districtGranted = (transferId = 't-747'): AllocationGranted =>
  event('AllocationGranted', {
    allocationId: DISTRICT,
    unit: 'phong-tho',
    grantedBy: 'lai-chau',
    parentId: PROVINCE,
    ancestry: [PROVINCE],
    line: LINE,
    amount: PHONG_THO_AMOUNT,
    decision: DECISION_747,
    transferId,
  });

const disbursed = (disbursementId: string, amount: number): DisbursementRecorded =>
  event('DisbursementRecorded', {
    allocationId: DISTRICT,
    unit: 'phong-tho',
    ancestry: [PROVINCE],
    disbursementId,
    amount,
    valueDate: '2022-12-30',
    voucher: 'UNC-0001/KBNN-PT',
    payee: 'Ban QLDA huyện Phong Thổ',
    purpose: null,
  });

const reversed = (disbursementId: string, amount: number) =>
  event(
    'DisbursementReversed',
    {
      allocationId: DISTRICT,
      unit: 'phong-tho',
      ancestry: [PROVINCE],
      disbursementId,
      amount,
      valueDate: '2023-01-31',
      reason: 'wrong voucher',
      decision: null,
    },
    2,
  );

const grant = (over: Partial<GrantAllocation> = {}): GrantAllocation => ({
  type: 'GrantAllocation',
  allocationId: PROVINCE,
  unit: 'lai-chau',
  grantedBy: 'vn',
  line: LINE,
  amount: PROVINCE_AMOUNT,
  decision: CENTRAL_DECISION,
  ...over,
});

const passDown = (over: Partial<PassDown> = {}): PassDown => ({
  type: 'PassDown',
  transferId: 't-747',
  childAllocationId: DISTRICT,
  childUnitPath: PHONG_THO_PATH,
  line: {},
  amount: PHONG_THO_AMOUNT,
  decision: DECISION_747,
  ...over,
});

const adjust = (over: Partial<AdjustAllocation> = {}): AdjustAllocation => ({
  type: 'AdjustAllocation',
  delta: 5_000_000_000,
  decision: ADJUSTMENT,
  reason: 'bổ sung vốn',
  transferId: null,
  ...over,
});

const passDownIncrease = (over: Partial<PassDownIncrease> = {}): PassDownIncrease => ({
  type: 'PassDownIncrease',
  transferId: 't-inc',
  childAllocationId: DISTRICT,
  childUnit: 'phong-tho',
  delta: 3_000_000_000,
  decision: ADJUSTMENT,
  reason: 'bổ sung vốn',
  ...over,
});

const applyIncrease = (over: Partial<ApplyIncrease> = {}): ApplyIncrease => ({
  type: 'ApplyIncrease',
  transferId: 't-inc',
  delta: 3_000_000_000,
  decision: ADJUSTMENT,
  reason: 'bổ sung vốn',
  ...over,
});

const returnFunds = (over: Partial<ReturnFunds> = {}): ReturnFunds => ({
  type: 'ReturnFunds',
  transferId: 't-red',
  purpose: 'reduction',
  childAllocationId: DISTRICT,
  amount: 1_000_000_000,
  reason: 'điều chỉnh giảm',
  ...over,
});

const disburse = (over: Partial<RecordDisbursement> = {}): RecordDisbursement => ({
  type: 'RecordDisbursement',
  disbursementId: 'd-1',
  amount: PHONG_THO_DISBURSED,
  valueDate: '2022-12-30',
  voucher: 'UNC-0001/KBNN-PT',
  payee: 'Ban QLDA huyện Phong Thổ',
  purpose: null,
  today: '2023-01-31',
  maker: 'pt-finance',
  approvalPolicy: null,
  ...over,
});

const reverse = (over: Partial<ReverseDisbursement> = {}): ReverseDisbursement => ({
  type: 'ReverseDisbursement',
  disbursementId: 'd-1',
  reason: 'wrong voucher',
  decision: null,
  valueDate: null,
  today: '2023-01-31',
  ...over,
});

describe('allocation decider', () => {
  describe('GrantAllocation', () => {
    it('grants a top-level allocation', () => {
      spec.given([]).when(grant()).then([provinceGranted()]);
    });

    it('refuses a second grant on the same stream', () => {
      spec.given([provinceGranted()]).when(grant()).thenThrows('ALREADY_EXISTS', { id: PROVINCE });
    });
  });

  describe('PassDown', () => {
    it('passes 71,570,000,000 đ down to Phong Thổ under 747/QĐ-UBND', () => {
      spec
        .given([provinceGranted()])
        .when(passDown())
        .then([passedDown('t-747', PHONG_THO_AMOUNT)]);
    });

    it('accepts a line that repeats the parent line', () => {
      spec
        .given([provinceGranted()])
        .when(passDown({ line: { ...LINE } }))
        .then([passedDown('t-747', PHONG_THO_AMOUNT)]);
    });

    it('refuses when the parent allocation does not exist', () => {
      spec.given([]).when(passDown()).thenThrows('NOT_FOUND', { id: 'parent' });
    });

    it.each<[keyof BudgetLine, unknown]>([
      ['program', 'NTM-2021-2025'],
      ['project', 'DA4'],
      ['subProject', 'DA1.2'],
      ['fiscalYear', 2023],
      ['capitalType', 'recurrent'],
      ['source', 'local'],
    ])('refuses a line whose %s differs from the parent', (field, value) => {
      spec
        .given([provinceGranted()])
        .when(passDown({ line: { [field]: value } }))
        .thenThrows('VALIDATION_FAILED', { field });
    });

    it('refuses to pass down to the parent unit itself', () => {
      spec
        .given([provinceGranted()])
        .when(passDown({ childUnitPath: ['lai-chau', 'vn'] }))
        .thenThrows('VALIDATION_FAILED', { field: 'unit' });
    });

    it('refuses to pass down to a unit outside the parent subtree', () => {
      spec
        .given([provinceGranted()])
        .when(passDown({ childUnitPath: ['muong-te-dien-bien', 'dien-bien', 'vn'] }))
        .thenThrows('VALIDATION_FAILED', { field: 'unit' });
    });

    it('refuses more than is available', () => {
      spec
        .given([provinceGranted(), passedDown('t-other', 28_430_000_001, 'alloc-other', 'tam-duong')])
        .when(passDown())
        .thenThrows('INSUFFICIENT_FUNDS', { allocationId: PROVINCE, available: PHONG_THO_AMOUNT - 1, requested: PHONG_THO_AMOUNT });
    });

    it('accepts exactly what is available', () => {
      spec
        .given([provinceGranted(), passedDown('t-other', 28_430_000_000, 'alloc-other', 'tam-duong')])
        .when(passDown())
        .then([passedDown('t-747', PHONG_THO_AMOUNT)]);
    });

    it('counts disbursements of the parent against what is available', () => {
      const provinceDisbursed = event('DisbursementRecorded', {
        ...disbursed('d-p', 28_430_000_001).data,
        allocationId: PROVINCE,
        unit: 'lai-chau',
        ancestry: [],
      });
      spec.given([provinceGranted(), provinceDisbursed]).when(passDown()).thenThrows('INSUFFICIENT_FUNDS');
    });
  });

  describe('GrantSubAllocation', () => {
    const parentState = fold(allocationDecider, [provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)]) as Granted;
    const command = subAllocationGrant(parentState, {
      transferId: 't-747',
      childAllocationId: DISTRICT,
      childUnit: 'phong-tho',
      amount: PHONG_THO_AMOUNT,
      decision: DECISION_747,
    });

    it('is built from the parent: its line, its unit as grantor, its ancestry', () => {
      expect(command).toEqual({
        type: 'GrantSubAllocation',
        transferId: 't-747',
        allocationId: DISTRICT,
        unit: 'phong-tho',
        parentId: PROVINCE,
        parentUnit: 'lai-chau',
        ancestry: [PROVINCE],
        line: LINE,
        amount: PHONG_THO_AMOUNT,
        decision: DECISION_747,
      });
    });

    it('grants the child allocation', () => {
      spec
        .given([])
        .when(command)
        .then([districtGranted('t-747')]);
    });

    it('does nothing when the same transfer already granted it', () => {
      spec
        .given([districtGranted('t-747')])
        .when(command)
        .thenNothing();
    });

    it('refuses when another transfer already granted the allocation', () => {
      spec
        .given([districtGranted('t-older')])
        .when(command)
        .thenThrows('ALREADY_EXISTS', { id: DISTRICT });
    });
  });

  describe('AdjustAllocation', () => {
    const adjusted = (delta: number, allocated: number, allocationId = PROVINCE, unit = 'lai-chau', transferId: string | null = null) =>
      event('AllocationAdjusted', { allocationId, unit, delta, allocated, decision: ADJUSTMENT, reason: 'bổ sung vốn', transferId });

    it('increases a top-level allocation', () => {
      spec
        .given([provinceGranted()])
        .when(adjust())
        .then([adjusted(5_000_000_000, 105_000_000_000)]);
    });

    it('reduces an allocation', () => {
      spec
        .given([provinceGranted()])
        .when(adjust({ delta: -10_000_000_000 }))
        .then([adjusted(-10_000_000_000, 90_000_000_000)]);
    });

    it('reduces down to exactly what is committed', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(adjust({ delta: -(PROVINCE_AMOUNT - PHONG_THO_AMOUNT) }))
        .then([adjusted(-(PROVINCE_AMOUNT - PHONG_THO_AMOUNT), PHONG_THO_AMOUNT)]);
    });

    it('refuses a reduction below what is passed down or disbursed', () => {
      spec
        .given([districtGranted(), disbursed('d-1', PHONG_THO_DISBURSED)])
        .when(adjust({ delta: -(PHONG_THO_AMOUNT - PHONG_THO_DISBURSED + 1), transferId: 't-red' }))
        .thenThrows('BELOW_COMMITTED', { allocationId: DISTRICT, committed: PHONG_THO_DISBURSED, requestedAllocated: PHONG_THO_DISBURSED - 1 });
    });

    it('reduces a sub-allocation, naming the transfer the parent follows', () => {
      spec
        .given([districtGranted()])
        .when(adjust({ delta: -1_000_000_000, transferId: 't-red' }))
        .then([adjusted(-1_000_000_000, PHONG_THO_AMOUNT - 1_000_000_000, DISTRICT, 'phong-tho', 't-red')]);
    });

    it('refuses an increase of a sub-allocation: it is decided on the parent', () => {
      spec
        .given([districtGranted()])
        .when(adjust({ transferId: 't-inc' }))
        .thenThrows('VALIDATION_FAILED');
    });

    it('refuses when the allocation does not exist', () => {
      spec.given([]).when(adjust()).thenThrows('NOT_FOUND', { id: 'allocation' });
    });

    it('refuses an increase beyond the safe integer range', () => {
      spec
        .given([provinceGranted()])
        .when(adjust({ delta: Number.MAX_SAFE_INTEGER }))
        .thenThrows('AMOUNT_OUT_OF_RANGE');
    });
  });

  describe('PassDownIncrease', () => {
    const increasePassed = event('FundsPassedDown', {
      allocationId: PROVINCE,
      unit: 'lai-chau',
      transferId: 't-inc',
      purpose: 'increase' as const,
      childAllocationId: DISTRICT,
      childUnit: 'phong-tho',
      amount: 3_000_000_000,
      decision: ADJUSTMENT,
      reason: 'bổ sung vốn',
    });

    it('reserves the increase on the parent', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(passDownIncrease())
        .then([increasePassed]);
    });

    it('refuses more than the parent has available', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(passDownIncrease({ delta: PROVINCE_AMOUNT - PHONG_THO_AMOUNT + 1 }))
        .thenThrows('INSUFFICIENT_FUNDS');
    });

    it('refuses a zero delta', () => {
      spec
        .given([provinceGranted()])
        .when(passDownIncrease({ delta: 0 }))
        .thenThrows('VALIDATION_FAILED', { field: 'delta' });
    });

    it('refuses a negative delta: it would hand money back to the parent without the child giving it up', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(passDownIncrease({ delta: -1_000_000_000 }))
        .thenThrows('VALIDATION_FAILED', { field: 'delta' });
    });

    it('refuses when the parent does not exist', () => {
      spec.given([]).when(passDownIncrease()).thenThrows('NOT_FOUND', { id: 'parent' });
    });
  });

  describe('ApplyIncrease', () => {
    const increased = event('AllocationAdjusted', {
      allocationId: DISTRICT,
      unit: 'phong-tho',
      delta: 3_000_000_000,
      allocated: PHONG_THO_AMOUNT + 3_000_000_000,
      decision: ADJUSTMENT,
      reason: 'bổ sung vốn',
      transferId: 't-inc',
    });

    it('raises the child allocation', () => {
      spec.given([districtGranted()]).when(applyIncrease()).then([increased]);
    });

    it('does nothing when the transfer was already applied', () => {
      spec.given([districtGranted(), increased]).when(applyIncrease()).thenNothing();
    });

    it('refuses when the child does not exist', () => {
      spec.given([]).when(applyIncrease()).thenThrows('NOT_FOUND', { id: 'allocation' });
    });
  });

  describe('ReturnFunds', () => {
    const returned = (purpose: 'reduction' | 'cancellation', transferId: string, amount: number) =>
      event('FundsReturned', {
        allocationId: PROVINCE,
        unit: 'lai-chau',
        transferId: `${transferId}:return`,
        purpose,
        childAllocationId: DISTRICT,
        amount,
        reason: 'điều chỉnh giảm',
      });

    it('takes a reduction back on the parent', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(returnFunds())
        .then([returned('reduction', 't-red', 1_000_000_000)]);
    });

    it('cancels a pass-down whose child could not be granted', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT)])
        .when(returnFunds({ transferId: 't-747', purpose: 'cancellation', amount: PHONG_THO_AMOUNT }))
        .then([returned('cancellation', 't-747', PHONG_THO_AMOUNT)]);
    });

    it('does nothing when the return was already recorded', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT), returned('reduction', 't-red', 1_000_000_000)])
        .when(returnFunds())
        .thenNothing();
    });

    it('makes the returned amount available again', () => {
      spec
        .given([provinceGranted(), passedDown('t-747', PHONG_THO_AMOUNT), returned('cancellation', 't-747', PHONG_THO_AMOUNT)])
        .when(passDown({ transferId: 't-747b', amount: PROVINCE_AMOUNT }))
        .then([{ ...passedDown('t-747b', PROVINCE_AMOUNT) }]);
    });

    it('refuses when the parent does not exist', () => {
      spec.given([]).when(returnFunds()).thenThrows('NOT_FOUND', { id: 'parent' });
    });
  });

  describe('RecordDisbursement', () => {
    const given = [districtGranted()];

    it('records a payment through the State Treasury', () => {
      spec
        .given(given)
        .when(disburse())
        .then([disbursed('d-1', PHONG_THO_DISBURSED)]);
    });

    it('records a purpose and no payee', () => {
      const expected = event('DisbursementRecorded', { ...disbursed('d-1', PHONG_THO_DISBURSED).data, payee: null, purpose: 'đường Sì Lở Lầu' });
      spec
        .given(given)
        .when(disburse({ payee: null, purpose: 'đường Sì Lở Lầu' }))
        .then([expected]);
    });

    it('accepts a payment valued today', () => {
      const expected = event('DisbursementRecorded', { ...disbursed('d-1', PHONG_THO_DISBURSED).data, valueDate: '2023-01-31' });
      spec
        .given(given)
        .when(disburse({ valueDate: '2023-01-31' }))
        .then([expected]);
    });

    it('accepts exactly what is available', () => {
      spec
        .given([...given, disbursed('d-0', PHONG_THO_AMOUNT - PHONG_THO_DISBURSED)])
        .when(disburse())
        .then([disbursed('d-1', PHONG_THO_DISBURSED)]);
    });

    it('refuses more than is available', () => {
      spec
        .given([...given, disbursed('d-0', PHONG_THO_AMOUNT - PHONG_THO_DISBURSED + 1)])
        .when(disburse())
        .thenThrows('INSUFFICIENT_FUNDS', { allocationId: DISTRICT, available: PHONG_THO_DISBURSED - 1, requested: PHONG_THO_DISBURSED });
    });

    it('counts what is passed down against what is available', () => {
      const passedOn = event('FundsPassedDown', {
        ...passedDown('t-xa', PHONG_THO_AMOUNT - 1, 'alloc-si-lo-lau', 'si-lo-lau').data,
        allocationId: DISTRICT,
        unit: 'phong-tho',
      });
      spec
        .given([...given, passedOn])
        .when(disburse({ amount: 2 }))
        .thenThrows('INSUFFICIENT_FUNDS');
    });

    it('refuses a disbursement id already used', () => {
      spec
        .given([...given, disbursed('d-1', 1)])
        .when(disburse())
        .thenThrows('ALREADY_EXISTS', { id: 'd-1' });
    });

    it('refuses a disbursement id already used, even after its reversal', () => {
      spec
        .given([...given, disbursed('d-1', 1), reversed('d-1', 1)])
        .when(disburse())
        .thenThrows('ALREADY_EXISTS', { id: 'd-1' });
    });

    it('refuses a value date in the future', () => {
      spec
        .given(given)
        .when(disburse({ valueDate: '2023-02-01' }))
        .thenThrows('VALIDATION_FAILED', { field: 'valueDate' });
    });

    it('refuses when the allocation does not exist', () => {
      spec.given([]).when(disburse()).thenThrows('NOT_FOUND', { id: 'allocation' });
    });
  });

  describe('ReverseDisbursement', () => {
    const given = [districtGranted(), disbursed('d-1', PHONG_THO_DISBURSED)];

    it('reverses with the original amount', () => {
      spec
        .given(given)
        .when(reverse())
        .then([reversed('d-1', PHONG_THO_DISBURSED)]);
    });

    it('records the decision behind a reversal', () => {
      const expected = event('DisbursementReversed', { ...reversed('d-1', PHONG_THO_DISBURSED).data, decision: ADJUSTMENT }, 2);
      spec
        .given(given)
        .when(reverse({ decision: ADJUSTMENT }))
        .then([expected]);
    });

    it('takes effect on the value date given, today when none is (schema version 2)', () => {
      const expected = event('DisbursementReversed', { ...reversed('d-1', PHONG_THO_DISBURSED).data, valueDate: '2023-01-15' }, 2);
      spec
        .given(given)
        .when(reverse({ valueDate: '2023-01-15' }))
        .then([expected]);
    });

    it.each([
      ['in the future', '2023-02-01'],
      ["before the payment's value date", '2022-12-29'],
    ])('refuses a value date %s', (_, valueDate) => {
      spec.given(given).when(reverse({ valueDate })).thenThrows('VALIDATION_FAILED', { field: 'valueDate' });
    });

    it('returns the amount to what is available', () => {
      spec
        .given([districtGranted(), disbursed('d-1', PHONG_THO_AMOUNT), reversed('d-1', PHONG_THO_AMOUNT)])
        .when(disburse({ disbursementId: 'd-2', amount: PHONG_THO_AMOUNT }))
        .then([event('DisbursementRecorded', { ...disbursed('d-2', PHONG_THO_AMOUNT).data })]);
    });

    it('refuses to reverse twice', () => {
      spec
        .given([...given, reversed('d-1', PHONG_THO_DISBURSED)])
        .when(reverse())
        .thenThrows('ALREADY_REVERSED', { disbursementId: 'd-1' });
    });

    it('refuses an unknown disbursement', () => {
      spec
        .given(given)
        .when(reverse({ disbursementId: 'd-404' }))
        .thenThrows('NOT_FOUND', { id: 'd-404' });
    });

    it('refuses when the allocation does not exist', () => {
      spec.given([]).when(reverse()).thenThrows('NOT_FOUND', { id: 'allocation' });
    });
  });
});

describe('RecordNote (progress notes, issue 12)', () => {
  const note = (over: Partial<RecordNote> = {}): RecordNote => ({
    type: 'RecordNote',
    noteId: 'n-1',
    text: 'Chưa có hướng dẫn thực hiện của Bộ',
    asOf: null,
    today: '2022-12-20',
    ...over,
  });
  const noted = (over: Partial<AllocationNoteRecorded['data']> = {}): AllocationNoteRecorded =>
    event('AllocationNoteRecorded', {
      allocationId: DISTRICT,
      unit: 'phong-tho',
      noteId: 'n-1',
      text: 'Chưa có hướng dẫn thực hiện của Bộ',
      asOf: '2022-12-20',
      reason: 'Chưa có hướng dẫn thực hiện của Bộ',
      ...over,
    });

  it('records a note for today, its text also the reason', () => {
    spec.given([districtGranted()]).when(note()).then([noted()]);
  });

  it('records a note for an earlier day it speaks for', () => {
    spec
      .given([districtGranted()])
      .when(note({ asOf: '2022-11-30' }))
      .then([noted({ asOf: '2022-11-30' })]);
  });

  it.each([['in the future', '2022-12-21']])('refuses an asOf that is %s', (_, asOf) => {
    spec.given([districtGranted()]).when(note({ asOf })).thenThrows('VALIDATION_FAILED', { field: 'asOf' });
  });

  it('refuses a second note with the same id', () => {
    spec.given([districtGranted(), noted()]).when(note()).thenThrows('ALREADY_EXISTS', { id: 'n-1' });
  });

  it('refuses when the allocation does not exist', () => {
    spec.given([]).when(note()).thenThrows('NOT_FOUND', { id: 'allocation' });
  });

  it('moves no money', () => {
    const before = fold(allocationDecider, [districtGranted(), disbursed('d-1', PHONG_THO_DISBURSED)]) as Granted;
    const after = fold(allocationDecider, [districtGranted(), disbursed('d-1', PHONG_THO_DISBURSED), noted()]) as Granted;
    expect([after.allocated, after.disbursed, available(after), [...after.notes]]).toEqual([before.allocated, before.disbursed, available(before), ['n-1']]);
  });
});

describe('allocation state', () => {
  it('folds the story into balances: 71,570 passed down, 27,673 disbursed by Phong Thổ', () => {
    const district = fold(allocationDecider, [
      districtGranted(),
      disbursed('d-1', PHONG_THO_DISBURSED),
      disbursed('d-2', 1_000),
      reversed('d-2', 1_000),
    ]) as Granted;
    expect({ allocated: district.allocated, disbursed: district.disbursed, available: available(district), committed: committed(district) }).toEqual({
      allocated: PHONG_THO_AMOUNT,
      disbursed: PHONG_THO_DISBURSED,
      available: PHONG_THO_AMOUNT - PHONG_THO_DISBURSED,
      committed: PHONG_THO_DISBURSED,
    });
    expect([...district.disbursements]).toEqual([
      ['d-1', { amount: PHONG_THO_DISBURSED, valueDate: '2022-12-30', reversed: false }],
      ['d-2', { amount: 1_000, valueDate: '2022-12-30', reversed: true }],
    ]);
    expect([...district.transfers]).toEqual(['t-747']);
  });

  it('ignores anything but a grant before the allocation exists', () => {
    const events: AllocationEvent[] = [passedDown('t-747', 1), disbursed('d-1', 1)];
    expect(fold(allocationDecider, events)).toEqual({ status: 'empty' });
    expect(evolveAllocation({ status: 'empty' }, reversed('d-1', 1))).toEqual({ status: 'empty' });
  });
});
