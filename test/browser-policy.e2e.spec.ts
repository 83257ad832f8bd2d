import { resolve } from 'node:path';
import { ADMIN_TOKEN, startServer, type TestServer } from './support/server';

const ORIGIN = 'https://ledger.laichau.gov.vn';

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/v1/allocations`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('answers for browsers: security headers, failed sign-ins limited, CORS', () => {
  describe('with the defaults', () => {
    let s: TestServer;
    beforeAll(async () => (s = await startServer({ webDir: resolve('dist/web') })));
    afterAll(() => s.close());

    it.each([
      ['an answer', 'GET', '/api/v1/me', ADMIN_TOKEN, 200],
      ['a refusal', 'GET', '/api/v1/me', undefined, 401],
      ['an unknown route', 'GET', '/api/v1/nothing-here', ADMIN_TOKEN, 404],
      ['the health check', 'GET', '/health', undefined, 200],
      ['a refused body', 'POST', '/api/v1/units', ADMIN_TOKEN, 400],
    ])('security headers on %s', async (_what, method, path, token, status) => {
      const r = await s.request(method, path, { token, ...(method === 'POST' ? { body: { code: '' } } : {}) });
      expect(r.status).toBe(status);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-powered-by')).toBeNull();
    });

    it('the console’s page keeps its own policy (its report stylesheet allowed by hash), with the other headers', async () => {
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toMatch(/style-src 'self' 'sha256-[^']+'/);
      expect(policy).not.toContain('unsafe-inline');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('CORS is closed: a preflight gets no Access-Control-Allow-Origin, nor does a request', async () => {
      const pre = await preflight(s.url, ORIGIN);
      expect(pre.status).toBe(404);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const r = await s.request('GET', '/api/v1/me', { token: ADMIN_TOKEN, headers: { origin: ORIGIN } });
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('limits failed authentications by default (20 a minute from one address)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await s.request('GET', '/api/v1/me', { token: `guess-${i}` })).status);
      expect(statuses).toEqual([...Array(20).fill(401), 429]);
    });
  });

  describe('after too many failed authentications from one address', () => {
    let s: TestServer;
    beforeAll(async () => (s = await startServer({ authFailuresPerMinute: 3 })));
    afterAll(() => s.close());

    it('answers 429 with Retry-After, while a good token from the same address still works', async () => {
      for (let i = 0; i < 3; i++) expect((await s.request('GET', '/api/v1/units', { token: `wrong-${i}` })).status).toBe(401);
      const limited = await s.request('GET', '/api/v1/units', { token: 'wrong-3' });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_AUTH_FAILURES' });
      const wait = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
      expect((await s.request('POST', '/api/v1/units', { token: 'wrong-4', body: { code: 'X', name: 'X', level: 'central' } })).status).toBe(429);

      expect((await s.request('GET', '/api/v1/units', { token: ADMIN_TOKEN })).status).toBe(200);
      expect((await s.request('POST', '/api/v1/units', { token: ADMIN_TOKEN, body: { code: 'VN', name: 'Trung ương', level: 'central' } })).status).toBe(201);
      // No token at all is not a failed authentication: it is told what is missing.
      expect((await s.request('GET', '/api/v1/units')).status).toBe(401);
    });
  });

  describe('with LEDGER_CORS_ORIGINS', () => {
    let s: TestServer;
    beforeAll(async () => (s = await startServer({ corsOrigins: [ORIGIN] })));
    afterAll(() => s.close());

    it('allows a listed origin: the preflight names it, the methods and the headers the API takes', async () => {
      const pre = await preflight(s.url, ORIGIN);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('authorization');
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const r = await s.request('GET', '/api/v1/me', { token: ADMIN_TOKEN, headers: { origin: ORIGIN } });
      expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(r.headers.get('access-control-expose-headers')).toContain('Retry-After');
    });

    it('refuses an origin it does not list', async () => {
      const pre = await preflight(s.url, 'https://evil.example');
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.status).toBe(404);
      const r = await s.request('GET', '/api/v1/me', { token: ADMIN_TOKEN, headers: { origin: 'https://evil.example' } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
