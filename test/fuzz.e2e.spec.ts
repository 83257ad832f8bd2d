import { allocate, seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

/** Deterministic pseudo-random values of every JSON shape, including the awkward ones. */
function* values(seed: number): Generator<unknown> {
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31);
  const atoms: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 63),
    1e308,
    '',
    ' ',
    'a'.repeat(5000),
    '2022-02-30',
    '../../etc',
    '\u0000',
    '𝔘',
    [],
    {},
    { __proto__: { polluted: 1 } },
    ['x'],
    [[[]]],
    'DA1',
    'GNBV-2021-2025',
    'PHONG-THO',
    'LC-DA1.1-2022',
  ];
  for (;;) {
    const r = next() % 10;
    if (r < 7) yield atoms[next() % atoms.length];
    else if (r < 9) yield Array.from({ length: next() % 4 }, () => atoms[next() % atoms.length]);
    else yield { number: atoms[next() % atoms.length], date: atoms[next() % atoms.length], issuer: atoms[next() % atoms.length] };
  }
}

const FIELDS: Record<string, string[]> = {
  '/api/v1/units': ['code', 'name', 'level', 'parent'],
  '/api/v1/users': ['id', 'name', 'role', 'units'],
  '/api/v1/allocations': ['id', 'parentId', 'unit', 'program', 'project', 'subProject', 'fiscalYear', 'capitalType', 'source', 'amount', 'decision'],
  '/api/v1/allocations/PT-DA1.1-2022/adjustments': ['delta', 'decision', 'reason'],
  '/api/v1/allocations/PT-DA1.1-2022/disbursements': ['id', 'amount', 'valueDate', 'voucher', 'payee', 'purpose'],
  '/api/v1/disbursements/D1/reversal': ['reason', 'decision'],
  '/api/v1/households': ['id', 'unit', 'area', 'members', 'headName', 'ethnicMinority'],
  '/api/v1/households/H1/assessments': ['reviewYear', 'reviewType', 'incomePerCapita', 'deprivations', 'decision'],
};

describe('no input makes the server answer 5xx', () => {
  let s: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
      token: cast.admin,
      body: { id: 'D1', amount: 1, valueDate: '2022-09-01', voucher: 'V' },
    });
    await s.request('POST', '/api/v1/households', { token: cast.admin, body: { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 1 } });
  });
  afterAll(() => s.close());

  it('answers 600 malformed bodies and queries with 2xx/4xx only', async () => {
    const gen = values(42);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const paths = Object.keys(FIELDS);
      const path = paths[i % paths.length]!;
      const body = Object.fromEntries(FIELDS[path]!.filter(() => gen.next().value !== null).map((f) => [f, gen.next().value]));
      if (i % 7 === 0) (body as Record<string, unknown>)[`extra${i}`] = 1;
      const r = await s.request('POST', path, { token: cast.admin, body });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status).toBeLessThan(500);
      if (r.status >= 400) expect(typeof r.body.code).toBe('string');
    }
    const queries = [
      '/api/v1/balances?groupBy=nope',
      '/api/v1/balances?fiscalYear=x',
      '/api/v1/balances?unit=%00',
      '/api/v1/audit?limit=0',
      '/api/v1/audit?limit=abc',
      '/api/v1/audit?from=yesterday',
      '/api/v1/audit?cursor=-1',
      '/api/v1/households/stats',
      '/api/v1/households/stats?unit=X&reviewYear=1',
      '/api/v1/allocations/%E0%A4%A',
      '/api/v1/units/..%2F..',
    ];
    for (const q of queries) {
      const r = await s.request('GET', q, { token: cast.admin });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    // The admin user, the units and the story's writes are all that is there: fuzzing broke nothing.
    expect((await s.request('GET', '/api/v1/allocations/PT-DA1.1-2022', { token: cast.admin })).body.available).toBeGreaterThanOrEqual(0);
    expect(statuses.get(400)).toBeGreaterThan(100);
  });
});

type Schema = { type?: string; enum?: unknown[]; items?: Schema; $ref?: string; properties?: Record<string, Schema>; format?: string; example?: unknown };
type Parameter = { name: string; in: string; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Deterministic pseudo-random numbers, so a failure names a request that can be sent again. */
function random(seed: number) {
  let x = seed;
  const next = () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31);
  return { int: (n: number) => next() % n, pick: <T>(list: readonly T[]): T => list[next() % list.length]! };
}

/** Query values of every awkward kind: wrong types, huge, empty, encoded, look-alikes of real values. */
const QUERY_ATOMS = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e308',
  '99999999999999999999',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  '[object Object]',
  'a'.repeat(5000),
  '9'.repeat(300),
  '2022-02-30',
  '2022-12-31',
  '2022-12-31T23:59:59+07:00',
  '2999-01-01',
  'yesterday',
  '\u0000',
  '%',
  '𝔘',
  '../../etc',
  'unit,project',
  'unit,,',
  'nope',
  'PHONG-THO',
  'VN',
  'PT-DA1.1-2022',
  'D1',
  'H1',
  'DA1',
  'investment',
  'central',
  '1',
  '2023',
];

/** A path's parameters replaced by ids that exist (so the query, not a 404, is what is fuzzed). */
const concrete = (path: string) =>
  path
    .replace('{code}', 'VN')
    .replace(/\/allocations\/\{id\}/, '/allocations/PT-DA1.1-2022')
    .replace(/\/disbursements\/\{id\}/, '/disbursements/D1')
    .replace(/\/households\/\{id\}/, '/households/H1')
    .replace(/\{[^}]+\}/g, 'X');

describe('no query or body generated from the OpenAPI document makes the server answer 5xx', () => {
  let s: TestServer;
  let cast: Cast;
  let doc: OpenApi;
  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
    await allocate(s, cast);
    await s.request('POST', '/api/v1/allocations/PT-DA1.1-2022/disbursements', {
      token: cast.admin,
      body: { id: 'D1', amount: 1, valueDate: '2022-09-01', voucher: 'V' },
    });
    await s.request('POST', '/api/v1/households', { token: cast.admin, body: { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 1 } });
    doc = (await s.request('GET', '/api/docs-json')).body;
  });
  afterAll(() => s.close());

  const expectNo5xx = (what: string, r: { status: number; body: any }) => {
    expect([what, r.status < 500]).toEqual([what, true]);
    if (r.status >= 400) expect([what, typeof r.body?.code]).toEqual([what, 'string']);
  };

  it('answers random, repeated, unknown, mistyped and huge parameters on every GET operation with 2xx/4xx only', async () => {
    const gets = Object.entries(doc.paths).filter(([, item]) => item.get);
    expect(gets.length).toBeGreaterThanOrEqual(11);
    const rnd = random(7);
    const statuses = new Map<number, number>();
    // Names declared anywhere: a route that reads a parameter it does not declare is probed with it too.
    const everyName = [
      ...new Map(gets.flatMap(([, item]) => (item.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p] as const))).values(),
    ];
    for (const [path, item] of gets) {
      const declared = (item.get!.parameters ?? []).filter((p) => p.in === 'query');
      const names = new Set(declared.map((p) => p.name));
      const valueFor = (p: Parameter | undefined): string => {
        const r = rnd.int(4);
        const schema = p?.schema?.items ?? p?.schema;
        if (r === 0 && schema?.enum) return String(rnd.pick(schema.enum));
        if (r === 1 && schema?.example !== undefined) return String(schema.example);
        return rnd.pick(QUERY_ATOMS);
      };
      for (let i = 0; i < 40; i++) {
        const pairs: [string, string][] = [];
        for (let k = rnd.int(4); k >= 0; k--) {
          const p = declared.length > 0 && rnd.int(4) > 0 ? rnd.pick(declared) : rnd.pick(everyName);
          const name = p?.name ?? 'x';
          switch (rnd.int(8)) {
            case 0: // repeated
              pairs.push([name, valueFor(p)], [name, valueFor(p)]);
              break;
            case 1: // bracketed, as some clients encode objects and arrays
              pairs.push([`${name}[${rnd.pick(['', '0', 'toString', '__proto__'])}]`, valueFor(p)]);
              break;
            case 2: // unknown or misspelt
              pairs.push([rnd.pick([name.toLowerCase() + 'x', name.toUpperCase(), '__proto__', 'constructor', 'toString', 'x'.repeat(300), '']), valueFor(p)]);
              break;
            case 3: // a key without a value
              pairs.push([name, '']);
              break;
            default:
              pairs.push([name, valueFor(p)]);
          }
        }
        // Now and then a well-formed query, so that the right answers are exercised too.
        if (i % 8 === 0)
          pairs.splice(
            0,
            pairs.length,
            ...declared
              .filter((p) => p.schema?.enum || p.schema?.items?.enum)
              .slice(0, 1)
              .map((p): [string, string] => [p.name, String((p.schema?.items ?? p.schema)!.enum![0])]),
          );
        const query = pairs
          .map(([k, v]) => (rnd.int(3) === 0 && k !== '' ? encodeURIComponent(k) : k) + (rnd.int(10) === 0 ? '' : `=${encodeURIComponent(v)}`))
          .join('&');
        const url = `${concrete(path)}?${query}`;
        const r = await s.request('GET', url, { token: cast.admin });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expectNo5xx(`GET ${url.slice(0, 300)}`, r);
        // A parameter the operation does not declare is refused, never ignored.
        const undeclared = pairs.map(([k]) => k).filter((k) => !names.has(k));
        if (undeclared.length > 0) expect([`GET ${url.slice(0, 300)}`, r.status]).toEqual([`GET ${url.slice(0, 300)}`, 400]);
      }
    }
    // Most generated queries are wrong, and are told so; some are right.
    expect(statuses.get(400)).toBeGreaterThan(gets.length * 10);
    expect(statuses.get(200)).toBeGreaterThan(0);
  });

  it('answers deep nesting, duplicate keys and objects where text is expected, in every JSON body, with 4xx only, recording nothing', async () => {
    const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()!] : schema);
    const posts = Object.entries(doc.paths).filter(([, item]) => item.post?.requestBody?.content?.['application/json']);
    expect(posts.length).toBeGreaterThanOrEqual(8);
    const before = (await s.request('GET', '/health')).body.position;
    const rnd = random(11);
    for (const [path, item] of posts) {
      const props = Object.entries(resolve(item.post!.requestBody!.content!['application/json']!.schema)?.properties ?? {});
      expect([path, props.length > 0]).toEqual([path, true]);
      const strings = props.filter(([, p]) => resolve(p)?.type === 'string').map(([k]) => k);
      const bodies: string[] = [
        `{"x":${'['.repeat(2000)}${']'.repeat(2000)}}`,
        `{"x":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}`,
        ...props.map(([k]) => `{"${k}":1,"${k}":2}`),
        ...props.map(([k]) => `{"${k}":${'['.repeat(40)}${']'.repeat(40)}}`),
        ...strings.map((k) => `{"${k}":{"toString":1,"valueOf":1}}`),
        ...strings.map((k) => `{"${k}":["a","b"]}`),
        ...strings.map((k) => `{"${k}":${rnd.pick(['1', 'true', 'null', '1e308', '{}', '[]', `"${'x'.repeat(100_000)}"`])}}`),
      ];
      for (const raw of bodies) {
        for (const headers of [
          { 'content-type': 'application/json' },
          { 'content-type': 'application/json', 'idempotency-key': `fuzz-${rnd.int(1e9)}` },
        ] as Record<string, string>[]) {
          const r = await s.request('POST', concrete(path), { token: cast.admin, raw, headers });
          expectNo5xx(`POST ${path} ${raw.slice(0, 120)}`, r);
          expect([`POST ${path} ${raw.slice(0, 120)}`, r.status]).not.toEqual([`POST ${path} ${raw.slice(0, 120)}`, 201]);
        }
      }
    }
    expect((await s.request('GET', '/health')).body.position).toBe(before);
  });
});
