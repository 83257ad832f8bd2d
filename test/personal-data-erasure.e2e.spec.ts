import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../apps/cli/src/cli';
import { createApp, type LedgerApp } from '../apps/api/src/app.factory';
import { SqliteHouseholdKeys, keysFile } from '../libs/adapters/src/sqlite/sqlite-household-keys';
import { seed, type Cast } from './support/story';
import { ADMIN_TOKEN, call, startServer, type TestServer } from './support/server';

/**
 * Issue 15, "household personal data: minimal, protected, erasable". Names are sealed on their way
 * into the log; erasing a household destroys its key. After that, rebuilt read models and a replayed
 * log show nothing of the name, the bytes of no file beside the ledger hold it, the chain is intact
 * and the statistics are the same.
 */
const ERASED_NAME = 'Giàng Thị Xúyên';
const ERASED_IMPORTED = 'Thào A Phềnh';
const KEPT_NAME = 'Lò Văn Sình';
const ERASURE = { legalBasis: 'Nghị định 13/2023/NĐ-CP, Điều 16', reason: 'the head of household asked for erasure' };

async function ledgerCli(file: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { LEDGER_DB: file });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file in the folder (log, WAL, read models, keys, a replay) whose bytes hold `text`. */
function filesHolding(dir: string, text: string | Buffer): string[] {
  const needle = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(needle));
}

describe('crypto-shredding of household personal data', () => {
  let s: TestServer;
  let cast: Cast;
  let app: LedgerApp | null = null;
  let request = (method: string, path: string, options?: Parameters<TestServer['request']>[2]) => s.request(method, path, options);
  const get = async (path: string, token: string) => {
    const r = await request('GET', path, { token });
    expect(r.status).toBe(200);
    return r.body;
  };
  const stats = () => get('/api/v1/households/stats?unit=MA-LI-PHO&reviewYear=2023', cast.supervisor);

  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    const post = async (path: string, body: unknown) => expect((await s.request('POST', path, { token: cast.social, body })).status).toBe(201);
    await post('/api/v1/households', { id: 'H-ERASE', unit: 'MA-LI-PHO', area: 'rural', members: 4, headName: ERASED_NAME, ethnicMinority: true });
    await post('/api/v1/households/H-ERASE/assessments', {
      reviewYear: 2023,
      reviewType: 'periodic',
      incomePerCapita: 1_200_000,
      deprivations: ['latrine', 'telecom', 'nutrition'],
    });
    await post('/api/v1/households', { id: 'H-KEEP', unit: 'MA-LI-PHO', area: 'rural', members: 3, headName: KEPT_NAME, ethnicMinority: false });
    await post('/api/v1/households/H-KEEP/assessments', { reviewYear: 2023, reviewType: 'periodic', incomePerCapita: 1_400_000, deprivations: ['latrine'] });
    const csv = `household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName,ethnicMinority\nI-ERASE,MA-LI-PHO,rural,5,2023,periodic,900000,latrine;telecom;nutrition,${ERASED_IMPORTED},true\nI-NONAME,MA-LI-PHO,urban,2,2023,periodic,2500000,,,\n`;
    const imported = await s.request('POST', '/api/v1/imports/households', { token: cast.social, raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(201);
  });
  afterAll(async () => {
    if (app) await app.app.close();
    else await s.ledger.app.close();
    rmSync(s.dir, { recursive: true, force: true });
  });

  it('seals names in the log: no file holds one in clear, the social officer reads them', async () => {
    for (const name of [ERASED_NAME, KEPT_NAME, ERASED_IMPORTED]) expect(filesHolding(s.dir, name)).toEqual([]);
    expect(filesHolding(s.dir, 'A256GCM.')).toContain('ledger.db-wal');
    expect(await get('/api/v1/households/H-ERASE', cast.social)).toMatchObject({ headName: ERASED_NAME, ethnicMinority: true, personalDataErased: false });
    expect(await get('/api/v1/households/I-ERASE', cast.supervisor)).toMatchObject({ headName: ERASED_IMPORTED, ethnicMinority: true });
    expect(await get('/api/v1/households/I-NONAME', cast.inspector)).toMatchObject({ headName: null, ethnicMinority: null, personalDataErased: false });
    const found = await get(`/api/v1/households?q=${encodeURIComponent('giang thi')}`, cast.social);
    expect(found.items.map((h: { id: string }) => h.id)).toEqual(['H-ERASE']);
    const trail = await get('/api/v1/audit?household=H-ERASE', cast.inspector);
    expect(trail.items[0]).toMatchObject({ type: 'HouseholdRegistered', data: { headName: ERASED_NAME, ethnicMinority: true } });
    expect(trail.items[0].data.personal).toBeUndefined();
  });

  it('shows finance officers ids and classes, never a name or an ethnicity', async () => {
    const one = await get('/api/v1/households/H-KEEP', cast.commune);
    expect(one).toMatchObject({ id: 'H-KEEP', classification: 'near_poor' });
    expect(Object.keys(one)).not.toEqual(expect.arrayContaining(['headName']));
    expect(one).not.toHaveProperty('ethnicMinority');
    const list = await get('/api/v1/households?unit=MA-LI-PHO', cast.district);
    expect(list.items.length).toBe(4);
    for (const h of list.items) expect(Object.keys(h).filter((k) => ['headName', 'ethnicMinority', 'personalDataErased'].includes(k))).toEqual([]);
    // Nor can one find a household by guessing its head's name.
    expect((await get(`/api/v1/households?q=${encodeURIComponent('Lò Văn')}`, cast.district)).items).toEqual([]);
    const trail = await get('/api/v1/audit?household=H-KEEP', cast.commune);
    expect(trail.items[0].type).toBe('HouseholdRegistered');
    expect(Object.keys(trail.items[0].data).sort()).toEqual(['area', 'householdId', 'members', 'unit']);
    expect(JSON.stringify(await get('/api/v1/changes?from=0', cast.district))).not.toContain(KEPT_NAME);
  });

  it('lets only an administrator erase, with a legal basis', async () => {
    const head = (await s.request('GET', '/health')).body.position;
    for (const token of [cast.social, cast.supervisor, cast.inspector, cast.commune]) {
      const r = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token, body: ERASURE });
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    const outsider = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token: cast.outsider, body: ERASURE });
    expect([outsider.status, outsider.body.code]).toEqual([404, 'NOT_FOUND']);
    const unknown = await s.request('POST', '/api/v1/households/NOBODY/erasure', { token: ADMIN_TOKEN, body: ERASURE });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const blank = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token: ADMIN_TOKEN, body: { legalBasis: ' ', reason: 'x' } });
    expect([blank.status, blank.body.details.field]).toEqual([400, 'legalBasis']);
    const missing = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token: ADMIN_TOKEN, body: { legalBasis: 'x' } });
    expect(missing.status).toBe(400);
    expect((await s.request('GET', '/health')).body.position).toBe(head);
  });

  it('erases: the key is destroyed, every read shows the fields as erased, counts stay', async () => {
    const before = await stats();
    const registeredAt = (await get('/api/v1/audit?household=H-ERASE', cast.inspector)).items[0].position;
    const keys = new SqliteHouseholdKeys(keysFile(s.dbFile));
    const key = keys.get('H-ERASE');
    keys.close();
    expect(key?.state).toBe('active');
    const keyBytes = Buffer.from((key as { key: Buffer }).key);

    const erased = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token: ADMIN_TOKEN, body: ERASURE });
    expect(erased.status).toBe(201);
    expect(erased.body).toEqual({ householdId: 'H-ERASE', personalDataErased: true, position: expect.any(Number) });
    expect((await s.request('POST', '/api/v1/households/I-ERASE/erasure', { token: ADMIN_TOKEN, body: ERASURE })).status).toBe(201);
    // Chosen: a second erasure is refused (409) and records nothing; the first is the legal act.
    const again = await s.request('POST', '/api/v1/households/H-ERASE/erasure', { token: ADMIN_TOKEN, body: ERASURE });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ERASED']);

    expect(await get('/api/v1/households/H-ERASE', cast.social)).toMatchObject({
      headName: null,
      ethnicMinority: null,
      personalDataErased: true,
      classification: 'poor',
    });
    expect(await get(`/api/v1/households/H-ERASE?atPosition=${registeredAt}`, cast.supervisor)).toMatchObject({
      headName: null,
      ethnicMinority: null,
      personalDataErased: true,
    });
    expect(await get('/api/v1/households/H-KEEP', cast.social)).toMatchObject({ headName: KEPT_NAME, personalDataErased: false });
    expect((await get(`/api/v1/households?q=${encodeURIComponent('giang thi')}`, cast.social)).items).toEqual([]);
    const trail = await get('/api/v1/audit?household=H-ERASE', cast.inspector);
    expect(trail.items[0].data).toMatchObject({ headName: null, ethnicMinority: null, personalDataErased: true });
    expect(trail.items.at(-1)).toMatchObject({
      type: 'HouseholdPersonalDataErased',
      data: { householdId: 'H-ERASE', legalBasis: ERASURE.legalBasis },
      metadata: { actor: { role: 'admin' } },
    });
    expect(await stats()).toEqual({ ...before, at: expect.anything() });
    expect(filesHolding(s.dir, keyBytes)).toEqual([]);
  });

  it('after a rebuild, a replay and a restart the names are nowhere, the chain intact, the statistics unchanged', async () => {
    const before = await stats();
    const headPosition = (await s.request('GET', '/health')).body.position;
    await s.ledger.app.close();
    expect((await ledgerCli(s.dbFile, 'projections', 'rebuild')).code).toBe(0);
    const replay = await ledgerCli(s.dbFile, 'replay', '--to', String(headPosition), '--out', join(s.dir, 'replayed.db'));
    expect(replay.code).toBe(0);
    const verified = await ledgerCli(s.dbFile, 'verify');
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining('intact')]);
    expect((await ledgerCli(join(s.dir, 'replayed.db'), 'verify')).code).toBe(0);
    // The read models built afresh from the log on the next start.
    rmSync(`${s.dbFile}.read-models`, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${s.dbFile}.read-models${suffix}`, { force: true });
    app = await createApp({ port: 0, dbFile: s.dbFile, adminToken: ADMIN_TOKEN, logger: false });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.app.getHttpServer().address() as { port: number }).port}`;
    request = (method, path, options) => call(url, method, path, options);

    expect(await stats()).toEqual({ ...before, at: expect.anything() });
    expect(await get('/api/v1/households/H-ERASE', cast.social)).toMatchObject({ headName: null, personalDataErased: true, classification: 'poor' });
    expect(await get('/api/v1/households/I-ERASE', cast.social)).toMatchObject({ headName: null, personalDataErased: true });
    expect(await get('/api/v1/households/H-KEEP', cast.social)).toMatchObject({ headName: KEPT_NAME });
    const diff = await ledgerCli(s.dbFile, 'diff', '--from', '0', '--to', String(headPosition), '--format', 'json');
    expect(diff.code).toBe(0);
    expect(existsSync(join(s.dir, 'replayed.db.read-models'))).toBe(true);
    for (const name of [ERASED_NAME, ERASED_IMPORTED]) {
      expect(filesHolding(s.dir, name)).toEqual([]);
      expect(diff.out).not.toContain(name);
    }
  });
});
