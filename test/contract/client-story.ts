import createClient from 'openapi-fetch';
// Generated from the served document by test/contract/client.e2e.spec.ts (openapi-typescript), never by hand.
import type { paths } from './generated/ledger-api';

/**
 * The README walkthrough, written as a stranger would write it: only through a client generated
 * from /api/docs-json. The contract test type-checks this file with `tsc --strict` against the
 * freshly generated types (so a field the document does not describe does not compile), then runs
 * it against a booted ledger and checks the figures it reads.
 */

type Client = ReturnType<typeof createClient<paths>>;

/** Every answer must be the documented success: the story stops at the first refusal, saying why. */
function ok<T>(what: string, r: { data?: T; error?: unknown; response: Response }): T {
  if (r.data === undefined) throw new Error(`${what} → ${r.response.status} ${JSON.stringify(r.error)}`);
  return r.data;
}

const as = (baseUrl: string, token: string): Client => createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

export async function runStory(baseUrl: string, adminToken: string) {
  const admin = as(baseUrl, adminToken);

  // The unit tree and the people who post money.
  for (const unit of [
    { code: 'VN', name: 'Trung ương', level: 'central' as const },
    { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu', level: 'province' as const, parent: 'VN' },
    { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district' as const, parent: 'LAI-CHAU' },
    { code: 'MA-LI-PHO', name: 'Xã Ma Li Pho', level: 'commune' as const, parent: 'PHONG-THO' },
  ]) {
    ok(`unit ${unit.code}`, await admin.POST('/api/v1/units', { body: unit }));
  }
  const user = async (id: string, name: string, role: 'finance_officer' | 'social_officer' | 'supervisor', units: string[]) =>
    ok(`user ${id}`, await admin.POST('/api/v1/users', { body: { id, name, role, units } })).token;
  const lc = as(baseUrl, await user('lc-finance', 'Kế toán tỉnh', 'finance_officer', ['LAI-CHAU']));
  const pt = as(baseUrl, await user('pt-finance', 'Kế toán huyện', 'finance_officer', ['PHONG-THO']));
  const so = as(baseUrl, await user('mlp-social', 'Cán bộ LĐTBXH xã', 'social_officer', ['MA-LI-PHO']));
  const sv = as(baseUrl, await user('pt-supervisor', 'Tổ giám sát', 'supervisor', ['PHONG-THO']));

  // The central 2022 allocation to Lai Châu, and the 71,570,000,000 đ the province passes down to Phong Thổ.
  ok(
    'grant',
    await admin.POST('/api/v1/allocations', {
      body: {
        id: 'LC-DA1.1-2022',
        unit: 'LAI-CHAU',
        program: 'GNBV-2021-2025',
        project: 'DA1',
        subProject: 'DA1.1',
        fiscalYear: 2022,
        capitalType: 'investment',
        source: 'central',
        amount: 300_000_000_000,
        decision: { number: '1234/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' },
      },
    }),
  );
  ok(
    'pass down',
    await lc.POST('/api/v1/allocations', {
      body: {
        id: 'PT-DA1.1-2022',
        parentId: 'LC-DA1.1-2022',
        unit: 'PHONG-THO',
        amount: 71_570_000_000,
        decision: { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' },
      },
    }),
  );

  // The district pays, and reverses a wrong payment (the original stays visible).
  const pay = { params: { path: { id: 'PT-DA1.1-2022' } } };
  ok(
    'D1',
    await pt.POST('/api/v1/allocations/{id}/disbursements', {
      ...pay,
      body: { id: 'D1', amount: 12_000_000_000, valueDate: '2022-09-15', voucher: 'UNC-001' },
    }),
  );
  ok(
    'D2',
    await pt.POST('/api/v1/allocations/{id}/disbursements', {
      ...pay,
      body: { id: 'D2', amount: 15_673_000_000, valueDate: '2022-10-20', voucher: 'UNC-002' },
    }),
  );
  const d3 = ok(
    'D3',
    await pt.POST('/api/v1/allocations/{id}/disbursements', { ...pay, body: { id: 'D3', amount: 5_000_000_000, valueDate: '2022-10-21', voucher: 'UNC-002' } }),
  );
  ok(
    'reversal',
    await pt.POST('/api/v1/disbursements/{id}/reversal', {
      params: { path: { id: d3.id } },
      body: { reason: 'voucher UNC-002 posted twice', valueDate: '2022-10-21' },
    }),
  );

  const allocation = ok('allocation', await pt.GET('/api/v1/allocations/{id}', { params: { path: { id: 'PT-DA1.1-2022' } } }));
  const balances = ok('balances', await admin.GET('/api/v1/balances', { params: { query: { fiscalYear: 2022, groupBy: ['unit'] } } }));
  const paidBy2022 = ok('balances by value date', await admin.GET('/api/v1/balances', { params: { query: { valueDate: '2022-12-31', unit: 'PHONG-THO' } } }));

  // A commune records its households' yearly assessments.
  ok('H1', await so.POST('/api/v1/households', { body: { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 4 } }));
  const assess = (reviewYear: number, deprivations: ('nutrition' | 'latrine' | 'telecom')[]) =>
    so.POST('/api/v1/households/{id}/assessments', {
      params: { path: { id: 'H1' } },
      body: { reviewYear, reviewType: 'periodic', incomePerCapita: 1_400_000, deprivations },
    });
  const first = ok('2022 assessment', await assess(2022, ['nutrition', 'latrine', 'telecom']));
  const second = ok('2023 assessment', await assess(2023, ['latrine']));
  const stats = ok('stats', await sv.GET('/api/v1/households/stats', { params: { query: { unit: 'PHONG-THO', reviewYear: 2023 } } }));

  // The audit trail: who did what, when, under which decision, and why.
  const trail = ok('audit', await sv.GET('/api/v1/audit', { params: { query: { allocation: 'PT-DA1.1-2022' } } }));
  const byDecision = ok('audit by decision', await admin.GET('/api/v1/audit', { params: { query: { decision: '747/QĐ-UBND' } } }));

  const row = (unit: string) => balances.rows.find((r) => r.unit === unit);
  return {
    allocation: {
      allocated: allocation.allocated,
      subAllocated: allocation.subAllocated,
      disbursed: allocation.disbursed,
      available: allocation.available,
      rate: allocation.disbursementRate,
      decision: allocation.decision.number,
    },
    balances: {
      total: balances.total.allocated,
      phongTho: row('PHONG-THO')?.disbursed,
      laiChau: row('LAI-CHAU')?.allocated,
      laiChauPassedDown: row('LAI-CHAU')?.subAllocated,
      paidBy2022: paidBy2022.total.disbursed,
    },
    households: {
      first: first.classification,
      second: second.classification,
      previous: second.previousClassification,
      nearPoor: stats.byClassification.near_poor,
      poor: stats.byClassification.poor,
    },
    audit: {
      types: trail.items.map((e) => e.type),
      reversalReason: trail.items.find((e) => e.type === 'DisbursementReversed')?.metadata.reason ?? null,
      byDecision: byDecision.items.map((e) => `${e.type} by ${e.actor.userId}`),
    },
  };
}
