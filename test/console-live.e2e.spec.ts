import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compiledConsole, launchChromium, PAGE_WAIT_MS, seriousViolations } from './support/browser';
import { bootBuiltServer } from './support/built-server';
import { compiled } from './support/compiled';
import { freePort } from './support/free-port';
import { call } from './support/server';
import { CENTRAL_DECISION, DECISION_747, LINE } from './support/story';

/**
 * Live updates in a real browser: the console follows GET /api/v1/events/stream (fetch and a
 * ReadableStream reader) and reloads the page's data when something in the reader's scope is
 * committed. Screenshots go to CONSOLE_SCREENSHOTS, else to a temporary folder.
 */
const ROOT = resolve(__dirname, '..');
compiled('dist/apps/api/src/main.js');
compiledConsole(ROOT);
const ADMIN = 'console-live-admin';

describe('console: live updates in a real browser (needs `npm run build` and /usr/bin/chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-console-live-'));
  const shots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : join(dir, 'screenshots');
  let url = '';
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const tokens: Record<string, string> = {};

  const ok = async (path: string, body: unknown, token = ADMIN) => {
    const r = await call(url, 'POST', path, { token, body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await bootBuiltServer(join(dir, 'ledger.db'), port, ADMIN);
    for (const u of [
      { code: 'VN', name: 'Trung ương', level: 'central' },
      { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' },
      { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district', parent: 'LAI-CHAU' },
      { code: 'DIEN-BIEN', name: 'Tỉnh Điện Biên', level: 'province', parent: 'VN' },
    ])
      await ok('/api/v1/units', u);
    for (const [id, units] of [
      ['lc-finance', ['LAI-CHAU']],
      ['pt-finance-a', ['PHONG-THO']],
      ['pt-finance-b', ['PHONG-THO']],
      ['db-finance', ['DIEN-BIEN']],
    ] as const)
      tokens[id] = (await ok('/api/v1/users', { id, name: id, role: 'finance_officer', units })).token;
    await ok('/api/v1/allocations', { id: 'LC-DA1.1-2022', unit: 'LAI-CHAU', ...LINE, amount: 300_000_000_000, decision: CENTRAL_DECISION });
    await ok('/api/v1/allocations', { id: 'DB-DA1.1-2022', unit: 'DIEN-BIEN', ...LINE, amount: 50_000_000_000, decision: CENTRAL_DECISION });
    await ok(
      '/api/v1/allocations',
      { id: 'PT-DA1.1-2022', parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', amount: 71_570_000_000, decision: DECISION_747 },
      tokens['lc-finance'],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    const closed = await Promise.allSettled([
      browser?.close(),
      new Promise<void>((done) => {
        if (!server || server.exitCode !== null || server.signalCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGKILL');
      }),
    ]);
    rmSync(dir, { recursive: true, force: true });
    const failed = closed.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  it('shows officer A the payment officer B posts in their district, without a reload', async () => {
    const page = await browser!.context.newPage();
    try {
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await page.goto(`${url}/#/allocations/PT-DA1.1-2022`);
      // The stream is open once its answer's headers have come: waited for, not guessed.
      const streaming = page.waitForResponse((r) => r.url().includes('/api/v1/events/stream') && r.status() === 200);
      await page.fill('#token', tokens['pt-finance-a']!);
      await page.click('button[type=submit]');
      const disbursed = page.locator('[data-figure="disbursed"]');
      await page.locator('[data-figure="allocated"]').getByText('71.570.000.000 đ').waitFor();
      // Set on this document: a navigation or a reload of the page would lose it.
      await page.evaluate('window.sameDocument = true');
      expect((await streaming).headers()['content-type']).toMatch(/^text\/event-stream/);

      await ok(
        '/api/v1/allocations/DB-DA1.1-2022/disbursements',
        { id: 'D-DB', amount: 7_000_000_000, valueDate: '2022-09-15', voucher: 'UNC-DB' },
        tokens['db-finance'],
      );
      await ok(
        '/api/v1/allocations/PT-DA1.1-2022/disbursements',
        { id: 'D-LIVE', amount: 1_234_000_000, valueDate: '2022-09-15', voucher: 'UNC-LIVE' },
        tokens['pt-finance-b'],
      );

      await disbursed.getByText('1.234.000.000 đ').waitFor();
      await page.locator('tr[data-payment="D-LIVE"]').waitFor();
      expect(await page.evaluate('window.sameDocument === true')).toBe(true);
      expect(await page.locator('main').textContent()).not.toMatch(/D-DB|7\.000\.000\.000/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'allocation-live.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('lets the province pass funds down and the grantor adjust them, through the allocation page’s forms', async () => {
    const page = await browser!.context.newPage();
    try {
      page.setDefaultTimeout(PAGE_WAIT_MS);
      await page.goto(`${url}/#/allocations/LC-DA1.1-2022`);
      await page.fill('#token', tokens['lc-finance']!);
      await page.click('button[type=submit]');
      const sub = page.locator('form[aria-labelledby="sub-allocate"]');
      await sub.getByLabel('Đơn vị nhận (mã)').fill('PHONG-THO');
      await sub.getByLabel('Số tiền').fill('2.000.000.000');
      await sub.getByLabel('Mã khoản vốn mới (không bắt buộc)').fill('PT-DA1.1-2022-B');
      await sub.getByLabel('Số quyết định').fill('800/QĐ-UBND');
      await sub.getByLabel('Ngày quyết định').fill('2022-07-01');
      await sub.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Lai Châu');
      await sub.getByRole('button', { name: 'Phân bổ' }).dblclick();
      await sub.getByText('Đã phân bổ PT-DA1.1-2022-B: 2.000.000.000 đ.').waitFor();
      const child = await call(url, 'GET', '/api/v1/allocations/PT-DA1.1-2022-B', { token: ADMIN });
      expect(child.body).toMatchObject({ parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', allocated: 2_000_000_000 });
      // The double click recorded one sub-allocation: the parent passed down exactly 71.57 + 2 billion.
      expect((await call(url, 'GET', '/api/v1/allocations/LC-DA1.1-2022', { token: ADMIN })).body.subAllocated).toBe(73_570_000_000);

      await page.goto(`${url}/#/allocations/PT-DA1.1-2022-B`);
      const adjust = page.locator('form[aria-labelledby="adjust-allocation"]');
      await adjust.waitFor();
      // Another allocation opens fresh forms: nothing typed or said on the previous one is carried over.
      expect(await sub.getByLabel('Đơn vị nhận (mã)').inputValue()).toBe('');
      expect(await sub.textContent()).not.toContain('Đã phân bổ');
      await adjust.getByLabel('Số điều chỉnh (đồng)').fill('-500.000.000');
      await adjust.getByLabel('Số quyết định').fill('801/QĐ-UBND');
      await adjust.getByLabel('Ngày quyết định').fill('2022-08-01');
      await adjust.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Lai Châu');
      await adjust.getByLabel('Lý do').fill('điều chuyển vốn');
      await adjust.getByRole('button', { name: 'Điều chỉnh' }).click();
      await adjust.getByText('Đã điều chỉnh PT-DA1.1-2022-B: −500.000.000 đ.').waitFor();
      await page.locator('[data-figure="allocated"]').getByText('1.500.000.000 đ').waitFor();
      expect((await call(url, 'GET', '/api/v1/allocations/PT-DA1.1-2022-B', { token: ADMIN })).body.allocated).toBe(1_500_000_000);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'allocation-adjusted.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
