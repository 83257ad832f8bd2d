import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { startServer, type Reply, type TestServer } from './support/server';
import { DECISION_747, allocate, seed, type Cast } from './support/story';

/**
 * The list endpoints: every item of a listing exactly once over its pages, at one log position,
 * within the reader's scope, with filters, time travel and refusals naming the field.
 */
describe('lists and discovery (HTTP, SQLite)', () => {
  let s: TestServer;
  let cast: Cast;
  const positions: Record<string, number> = {};
  const B = 1_000_000_000;

  let documented: (path: string, status: number) => ValidateFunction | null = () => null;
  const checked = new Set<string>();

  /** Every 200 of a documented GET must match its schema in the served OpenAPI document, field for field. */
  const get = async (path: string, token = cast.admin) => {
    const r = await s.request('GET', path, { token });
    const validate = documented(path, r.status);
    if (validate) {
      expect({ path, errors: validate(r.body) ? null : validate.errors }).toEqual({ path, errors: null });
      checked.add(path.split('?')[0]!.replace(/\/(D\d|DB-1|PT-DA1\.1-2022|SI-LO-LAU)(?=\/|$)/, '/{id}'));
    }
    return r;
  };
  const post = async (path: string, body: unknown, token = cast.admin): Promise<Reply> => {
    const r = await s.request('POST', path, { token, body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  /** Follows nextCursor from the first page to the last; checks the page size, the position and the end. */
  async function pageAll(path: string, limit: number, token = cast.admin): Promise<{ items: any[]; pages: number; position: number }> {
    const sep = path.includes('?') ? '&' : '?';
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let position = -1;
    do {
      const r: Reply = await get(`${path}${sep}limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`, token);
      expect({ path, status: r.status, body: r.status === 200 ? 'ok' : r.body }).toEqual({ path, status: 200, body: 'ok' });
      expect(r.body.items.length).toBeLessThanOrEqual(limit);
      if (r.body.nextCursor !== null) expect(r.body.items).toHaveLength(limit);
      if (pages === 0) position = r.body.at.position;
      expect(r.body.at.position).toBe(position);
      items.push(...r.body.items);
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(cursor).toBeNull();
    return { items, pages, position };
  }

  /** Every item once, in the order one big page gives them. */
  async function expectPagesCoverAll(path: string, limit: number, key: (i: any) => string | number, token = cast.admin) {
    const paged = await pageAll(path, limit, token);
    const whole = await get(`${path}${path.includes('?') ? '&' : '?'}limit=1000`, token);
    expect(whole.body.nextCursor).toBeNull();
    expect(paged.items.map(key)).toEqual(whole.body.items.map(key));
    expect(new Set(paged.items.map(key)).size).toBe(paged.items.length);
    return paged.items;
  }

  beforeAll(async () => {
    s = await startServer();
    documented = await schemasOf(s);
    cast = await seed(s);
    await allocate(s, cast);
    await post('/api/v1/units', { code: 'MUONG-NHE', name: 'Huyện Mường Nhé', level: 'district', parent: 'DIEN-BIEN' });
    await post('/api/v1/units', { code: 'CHUNG-CHAI', name: 'Xã Chung Chải', level: 'commune', parent: 'MUONG-NHE' });
    const dbLine = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };
    await post('/api/v1/allocations', {
      id: 'DB-DA1.1-2022',
      unit: 'DIEN-BIEN',
      ...dbLine,
      amount: 50 * B,
      decision: { number: '99/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' },
    });
    await post('/api/v1/allocations', {
      id: 'LC-DA2-2023',
      unit: 'LAI-CHAU',
      program: 'GNBV-2021-2025',
      project: 'DA2',
      fiscalYear: 2023,
      capitalType: 'recurrent',
      source: 'central',
      amount: 7 * B,
      decision: { number: '5/QĐ-TTg', date: '2023-01-05', issuer: 'Thủ tướng Chính phủ' },
    });
    for (const [id, unit] of [
      ['MLP-DA1.1-2022', 'MA-LI-PHO'],
      ['DS-DA1.1-2022', 'DAO-SAN'],
    ] as const) {
      await post('/api/v1/allocations', { id, parentId: 'PT-DA1.1-2022', unit, amount: 2 * B, decision: DECISION_747 }, cast.district);
    }
    for (let i = 1; i <= 5; i++) {
      const r = await post(
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { id: `D${i}`, amount: i * 100_000_000, valueDate: `2022-09-1${i}`, voucher: `UNC-00${i}` },
        cast.district,
      );
      positions[`D${i}`] = r.body.position;
    }
    await post('/api/v1/allocations/DB-DA1.1-2022/disbursements', { id: 'DB-1', amount: B, valueDate: '2022-09-01', voucher: 'DB-UNC-1' }, cast.outsider);
    positions.beforeReversal = positions.D5!;
    positions.reversal = (
      await post('/api/v1/disbursements/D3/reversal', { reason: 'voucher UNC-003 posted twice', valueDate: '2022-10-01' }, cast.district)
    ).body.position;

    const household = (id: string, unit: string, headName: string) => post('/api/v1/households', { id, unit, area: 'rural', members: 4, headName }, cast.admin);
    const assess = (id: string, reviewYear: number, incomePerCapita: number, deprivations: string[]) =>
      post(`/api/v1/households/${id}/assessments`, { reviewYear, reviewType: 'periodic', incomePerCapita, deprivations }, cast.admin);
    await household('MLP-001', 'MA-LI-PHO', 'Lò Văn A');
    await household('MLP-002', 'MA-LI-PHO', 'Giàng Thị Bình');
    await household('MLP-003', 'MA-LI-PHO', 'Lò Thị Đào');
    await household('DS-001', 'DAO-SAN', 'Tẩn Văn Chín');
    positions.beforeDs002 = (await household('DS-002', 'DAO-SAN', 'Phàn Văn Dũng')).body.position - 1;
    await household('MN-001', 'CHUNG-CHAI', 'Vàng Văn Sáng');
    await assess('MLP-001', 2022, 1_400_000, ['nutrition', 'latrine', 'telecom']); // poor
    await assess('MLP-001', 2023, 1_400_000, ['latrine']); // near-poor
    await assess('MLP-002', 2022, 1_000_000, ['latrine']); // near-poor
    await assess('MLP-003', 2023, 3_000_000, []); // not poor
    await assess('DS-001', 2023, 1_200_000, ['employment', 'latrine', 'housing_area']); // poor
    positions.assessed = (await assess('MN-001', 2023, 1_000_000, ['latrine', 'nutrition', 'telecom'])).body.position; // poor
  });
  afterAll(() => s?.close());

  it("answers POST /units with the unit's code, as every read names it", async () => {
    const r = await post('/api/v1/units', { code: 'SI-LO-LAU', name: 'Xã Sì Lở Lầu', level: 'commune', parent: 'PHONG-THO' });
    expect(Object.keys(r.body).sort()).toEqual(['code', 'position']);
    expect(r.body.code).toBe('SI-LO-LAU');
    expect((await get('/api/v1/units/SI-LO-LAU')).body).toMatchObject({ code: 'SI-LO-LAU', at: { position: expect.any(Number) } });
  });

  describe('GET /units', () => {
    it('pages through the whole tree for an administrator, in tree order', async () => {
      const units = await expectPagesCoverAll('/api/v1/units', 2, (u) => u.code);
      expect(units.map((u) => u.code)).toEqual(['VN', 'DIEN-BIEN', 'MUONG-NHE', 'CHUNG-CHAI', 'LAI-CHAU', 'PHONG-THO', 'DAO-SAN', 'MA-LI-PHO', 'SI-LO-LAU']);
      expect(units.find((u) => u.code === 'PHONG-THO')).toMatchObject({
        name: 'Huyện Phong Thổ',
        level: 'district',
        parent: 'LAI-CHAU',
        ancestors: ['LAI-CHAU', 'VN'],
        children: ['MA-LI-PHO', 'DAO-SAN', 'SI-LO-LAU'],
      });
    });

    it('gives a district user its own subtree only, and the children of a unit', async () => {
      const mine = await pageAll('/api/v1/units', 1, cast.district);
      expect(mine.items.map((u) => u.code)).toEqual(['PHONG-THO', 'DAO-SAN', 'MA-LI-PHO', 'SI-LO-LAU']);
      const children = await get('/api/v1/units?parent=PHONG-THO', cast.district);
      expect(children.body.items.map((u: { code: string }) => u.code)).toEqual(['DAO-SAN', 'MA-LI-PHO', 'SI-LO-LAU']);
    });

    it('answers a parent outside the scope exactly as an unknown one', async () => {
      const outside = await get('/api/v1/units?parent=DIEN-BIEN', cast.district);
      const unknown = await get('/api/v1/units?parent=NOWHERE', cast.district);
      expect([outside.status, outside.body.code, outside.body.details.field]).toEqual([400, 'UNKNOWN_REFERENCE', 'parent']);
      expect(outside.body.message.replace('DIEN-BIEN', 'X')).toBe(unknown.body.message.replace('NOWHERE', 'X'));
    });
  });

  describe('GET /allocations', () => {
    const ids = (r: Reply) => r.body.items.map((a: { id: string }) => a.id);

    it('pages through every allocation, by id, with the figures of GET /allocations/{id}', async () => {
      const all = await expectPagesCoverAll('/api/v1/allocations', 2, (a) => a.id);
      expect(all.map((a) => a.id)).toEqual(['DB-DA1.1-2022', 'DS-DA1.1-2022', 'LC-DA1.1-2022', 'LC-DA2-2023', 'MLP-DA1.1-2022', 'PT-DA1.1-2022']);
      const pt = all.find((a) => a.id === 'PT-DA1.1-2022');
      const { children: _children, at: _at, ...view } = (await get('/api/v1/allocations/PT-DA1.1-2022')).body;
      expect(pt).toEqual(view);
      expect(pt).toMatchObject({ allocated: 71_570_000_000, subAllocated: 4 * B, disbursed: 1_200_000_000, line: { fiscalYear: 2022, subProject: 'DA1.1' } });
    });

    it("filters by a unit's subtree and by the budget line", async () => {
      expect(ids(await get('/api/v1/allocations?unit=PHONG-THO'))).toEqual(['DS-DA1.1-2022', 'MLP-DA1.1-2022', 'PT-DA1.1-2022']);
      expect(ids(await get('/api/v1/allocations?fiscalYear=2023'))).toEqual(['LC-DA2-2023']);
      expect(ids(await get('/api/v1/allocations?capitalType=recurrent&project=DA2'))).toEqual(['LC-DA2-2023']);
      expect(ids(await get('/api/v1/allocations?subProject=DA1.1&unit=LAI-CHAU&fiscalYear=2022'))).toEqual([
        'DS-DA1.1-2022',
        'LC-DA1.1-2022',
        'MLP-DA1.1-2022',
        'PT-DA1.1-2022',
      ]);
      expect(ids(await get('/api/v1/allocations?parentId=PT-DA1.1-2022'))).toEqual(['DS-DA1.1-2022', 'MLP-DA1.1-2022']);
      expect(ids(await get('/api/v1/allocations?source=local'))).toEqual([]);
      expect(ids(await get('/api/v1/allocations?program=GNBV-2021-2025&fiscalYear=2022&unit=DIEN-BIEN'))).toEqual(['DB-DA1.1-2022']);
    });

    it('never shows a district user another district or the province above it', async () => {
      const mine = await pageAll('/api/v1/allocations', 1, cast.district);
      expect(mine.items.map((a) => a.id)).toEqual(['DS-DA1.1-2022', 'MLP-DA1.1-2022', 'PT-DA1.1-2022']);
      expect(ids(await get('/api/v1/allocations?parentId=LC-DA1.1-2022', cast.district))).toEqual(['PT-DA1.1-2022']);
      expect(ids(await get('/api/v1/allocations', cast.outsider))).toEqual(['DB-DA1.1-2022']);
      const outside = await get('/api/v1/allocations?unit=DIEN-BIEN', cast.district);
      expect([outside.status, outside.body.code, outside.body.details.field]).toEqual([400, 'UNKNOWN_REFERENCE', 'unit']);
      const unknown = await get('/api/v1/allocations?unit=NOWHERE', cast.district);
      expect([unknown.status, unknown.body.code]).toEqual([400, 'UNKNOWN_REFERENCE']);
    });

    it('refuses bad filters naming them', async () => {
      for (const [query, status, code, field] of [
        ['fiscalYear=22', 400, 'VALIDATION_FAILED', 'fiscalYear'],
        ['capitalType=loan', 400, 'VALIDATION_FAILED', 'capitalType'],
        ['project=DA99', 400, 'UNKNOWN_REFERENCE', 'project'],
        ['fiscalyear=2022', 400, 'VALIDATION_FAILED', 'fiscalyear'],
        ['unit=PHONG-THO&unit=LAI-CHAU', 400, 'VALIDATION_FAILED', 'unit'],
      ] as const) {
        const r = await get(`/api/v1/allocations?${query}`);
        expect({ query, status: r.status, code: r.body.code, field: r.body.details?.field }).toEqual({ query, status, code, field });
      }
    });
  });

  describe('GET /allocations/{id}/disbursements and GET /disbursements/{id}', () => {
    it("pages through an allocation's payments in the order recorded, a reversed one marked with its reason", async () => {
      const payments = await expectPagesCoverAll('/api/v1/allocations/PT-DA1.1-2022/disbursements', 2, (d) => d.id, cast.supervisor);
      expect(payments.map((d) => [d.id, d.amount, d.reversed])).toEqual([
        ['D1', 100_000_000, false],
        ['D2', 200_000_000, false],
        ['D3', 300_000_000, true],
        ['D4', 400_000_000, false],
        ['D5', 500_000_000, false],
      ]);
      expect(payments[2].reversal).toMatchObject({
        reason: 'voucher UNC-003 posted twice',
        valueDate: '2022-10-01',
        recordedBy: 'pt-finance',
        position: positions.reversal,
      });
      expect(payments[0]).toMatchObject({
        allocationId: 'PT-DA1.1-2022',
        unit: 'PHONG-THO',
        voucher: 'UNC-001',
        valueDate: '2022-09-11',
        recordedBy: 'pt-finance',
        position: positions.D1,
        reversal: null,
      });
    });

    it('reads one payment, with its reversal', async () => {
      const d3 = await get('/api/v1/disbursements/D3', cast.supervisor);
      expect(d3.status).toBe(200);
      expect(d3.body).toMatchObject({
        id: 'D3',
        amount: 300_000_000,
        reversed: true,
        reversal: { reason: 'voucher UNC-003 posted twice' },
        at: { position: expect.any(Number) },
      });
      const before = await get(`/api/v1/disbursements/D3?atPosition=${positions.beforeReversal}`, cast.supervisor);
      expect(before.body).toMatchObject({ reversed: false, reversal: null, at: { position: positions.beforeReversal } });
    });

    it('answers an id outside the scope exactly as an unknown one (404)', async () => {
      const pairs: [string, string][] = [
        ['/api/v1/disbursements/D1', '/api/v1/disbursements/NOPE'],
        ['/api/v1/allocations/PT-DA1.1-2022/disbursements', '/api/v1/allocations/NOPE/disbursements'],
      ];
      for (const [outside, unknown] of pairs) {
        const a = await get(outside, cast.outsider);
        const b = await get(unknown, cast.outsider);
        expect([a.status, a.body.code, b.status, b.body.code]).toEqual([404, 'NOT_FOUND', 404, 'NOT_FOUND']);
        expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
      }
      expect((await get('/api/v1/disbursements/DB-1', cast.district)).status).toBe(404);
      expect((await get('/api/v1/disbursements/DB-1', cast.outsider)).status).toBe(200);
    });

    it('lists the payments as they stood before the reversal, and none before the allocation existed', async () => {
      const then = await get(`/api/v1/allocations/PT-DA1.1-2022/disbursements?atPosition=${positions.D2}`, cast.district);
      expect(then.body.items.map((d: { id: string; reversed: boolean }) => [d.id, d.reversed])).toEqual([
        ['D1', false],
        ['D2', false],
      ]);
      expect(then.body.at).toEqual({ position: positions.D2 });
      expect((await get('/api/v1/allocations/PT-DA1.1-2022/disbursements?atPosition=1', cast.district)).status).toBe(404);
    });
  });

  describe('GET /households', () => {
    const ids = (r: Reply) => r.body.items.map((h: { id: string }) => h.id);

    it('pages through every household in scope, by id', async () => {
      const all = await expectPagesCoverAll('/api/v1/households', 2, (h) => h.id);
      expect(all.map((h) => h.id)).toEqual(['DS-001', 'DS-002', 'MLP-001', 'MLP-002', 'MLP-003', 'MN-001']);
      expect(all.find((h) => h.id === 'MLP-001')).toMatchObject({
        unit: 'MA-LI-PHO',
        headName: 'Lò Văn A',
        classification: 'near_poor',
        standard: 'MDP-2022-2025',
        assessment: { reviewYear: 2023, classification: 'near_poor', deprivations: ['latrine'] },
      });
      const social = await pageAll('/api/v1/households', 2, cast.social);
      expect(social.items.map((h) => h.id)).toEqual(['MLP-001', 'MLP-002', 'MLP-003']);
      expect(ids(await get('/api/v1/households', cast.district))).toEqual(['DS-001', 'DS-002', 'MLP-001', 'MLP-002', 'MLP-003']);
      expect(ids(await get('/api/v1/households', cast.outsider))).toEqual(['MN-001']);
    });

    it('filters by unit, class, review year, deprivation and text', async () => {
      expect(ids(await get('/api/v1/households?unit=DAO-SAN'))).toEqual(['DS-001', 'DS-002']);
      expect(ids(await get('/api/v1/households?classification=poor'))).toEqual(['DS-001', 'MN-001']);
      expect(ids(await get('/api/v1/households?classification=poor&unit=PHONG-THO'))).toEqual(['DS-001']);
      // The class of a review year, not the current one: MLP-001 was poor in 2022.
      expect(ids(await get('/api/v1/households?classification=poor&reviewYear=2022'))).toEqual(['MLP-001']);
      expect(ids(await get('/api/v1/households?reviewYear=2022'))).toEqual(['MLP-001', 'MLP-002']);
      expect(ids(await get('/api/v1/households?deprivation=latrine&unit=MA-LI-PHO'))).toEqual(['MLP-001', 'MLP-002']);
      expect(ids(await get('/api/v1/households?deprivation=nutrition'))).toEqual(['MN-001']);
      expect(ids(await get('/api/v1/households?deprivation=nutrition&reviewYear=2022'))).toEqual(['MLP-001']);
      expect(ids(await get(`/api/v1/households?q=${encodeURIComponent('lo thi dao')}`))).toEqual(['MLP-003']);
      expect(ids(await get(`/api/v1/households?q=${encodeURIComponent('LÒ')}`))).toEqual(['MLP-001', 'MLP-003']);
      expect(ids(await get('/api/v1/households?q=ds-00'))).toEqual(['DS-001', 'DS-002']);
      expect(ids(await get('/api/v1/households?q=sang', cast.district))).toEqual([]);
    });

    it('refuses bad filters naming them, and an out-of-scope unit as an unknown one', async () => {
      for (const [query, code, field] of [
        ['classification=nearPoor', 'VALIDATION_FAILED', 'classification'],
        ['reviewYear=twenty', 'VALIDATION_FAILED', 'reviewYear'],
        ['deprivation=wifi', 'VALIDATION_FAILED', 'deprivation'],
        ['unit=MUONG-NHE', 'UNKNOWN_REFERENCE', 'unit'],
      ] as const) {
        const r = await get(`/api/v1/households?${query}`, cast.district);
        expect({ query, status: r.status, code: r.body.code, field: r.body.details?.field }).toEqual({ query, status: 400, code, field });
      }
    });

    it('lists the households as they stood at a position', async () => {
      const then = await get(`/api/v1/households?unit=DAO-SAN&atPosition=${positions.beforeDs002}`);
      expect([ids(then), then.body.at]).toEqual([['DS-001'], { position: positions.beforeDs002 }]);
    });
  });

  describe('GET /users and GET /me', () => {
    it('lists every user to an administrator, without tokens', async () => {
      const users = await expectPagesCoverAll('/api/v1/users', 3, (u) => u.id);
      expect(users.map((u) => u.id)).toEqual(['admin', 'db-finance', 'inspector', 'lc-finance', 'mlp-finance', 'mlp-social', 'pt-finance', 'pt-supervisor']);
      expect(users.find((u) => u.id === 'pt-finance')).toEqual({
        id: 'pt-finance',
        name: 'pt-finance',
        role: 'finance_officer',
        units: ['PHONG-THO'],
        registeredAt: expect.any(String),
        active: true,
        expiresAt: null,
        tokenRotatedAt: null,
        position: expect.any(Number),
      });
      // When the token expires and was last rotated, never the token or its hash.
      expect(JSON.stringify(users)).not.toMatch(/tokenHash|"token"|[0-9a-f]{64}/i);
    });

    it('refuses the list to everyone else with 403', async () => {
      for (const token of [cast.inspector, cast.supervisor, cast.district, cast.social]) {
        const r = await get('/api/v1/users', token);
        expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN']);
      }
    });

    it('tells the caller who it is', async () => {
      const me = await get('/api/v1/me', cast.district);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: 'pt-finance',
        name: 'pt-finance',
        role: 'finance_officer',
        units: ['PHONG-THO'],
        registeredAt: expect.any(String),
        active: true,
        expiresAt: null,
        tokenRotatedAt: null,
        at: { position: expect.any(Number) },
      });
      expect((await get('/api/v1/me')).body).toMatchObject({ id: 'admin', role: 'admin', units: [] });
      expect((await s.request('GET', '/api/v1/me')).status).toBe(401);
    });
  });

  describe('one listing, one position', () => {
    it('omits what was written after the position asked (atPosition, asOf)', async () => {
      const before = (await get('/api/v1/units')).body.at.position as number;
      const asOf = new Date().toISOString();
      await post('/api/v1/allocations', {
        id: 'AAA-LATE',
        unit: 'LAI-CHAU',
        program: 'GNBV-2021-2025',
        project: 'DA2',
        fiscalYear: 2024,
        capitalType: 'recurrent',
        source: 'local',
        amount: B,
        decision: { number: '7/QĐ-UBND', date: '2024-01-05', issuer: 'UBND tỉnh Lai Châu' },
      });
      const now = await get('/api/v1/allocations?limit=1');
      expect(now.body.items[0].id).toBe('AAA-LATE');
      const then = await get(`/api/v1/allocations?atPosition=${before}`);
      expect(then.body.items.map((a: { id: string }) => a.id)).not.toContain('AAA-LATE');
      expect(then.body.at).toEqual({ position: before });
      const known = await get(`/api/v1/allocations?asOf=${asOf}`);
      expect(known.body.items.map((a: { id: string }) => a.id)).not.toContain('AAA-LATE');
      expect(known.body.at).toEqual({ position: before, asOf });
    });

    it("keeps later pages at the first page's position while writes go on", async () => {
      const first = await get('/api/v1/allocations?limit=2');
      const at = first.body.at.position as number;
      await post('/api/v1/allocations', {
        id: 'ZZZ-LATE',
        unit: 'LAI-CHAU',
        program: 'GNBV-2021-2025',
        project: 'DA2',
        fiscalYear: 2024,
        capitalType: 'recurrent',
        source: 'other',
        amount: B,
        decision: { number: '8/QĐ-UBND', date: '2024-01-06', issuer: 'UBND tỉnh Lai Châu' },
      });
      const seen = [...first.body.items];
      let cursor = first.body.nextCursor as string | null;
      while (cursor !== null) {
        const next = await get(`/api/v1/allocations?limit=2&cursor=${cursor}`);
        expect(next.body.at).toEqual({ position: at });
        seen.push(...next.body.items);
        cursor = next.body.nextCursor;
      }
      const ids = seen.map((a) => a.id);
      expect(ids).not.toContain('ZZZ-LATE');
      expect(ids).toEqual((await get(`/api/v1/allocations?atPosition=${at}`)).body.items.map((a: { id: string }) => a.id));
      expect((await get('/api/v1/allocations')).body.items.map((a: { id: string }) => a.id)).toContain('ZZZ-LATE');
    });
  });

  it('says on every read the log position it answers for, as `at`', async () => {
    const head = (await get('/api/v1/me')).body.at.position as number;
    const reads = [
      '/api/v1/units/PHONG-THO',
      '/api/v1/allocations/PT-DA1.1-2022',
      '/api/v1/households/MLP-001',
      '/api/v1/households/stats?unit=PHONG-THO&reviewYear=2023',
      '/api/v1/balances?groupBy=unit',
      '/api/v1/audit?allocation=PT-DA1.1-2022',
      '/api/v1/allocations/PT-DA1.1-2022/trace',
      '/api/v1/disbursements/D1/trace',
      '/api/v1/disbursements/D1',
      '/api/v1/units',
      '/api/v1/changes',
    ];
    for (const path of reads) {
      const r = await get(path);
      expect({ path, status: r.status, at: r.body.at }).toEqual({ path, status: 200, at: { position: head } });
      expect(r.body).not.toHaveProperty('asOfPosition');
    }
    for (const path of reads.slice(1, 6)) {
      const r = await get(`${path}${path.includes('?') ? '&' : '?'}atPosition=${positions.assessed}`);
      expect({ path, at: r.body.at }).toEqual({ path, at: { position: positions.assessed } });
    }
  });

  describe('bad paging', () => {
    it('refuses a bad limit naming it', async () => {
      for (const limit of ['0', '1001', 'abc', '-1', '2.5', '10&limit=20']) {
        const r = await get(`/api/v1/households?limit=${limit}`);
        expect({ limit, status: r.status, field: r.body.details?.field }).toEqual({ limit, status: 400, field: 'limit' });
      }
    });

    it('refuses a bad cursor naming it, and a cursor taken from another listing', async () => {
      const page = await get('/api/v1/allocations?limit=1&unit=PHONG-THO');
      const cursor = page.body.nextCursor as string;
      const forged = Buffer.from(JSON.stringify({ p: 1e9, k: 'A', f: JSON.parse(Buffer.from(cursor, 'base64url').toString()).f })).toString('base64url');
      for (const [what, path] of [
        ['garbage', '/api/v1/allocations?cursor=not*a*cursor'],
        ['not json', `/api/v1/allocations?cursor=${Buffer.from('hello').toString('base64url')}`],
        ['other filters', `/api/v1/allocations?unit=LAI-CHAU&cursor=${cursor}`],
        ['other list', `/api/v1/households?cursor=${cursor}`],
        ['other list, no filters', `/api/v1/units?cursor=${(await get('/api/v1/users?limit=1')).body.nextCursor}`],
        ['beyond the log', `/api/v1/allocations?unit=PHONG-THO&cursor=${forged}`],
        ['another position', `/api/v1/allocations?unit=PHONG-THO&atPosition=1&cursor=${cursor}`],
      ]) {
        const r = await get(path!);
        expect({ what, status: r.status, code: r.body.code, field: r.body.details?.field }).toEqual({
          what,
          status: 400,
          code: 'VALIDATION_FAILED',
          field: 'cursor',
        });
      }
      const next = await get(`/api/v1/allocations?unit=PHONG-THO&limit=1&cursor=${cursor}`);
      expect([next.status, next.body.items.length]).toEqual([200, 1]);
    });
  });

  describe('GET /changes', () => {
    it('pages through the events of a range at one `to`, each once', async () => {
      const head = (await get('/api/v1/units')).body.at.position as number;
      const paged = await pageAll(`/api/v1/changes?from=0&to=${head}`, 7);
      expect(paged.items.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      expect(paged.position).toBe(head);
      const first = await get(`/api/v1/changes?from=0&to=${head}&limit=7`);
      expect(first.body.recorded.events).toBe(head);
      expect(first.body.to).toEqual({ position: head });
      expect(first.body.items).toHaveLength(7);
      expect(first.body).not.toHaveProperty('truncated');
    });

    it("keeps the first page's head when `to` is left out", async () => {
      const first = await get('/api/v1/changes?limit=5');
      const to = first.body.to.position as number;
      await post('/api/v1/units', { code: 'NAM-NHUN', name: 'Huyện Nậm Nhùn', level: 'district', parent: 'LAI-CHAU' });
      const positions: number[] = first.body.items.map((e: { position: number }) => e.position);
      for (let cursor = first.body.nextCursor; cursor !== null;) {
        const next = await get(`/api/v1/changes?limit=5&cursor=${cursor}`);
        expect(next.body.to).toEqual({ position: to });
        positions.push(...next.body.items.map((e: { position: number }) => e.position));
        cursor = next.body.nextCursor;
      }
      expect(positions).toEqual(Array.from({ length: to }, (_, i) => i + 1));
    });

    it('scopes the events and refuses bad paging', async () => {
      const district = await pageAll('/api/v1/changes?from=0', 4, cast.district);
      expect(district.items.length).toBeGreaterThan(0);
      expect(district.items.some((e) => JSON.stringify(e.data).includes('DIEN-BIEN'))).toBe(false);
      for (const query of ['limit=0', 'limit=1001', 'cursor=zzz']) {
        const r = await get(`/api/v1/changes?${query}`);
        expect([query, r.status]).toEqual([query, 400]);
        expect(r.body.details.field).toBe(query.split('=')[0]);
      }
    });
  });

  it('checked every answer above against the schema the served OpenAPI document gives its operation', async () => {
    const doc = (await s.request('GET', '/api/docs-json')).body;
    for (const path of [
      '/api/v1/units',
      '/api/v1/allocations',
      '/api/v1/allocations/{id}/disbursements',
      '/api/v1/disbursements/{id}',
      '/api/v1/households',
      '/api/v1/users',
      '/api/v1/me',
      '/api/v1/changes',
    ]) {
      expect({ path, checked: checked.has(path) }).toEqual({ path, checked: true });
      const op = doc.paths[path].get;
      const params = op.parameters.map((p: { name: string }) => p.name);
      expect({
        path,
        summary: typeof op.summary,
        idempotencyKey: params.includes('Idempotency-Key'),
        paged: params.includes('cursor') && params.includes('limit'),
      }).toEqual({
        path,
        summary: 'string',
        idempotencyKey: false,
        paged: !['/api/v1/disbursements/{id}', '/api/v1/me'].includes(path),
      });
    }
  });
});

/** Documented schemas by operation, OpenAPI 3.0 `nullable` read as "or null", undocumented fields refused. */
async function schemasOf(s: TestServer): Promise<(path: string, status: number) => ValidateFunction | null> {
  const doc = (await s.request('GET', '/api/docs-json')).body as { paths: Record<string, any>; components: { schemas: Record<string, unknown> } };
  const strict = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strict);
    if (typeof node !== 'object' || node === null) return node;
    const { nullable, ...rest } = node as Record<string, unknown>;
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'example' ? v : strict(v)]));
    if (out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
    return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
  };
  const components = strict(doc.components);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const routes = Object.entries(doc.paths)
    .map(([template, ops]) => ({
      template,
      re: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
      responses: (ops.get?.responses ?? {}) as Record<string, { content?: { 'application/json'?: { schema?: unknown } } }>,
    }))
    .sort((a, b) => a.params - b.params);
  const cache = new Map<string, ValidateFunction | null>();
  return (path, status) => {
    const route = routes.find((r) => r.re.test(path.split('?')[0]!));
    const schema = route?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!route || !schema) return null;
    const key = `${route.template} ${status}`;
    if (!cache.has(key)) cache.set(key, ajv.compile({ ...(strict(schema) as object), components }));
    return cache.get(key)!;
  };
}
