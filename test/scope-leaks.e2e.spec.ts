import { ADMIN_TOKEN, startServer, type Reply, type TestServer } from './support/server';

/**
 * Issue 15, defects 2 and 3: a record outside the caller's scope is indistinguishable from one that
 * does not exist, on every read and write that names it, and an inspector's units are honoured.
 * Two provinces, each with a district and a commune: A (the callers') and B (the records probed).
 */
const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
const DECISION = { number: '1/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh' };
const B_UNITS = ['TINH-B', 'HUYEN-B', 'XA-B'];
/** Every name of B's units shares this word; none of A's does. */
const B_NAME = 'Bình';
/** Ids nobody ever recorded, probed beside B's records. */
const UNKNOWN = 'NO-SUCH-ID';
const UNKNOWN_UNIT = 'NO-SUCH-UNIT';

type Cast = Record<'finA' | 'provA' | 'socA' | 'supA' | 'inspA' | 'inspN' | 'finB', string>;

describe('records outside the scope answer as records that do not exist (issue 15)', () => {
  let s: TestServer;
  let cast: Cast;
  /** Every answer given to an A-side caller about B's records, for the message check at the end. */
  const probed: { what: string; reply: Reply; named: string }[] = [];

  const ok = async (path: string, body: unknown, token = ADMIN_TOKEN) => {
    const r = await s.request('POST', `/api/v1${path}`, { token, body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const head = async (): Promise<number> => (await s.request('GET', '/api/v1/integrity', { token: ADMIN_TOKEN })).body.position;
  /** Status and body with the probed id (or unit code) taken out: what must not differ. */
  const modulo = (r: Reply, id: string) => ({ status: r.status, body: JSON.parse(JSON.stringify(r.body).split(id).join('<id>')) as unknown });

  /** The answer about B's record equals, but for the id, the answer about an id nobody recorded. */
  async function sameAsUnknown(what: string, send: (id: string) => Promise<Reply>, outOfScope: string, unknown = UNKNOWN) {
    const hidden = await send(outOfScope);
    const absent = await send(unknown);
    probed.push({ what, reply: hidden, named: outOfScope });
    expect({ what, ...modulo(hidden, outOfScope) }).toEqual({ what, ...modulo(absent, unknown) });
    expect([what, hidden.status]).not.toEqual([what, 403]);
    return hidden;
  }

  beforeAll(async () => {
    s = await startServer();
    await ok('/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    for (const [side, word] of [
      ['A', 'An'],
      ['B', B_NAME],
    ] as const) {
      await ok('/units', { code: `TINH-${side}`, name: `Tỉnh ${word}`, level: 'province', parent: 'VN' });
      await ok('/units', { code: `HUYEN-${side}`, name: `Huyện ${word}`, level: 'district', parent: `TINH-${side}` });
      await ok('/units', { code: `XA-${side}`, name: `Xã ${word}`, level: 'commune', parent: `HUYEN-${side}` });
    }
    const user = async (id: string, role: string, units: string[]) => (await ok('/users', { id, name: id, role, units })).token as string;
    cast = {
      finA: await user('fin-a', 'finance_officer', ['HUYEN-A']),
      provA: await user('prov-a', 'finance_officer', ['TINH-A']),
      socA: await user('soc-a', 'social_officer', ['XA-A']),
      supA: await user('sup-a', 'supervisor', ['HUYEN-A']),
      inspA: await user('insp-a', 'inspector', ['TINH-A']),
      inspN: await user('insp-n', 'inspector', []),
      finB: await user('fin-b', 'finance_officer', ['HUYEN-B']),
    };
    for (const side of ['A', 'B']) {
      await ok('/allocations', { id: `AL-P${side}`, unit: `TINH-${side}`, ...LINE, amount: 1_000_000, decision: DECISION });
      await ok('/allocations', { id: `AL-D${side}`, parentId: `AL-P${side}`, unit: `HUYEN-${side}`, amount: 600_000, decision: DECISION });
      await ok(`/allocations/AL-D${side}/disbursements`, { id: `D-${side}1`, amount: 1_000, valueDate: '2022-09-01', voucher: 'V1' });
      await ok(`/allocations/AL-D${side}/disbursements`, { id: `D-${side}2`, amount: 2_000, valueDate: '2022-09-02', voucher: 'V2' });
      await ok(`/allocations/AL-D${side}/notes`, { text: `tiến độ ${side}` });
      await ok('/households', { id: `HH-${side}-1`, unit: `XA-${side}`, area: 'rural', members: 4 });
      await ok(`/households/HH-${side}-1/assessments`, {
        reviewYear: 2023,
        reviewType: 'periodic',
        incomePerCapita: 1_400_000,
        deprivations: ['latrine', 'telecom', 'nutrition'],
      });
    }
  });
  afterAll(() => s.close());

  const get = (token: string) => (path: string) => s.request('GET', `/api/v1${path}`, { token });

  describe.each([
    ['a district supervisor', 'supA'],
    ['a provincial inspector', 'inspA'],
  ] as const)('reads by %s', (_who, caller) => {
    const as = () => get(cast[caller]);

    it.each([
      ['GET /households/{id}', (id: string) => `/households/${id}`, 'HH-B-1'],
      ['GET /allocations/{id}', (id: string) => `/allocations/${id}`, 'AL-DB'],
      ['GET /allocations/{id} in the past', (id: string) => `/allocations/${id}?atPosition=30`, 'AL-DB'],
      ['GET /allocations/{id}/trace', (id: string) => `/allocations/${id}/trace`, 'AL-DB'],
      ['GET /allocations/{id}/disbursements', (id: string) => `/allocations/${id}/disbursements`, 'AL-DB'],
      ['GET /disbursements/{id}', (id: string) => `/disbursements/${id}`, 'D-B1'],
      ['GET /disbursements/{id}/trace', (id: string) => `/disbursements/${id}/trace`, 'D-B1'],
    ])('%s answers 404 as for an unknown id', async (what, path, id) => {
      const r = await sameAsUnknown(`${caller} ${what}`, (x) => as()(path(x)), id);
      expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('GET /units/{code} answers 404 as for an unknown unit', async () => {
      for (const code of B_UNITS) {
        const r = await sameAsUnknown(`${caller} GET /units/${code}`, (x) => as()(`/units/${x}`), code, UNKNOWN_UNIT);
        expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
      }
    });

    it.each([
      ['GET /balances?unit=', (u: string) => `/balances?unit=${u}`],
      ['GET /households/stats?unit=', (u: string) => `/households/stats?unit=${u}&reviewYear=2023`],
      ['GET /reports/programme?unit=', (u: string) => `/reports/programme?unit=${u}&fiscalYear=2022`],
      ['GET /changes?unit=', (u: string) => `/changes?unit=${u}`],
      ['GET /allocations?unit=', (u: string) => `/allocations?unit=${u}`],
      ['GET /households?unit=', (u: string) => `/households?unit=${u}`],
      ['GET /units?parent=', (u: string) => `/units?parent=${u}`],
    ])('%s naming a unit outside the scope answers 400 UNKNOWN_REFERENCE as for an unknown unit', async (what, path) => {
      for (const code of B_UNITS) {
        const r = await sameAsUnknown(`${caller} ${what}${code}`, (x) => as()(path(x)), code, UNKNOWN_UNIT);
        expect([r.status, r.body.code]).toEqual([400, 'UNKNOWN_REFERENCE']);
      }
    });

    it.each([
      ['household', 'HH-B-1'],
      ['allocation', 'AL-DB'],
      ['disbursement', 'D-B1'],
    ])('GET /audit?%s= of a record outside the scope answers as an unknown one', async (field, id) => {
      const r = await sameAsUnknown(`${caller} GET /audit?${field}=`, (x) => as()(`/audit?${field}=${x}`), id);
      expect([r.status, r.body.code, r.body.details?.field]).toEqual([400, 'UNKNOWN_REFERENCE', field]);
    });
  });

  describe('writes addressed to records outside the scope', () => {
    let before: number;
    beforeAll(async () => {
      before = await head();
    });

    const post = (token: string, path: string, body: unknown) => s.request('POST', `/api/v1${path}`, { token, body });
    const payment = { amount: 1, valueDate: '2022-09-03', voucher: 'V9' };
    const assessment = { reviewYear: 2023, reviewType: 'periodic', incomePerCapita: 1_000_000, deprivations: [] };

    it.each<[keyof Cast, string, string, unknown, string]>([
      ['finA', 'a payment', '/allocations/{id}/disbursements', payment, 'AL-DB'],
      ['supA', 'a payment (a role that may not pay)', '/allocations/{id}/disbursements', payment, 'AL-DB'],
      ['finA', 'a reversal', '/disbursements/{id}/reversal', { reason: 'sai' }, 'D-B2'],
      ['provA', 'an adjustment', '/allocations/{id}/adjustments', { delta: -1, decision: DECISION, reason: 'giảm' }, 'AL-DB'],
      ['supA', 'a progress note', '/allocations/{id}/notes', { text: 'x' }, 'AL-DB'],
      ['finA', 'a progress note', '/allocations/{id}/notes', { text: 'x' }, 'AL-DB'],
      ['socA', 'an assessment', '/households/{id}/assessments', assessment, 'HH-B-1'],
    ])('%s sending %s (%s) gets the 404 of an unknown id', async (caller, what, path, body, id) => {
      const r = await sameAsUnknown(`${caller} ${what}`, (x) => post(cast[caller], path.replace('{id}', x), body), id);
      expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('a sub-allocation carved from an allocation outside the scope, or to a unit outside it, is refused as unknown', async () => {
      const sub = (parentId: string, unit = 'XA-A') => post(cast.finA, '/allocations', { id: 'NEW-SUB', parentId, unit, amount: 1, decision: DECISION });
      const parent = await sameAsUnknown('finA sub-allocation parentId', (x) => sub(x), 'AL-DB');
      expect([parent.status, parent.body.code, parent.body.details?.field]).toEqual([400, 'UNKNOWN_REFERENCE', 'parentId']);
      for (const code of B_UNITS) {
        const unit = await sameAsUnknown(`finA sub-allocation unit ${code}`, (x) => sub('AL-DA', x), code, UNKNOWN_UNIT);
        expect([unit.status, unit.body.code, unit.body.details?.field]).toEqual([400, 'UNKNOWN_REFERENCE', 'unit']);
      }
    });

    it('a household registered in a unit outside the scope is refused as for an unknown unit', async () => {
      const r = await sameAsUnknown(
        'socA register in XA-B',
        (x) => post(cast.socA, '/households', { id: 'HH-NEW', unit: x, area: 'rural', members: 3 }),
        'XA-B',
        UNKNOWN_UNIT,
      );
      expect([r.status, r.body.code, r.body.details?.field]).toEqual([400, 'UNKNOWN_REFERENCE', 'unit']);
    });

    it('an id taken outside the scope is "not available", without saying where', async () => {
      const cases: [string, Promise<Reply>, string][] = [
        ['household', post(cast.socA, '/households', { id: 'HH-B-1', unit: 'XA-A', area: 'rural', members: 3 }), 'HH-B-1'],
        ['allocation', post(cast.provA, '/allocations', { id: 'AL-DB', parentId: 'AL-PA', unit: 'HUYEN-A', amount: 1, decision: DECISION }), 'AL-DB'],
        ['disbursement', post(cast.finA, '/allocations/AL-DA/disbursements', { id: 'D-B1', ...payment }), 'D-B1'],
      ];
      for (const [what, reply, id] of cases) {
        const r = await reply;
        probed.push({ what: `id taken: ${what}`, reply: r, named: id });
        expect(r.body).toEqual({ statusCode: 409, code: 'ALREADY_EXISTS', message: `${what} id '${id}' is not available: choose another`, details: { id } });
      }
      // An id the caller can see is still said to exist.
      const mine = await post(cast.finA, '/allocations/AL-DA/disbursements', { id: 'D-A1', ...payment });
      expect(mine.body).toMatchObject({ statusCode: 409, code: 'ALREADY_EXISTS', message: "disbursement 'D-A1' already exists" });
    });

    it('an import row naming a household or a unit outside the scope is refused without saying where', async () => {
      const row = (household: string, unit: string) =>
        JSON.stringify({ household, unit, area: 'rural', members: 3, reviewYear: 2023, reviewType: 'periodic', incomePerCapita: 1_000_000, deprivations: [] });
      const send = (raw: string) =>
        s.request('POST', '/api/v1/imports/households', { token: cast.socA, raw, headers: { 'content-type': 'application/x-ndjson' } });
      const taken = await send(row('HH-B-1', 'XA-A'));
      probed.push({ what: 'import: household of B', reply: taken, named: 'HH-B-1' });
      expect(taken.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(taken.body.details.errors).toEqual([{ row: 1, field: 'household', message: "household: household id 'HH-B-1' is not available: choose another" }]);
      const unit = await sameAsUnknown('import: unit of B', (x) => send(row('HH-NEW-2', x)), 'XA-B', UNKNOWN_UNIT);
      expect(unit.body.details.errors).toEqual([{ row: 1, field: 'unit', message: "unit: no such unit 'XA-B'" }]);
    });

    it('recorded nothing', async () => {
      expect(await head()).toBe(before);
    });
  });

  describe('what the role may not do is still 403, for records the caller can see', () => {
    it.each([
      [
        'a supervisor paying in its own district',
        'supA',
        '/allocations/AL-DA/disbursements',
        { amount: 1, valueDate: '2022-09-03', voucher: 'V' },
        "role 'supervisor' may not record this",
      ],
      [
        'a national inspector paying anywhere',
        'inspN',
        '/allocations/AL-DB/disbursements',
        { amount: 1, valueDate: '2022-09-03', voucher: 'V' },
        "role 'inspector' may not record this",
      ],
      [
        'a provincial inspector paying in its province',
        'inspA',
        '/allocations/AL-DA/disbursements',
        { amount: 1, valueDate: '2022-09-03', voucher: 'V' },
        "role 'inspector' may not record this",
      ],
      [
        'a finance officer registering a household',
        'finA',
        '/households',
        { id: 'HH-X', unit: 'XA-A', area: 'rural', members: 1 },
        "role 'finance_officer' may not record this",
      ],
      [
        'a district granting itself a top-level allocation',
        'finA',
        '/allocations',
        { unit: 'HUYEN-A', ...LINE, amount: 1, decision: DECISION },
        "an allocation to unit 'HUYEN-A' is granted by the unit above it",
      ],
      [
        'a district adjusting what its province granted it',
        'finA',
        '/allocations/AL-DA/adjustments',
        { delta: -1, decision: DECISION, reason: 'x' },
        "allocation 'AL-DA' is adjusted by the unit that granted it",
      ],
    ] as const)('%s', async (_what, caller, path, body, message) => {
      const before = await head();
      const r = await s.request('POST', `/api/v1${path}`, { token: cast[caller], body });
      expect(r.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message });
      expect(await head()).toBe(before);
    });

    it('a non-admin listing users', async () => {
      expect((await get(cast.finA)('/users')).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });
  });

  describe('inspectors (defect 3)', () => {
    const ids = (r: Reply) => (r.body.items as { id?: string; code?: string }[]).map((i) => i.id ?? i.code).sort();

    it('a provincial inspector sees its province only', async () => {
      const as = get(cast.inspA);
      expect(ids(await as('/allocations'))).toEqual(['AL-DA', 'AL-PA']);
      expect(ids(await as('/households'))).toEqual(['HH-A-1']);
      expect(ids(await as('/units'))).toEqual(['HUYEN-A', 'TINH-A', 'XA-A']);
      expect((await as('/allocations/AL-DA')).status).toBe(200);
      expect((await as('/balances')).body.total).toMatchObject({ allocated: 1_000_000, disbursed: 3_000 });
      expect((await as('/households/stats?unit=TINH-A&reviewYear=2023')).body).toMatchObject({ households: 1 });
      const trail = await as('/audit?limit=1000');
      expect(trail.status).toBe(200);
      expect(JSON.stringify(trail.body)).not.toMatch(/TINH-B|HUYEN-B|XA-B|HH-B-1|AL-DB|AL-PB/);
      expect(trail.body.items.length).toBeGreaterThan(0);
    });

    it('a national inspector (no units) sees everything', async () => {
      const as = get(cast.inspN);
      expect(ids(await as('/allocations'))).toEqual(['AL-DA', 'AL-DB', 'AL-PA', 'AL-PB']);
      expect(ids(await as('/households'))).toEqual(['HH-A-1', 'HH-B-1']);
      expect((await as('/allocations/AL-DB')).status).toBe(200);
      expect((await as('/households/HH-B-1')).status).toBe(200);
      expect((await as('/balances')).body.total).toMatchObject({ allocated: 2_000_000, disbursed: 6_000 });
    });
  });

  it("no answer about B's records names B's units", () => {
    expect(probed.length).toBeGreaterThan(60);
    for (const { what, reply, named } of probed) {
      const text = JSON.stringify(reply.body).split(named).join('<id>');
      for (const word of [...B_UNITS, B_NAME]) expect({ what, mentions: text.includes(word) ? word : null }).toEqual({ what, mentions: null });
    }
  });
});
