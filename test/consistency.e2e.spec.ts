import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type LedgerApp } from '../apps/api/src/app.factory';
import { configFromEnv } from '../apps/api/src/config';
import { call } from './support/server';

const ADMIN = 'consistency-admin';

/** Read-your-writes: `?consistentWith=<position>` on every GET under /api/v1 (embedded mode). */
describe('queries with ?consistentWith (embedded mode)', () => {
  let dir: string;
  let ledger: LedgerApp;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-consistency-'));
    ledger = await createApp({ port: 0, dbFile: join(dir, 'ledger.db'), adminToken: ADMIN, logger: false, consistencyTimeoutMs: 1000 });
    await ledger.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(ledger.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await ledger.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers for the position a command returned, its own write included', async () => {
    const created = await call(url, 'POST', '/api/v1/units', { token: ADMIN, body: { code: 'VN', name: 'Trung ương', level: 'central' } });
    expect(created.status).toBe(201);
    expect(typeof created.body.position).toBe('number');
    // No stopwatch (the machine may be busy): a read that waited out the timeout would be a 503.
    const read = await call(url, 'GET', `/api/v1/units/VN?consistentWith=${created.body.position}`, { token: ADMIN });
    expect(read.status).toBe(200);
    expect(read.body.code).toBe('VN');
  });

  it('refuses at once a position past the head of the log: no write answered it', async () => {
    const head = (await call(url, 'GET', '/api/v1/integrity', { token: ADMIN })).body.position as number;
    const read = await call(url, 'GET', `/api/v1/units/VN?consistentWith=${head + 1000}`, { token: ADMIN });
    expect(read.status).toBe(400);
    expect(read.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'consistentWith' } });
    expect(read.body.message).toContain(`the log has reached position ${head}, not ${head + 1000}`);
  });

  it('answers 503 PROJECTION_LAGGING with their position when the read models do not reach a logged position in time', async () => {
    const head = (await call(url, 'GET', '/api/v1/integrity', { token: ADMIN })).body.position as number;
    // Hold the read models one event behind the log, as a projector still working would leave them.
    const behind = jest.spyOn(ledger.ledger.reads, 'checkpoint').mockResolvedValue(head - 1);
    try {
      const read = await call(url, 'GET', `/api/v1/units/VN?consistentWith=${head}`, { token: ADMIN });
      expect(read.status).toBe(503);
      expect(read.body).toMatchObject({ statusCode: 503, code: 'PROJECTION_LAGGING', details: { position: head - 1, consistentWith: head } });
    } finally {
      behind.mockRestore();
    }
  });

  it('refuses a repeated consistentWith with a 400 naming it', async () => {
    const read = await call(url, 'GET', '/api/v1/units/VN?consistentWith=1&consistentWith=2', { token: ADMIN });
    expect(read.status).toBe(400);
    expect(read.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'consistentWith' } });
  });

  it('refuses a position that is not a whole number, and leaves routes with validated queries alone', async () => {
    expect((await call(url, 'GET', '/api/v1/units/VN?consistentWith=abc', { token: ADMIN })).body.code).toBe('VALIDATION_FAILED');
    const balances = await call(url, 'GET', '/api/v1/balances?groupBy=unit&consistentWith=1', { token: ADMIN });
    expect(balances.status).toBe(200);
  });

  it('reads the scale-out configuration from the environment, embedded by default', () => {
    expect(configFromEnv({})).toMatchObject({ host: '127.0.0.1', port: 3000, eventStore: 'sqlite', readStore: 'sqlite', consistencyTimeoutMs: 5000 });
    expect(configFromEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(
      configFromEnv({
        LEDGER_EVENT_STORE: 'eventstoredb',
        LEDGER_EVENTSTORE_URL: 'esdb://e:2113?tls=false',
        LEDGER_MONGO_URL: 'mongodb://m/ledger?replicaSet=rs0',
      }),
    ).toMatchObject({
      eventStore: 'eventstoredb',
      readStore: 'mongodb',
    });
    expect(() => configFromEnv({ LEDGER_EVENT_STORE: 'eventstoredb' })).toThrow('LEDGER_EVENTSTORE_URL');
    expect(() => configFromEnv({ LEDGER_EVENT_STORE: 'sqlite', LEDGER_READ_STORE: 'mongodb', LEDGER_MONGO_URL: 'mongodb://m' })).toThrow(
      'not a supported pair',
    );
    expect(() => configFromEnv({ LEDGER_EVENT_STORE: 'kafka' })).toThrow('LEDGER_EVENT_STORE');
  });
});
