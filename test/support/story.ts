import { copyFileSync, rmSync } from 'node:fs';
import { ADMIN_TOKEN, startServer, type TestServer } from './server';

export const DECISION_747 = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
export const CENTRAL_DECISION = { number: '1234/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' };
export const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };

export type Cast = {
  admin: string;
  province: string;
  district: string;
  commune: string;
  social: string;
  supervisor: string;
  inspector: string;
  outsider: string;
};

async function ok(s: TestServer, path: string, body: unknown, token = ADMIN_TOKEN) {
  const r = await s.request('POST', path, { token, body });
  if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Units of Lai Châu down to one commune, and one user for each role. */
export async function seed(s: TestServer): Promise<Cast> {
  await ok(s, '/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
  await ok(s, '/api/v1/units', { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' });
  await ok(s, '/api/v1/units', { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district', parent: 'LAI-CHAU' });
  await ok(s, '/api/v1/units', { code: 'MA-LI-PHO', name: 'Xã Ma Li Pho', level: 'commune', parent: 'PHONG-THO' });
  await ok(s, '/api/v1/units', { code: 'DAO-SAN', name: 'Xã Dào San', level: 'commune', parent: 'PHONG-THO' });
  await ok(s, '/api/v1/units', { code: 'DIEN-BIEN', name: 'Tỉnh Điện Biên', level: 'province', parent: 'VN' });
  const user = async (id: string, role: string, units: string[]) => (await ok(s, '/api/v1/users', { id, name: id, role, units })).token as string;
  return {
    admin: ADMIN_TOKEN,
    province: await user('lc-finance', 'finance_officer', ['LAI-CHAU']),
    district: await user('pt-finance', 'finance_officer', ['PHONG-THO']),
    commune: await user('mlp-finance', 'finance_officer', ['MA-LI-PHO']),
    social: await user('mlp-social', 'social_officer', ['MA-LI-PHO']),
    supervisor: await user('pt-supervisor', 'supervisor', ['PHONG-THO']),
    inspector: await user('inspector', 'inspector', []),
    outsider: await user('db-finance', 'finance_officer', ['DIEN-BIEN']),
  };
}

/** The central 2022 DA1.1 allocation to Lai Châu and the 71,570,000,000 đ passed down to Phong Thổ. */
export async function allocate(s: TestServer, cast: Cast) {
  await ok(s, '/api/v1/allocations', { id: 'LC-DA1.1-2022', unit: 'LAI-CHAU', ...LINE, amount: 300_000_000_000, decision: CENTRAL_DECISION }, cast.admin);
  await ok(
    s,
    '/api/v1/allocations',
    { id: 'PT-DA1.1-2022', parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', amount: 71_570_000_000, decision: DECISION_747 },
    cast.province,
  );
}

/**
 * The log file of a ledger that ran the seed and the walkthrough's allocations, closed and copied
 * to `path` (its read-model file left behind): the starting point of the tamper tests.
 */
export async function storyLogFile(path: string): Promise<void> {
  const s = await startServer();
  try {
    await allocate(s, await seed(s));
  } finally {
    await s.ledger.app.close();
  }
  copyFileSync(s.dbFile, path);
  rmSync(s.dir, { recursive: true, force: true });
}
