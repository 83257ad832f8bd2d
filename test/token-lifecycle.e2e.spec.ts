import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type LedgerApp } from '../apps/api/src/app.factory';
import { seed, type Cast } from './support/story';
import { ADMIN_TOKEN, call, startServer, type TestServer } from './support/server';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

describe('token and user lifecycle: rotation, deactivation, expiry', () => {
  let s: TestServer;
  let cast: Cast;
  const head = async () => (await s.request('GET', '/health')).body.position as number;
  const me = (token: string) => s.request('GET', '/api/v1/me', { token });
  const post = (path: string, body: unknown, token = ADMIN_TOKEN) =>
    s.request('POST', path === '' ? '/api/v1/users' : `/api/v1/users/${path}`, { token, body });
  const user = async (id: string) =>
    ((await s.request('GET', '/api/v1/users?limit=1000', { token: ADMIN_TOKEN })).body.items as { id: string }[]).find((u) => u.id === id);

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
  });
  afterAll(() => s.close());

  describe('rotation', () => {
    it('gives a new token once and kills the old one at once', async () => {
      const rotated = await post('pt-finance/token', { reason: 'the officer’s laptop was stolen' });
      expect(rotated.status).toBe(201);
      expect(rotated.body).toEqual({ id: 'pt-finance', token: expect.any(String), expiresAt: null, position: expect.any(Number) });
      const old = await me(cast.district);
      expect(old.status).toBe(401);
      expect(old.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'replaced' } });
      expect(old.body.message).toMatch(/replaced/);
      const fresh = await me(rotated.body.token);
      expect(fresh.status).toBe(200);
      expect(fresh.body).toMatchObject({ id: 'pt-finance', active: true, expiresAt: null, tokenRotatedAt: expect.any(String) });
      cast.district = rotated.body.token;
    });

    it('gives the new token an expiry when asked, in UTC', async () => {
      const r = await post('mlp-finance/token', { reason: 'yearly rotation', expiresAt: '2999-12-31T23:00:00+07:00' });
      expect(r.status).toBe(201);
      expect(r.body.expiresAt).toBe('2999-12-31T16:00:00.000Z');
      expect((await me(r.body.token)).body).toMatchObject({ expiresAt: '2999-12-31T16:00:00.000Z' });
      expect(await user('mlp-finance')).toMatchObject({ active: true, expiresAt: '2999-12-31T16:00:00.000Z', tokenRotatedAt: expect.any(String) });
      expect((await me(cast.commune)).status).toBe(401);
      cast.commune = r.body.token;
    });

    it.each([
      ['no reason', 'pt-finance/token', {}, 400, 'VALIDATION_FAILED', 'reason'],
      ['a blank reason', 'pt-finance/token', { reason: '  ' }, 400, 'VALIDATION_FAILED', 'reason'],
      ['an expiry in the past', 'pt-finance/token', { reason: 'r', expiresAt: '2020-01-01T00:00:00Z' }, 400, 'VALIDATION_FAILED', 'expiresAt'],
      ['an expiry without an offset', 'pt-finance/token', { reason: 'r', expiresAt: '2999-01-01T00:00:00' }, 400, 'VALIDATION_FAILED', 'expiresAt'],
      ['an unknown user', 'nobody/token', { reason: 'r' }, 404, 'NOT_FOUND', undefined],
    ])('refuses %s, recording nothing and keeping the token', async (_what, path, body, status, code, field) => {
      const before = await head();
      const r = await post(path, body);
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ code, ...(field ? { details: { field } } : {}) });
      expect(await head()).toBe(before);
      expect((await me(cast.district)).status).toBe(200);
    });

    it.each(['district', 'supervisor', 'inspector'] as const)('is an administrator’s act: a %s gets 403', async (who) => {
      const r = await post('pt-finance/token', { reason: 'r' }, cast[who]);
      expect(r.status).toBe(403);
      expect((await me(cast.district)).status).toBe(200);
    });
  });

  describe('deactivation and reactivation', () => {
    it('a deactivated user’s token answers 401; reactivation restores it; each with its reason in the trail', async () => {
      const off = await post('pt-supervisor/deactivation', { reason: 'transferred to Sìn Hồ' });
      expect(off.status).toBe(201);
      expect(off.body).toEqual({ id: 'pt-supervisor', position: expect.any(Number) });
      const refused = await me(cast.supervisor);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'deactivated' } });
      expect(await user('pt-supervisor')).toMatchObject({ active: false });

      const on = await post('pt-supervisor/reactivation', { reason: 'back from Sìn Hồ' });
      expect(on.status).toBe(201);
      expect((await me(cast.supervisor)).body).toMatchObject({ id: 'pt-supervisor', active: true });

      const trail = await s.request('GET', '/api/v1/audit?actor=admin&limit=1000', { token: ADMIN_TOKEN });
      const lifecycle = (trail.body.items as { type: string; data: { id?: string }; metadata: { reason: string | null; actor: { userId: string } } }[]).filter(
        (e) => e.data.id === 'pt-supervisor' && e.type !== 'UserRegistered',
      );
      expect(lifecycle.map((e) => [e.type, e.metadata.reason, e.metadata.actor.userId])).toEqual([
        ['UserDeactivated', 'transferred to Sìn Hồ', 'admin'],
        ['UserReactivated', 'back from Sìn Hồ', 'admin'],
      ]);
    });

    it('refuses twice the same change (409 with its code) and a change without a reason, recording nothing', async () => {
      const before = await head();
      expect((await post('inspector/reactivation', { reason: 'r' })).body).toMatchObject({ code: 'ALREADY_ACTIVE' });
      expect((await post('inspector/deactivation', {})).body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'reason' } });
      expect((await post('nobody/deactivation', { reason: 'r' })).status).toBe(404);
      expect(await head()).toBe(before);
      expect((await post('inspector/deactivation', { reason: 'retired' })).status).toBe(201);
      const again = await post('inspector/deactivation', { reason: 'retired' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ALREADY_DEACTIVATED' });
    });

    it('honours Idempotency-Key: a retry gets the first answer and records nothing', async () => {
      const headers = { 'idempotency-key': 'reactivate-inspector-1' };
      const first = await s.request('POST', '/api/v1/users/inspector/reactivation', { token: ADMIN_TOKEN, body: { reason: 'rehired' }, headers });
      const before = await head();
      const retry = await s.request('POST', '/api/v1/users/inspector/reactivation', { token: ADMIN_TOKEN, body: { reason: 'rehired' }, headers });
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.body).toEqual(first.body);
      expect(await head()).toBe(before);
    });

    it('is an administrator’s act: a supervisor gets 403', async () => {
      expect((await post('pt-finance/deactivation', { reason: 'r' }, cast.supervisor)).status).toBe(403);
    });

    it('the last active administrator cannot deactivate themselves (409 LAST_ACTIVE_ADMIN); with another one they can', async () => {
      const alone = await post('admin/deactivation', { reason: 'leaving' });
      expect(alone.status).toBe(409);
      expect(alone.body).toMatchObject({ code: 'LAST_ACTIVE_ADMIN', details: { id: 'admin' } });
      expect((await me(ADMIN_TOKEN)).status).toBe(200);

      const second = await post('', { id: 'admin-lc', name: 'Quản trị tỉnh', role: 'admin' });
      const other = second.body.token as string;
      expect((await post('admin/deactivation', { reason: 'leaving' })).status).toBe(201);
      expect((await me(ADMIN_TOKEN)).status).toBe(401);
      expect((await post('admin-lc/deactivation', { reason: 'x' }, other)).body).toMatchObject({ code: 'LAST_ACTIVE_ADMIN' });
      expect((await post('admin/reactivation', { reason: 'back' }, other)).status).toBe(201);
      expect((await me(ADMIN_TOKEN)).status).toBe(200);
    });
  });

  describe('expiry', () => {
    it('a token past its expiresAt answers 401 saying it expired', async () => {
      // A second ahead; should the registration itself take longer than that, a longer margin.
      let expiresAt = '';
      let created = { status: 0, body: {} as any };
      for (let margin = 1_000; created.status !== 201; margin *= 2) {
        expiresAt = new Date(Date.now() + margin).toISOString();
        created = await post('', { id: `short-lived-${margin}`, name: 'Thanh tra đoàn', role: 'inspector', expiresAt });
        if (created.status !== 201) expect(created.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'expiresAt' } });
      }
      expect(created.body).toMatchObject({ expiresAt });
      // Wait until the instant has passed by the clock, not for a fixed time.
      while (Date.now() <= Date.parse(expiresAt)) await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 5));
      const r = await me(created.body.token);
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
      expect(r.body.message).toContain(`expired at ${expiresAt}`);
      // A rotation gives the user a token that works again.
      const rotated = await post(`${created.body.id}/token`, { reason: 'audit extended', expiresAt: '2999-01-01T00:00:00Z' });
      expect((await me(rotated.body.token)).status).toBe(200);
    });

    it('refuses an expiry that has passed when the user is registered', async () => {
      const r = await post('', { id: 'late', name: 'Late', role: 'inspector', expiresAt: '2000-01-01T00:00:00Z' });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'expiresAt' } });
    });
  });

  it('no token hash appears in any read: audit, changes, users, me', async () => {
    const rotated = await post('lc-finance/token', { reason: 'hash check' });
    const served = JSON.stringify([
      (await s.request('GET', '/api/v1/audit?limit=1000', { token: ADMIN_TOKEN })).body,
      (await s.request('GET', '/api/v1/changes?from=0&limit=1000', { token: ADMIN_TOKEN })).body,
      (await s.request('GET', '/api/v1/users?limit=1000', { token: ADMIN_TOKEN })).body,
      (await me(rotated.body.token)).body,
    ]);
    expect(served).toContain('UserTokenRotated');
    for (const token of [rotated.body.token as string, cast.province, cast.district, ADMIN_TOKEN]) expect(served).not.toContain(sha256(token));
    expect(served).not.toContain(rotated.body.token);
    expect(served).not.toMatch(/"(previousT|t)okenHash":"[0-9a-f]{64}"/);
  });
});

describe('LEDGER_ADMIN_TOKEN names the bootstrap administrator’s token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bootstrap-'));
  const dbFile = join(dir, 'ledger.db');
  let running: LedgerApp | undefined;
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function restartWith(adminToken: string): Promise<string> {
    await running?.app.close();
    running = await createApp({ port: 0, dbFile, adminToken, logger: false });
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(running.app.getHttpServer().address() as { port: number }).port}`;
  }
  const userIds = async (url: string, token: string) => ((await call(url, 'GET', '/api/v1/users', { token })).body.items as { id: string }[]).map((u) => u.id);

  it('a new value at start rotates the token of `admin` (the old one dies), never creates admin-2, and never revives a replaced value', async () => {
    let url = await restartWith('first-admin-token');
    expect((await call(url, 'GET', '/api/v1/me', { token: 'first-admin-token' })).body).toMatchObject({ id: 'admin', role: 'admin' });

    url = await restartWith('second-admin-token');
    expect((await call(url, 'GET', '/api/v1/me', { token: 'first-admin-token' })).status).toBe(401);
    expect((await call(url, 'GET', '/api/v1/me', { token: 'second-admin-token' })).body).toMatchObject({
      id: 'admin',
      role: 'admin',
      tokenRotatedAt: expect.any(String),
    });
    expect(await userIds(url, 'second-admin-token')).toEqual(['admin']);
    const trail = await call(url, 'GET', '/api/v1/audit?actor=system', { token: 'second-admin-token' });
    expect((trail.body.items as { type: string; metadata: { reason: string | null } }[]).map((e) => [e.type, e.metadata.reason])).toEqual([
      ['UserRegistered', null],
      ['UserTokenRotated', 'LEDGER_ADMIN_TOKEN set to a new value at start'],
    ]);

    // The same value again changes nothing; the replaced value stays dead.
    url = await restartWith('second-admin-token');
    expect((await call(url, 'GET', '/api/v1/audit?actor=system', { token: 'second-admin-token' })).body.items).toHaveLength(2);
    url = await restartWith('first-admin-token');
    expect((await call(url, 'GET', '/api/v1/me', { token: 'first-admin-token' })).status).toBe(401);
    expect((await call(url, 'GET', '/api/v1/me', { token: 'second-admin-token' })).status).toBe(200);
  });

  it('a new value also reactivates a deactivated bootstrap administrator: the way back in', async () => {
    let url = await restartWith('second-admin-token');
    const other = (await call(url, 'POST', '/api/v1/users', { token: 'second-admin-token', body: { id: 'admin-hn', name: 'Quản trị', role: 'admin' } })).body
      .token as string;
    expect((await call(url, 'POST', '/api/v1/users/admin/deactivation', { token: other, body: { reason: 'left' } })).status).toBe(201);
    expect((await call(url, 'POST', '/api/v1/users/admin-hn/deactivation', { token: other, body: { reason: 'oops' } })).body).toMatchObject({
      code: 'LAST_ACTIVE_ADMIN',
    });

    url = await restartWith('third-admin-token');
    expect((await call(url, 'GET', '/api/v1/me', { token: 'third-admin-token' })).body).toMatchObject({ id: 'admin', active: true });
    expect((await call(url, 'GET', '/api/v1/me', { token: 'second-admin-token' })).status).toBe(401);
  });
});
