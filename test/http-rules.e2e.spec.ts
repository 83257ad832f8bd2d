import { CENTRAL_DECISION, DECISION_747, LINE, allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

describe('HTTP rules: errors, access, idempotency', () => {
  let s: TestServer;
  let cast: Cast;
  const head = async () => (await s.request('GET', '/health')).body.position as number;

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
  });
  afterAll(() => s.close());

  describe('bad input is refused with a code naming the field, and records nothing', () => {
    const cases: [string, string, unknown, number, string, string?][] = [
      [
        'unknown field',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: 1, valueDate: '2022-09-01', voucher: 'V', extra: 1 },
        400,
        'VALIDATION_FAILED',
        'extra',
      ],
      [
        'fractional đồng',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: 1.5, valueDate: '2022-09-01', voucher: 'V' },
        400,
        'VALIDATION_FAILED',
        'amount',
      ],
      [
        'amount as a string',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: '100', valueDate: '2022-09-01', voucher: 'V' },
        400,
        'VALIDATION_FAILED',
        'amount',
      ],
      [
        'unsafe integer',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: 2 ** 60, valueDate: '2022-09-01', voucher: 'V' },
        400,
        'VALIDATION_FAILED',
        'amount',
      ],
      [
        'impossible date',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: 1, valueDate: '2022-02-30', voucher: 'V' },
        400,
        'VALIDATION_FAILED',
        'valueDate',
      ],
      [
        'future value date',
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { amount: 1, valueDate: '2999-01-01', voucher: 'V' },
        400,
        'VALIDATION_FAILED',
        'valueDate',
      ],
      ['unknown allocation in URL', '/api/v1/allocations/NOPE/disbursements', { amount: 1, valueDate: '2022-09-01', voucher: 'V' }, 404, 'NOT_FOUND'],
      ['unknown unit', '/api/v1/allocations', { unit: 'ATLANTIS', ...LINE, amount: 1, decision: CENTRAL_DECISION }, 400, 'UNKNOWN_REFERENCE', 'unit'],
      [
        'unknown project',
        '/api/v1/allocations',
        { unit: 'LAI-CHAU', ...LINE, project: 'DA9', amount: 1, decision: CENTRAL_DECISION },
        400,
        'UNKNOWN_REFERENCE',
        'project',
      ],
      [
        'missing sub-project',
        '/api/v1/allocations',
        { unit: 'LAI-CHAU', ...LINE, subProject: undefined, amount: 1, decision: CENTRAL_DECISION },
        400,
        'VALIDATION_FAILED',
        'subProject',
      ],
      [
        'year outside the programme',
        '/api/v1/allocations',
        { unit: 'LAI-CHAU', ...LINE, fiscalYear: 2026, amount: 1, decision: CENTRAL_DECISION },
        400,
        'VALIDATION_FAILED',
        'fiscalYear',
      ],
      [
        'decision without issuer',
        '/api/v1/allocations',
        { unit: 'LAI-CHAU', ...LINE, amount: 1, decision: { number: '1', date: '2022-01-01' } },
        400,
        'VALIDATION_FAILED',
        'decision.issuer',
      ],
      [
        'unknown parent',
        '/api/v1/allocations',
        { parentId: 'NOPE', unit: 'PHONG-THO', amount: 1, decision: DECISION_747 },
        400,
        'UNKNOWN_REFERENCE',
        'parentId',
      ],
      [
        'line differing from the parent',
        '/api/v1/allocations',
        { parentId: 'PT-DA1.1-2022', unit: 'MA-LI-PHO', capitalType: 'recurrent', amount: 1, decision: DECISION_747 },
        400,
        'VALIDATION_FAILED',
        'capitalType',
      ],
      [
        'unit not below the parent',
        '/api/v1/allocations',
        { parentId: 'PT-DA1.1-2022', unit: 'DIEN-BIEN', amount: 1, decision: DECISION_747 },
        400,
        'VALIDATION_FAILED',
        'unit',
      ],
      [
        'existing allocation id',
        '/api/v1/allocations',
        { id: 'LC-DA1.1-2022', unit: 'LAI-CHAU', ...LINE, amount: 1, decision: CENTRAL_DECISION },
        409,
        'ALREADY_EXISTS',
      ],
      ['household outside a commune', '/api/v1/households', { id: 'HX', unit: 'PHONG-THO', area: 'rural', members: 3 }, 400, 'VALIDATION_FAILED', 'unit'],
    ];
    it.each(cases)('%s', async (...[, path, body, status, code, field]) => {
      const before = await head();
      const r = await s.request('POST', path, { token: cast.admin, body });
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ statusCode: status, code });
      if (field) expect(r.body.message).toContain(field);
      expect(await head()).toBe(before);
    });

    it('answers malformed JSON, a wrong content type and an oversized body without recording anything', async () => {
      const before = await head();
      const broken = await s.request('POST', '/api/v1/households', { token: cast.admin, raw: '{"id": "H', headers: { 'content-type': 'application/json' } });
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('VALIDATION_FAILED');
      const xml = await s.request('POST', '/api/v1/households', { token: cast.admin, raw: '<id>H</id>', headers: { 'content-type': 'application/xml' } });
      expect(xml.status).toBe(415);
      expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const text = await s.request('POST', '/api/v1/households', { token: cast.admin, raw: 'id=H', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const form = await s.request('POST', '/api/v1/households', {
        token: cast.admin,
        raw: 'id=H',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      const ndjson = await s.request('POST', '/api/v1/households', {
        token: cast.admin,
        raw: '{"id":"H"}\n',
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(ndjson.status).toBe(415);
      expect(ndjson.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const jsonImport = await s.request('POST', '/api/v1/imports/households', { token: cast.admin, body: { household: 'H' } });
      expect(jsonImport.status).toBe(415);
      expect(jsonImport.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const huge = await s.request('POST', '/api/v1/households', { token: cast.admin, raw: JSON.stringify({ id: 'H', headName: 'x'.repeat(1_100_000) }) });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      const array = await s.request('POST', '/api/v1/households', { token: cast.admin, body: [1, 2] });
      expect(array.status).toBe(400);
      expect(await head()).toBe(before);
    });
  });

  it('answers a request the HTTP parser refuses in the API error shape', async () => {
    const { connect } = await import('node:net');
    const url = new URL(s.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write(Buffer.from('GET /api/v1/audit?decision=747/QĐ-UBND HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')),
      );
      let text = '';
      socket.on('data', (c) => (text += c.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 400/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('serves the OpenAPI document and UI at /api/docs', async () => {
    const json = await s.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/allocations', '/api/v1/allocations/{id}/disbursements', '/api/v1/audit', '/api/v1/households/stats']),
    );
    expect((await s.request('GET', '/api/docs')).status).toBe(200);
  });

  describe('access', () => {
    it('needs a valid bearer token', async () => {
      expect((await s.request('GET', '/api/v1/units/VN')).status).toBe(401);
      const bad = await s.request('GET', '/api/v1/units/VN', { token: 'nope' });
      expect(bad.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect((await s.request('GET', '/health')).status).toBe(200);
    });

    it('keeps every role inside its scope', async () => {
      const pay = (token: string) =>
        s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', { token, body: { amount: 1, valueDate: '2022-09-01', voucher: 'V' } });
      // Roles that see the allocation but may not pay from it: 403. Those who cannot see it (another
      // province, a commune below the district) get the 404 of an unknown id (issue 15).
      expect((await pay(cast.supervisor)).status).toBe(403);
      expect((await pay(cast.inspector)).status).toBe(403);
      for (const token of [cast.outsider, cast.social, cast.commune]) {
        expect((await pay(token)).body).toEqual({
          statusCode: 404,
          code: 'NOT_FOUND',
          message: "allocation 'PT-DA1.1-2022' not found",
          details: { id: 'PT-DA1.1-2022' },
        });
      }
      // a district officer may not grant the district its own money: that is the province's act
      const self = await s.request('POST', '/api/v1/allocations', {
        token: cast.district,
        body: { unit: 'PHONG-THO', ...LINE, amount: 1, decision: DECISION_747 },
      });
      expect([self.status, self.body.message]).toEqual([403, "an allocation to unit 'PHONG-THO' is granted by the unit above it"]);
      expect(
        (await s.request('POST', '/api/v1/units', { token: cast.province, body: { code: 'X', name: 'X', level: 'commune', parent: 'PHONG-THO' } })).status,
      ).toBe(403);
      expect((await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.outsider })).status).toBe(404);
      expect((await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.inspector })).status).toBe(200);
      expect((await s.request('GET', '/api/v1/allocations/NOPE', { token: cast.inspector })).status).toBe(404);
    });

    it('records an admin write under the admin name', async () => {
      const r = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
        token: cast.admin,
        body: { id: 'BY-ADMIN', amount: 1, valueDate: '2022-09-01', voucher: 'V' },
      });
      expect(r.status).toBe(201);
      const trail = await s.request('GET', '/api/v1/audit?disbursement=BY-ADMIN', { token: cast.inspector });
      expect(trail.body.items[0].actor).toEqual({ userId: 'admin', role: 'admin' });
    });
  });

  describe('Idempotency-Key', () => {
    const body = { amount: 1_000, valueDate: '2022-09-01', voucher: 'IDEM' };
    const post = (key: string, b: object = body, token = cast.district) =>
      s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', { token, body: b, headers: { 'idempotency-key': key } });

    it('returns the first response to a retry and records nothing new', async () => {
      const first = await post('k-1');
      expect(first.status).toBe(201);
      const before = await head();
      const retry = await post('k-1');
      // Status and body, not the headers: their `date` may cross a second between the two answers.
      expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
      expect(await head()).toBe(before);
    });

    it('refuses the same key with a different body', async () => {
      await post('k-2');
      const other = await post('k-2', { ...body, amount: 2_000 });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('makes concurrent retries wait for the first and share its answer', async () => {
      const before = await head();
      const replies = await Promise.all(Array.from({ length: 10 }, () => post('k-3')));
      expect(new Set(replies.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify(replies[0])]));
      expect(replies[0]!.status).toBe(201);
      expect(await head()).toBe(before + 1);
    });

    it('keeps keys per user, and does not remember failures', async () => {
      const mine = await post('k-4');
      const province = await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
        token: cast.province,
        body,
        headers: { 'idempotency-key': 'k-4' },
      });
      expect(province.status).toBe(201);
      expect(province.body.id).not.toBe(mine.body.id);
      const failed = await post('k-5', { ...body, amount: 10 ** 15 });
      expect(failed.status).toBe(409);
      expect((await post('k-5')).status).toBe(201);
    });
  });
});
