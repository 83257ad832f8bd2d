import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { STATUS } from '../../apps/api/src/http/error-status';
import { Contract, type OpenApiDocument } from '../support/contract';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/server';

const ROOT = resolve(__dirname, '../..');

type Op = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = OpenApiDocument & {
  servers?: { url: string }[];
  components: {
    securitySchemes: Record<string, Record<string, unknown>>;
    schemas: Record<string, { enum?: string[]; properties?: Record<string, { type?: unknown }> }>;
  };
  security?: unknown[];
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op: op as unknown as Op })),
  );

describe('the served OpenAPI document', () => {
  let s: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    s = await startServer();
    const r = await fetch(`${s.url}/api/docs-json`);
    expect(r.status).toBe(200);
    doc = (await r.json()) as Doc;
  });
  afterAll(() => s.close());

  it('is OpenAPI 3.1 with servers, an opaque bearer scheme required everywhere but /health', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
    const bearer = doc.components.securitySchemes.bearer!;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.bearerFormat).toBeUndefined();
    expect(bearer.description).toMatch(/opaque token \(not a JWT\)/);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect((doc.paths['/health']!.get as unknown as { security: unknown[] }).security).toEqual([]);
  });

  it('passes `redocly lint` with no error and no warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const run = spawnSync(join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'stylish'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      if (run.status !== 0) throw new Error(`redocly lint exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
      expect(run.status).toBe(0);
      // A warning (e.g. an enum listing a value twice) is a flaw in the contract too.
      expect(`${run.stdout}${run.stderr}`.split('\n').filter((l) => /\swarning\s/.test(l))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives every operation a summary, a description, a JSON schema for every response and a 4xx', () => {
    const problems: string[] = [];
    for (const { key, op } of operations(doc)) {
      if (!op.summary?.trim()) problems.push(`${key}: no summary`);
      if (!op.description?.trim()) problems.push(`${key}: no description`);
      for (const [status, response] of Object.entries(op.responses)) {
        const json = Object.entries(response.content ?? {}).find(([type]) => type.split(';')[0] === 'application/json')?.[1];
        // The live stream answers server-sent events, each described by its own schema (LiveMessageDto).
        const stream = key === 'GET /api/v1/events/stream' && status === '200' && response.content?.['text/event-stream']?.schema !== undefined;
        if (!json?.schema && !stream) problems.push(`${key} ${status}: no JSON schema`);
        // /health answers a broken chain with its own status report, not an error body.
        const ownBody = key === 'GET /health' && status === '503' && json?.schema?.$ref === '#/components/schemas/HealthDto';
        if (Number(status) >= 400 && !ownBody && json?.schema?.$ref !== '#/components/schemas/ErrorBodyDto')
          problems.push(`${key} ${status}: not the error body`);
      }
      if (!Object.keys(op.responses).some((st) => /^2\d\d$/.test(st))) problems.push(`${key}: no success response`);
      if (!Object.keys(op.responses).some((st) => /^4\d\d$/.test(st))) problems.push(`${key}: no error response`);
      if (key.startsWith('GET /api/v1/') && !op.responses['503']) problems.push(`${key}: no 503 (consistentWith)`);
      if (key.startsWith('GET /api/v1/') && !op.responses['401']) problems.push(`${key}: no 401`);
    }
    expect(problems).toEqual([]);
  });

  it('documents a request body on every POST: JSON, and CSV or JSON lines for the import', () => {
    const posts = operations(doc).filter((o) => o.method === 'post');
    expect(posts.length).toBeGreaterThanOrEqual(9);
    for (const { key, op } of posts) {
      const expected = key === 'POST /api/v1/imports/households' ? ['application/x-ndjson', 'text/csv'] : ['application/json'];
      expect([key, Object.keys(op.requestBody?.content ?? {}).sort()]).toEqual([key, expected]);
    }
  });

  it('documents Idempotency-Key on exactly the operations that honour it: every POST but those that issue a token', () => {
    const withKey = operations(doc)
      .filter(({ op }) => (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
      .map((o) => o.key)
      .sort();
    const expected = operations(doc)
      // A retry of these would need the token again, which is not kept.
      .filter((o) => o.method === 'post' && o.path !== '/api/v1/users' && o.path !== '/api/v1/users/{id}/token')
      .map((o) => o.key)
      .sort();
    expect(withKey).toEqual(expected);
    for (const key of withKey) expect(Object.keys(operations(doc).find((o) => o.key === key)!.op.responses)).toContain('422');
  });

  it('honours Idempotency-Key where documented (POST /units) and not where it is not (POST /users)', async () => {
    const headers = { 'idempotency-key': 'unit-vn-1' };
    const unit = { code: 'VN', name: 'Trung ương', level: 'central' };
    const first = await s.request('POST', '/api/v1/units', { token: ADMIN_TOKEN, body: unit, headers });
    const retry = await s.request('POST', '/api/v1/units', { token: ADMIN_TOKEN, body: unit, headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    const user = { id: 'u1', name: 'U', role: 'inspector' };
    expect((await s.request('POST', '/api/v1/users', { token: ADMIN_TOKEN, body: user, headers: { 'idempotency-key': 'user-1' } })).status).toBe(201);
    expect((await s.request('POST', '/api/v1/users', { token: ADMIN_TOKEN, body: user, headers: { 'idempotency-key': 'user-1' } })).body.code).toBe(
      'ALREADY_EXISTS',
    );
  });

  it('lists every error code in the error body, and keeps amounts and counts integers', () => {
    const codes = doc.components.schemas.ErrorCode!.enum!;
    for (const code of [...Object.keys(STATUS), 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'PROJECTION_LAGGING']) expect(codes).toContain(code);
    // The only fractional numbers the API answers are rates in percent.
    const fractional = Object.entries(doc.components.schemas).flatMap(([name, schema]) =>
      Object.entries(schema.properties ?? {})
        .filter(([, p]) => p.type === 'number' || (Array.isArray(p.type) && p.type.includes('number')))
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(fractional.filter((p) => !/Rate$|^ClassRatesDto\./.test(p))).toEqual([]);
    expect(fractional.length).toBeGreaterThan(0);
  });

  it('is what responses are checked against: a real answer passes, the same answer altered fails', async () => {
    const contract = new Contract(doc);
    const unit = await s.request('GET', '/api/v1/units/VN', { token: ADMIN_TOKEN });
    expect(unit.status).toBe(200);
    expect(contract.check('GET', '/api/v1/units/VN', 200, unit.body, 'application/json')).toBeNull();
    expect(contract.check('GET', '/api/v1/units/VN', 200, { ...unit.body, position: String(unit.body.position) }, 'application/json')).toMatch(
      /UnitsController_get .*\/position must be integer/s,
    );
    expect(contract.check('GET', '/api/v1/units/VN', 200, { ...unit.body, level: 'village' }, 'application/json')).toMatch(
      /\/level must be equal to one of the allowed values/,
    );
    expect(contract.check('GET', '/api/v1/units/VN', 500, { statusCode: 500, code: 'INTERNAL', message: 'x' }, 'application/json')).toMatch(
      /answered 500, which the document does not list/,
    );
  });
});
