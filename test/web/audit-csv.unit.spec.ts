import type { AuditEntry } from '../../apps/web/src/api/types';
import { auditCsv, entryAmount } from '../../apps/web/src/audit/audit-csv';

type Meta = Pick<AuditEntry['metadata'], 'decision' | 'reason'>;
const RECORDED = '2022-10-21T03:05:09.000Z';

const entry = (over: Partial<Omit<AuditEntry, 'metadata'>> & Pick<AuditEntry, 'position' | 'type' | 'data'> & { metadata?: Meta }): AuditEntry => {
  const actor = over.actor ?? { userId: 'pt-finance', role: 'finance_officer' };
  const meta = over.metadata ?? { decision: null, reason: null };
  return {
    schemaVersion: 1,
    streamId: 'allocation-PT-DA1.1-2022',
    revision: 1,
    recordedAt: RECORDED,
    hash: '0'.repeat(64),
    ...over,
    actor,
    metadata: { ...meta, actor, recordedAt: RECORDED, correlationId: 'c', causationId: null, idempotencyKey: null, requestHash: null },
  };
};

const granted = entry({
  position: 7,
  type: 'AllocationGranted',
  actor: { userId: 'lc-finance', role: 'finance_officer' },
  data: { allocationId: 'PT-DA1.1-2022', unit: 'PHONG-THO', amount: 71_570_000_000 },
  metadata: { decision: { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' }, reason: null },
});
const reversed = entry({
  position: 12,
  type: 'DisbursementReversed',
  data: { allocationId: 'PT-DA1.1-2022', disbursementId: 'D3', amount: 5_000_000_000 },
  metadata: { decision: null, reason: 'chứng từ "UNC-002", ghi hai lần' },
});

describe('console: the audit trail as CSV', () => {
  it('starts with a byte-order mark and names its columns in the user’s language', () => {
    const vi = auditCsv([], 'vi');
    expect(vi.charCodeAt(0)).toBe(0xfeff);
    expect(vi.slice(1)).toBe(
      'Vị trí,Thời điểm ghi (UTC),Thời điểm,Người thực hiện,Vai trò,Loại sự kiện,Nội dung,Khoản vốn,Hộ gia đình,Khoản giải ngân,Số tiền,Số quyết định,Ngày quyết định,Cơ quan ban hành,Lý do,Dữ liệu (JSON)\r\n',
    );
    expect(auditCsv([], 'en').slice(1)).toMatch(/^Position,Recorded at \(UTC\),When,Actor,Role,Event type,What,/);
  });

  it('writes who, when, what, the decision and why, amounts as whole đồng, quoting as RFC 4180 says', () => {
    const [, grant, reversal] = auditCsv([granted, reversed], 'vi').slice(1).split('\r\n');
    expect(grant).toBe(
      '7,2022-10-21T03:05:09.000Z,10:05:09 21/10/2022,lc-finance,cán bộ tài chính,AllocationGranted,Giao vốn,PT-DA1.1-2022,,,71570000000,747/QĐ-UBND,30/6/2022,UBND tỉnh Lai Châu,,' +
        '"{""allocationId"":""PT-DA1.1-2022"",""unit"":""PHONG-THO"",""amount"":71570000000}"',
    );
    expect(reversal).toContain(',DisbursementReversed,Hủy khoản giải ngân,PT-DA1.1-2022,,D3,5000000000,,,,"chứng từ ""UNC-002"", ghi hai lần",');
  });

  it('keeps text a spreadsheet would read as a formula as text', () => {
    const sneaky = entry({
      position: 3,
      type: 'DisbursementReversed',
      data: { disbursementId: '=HYPERLINK("x")', amount: -5 },
      metadata: { decision: null, reason: '+1 lý do' },
    });
    const row = auditCsv([sneaky], 'vi').split('\r\n')[1]!;
    expect(row).toContain(`,"'=HYPERLINK(""x"")",-5,`);
    expect(row).toContain(",'+1 lý do,");
  });

  it('takes the amount an entry moves from its payment or its adjustment', () => {
    expect(entryAmount(granted)).toBe(71_570_000_000);
    expect(entryAmount(entry({ position: 1, type: 'AllocationAdjusted', data: { delta: -2_000_000 } }))).toBe(-2_000_000);
    expect(entryAmount(entry({ position: 1, type: 'HouseholdRegistered', data: { householdId: 'H1' } }))).toBeNull();
  });
});
