import { seed, type Cast } from './support/story';
import { startServer, type TestServer } from './support/server';

/** GET /api/v1/poverty-standards: what the console offers and explains a review year by (every answer checked against the OpenAPI document). */
describe('GET /api/v1/poverty-standards (HTTP)', () => {
  let s: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    s = await startServer();
    cast = await seed(s);
  });
  afterAll(() => s.close());

  it('gives any signed-in user both standards, their years, indicators in legal order, threshold and lines by area', async () => {
    const r = await s.request('GET', '/api/v1/poverty-standards', { token: cast.social });
    expect(r.status).toBe(200);
    expect(r.body.standards.map((x: { id: string; legalBasis: string; reviewYears: unknown }) => [x.id, x.legalBasis, x.reviewYears])).toEqual([
      ['MDP-2016-2020', '59/2015/QĐ-TTg', { from: 2016, to: 2021 }],
      ['MDP-2022-2025', '07/2021/NĐ-CP', { from: 2022, to: 2025 }],
    ]);
    const [old, current] = r.body.standards;
    expect(old.indicators).toHaveLength(10);
    expect(old.indicators[0]).toBe('health_access');
    expect(old).toMatchObject({
      deprivationThreshold: 3,
      incomeAloneMakesPoor: true,
      thresholds: { rural: { povertyLine: 700_000, nearPoorLine: 1_000_000, upperBound: 1_500_000 } },
    });
    expect(current.indicators).toEqual([
      'employment',
      'dependants',
      'nutrition',
      'health_insurance',
      'adult_education',
      'child_schooling',
      'housing_quality',
      'housing_area',
      'water_source',
      'latrine',
      'telecom',
      'information_access',
    ]);
    expect(current).toMatchObject({
      deprivationThreshold: 3,
      incomeAloneMakesPoor: false,
      thresholds: { urban: { povertyLine: 2_000_000, nearPoorLine: null, upperBound: 3_000_000 } },
    });
    // The same for every role: the standards are public law, not anyone's records.
    expect((await s.request('GET', '/api/v1/poverty-standards', { token: cast.outsider })).body).toEqual(r.body);
  });

  it('refuses an unknown parameter and a caller without a token', async () => {
    const bad = await s.request('GET', '/api/v1/poverty-standards?reviewYear=2022', { token: cast.social });
    expect([bad.status, bad.body.code, bad.body.details?.field]).toEqual([400, 'VALIDATION_FAILED', 'reviewYear']);
    expect((await s.request('GET', '/api/v1/poverty-standards')).status).toBe(401);
  });
});
