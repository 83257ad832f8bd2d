import {
  allocationDecider,
  approvalPolicyDecider,
  event,
  fold,
  householdDecider,
  percent,
  subAllocationGrant,
  unitDecider,
  userDecider,
  DomainError,
  type Actor,
  type AllocationCommand,
  type AssessHousehold,
  type BudgetLine,
  type Decider,
  type DomainEvent,
  type FundsPassedDown,
  type Granted,
  type RecordDisbursement,
  type LegalDocument,
  type UnitLevel,
} from '../../../domain/src';
import type { StoredEvent } from '../ports/event-store.port';
import type { Doc } from '../ports/read-store.port';
import { ALLOCATIONS, type AllocationDoc } from './allocations.projection';
import { DISBURSEMENTS, type DisbursementDoc } from './disbursements.projection';
import { HOUSEHOLDS, HOUSEHOLD_STATS, statsId, type HouseholdDoc, type HouseholdStatsDoc } from './households.projection';
import { auditKeys } from './audit-keys';
import { docKey, project, type DocLookup, type DocWrite } from './projection';
import { TRANSFERS, type TransferDoc } from './transfers.projection';
import { APPROVALS, type ApprovalDoc } from './approvals.projection';
import { APPROVAL_POLICIES } from './approval-policies.projection';
import { PROJECTIONS, TOKENS, UNITS, USERS, type UnitDoc, type UserDoc } from './index';

const ADMIN: Actor = { userId: 'admin', role: 'admin' };
const KE_TOAN: Actor = { userId: 'ke-toan-lai-chau', role: 'finance_officer' };
const CHECKER: Actor = { userId: 'checker', role: 'finance_officer' };

/** The write side in miniature: streams numbered by revision, one log numbered by position. */
const NOW = '2022-07-01T02:00:00.000Z';

class Log {
  readonly events: StoredEvent[] = [];

  append(streamId: string, events: readonly DomainEvent[], actor: Actor = KE_TOAN, recordedAt = '2022-07-01T02:00:00.000Z'): StoredEvent[] {
    const revision = this.events.filter((e) => e.streamId === streamId).length;
    const stored = events.map((e, i): StoredEvent => ({
      id: `evt-${this.events.length + i + 1}`,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data as Readonly<Record<string, unknown>>,
      metadata: { actor, recordedAt, correlationId: 'corr', causationId: null, idempotencyKey: null, decision: null, reason: null, requestHash: null },
      streamId,
      revision: revision + i,
      position: this.events.length + i + 1,
      hash: '0'.repeat(64),
    }));
    this.events.push(...stored);
    return stored;
  }

  /** Load, decide, append: the command handler, so the events fed to projections are the ones the domain emits. */
  run<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, actor?: Actor, recordedAt?: string): StoredEvent[] {
    const history = this.events.filter((e) => e.streamId === streamId) as unknown as E[];
    return this.append(streamId, decider.decide(command, fold(decider, history)), actor, recordedAt);
  }

  state<E, S>(streamId: string, decider: Decider<never, E, S>): S {
    return fold(decider, this.events.filter((e) => e.streamId === streamId) as unknown as E[]);
  }
}

/** A Map-backed read store that applies the runner's writes. */
class ReadModels {
  private readonly docs = new Map<string, Doc>();
  readonly lookup: DocLookup = <T extends Doc>(collection: string, id: string): T | null =>
    (this.docs.get(docKey({ collection, id })) as T | undefined) ?? null;

  apply(events: readonly StoredEvent[]): DocWrite[] {
    const all: DocWrite[] = [];
    for (const e of events) {
      const writes = project(PROJECTIONS, e, this.lookup);
      for (const w of writes) this.docs.set(docKey(w), w.doc);
      all.push(...writes);
    }
    return all;
  }

  get<T extends Doc>(collection: string, id: string): T | null {
    return this.lookup<T>(collection, id);
  }

  snapshot(): ReadonlyMap<string, Doc> {
    return new Map(this.docs);
  }
}

const LINE: BudgetLine = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
const DECISION_747: LegalDocument = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const PROVINCE = 'alloc-laichau';
const DISTRICT = 'alloc-phongtho';
const COMMUNE = 'alloc-silolau';
const stream = (id: string) => `allocation-${id}`;

function registerUnits(log: Log): void {
  const units: ReadonlyArray<[string, string, UnitLevel, Readonly<{ code: string; level: UnitLevel }> | null]> = [
    ['vn', 'Trung ương', 'central', null],
    ['lai-chau', 'Tỉnh Lai Châu', 'province', { code: 'vn', level: 'central' }],
    ['phong-tho', 'Huyện Phong Thổ', 'district', { code: 'lai-chau', level: 'province' }],
    ['si-lo-lau', 'Xã Sì Lở Lầu', 'commune', { code: 'phong-tho', level: 'district' }],
  ];
  for (const [code, name, level, parent] of units) log.run(`unit-${code}`, unitDecider, { type: 'RegisterUnit', code, name, level, parent }, ADMIN);
}

/** Both steps of a sub-allocation: PassDown on the parent, then the child's grant built from it. */
function subAllocate(log: Log, parentId: string, childId: string, childUnitPath: readonly string[], amount: number, transferId: string): void {
  const [passed] = log.run(stream(parentId), allocationDecider, {
    type: 'PassDown',
    transferId,
    childAllocationId: childId,
    childUnitPath,
    line: {},
    amount,
    decision: DECISION_747,
  });
  const parent = log.state(stream(parentId), allocationDecider) as Granted;
  log.run(stream(childId), allocationDecider, subAllocationGrant(parent, passed!.data as FundsPassedDown['data']));
}

const disburse = (disbursementId: string, amount: number): AllocationCommand => ({
  type: 'RecordDisbursement',
  disbursementId,
  amount,
  valueDate: '2022-12-30',
  voucher: `UNC-${disbursementId}`,
  payee: null,
  purpose: null,
  today: '2022-12-31',
  maker: 'pt-finance',
  approvalPolicy: null,
});

/** Lai Châu gets 100 bn đ, passes 71,570 m to Phong Thổ (747/QĐ-UBND), which passes 5 bn to Sì Lở Lầu. */
function allocationStory(): Log {
  const log = new Log();
  registerUnits(log);
  log.run(
    stream(PROVINCE),
    allocationDecider,
    {
      type: 'GrantAllocation',
      allocationId: PROVINCE,
      unit: 'lai-chau',
      grantedBy: 'vn',
      line: LINE,
      amount: 100_000_000_000,
      decision: { number: '652/QĐ-TTg', date: '2022-05-28', issuer: 'Thủ tướng Chính phủ' },
    },
    ADMIN,
  );
  subAllocate(log, PROVINCE, DISTRICT, ['phong-tho', 'lai-chau', 'vn'], 71_570_000_000, 't-747');
  subAllocate(log, DISTRICT, COMMUNE, ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'], 5_000_000_000, 't-xa');
  log.run(stream(DISTRICT), allocationDecider, disburse('d-1', 27_673_000_000));
  log.run(stream(COMMUNE), allocationDecider, disburse('d-2', 2_000_000_000));
  return log;
}

const balances = (rm: ReadModels, id: string) => {
  const a = rm.get<AllocationDoc>(ALLOCATIONS, id)!;
  return { allocated: a.allocated, subAllocated: a.subAllocated, disbursed: a.disbursed, disbursedTotal: a.disbursedTotal };
};

describe('projections', () => {
  describe('units and users', () => {
    it('gives each unit its path, nearest first, and lists its children', () => {
      const log = new Log();
      registerUnits(log);
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<UnitDoc>(UNITS, 'si-lo-lau')).toMatchObject({
        level: 'commune',
        parent: 'phong-tho',
        path: ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'],
        _position: 4,
      });
      expect(rm.get<UnitDoc>(UNITS, 'phong-tho')).toMatchObject({ children: ['si-lo-lau'], path: ['phong-tho', 'lai-chau', 'vn'], _position: 4 });
    });

    it('refuses a unit whose parent has no document', () => {
      const log = new Log();
      log.run('unit-phong-tho', unitDecider, {
        type: 'RegisterUnit',
        code: 'phong-tho',
        name: 'Huyện Phong Thổ',
        level: 'district',
        parent: { code: 'lai-chau', level: 'province' },
      });
      expect(() => new ReadModels().apply(log.events)).toThrow(/parent 'lai-chau' of 'phong-tho' is unknown/);
    });

    it('indexes a user by id and by token hash', () => {
      const log = new Log();
      log.run(
        'user-ke-toan',
        userDecider,
        {
          type: 'RegisterUser',
          id: 'ke-toan',
          name: 'Kế toán',
          role: 'finance_officer',
          units: ['phong-tho'],
          tokenHash: 'f'.repeat(64),
          expiresAt: null,
          now: NOW,
        },
        ADMIN,
      );
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<UserDoc>(USERS, 'ke-toan')).toEqual({
        id: 'ke-toan',
        name: 'Kế toán',
        role: 'finance_officer',
        units: ['phong-tho'],
        registeredAt: '2022-07-01T02:00:00.000Z',
        active: true,
        expiresAt: null,
        tokenRotatedAt: null,
        _position: 1,
      });
      expect(rm.get(TOKENS, 'f'.repeat(64))).toEqual({ userId: 'ke-toan', expiresAt: null, revokedAt: null, _position: 1 });
    });

    it('marks the replaced token revoked, keeps the new one, and follows deactivation and reactivation', () => {
      const log = new Log();
      log.run(
        'user-ke-toan',
        userDecider,
        {
          type: 'RegisterUser',
          id: 'ke-toan',
          name: 'Kế toán',
          role: 'finance_officer',
          units: ['phong-tho'],
          tokenHash: 'f'.repeat(64),
          expiresAt: null,
          now: NOW,
        },
        ADMIN,
      );
      log.run(
        'user-ke-toan',
        userDecider,
        { type: 'RotateUserToken', id: 'ke-toan', tokenHash: 'e'.repeat(64), expiresAt: '2023-01-01T00:00:00.000Z', reason: 'máy bị mất', now: NOW },
        ADMIN,
        '2022-07-02T02:00:00.000Z',
      );
      log.run(
        'user-ke-toan',
        userDecider,
        { type: 'DeactivateUser', id: 'ke-toan', reason: 'nghỉ việc', otherActiveAdmins: 1 },
        ADMIN,
        '2022-07-03T02:00:00.000Z',
      );
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get(TOKENS, 'f'.repeat(64))).toEqual({ userId: 'ke-toan', expiresAt: null, revokedAt: '2022-07-02T02:00:00.000Z', _position: 2 });
      expect(rm.get(TOKENS, 'e'.repeat(64))).toEqual({ userId: 'ke-toan', expiresAt: '2023-01-01T00:00:00.000Z', revokedAt: null, _position: 2 });
      expect(rm.get<UserDoc>(USERS, 'ke-toan')).toMatchObject({
        active: false,
        expiresAt: '2023-01-01T00:00:00.000Z',
        tokenRotatedAt: '2022-07-02T02:00:00.000Z',
        _position: 3,
      });
      log.run('user-ke-toan', userDecider, { type: 'ReactivateUser', id: 'ke-toan', reason: 'đi làm lại' }, ADMIN, '2022-07-04T02:00:00.000Z');
      rm.apply(log.events.slice(3));
      expect(rm.get<UserDoc>(USERS, 'ke-toan')).toMatchObject({ active: true, _position: 4 });
    });
  });

  describe('allocations', () => {
    it('keeps each balance and rolls disbursements up to every ancestor', () => {
      const rm = new ReadModels();
      rm.apply(allocationStory().events);
      expect(balances(rm, PROVINCE)).toEqual({ allocated: 100_000_000_000, subAllocated: 71_570_000_000, disbursed: 0, disbursedTotal: 29_673_000_000 });
      expect(balances(rm, DISTRICT)).toEqual({
        allocated: 71_570_000_000,
        subAllocated: 5_000_000_000,
        disbursed: 27_673_000_000,
        disbursedTotal: 29_673_000_000,
      });
      expect(balances(rm, COMMUNE)).toEqual({ allocated: 5_000_000_000, subAllocated: 0, disbursed: 2_000_000_000, disbursedTotal: 2_000_000_000 });
    });

    it("reports Phong Thổ's own disbursement rate: 27.673/71.570 triệu đồng, 38,67%", () => {
      const rm = new ReadModels();
      rm.apply(allocationStory().events);
      const district = rm.get<AllocationDoc>(ALLOCATIONS, DISTRICT)!;
      expect(percent(district.disbursed, district.allocated)).toBe(38.67);
    });

    it('records the tree: unit paths, grantor, parent, ancestry, children and line', () => {
      const rm = new ReadModels();
      rm.apply(allocationStory().events);
      expect(rm.get<AllocationDoc>(ALLOCATIONS, PROVINCE)).toMatchObject({
        unitPath: ['lai-chau', 'vn'],
        grantedBy: 'vn',
        parentId: null,
        ancestry: [],
        children: [DISTRICT],
      });
      expect(rm.get<AllocationDoc>(ALLOCATIONS, COMMUNE)).toMatchObject({
        unit: 'si-lo-lau',
        unitPath: ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'],
        grantedBy: 'phong-tho',
        parentId: DISTRICT,
        ancestry: [PROVINCE, DISTRICT],
        children: [],
        ...LINE,
        decision: DECISION_747,
        grantedAt: '2022-07-01T02:00:00.000Z',
      });
    });

    it('takes a reversal off the allocation and every ancestor', () => {
      const log = allocationStory();
      log.run(stream(COMMUNE), allocationDecider, {
        type: 'ReverseDisbursement',
        disbursementId: 'd-2',
        reason: 'sai số tài khoản',
        decision: null,
        valueDate: null,
        today: '2023-01-05',
      });
      const rm = new ReadModels();
      rm.apply(log.events);
      expect([balances(rm, PROVINCE).disbursedTotal, balances(rm, DISTRICT).disbursedTotal, balances(rm, COMMUNE)]).toEqual([
        27_673_000_000,
        27_673_000_000,
        { allocated: 5_000_000_000, subAllocated: 0, disbursed: 0, disbursedTotal: 0 },
      ]);
    });

    it('lists progress notes on the allocation, oldest first, with who wrote them and when', () => {
      const log = allocationStory();
      log.run(
        stream(DISTRICT),
        allocationDecider,
        { type: 'RecordNote', noteId: 'n-1', text: 'Chưa có hướng dẫn', asOf: null, today: '2022-11-30' },
        KE_TOAN,
        '2022-11-30T03:00:00.000Z',
      );
      log.run(stream(DISTRICT), allocationDecider, { type: 'RecordNote', noteId: 'n-2', text: 'Đã chọn nhà thầu', asOf: '2022-12-01', today: '2022-12-20' });
      const rm = new ReadModels();
      rm.apply(log.events);
      const district = rm.get<AllocationDoc>(ALLOCATIONS, DISTRICT)!;
      expect(district.notes).toEqual([
        {
          id: 'n-1',
          text: 'Chưa có hướng dẫn',
          asOf: '2022-11-30',
          recordedAt: '2022-11-30T03:00:00.000Z',
          recordedBy: KE_TOAN.userId,
          position: log.events.length - 1,
        },
        {
          id: 'n-2',
          text: 'Đã chọn nhà thầu',
          asOf: '2022-12-01',
          recordedAt: '2022-07-01T02:00:00.000Z',
          recordedBy: KE_TOAN.userId,
          position: log.events.length,
        },
      ]);
      expect(balances(rm, DISTRICT)).toEqual({
        allocated: 71_570_000_000,
        subAllocated: 5_000_000_000,
        disbursed: 27_673_000_000,
        disbursedTotal: 29_673_000_000,
      });
    });

    it('follows an adjustment and a return of funds', () => {
      const log = allocationStory();
      log.run(stream(PROVINCE), allocationDecider, {
        type: 'AdjustAllocation',
        delta: -10_000_000_000,
        decision: DECISION_747,
        reason: 'điều chỉnh giảm',
        transferId: null,
      });
      log.run(stream(PROVINCE), allocationDecider, {
        type: 'ReturnFunds',
        transferId: 't-747',
        purpose: 'reduction',
        childAllocationId: DISTRICT,
        amount: 1_000_000_000,
        reason: 'giảm',
      });
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(balances(rm, PROVINCE)).toMatchObject({ allocated: 90_000_000_000, subAllocated: 70_570_000_000 });
    });

    it('refuses an event on an allocation that has no document', () => {
      const log = new Log();
      log.append(stream(DISTRICT), [
        event('AllocationAdjusted', {
          allocationId: DISTRICT,
          unit: 'phong-tho',
          delta: 1,
          allocated: 1,
          decision: DECISION_747,
          reason: 'x',
          transferId: null,
        }),
      ]);
      expect(() => new ReadModels().apply(log.events)).toThrow(/'alloc-phongtho' has no document/);
    });
  });

  describe('disbursements', () => {
    it('keeps the payment with who recorded it and when', () => {
      const rm = new ReadModels();
      rm.apply(allocationStory().events);
      expect(rm.get<DisbursementDoc>(DISBURSEMENTS, 'd-1')).toEqual({
        id: 'd-1',
        allocationId: DISTRICT,
        unit: 'phong-tho',
        amount: 27_673_000_000,
        valueDate: '2022-12-30',
        voucher: 'UNC-d-1',
        payee: null,
        purpose: null,
        recordedAt: '2022-07-01T02:00:00.000Z',
        recordedBy: KE_TOAN.userId,
        position: 10,
        reversal: null,
        _position: 10,
      });
    });

    it('keeps the original beside its reversal', () => {
      const log = allocationStory();
      const [reversal] = log.run(
        stream(DISTRICT),
        allocationDecider,
        { type: 'ReverseDisbursement', disbursementId: 'd-1', reason: 'sai chứng từ', decision: DECISION_747, valueDate: null, today: '2023-01-05' },
        KE_TOAN,
        '2023-01-05T03:00:00.000Z',
      );
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<DisbursementDoc>(DISBURSEMENTS, 'd-1')).toMatchObject({
        amount: 27_673_000_000,
        position: 10,
        reversal: {
          reason: 'sai chứng từ',
          decision: DECISION_747,
          recordedAt: '2023-01-05T03:00:00.000Z',
          recordedBy: KE_TOAN.userId,
          position: reversal!.position,
        },
        _position: reversal!.position,
      });
    });

    it('refuses a reversal of a disbursement it has never seen', () => {
      const log = allocationStory();
      log.append(stream(DISTRICT), [
        event('DisbursementReversed', {
          allocationId: DISTRICT,
          unit: 'phong-tho',
          ancestry: [PROVINCE],
          disbursementId: 'd-9',
          amount: 1,
          reason: 'x',
          decision: null,
        }),
      ]);
      expect(() => new ReadModels().apply(log.events)).toThrow(/'d-9' reversed before it was recorded/);
    });

    it('refuses a disbursement id another allocation already used', () => {
      const log = allocationStory();
      const rm = new ReadModels();
      rm.apply(log.events);
      const [duplicate] = log.run(stream(PROVINCE), allocationDecider, disburse('d-1', 1));
      let thrown: unknown;
      try {
        rm.apply([duplicate!]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).code).toBe('ALREADY_EXISTS');
    });
  });

  describe('transfers', () => {
    it('lists a sub-allocation as pending after its first step and done after its second', () => {
      const log = allocationStory();
      const rm = new ReadModels();
      const [passed] = log.run(stream(DISTRICT), allocationDecider, {
        type: 'PassDown',
        transferId: 't-xa2',
        childAllocationId: 'alloc-silolau-2',
        childUnitPath: ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'],
        line: {},
        amount: 1_000_000_000,
        decision: DECISION_747,
      });
      rm.apply(log.events);
      expect(rm.get<TransferDoc>(TRANSFERS, 't-xa2')).toEqual({
        id: 't-xa2',
        kind: 'sub-allocation',
        status: 'pending',
        firstStep: { allocationId: DISTRICT, position: passed!.position },
        childAllocationId: 'alloc-silolau-2',
        amount: 1_000_000_000,
        _position: passed!.position,
      });
      const parent = log.state(stream(DISTRICT), allocationDecider) as Granted;
      rm.apply(log.run(stream('alloc-silolau-2'), allocationDecider, subAllocationGrant(parent, passed!.data as FundsPassedDown['data'])));
      expect(rm.get<TransferDoc>(TRANSFERS, 't-xa2')).toMatchObject({ status: 'done', kind: 'sub-allocation' });
      expect(rm.get<TransferDoc>(TRANSFERS, 't-747')).toMatchObject({ status: 'done', firstStep: { allocationId: PROVINCE } });
    });

    it('follows an increase from the parent to the child', () => {
      const log = allocationStory();
      const rm = new ReadModels();
      rm.apply(log.events);
      const increase = { transferId: 't-inc', delta: 3_000_000_000, decision: DECISION_747, reason: 'bổ sung' };
      rm.apply(log.run(stream(PROVINCE), allocationDecider, { type: 'PassDownIncrease', childAllocationId: DISTRICT, childUnit: 'phong-tho', ...increase }));
      expect(rm.get<TransferDoc>(TRANSFERS, 't-inc')).toMatchObject({
        kind: 'increase',
        status: 'pending',
        childAllocationId: DISTRICT,
        amount: 3_000_000_000,
      });
      rm.apply(log.run(stream(DISTRICT), allocationDecider, { type: 'ApplyIncrease', ...increase }));
      expect(rm.get<TransferDoc>(TRANSFERS, 't-inc')).toMatchObject({ status: 'done' });
      expect([balances(rm, PROVINCE).subAllocated, balances(rm, DISTRICT).allocated]).toEqual([74_570_000_000, 74_570_000_000]);
    });

    it('follows a reduction from the child back to the parent', () => {
      const log = allocationStory();
      const rm = new ReadModels();
      rm.apply(log.events);
      const [reduced] = log.run(stream(DISTRICT), allocationDecider, {
        type: 'AdjustAllocation',
        delta: -1_000_000_000,
        decision: DECISION_747,
        reason: 'giảm',
        transferId: 't-red',
      });
      rm.apply([reduced!]);
      expect(rm.get<TransferDoc>(TRANSFERS, 't-red')).toEqual({
        id: 't-red',
        kind: 'reduction',
        status: 'pending',
        firstStep: { allocationId: DISTRICT, position: reduced!.position },
        childAllocationId: DISTRICT,
        amount: 1_000_000_000,
        _position: reduced!.position,
      });
      rm.apply(
        log.run(stream(PROVINCE), allocationDecider, {
          type: 'ReturnFunds',
          transferId: 't-red',
          purpose: 'reduction',
          childAllocationId: DISTRICT,
          amount: 1_000_000_000,
          reason: 'giảm',
        }),
      );
      expect(rm.get<TransferDoc>(TRANSFERS, 't-red')).toMatchObject({ status: 'done' });
      expect([balances(rm, PROVINCE).subAllocated, balances(rm, DISTRICT).allocated]).toEqual([70_570_000_000, 70_570_000_000]);
    });

    it('writes nothing for a top-level adjustment or a second step without a first', () => {
      const log = allocationStory();
      const rm = new ReadModels();
      rm.apply(log.events);
      const writes = rm.apply([
        ...log.run(stream(PROVINCE), allocationDecider, {
          type: 'AdjustAllocation',
          delta: 1_000,
          decision: DECISION_747,
          reason: 'bổ sung',
          transferId: null,
        }),
        ...log.run(stream(PROVINCE), allocationDecider, {
          type: 'ReturnFunds',
          transferId: 't-unknown',
          purpose: 'cancellation',
          childAllocationId: 'x',
          amount: 0,
          reason: 'r',
        }),
      ]);
      expect(writes.map((w) => w.collection)).toEqual([ALLOCATIONS, ALLOCATIONS]);
      expect(rm.get(TRANSFERS, 't-unknown')).toBeNull();
    });
  });

  describe('households', () => {
    const HH1 = 'hh-0001';
    const HH2 = 'hh-0002';
    const assess = (assessmentId: string, reviewYear: number, incomePerCapita: number, deprivations: readonly string[]): AssessHousehold => ({
      type: 'AssessHousehold',
      assessmentId,
      reviewYear,
      reviewType: 'periodic',
      incomePerCapita,
      deprivations,
      decision: null,
    });

    function householdStory(): Log {
      const log = new Log();
      registerUnits(log);
      for (const id of [HH1, HH2]) {
        log.run(`household-${id}`, householdDecider, {
          type: 'RegisterHousehold',
          householdId: id,
          unit: 'si-lo-lau',
          unitLevel: 'commune',
          area: 'rural',
          members: 5,
          headName: null,
          ethnicMinority: true,
        });
      }
      log.run(`household-${HH1}`, householdDecider, assess('a-1', 2022, 1_200_000, ['nutrition', 'housing_quality', 'latrine']));
      log.run(`household-${HH2}`, householdDecider, assess('a-2', 2022, 1_400_000, ['latrine']));
      return log;
    }

    it('keeps the household with its unit path, current class and assessments', () => {
      const rm = new ReadModels();
      rm.apply(householdStory().events);
      expect(rm.get<HouseholdDoc>(HOUSEHOLDS, HH1)).toMatchObject({
        unit: 'si-lo-lau',
        unitPath: ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'],
        area: 'rural',
        members: 5,
        ethnicMinority: true,
        current: { classification: 'poor', reviewYear: 2022, standard: 'MDP-2022-2025' },
        assessments: [{ id: 'a-1', reviewYear: 2022, classification: 'poor', standard: 'MDP-2022-2025', recordedBy: KE_TOAN.userId }],
        reclassifications: [],
      });
    });

    it('counts households, classes and deprivations per commune and review year', () => {
      const rm = new ReadModels();
      rm.apply(householdStory().events);
      expect(rm.get<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId('si-lo-lau', 2022))).toEqual({
        id: 'si-lo-lau|2022',
        unit: 'si-lo-lau',
        unitPath: ['si-lo-lau', 'phong-tho', 'lai-chau', 'vn'],
        reviewYear: 2022,
        households: 2,
        byClassification: { poor: 1, near_poor: 1, average: 0, not_poor: 0 },
        deprivations: { nutrition: 1, housing_quality: 1, latrine: 2 },
        deprivationsOfPoor: { nutrition: 1, housing_quality: 1, latrine: 1 },
        _position: 8,
      });
    });

    it('replaces the counts on a re-assessment of the same year instead of adding a household', () => {
      const log = householdStory();
      log.run(`household-${HH1}`, householdDecider, assess('a-1-bis', 2022, 1_200_000, ['latrine']));
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId('si-lo-lau', 2022))).toMatchObject({
        households: 2,
        byClassification: { poor: 0, near_poor: 2, average: 0, not_poor: 0 },
        deprivations: { nutrition: 0, housing_quality: 0, latrine: 2 },
        deprivationsOfPoor: { nutrition: 0, housing_quality: 0, latrine: 0 },
      });
      expect(rm.get<HouseholdDoc>(HOUSEHOLDS, HH1)).toMatchObject({
        current: { classification: 'near_poor', reviewYear: 2022 },
        assessments: [{ id: 'a-1' }, { id: 'a-1-bis' }],
        reclassifications: [{ assessmentId: 'a-1-bis', reviewYear: 2022, from: 'poor', to: 'near_poor', standard: 'MDP-2022-2025' }],
      });
    });

    it('counts an older review year in its own year and keeps the current class', () => {
      const log = householdStory();
      log.run(`household-${HH1}`, householdDecider, assess('a-2021', 2021, 2_000_000, []));
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<HouseholdDoc>(HOUSEHOLDS, HH1)!.current).toEqual({ classification: 'poor', reviewYear: 2022, standard: 'MDP-2022-2025' });
      expect(rm.get<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId('si-lo-lau', 2021))).toMatchObject({ households: 1, byClassification: { not_poor: 1 } });
      expect(rm.get<HouseholdStatsDoc>(HOUSEHOLD_STATS, statsId('si-lo-lau', 2022))).toMatchObject({ households: 2 });
    });

    it('falls back to the unit alone as path when the unit has no document', () => {
      const log = new Log();
      log.run('household-hh', householdDecider, {
        type: 'RegisterHousehold',
        householdId: 'hh',
        unit: 'xa-moi',
        unitLevel: 'commune',
        area: 'urban',
        members: 2,
        headName: null,
        ethnicMinority: null,
      });
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<HouseholdDoc>(HOUSEHOLDS, 'hh')).toMatchObject({ unit: 'xa-moi', unitPath: ['xa-moi'], current: null });
    });

    it('refuses an assessment of a household that has no document', () => {
      const log = householdStory();
      const rm = new ReadModels();
      const orphan = log.events.filter((e) => e.type === 'HouseholdAssessed');
      expect(() => rm.apply(orphan)).toThrow(/'hh-0001' has no document/);
    });
  });

  describe('audit keys', () => {
    it('finds a sub-allocation grant under the actor, both allocations and its decision (no key for what no query asks: type, unit)', () => {
      const log = allocationStory();
      const grant = log.events.find((e) => e.type === 'AllocationGranted' && e.streamId === stream(DISTRICT))!;
      expect(auditKeys(grant).sort()).toEqual([`actor:${KE_TOAN.userId}`, `allocation:${DISTRICT}`, `allocation:${PROVINCE}`, 'decision:747/QĐ-UBND'].sort());
    });

    it('finds a disbursement and a household by their ids, skipping empty values', () => {
      const log = allocationStory();
      const d1 = log.events.find((e) => e.type === 'DisbursementRecorded')!;
      expect(auditKeys(d1)).toEqual(expect.arrayContaining(['disbursement:d-1', `allocation:${DISTRICT}`]));
      log.run('household-hh', householdDecider, {
        type: 'RegisterHousehold',
        householdId: 'hh',
        unit: 'si-lo-lau',
        unitLevel: 'commune',
        area: 'rural',
        members: 2,
        headName: null,
        ethnicMinority: null,
      });
      expect(auditKeys(log.events.at(-1)!).sort()).toEqual([`actor:${KE_TOAN.userId}`, 'household:hh']);
    });
  });

  describe('replay', () => {
    function fullStory(): Log {
      const log = allocationStory();
      makerChecker(log);
      log.run(stream(COMMUNE), allocationDecider, {
        type: 'ReverseDisbursement',
        disbursementId: 'd-2',
        reason: 'sai',
        decision: null,
        valueDate: null,
        today: '2023-01-05',
      });
      log.run(stream(DISTRICT), allocationDecider, {
        type: 'AdjustAllocation',
        delta: -1_000_000_000,
        decision: DECISION_747,
        reason: 'giảm',
        transferId: 't-red',
      });
      log.run(stream(PROVINCE), allocationDecider, {
        type: 'ReturnFunds',
        transferId: 't-red',
        purpose: 'reduction',
        childAllocationId: DISTRICT,
        amount: 1_000_000_000,
        reason: 'giảm',
      });
      log.run('household-hh', householdDecider, {
        type: 'RegisterHousehold',
        householdId: 'hh',
        unit: 'si-lo-lau',
        unitLevel: 'commune',
        area: 'rural',
        members: 4,
        headName: null,
        ethnicMinority: null,
      });
      for (const [id, income] of [
        ['a-1', 1_000_000],
        ['a-2', 1_900_000],
      ] as const) {
        log.run('household-hh', householdDecider, {
          type: 'AssessHousehold',
          assessmentId: id,
          reviewYear: 2022,
          reviewType: 'periodic',
          incomePerCapita: income,
          deprivations: ['latrine', 'telecom', 'nutrition'],
          decision: null,
        });
      }
      log.run(
        'user-u',
        userDecider,
        { type: 'RegisterUser', id: 'u', name: 'U', role: 'inspector', units: [], tokenHash: 'e'.repeat(64), expiresAt: null, now: NOW },
        ADMIN,
      );
      log.run('user-u', userDecider, { type: 'RotateUserToken', id: 'u', tokenHash: 'd'.repeat(64), expiresAt: null, reason: 'r', now: NOW }, ADMIN);
      log.run('user-u', userDecider, { type: 'DeactivateUser', id: 'u', reason: 'r', otherActiveAdmins: 1 }, ADMIN);
      return log;
    }

    /** Maker-checker: a policy on Phong Thổ, one request approved by another officer, one rejected. */
    function makerChecker(log: Log): void {
      const policy = { unit: 'phong-tho', threshold: 1_000_000_000, decision: DECISION_747 };
      log.run('approval-policy-phong-tho', approvalPolicyDecider, { type: 'SetApprovalPolicy', ...policy }, KE_TOAN);
      for (const id of ['r-1', 'r-2'])
        log.run(stream(DISTRICT), allocationDecider, { ...(disburse(id, 2_000_000_000) as RecordDisbursement), approvalPolicy: policy });
      log.run(stream(DISTRICT), allocationDecider, { type: 'ApproveDisbursement', disbursementId: 'r-1', checker: 'checker', comment: 'ok' }, CHECKER);
      log.run(stream(DISTRICT), allocationDecider, { type: 'RejectDisbursement', disbursementId: 'r-2', checker: 'checker', reason: 'thiếu hồ sơ' }, CHECKER);
    }

    it('moves an approved request into disbursed up the ancestry and releases a rejected one', () => {
      const rm = new ReadModels();
      rm.apply(fullStory().events);
      expect(rm.get<AllocationDoc>(ALLOCATIONS, DISTRICT)).toMatchObject({ pending: 0, disbursed: 29_673_000_000 });
      // The commune's 2 bn was reversed: the province's total is Phong Thổ's own.
      expect(rm.get<AllocationDoc>(ALLOCATIONS, PROVINCE)).toMatchObject({ disbursedTotal: 29_673_000_000 });
      expect(rm.get<ApprovalDoc>(APPROVALS, 'r-1')).toMatchObject({ status: 'approved', requestedBy: 'pt-finance', decision: { by: 'checker', reason: 'ok' } });
      expect(rm.get<ApprovalDoc>(APPROVALS, 'r-2')).toMatchObject({ status: 'rejected', decision: { by: 'checker', reason: 'thiếu hồ sơ' } });
      expect(rm.get<DisbursementDoc>(DISBURSEMENTS, 'r-1')).toMatchObject({ recordedBy: 'pt-finance', approval: { approvedBy: 'checker', comment: 'ok' } });
      expect(rm.get<DisbursementDoc>(DISBURSEMENTS, 'r-2')).toBeNull();
      expect(rm.get(APPROVAL_POLICIES, 'phong-tho')).toMatchObject({ threshold: 1_000_000_000 });
    });

    it('keeps a pending request reserved on its allocation only', () => {
      const log = allocationStory();
      const policy = { unit: 'phong-tho', threshold: 1, decision: DECISION_747 };
      log.run(stream(DISTRICT), allocationDecider, { ...(disburse('r-9', 3_000_000_000) as RecordDisbursement), approvalPolicy: policy });
      const rm = new ReadModels();
      rm.apply(log.events);
      expect(rm.get<AllocationDoc>(ALLOCATIONS, DISTRICT)).toMatchObject({ pending: 3_000_000_000, disbursed: 27_673_000_000 });
      expect(rm.get<AllocationDoc>(ALLOCATIONS, PROVINCE)).toMatchObject({ pending: 0, disbursedTotal: 29_673_000_000 });
      expect(rm.get<ApprovalDoc>(APPROVALS, 'r-9')).toMatchObject({ status: 'pending', unitPath: ['phong-tho', 'lai-chau', 'vn'], decision: null });
    });

    it('is idempotent if run twice', () => {
      const log = fullStory();
      const once = new ReadModels();
      once.apply(log.events);
      const expected = once.snapshot();

      const twice = new ReadModels();
      for (const e of log.events) {
        twice.apply([e]);
        expect(twice.apply([e])).toEqual([]);
      }
      expect(twice.snapshot()).toEqual(expected);

      expect(once.apply(log.events)).toEqual([]);
      expect(once.snapshot()).toEqual(expected);
    });

    it('stamps every written document with the position of the event that wrote it', () => {
      const log = fullStory();
      const rm = new ReadModels();
      for (const e of log.events) {
        for (const w of rm.apply([e])) expect(w.doc._position).toBe(e.position);
      }
      expect(rm.get<AllocationDoc>(ALLOCATIONS, PROVINCE)!._position).toBe(log.events.filter((e) => e.streamId === stream(PROVINCE)).at(-1)!.position);
    });
  });
});
