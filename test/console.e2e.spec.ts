import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compiledConsole, launchChromium, PAGE_WAIT_MS, polled, seriousViolations } from './support/browser';
import { compiled } from './support/compiled';
import { bootBuiltServer } from './support/built-server';
import { freePort } from './support/free-port';
import { DECISION_747, LINE } from './support/story';
import { call } from './support/server';

/**
 * The console in a real browser (Debian's Chromium through playwright-core) against the built
 * server on a temporary ledger: the walkthrough's story seeded through the API, then each role
 * through the console only. Screenshots go to CONSOLE_SCREENSHOTS (the README's are made with
 * CONSOLE_SCREENSHOTS=docs/screenshots), else to a temporary folder.
 */
const ROOT = resolve(__dirname, '..');
// At load: a missing or stale build fails the suite before any test (bootBuiltServer checks again).
compiled('dist/apps/api/src/main.js');
compiledConsole(ROOT);
const ADMIN = 'console-admin';

const boot = (dbFile: string, port: number) => bootBuiltServer(dbFile, port, ADMIN);

describe('console: each role in a real browser (needs `npm run build` and /usr/bin/chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-console-'));
  const shots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : join(dir, 'screenshots');
  let port = 0;
  let url = '';
  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
  });
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const tokens: Record<string, string> = {};
  /** Just after the seeded story and before anything the browser records (an instant in +07:00, to the second). */
  let beforeBrowser = { day: '', time: '' };

  const api = (method: string, path: string, token: string, body?: unknown) => call(url, method, path, { token, body });
  const ok = async (path: string, body: unknown, token = ADMIN) => {
    const r = await api('POST', path, token, body);
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const paymentsOf = async (id: string) =>
    (await api('GET', `/api/v1/allocations/${id}/trace`, ADMIN)).body.tree.disbursements as { id: string; amount: number; reversal: unknown }[];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await boot(join(dir, 'ledger.db'), port);
    for (const u of [
      { code: 'VN', name: 'Trung ương', level: 'central' },
      { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' },
      { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district', parent: 'LAI-CHAU' },
      { code: 'MA-LI-PHO', name: 'Xã Ma Li Pho', level: 'commune', parent: 'PHONG-THO' },
      { code: 'DIEN-BIEN', name: 'Tỉnh Điện Biên', level: 'province', parent: 'VN' },
    ])
      await ok('/api/v1/units', u);
    for (const [id, role, units] of [
      ['lc-finance', 'finance_officer', ['LAI-CHAU']],
      ['pt-finance', 'finance_officer', ['PHONG-THO']],
      ['mlp-social', 'social_officer', ['MA-LI-PHO']],
      ['pt-supervisor', 'supervisor', ['PHONG-THO']],
      ['inspector', 'inspector', []],
      ['db-finance', 'finance_officer', ['DIEN-BIEN']],
    ] as const)
      tokens[id] = (await ok('/api/v1/users', { id, name: id, role, units })).token;
    await ok('/api/v1/allocations', {
      id: 'LC-DA1.1-2022',
      unit: 'LAI-CHAU',
      ...LINE,
      amount: 300_000_000_000,
      decision: { number: '1234/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' },
    });
    await ok('/api/v1/allocations', {
      id: 'DB-DA1.1-2022',
      unit: 'DIEN-BIEN',
      ...LINE,
      amount: 50_000_000_000,
      decision: { number: '99/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' },
    });
    await ok(
      '/api/v1/allocations',
      { id: 'PT-DA1.1-2022', parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', amount: 71_570_000_000, decision: DECISION_747 },
      tokens['lc-finance'],
    );
    const pt = tokens['pt-finance']!;
    await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D1', amount: 12_000_000_000, valueDate: '2022-09-15', voucher: 'UNC-001' }, pt);
    await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D2', amount: 15_673_000_000, valueDate: '2022-10-20', voucher: 'UNC-002' }, pt);
    await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D3', amount: 5_000_000_000, valueDate: '2022-10-21', voucher: 'UNC-002' }, pt);
    await ok('/api/v1/disbursements/D3/reversal', { reason: 'voucher UNC-002 posted twice', valueDate: '2022-10-22' }, pt);
    await ok('/api/v1/households', { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 4 }, tokens['mlp-social']);
    await ok(
      '/api/v1/households/H1/assessments',
      { reviewYear: 2022, reviewType: 'periodic', incomePerCapita: 1_400_000, deprivations: ['nutrition', 'latrine', 'telecom'] },
      tokens['mlp-social'],
    );
    // "As of" is read to the second in the console: the next whole second, once it has passed, separates the seed from what follows.
    const next = Math.ceil((Date.now() + 1) / 1000) * 1000;
    while (Date.now() <= next) await new Promise((r) => setTimeout(r, 50));
    const vn = new Date(next + 7 * 3600_000).toISOString();
    beforeBrowser = { day: vn.slice(0, 10), time: vn.slice(11, 19) };
    browser = await launchChromium();
  });

  // A failed test leaves its page open: close it before the next one starts.
  const pages = new Set<Page>();
  afterEach(async () => {
    await Promise.allSettled([...pages].map((p) => p.close()));
    pages.clear();
  });

  // Whatever failed above, the browser, the server and the folder go; the first failure is reported.
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

  async function newPage(): Promise<Page> {
    const page = await browser!.context.newPage();
    pages.add(page);
    page.setDefaultTimeout(PAGE_WAIT_MS);
    return page;
  }

  async function open(token: string | null, hash = '#/overview?year=2022'): Promise<Page> {
    const page = await newPage();
    await page.goto(`${url}/${hash}`);
    if (token !== null) {
      await page.fill('#token', token);
      await page.click('button[type=submit]');
      await page.locator('header nav').waitFor();
    }
    return page;
  }

  async function check(page: Page, name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  it('serves the console next to the API, with nothing from another origin', async () => {
    const index = await fetch(`${url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await index.text();
    expect(html).not.toMatch(/https?:\/\//);
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${url}/${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    // The API keeps its own answers beside it.
    const unknown = await fetch(`${url}/api/v1/nothing-here`);
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('refuses a wrong token at sign-in, in Vietnamese', async () => {
    const page = await open(null);
    await page.locator('#token').waitFor();
    await polled(() => page.getAttribute('html', 'lang')).toBe('vi');
    await check(page, 'sign-in');
    await page.fill('#token', 'not-a-token');
    await page.click('button[type=submit]');
    await polled(() => page.locator('#token-error').textContent()).toBe('Mã truy cập không đúng hoặc đã bị thu hồi.');
    expect(await page.evaluate("sessionStorage.getItem('ledger.token')")).toBeNull();
    await page.close();
  });

  it('shows a district finance officer the walkthrough’s figures, in đồng and in triệu đồng', async () => {
    const page = await open(tokens['pt-finance']!);
    const total = page.locator('section[aria-labelledby="by-line"] tfoot');
    await total.getByText('38,67 %').waitFor();
    await polled(() => total.textContent()).toContain('71.570.000.000 đ');
    await polled(() => total.textContent()).toContain('27.673.000.000 đ');
    await polled(() => total.textContent()).toContain('43.897.000.000 đ');
    const rows = page.locator('section[aria-labelledby="by-line"] tbody');
    await polled(() => rows.textContent()).toContain('Đầu tư phát triển');
    // The allocations in view, each opening its page.
    await page.locator('section[aria-labelledby="allocations"]').getByRole('link', { name: 'PT-DA1.1-2022' }).waitFor();
    // Another province's money is nowhere on the page.
    await page.locator('section[aria-labelledby="by-unit"] tbody').getByText('Huyện Phong Thổ (PHONG-THO)').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/DIEN-BIEN|Điện Biên|50\.000\.000\.000/);
    expect(await page.evaluate("sessionStorage.getItem('ledger.token')")).toBe(tokens['pt-finance']);
    await check(page, 'overview');
    await page.getByLabel('Hiển thị theo triệu đồng').check();
    await total.getByText('27.673 triệu đồng').waitFor();
    await polled(() => total.textContent()).toContain('71.570 triệu đồng');
    await page.getByLabel('Hiển thị theo triệu đồng').uncheck();
    await page.setViewportSize({ width: 390, height: 844 });
    await total.getByText('71.570.000.000 đ').waitFor();
    await page.screenshot({ path: join(shots, 'overview-phone.png'), fullPage: true });
    await page.close();
  });

  it('records a payment once on a double click, shows refusals next to their field, reverses, and speaks English', async () => {
    const page = await open(tokens['pt-finance']!, '#/allocations/PT-DA1.1-2022');
    const disbursed = page.locator('[data-figure="disbursed"]');
    await disbursed.getByText('27.673.000.000 đ').waitFor();
    await polled(() => page.locator('[data-figure="rate"]').textContent()).toContain('38,67 %');
    await polled(() => page.locator('tr[data-payment="D3"] del').count()).toBe(2);
    await polled(() => page.locator('tr[data-payment="D3"]').textContent()).toContain('Đã hủy: voucher UNC-002 posted twice');
    await check(page, 'allocation');

    // A double click sends the same Idempotency-Key twice at most: one payment.
    await page.fill('#pay-amount', '1.000.000.000');
    await page.fill('#pay-voucher', 'UNC-003');
    await page.dblclick('form[aria-labelledby="record-payment"] button[type=submit]');
    await page.locator('form[aria-labelledby="record-payment"] .success').waitFor();
    await disbursed.getByText('28.673.000.000 đ').waitFor();
    const afterFirst = await paymentsOf('PT-DA1.1-2022');
    expect(afterFirst.filter((p) => p.amount === 1_000_000_000)).toHaveLength(1);
    expect(afterFirst).toHaveLength(4);

    // Overspending: the server's refusal, in Vietnamese, under the amount.
    await page.fill('#pay-amount', '50.000.000.000');
    await page.fill('#pay-voucher', 'UNC-004');
    await page.click('form[aria-labelledby="record-payment"] button[type=submit]');
    await polled(() => page.locator('#pay-amount-error').textContent()).toBe('Không đủ số dư khả dụng: còn 42.897.000.000 đ');
    await polled(() => page.getAttribute('#pay-amount', 'aria-invalid')).toBe('true');
    await page.screenshot({ path: join(shots, 'allocation-refused.png'), fullPage: true });
    // A value date in the future: the field the server names in details.field.
    await page.fill('#pay-amount', '1.000.000');
    await page.fill('#pay-valueDate', '2099-01-01');
    await page.click('form[aria-labelledby="record-payment"] button[type=submit]');
    await page.locator('#pay-valueDate-error').waitFor();
    await polled(() => page.locator('#pay-valueDate-error').textContent()).toMatch(/^Ngày giá trị không hợp lệ\. \(valueDate: 2099-01-01 is in the future/);
    expect(await page.locator('#pay-amount-error').count()).toBe(0);
    expect(await paymentsOf('PT-DA1.1-2022')).toHaveLength(4);

    // Reverse the payment just made.
    const made = afterFirst.find((p) => p.amount === 1_000_000_000)!.id;
    await page.selectOption('#rev-disbursement', made);
    await page.fill('#rev-reason', 'nhập nhầm số chứng từ');
    await page.click('form[aria-labelledby="reverse-payment"] button[type=submit]');
    await page.locator(`tr[data-payment="${made}"] del`).first().waitFor();
    await polled(() => page.locator(`tr[data-payment="${made}"]`).textContent()).toContain('Đã hủy: nhập nhầm số chứng từ');
    await disbursed.getByText('27.673.000.000 đ').waitFor();

    // One switch to English: labels and refusals.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Allocation PT-DA1.1-2022' }).waitFor();
    await polled(() => page.getAttribute('html', 'lang')).toBe('en');
    // What was said in Vietnamese before the switch is said again in English.
    await polled(() => page.locator('form[aria-labelledby="reverse-payment"] .success').textContent()).toBe(`Payment ${made} reversed.`);
    await page.fill('#pay-amount', '50.000.000.000');
    await page.fill('#pay-valueDate', '2022-11-30');
    await page.fill('#pay-voucher', 'UNC-005');
    await page.click('form[aria-labelledby="record-payment"] button[type=submit]');
    await polled(() => page.locator('#pay-amount-error').textContent()).toBe('Not enough available funds: 43.897.000.000 đ left');
    // A payment that stays, for the supervisor's "as of" below.
    await page.fill('#pay-amount', '2000000000');
    await page.click('form[aria-labelledby="record-payment"] button[type=submit]');
    await disbursed.getByText('29.673.000.000 đ').waitFor();
    await check(page, 'allocation-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#token').waitFor();
    await polled(() => page.getByRole('status').textContent()).toBe('You have signed out.');
    expect(await page.evaluate("sessionStorage.getItem('ledger.token')")).toBeNull();
    await page.close();
  });

  it('shows a supervisor the books as of an instant before the console’s payments', async () => {
    const page = await open(tokens['pt-supervisor']!, '#/allocations/PT-DA1.1-2022');
    await page.locator('[data-figure="disbursed"]').getByText('29.673.000.000 đ').waitFor();
    await page.fill('input[name=asOfDate]', beforeBrowser.day);
    await page.fill('input[name=asOfTime]', beforeBrowser.time);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.locator('[data-figure="disbursed"]').getByText('27.673.000.000 đ').waitFor();
    expect(page.url()).toContain(`asOf=${encodeURIComponent(`${beforeBrowser.day}T${beforeBrowser.time}+07:00`)}`);
    await polled(() => page.locator('.banner').textContent()).toMatch(/^Sổ sách như đã ghi nhận đến \d\d:\d\d:\d\d \d{1,2}\/\d{1,2}\/\d{4} \(vị trí \d+\)\.$/);
    await polled(() => page.locator('table.payments tbody tr').count()).toBe(3);
    // A supervisor never writes: the console (knowing the role from GET /me) shows no form.
    expect(await page.locator('form[aria-labelledby="record-payment"], form[aria-labelledby="reverse-payment"]').count()).toBe(0);
    await check(page, 'time-travel');
    // The point follows the user to the overview (which opens on the scope's latest fiscal year).
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByRole('heading', { name: 'Tổng quan năm ngân sách 2022' }).waitFor();
    await page.locator('section[aria-labelledby="by-line"] tfoot').getByText('27.673.000.000 đ').waitFor();
    await page.getByRole('button', { name: 'Về hiện tại' }).click();
    await page.locator('section[aria-labelledby="by-line"] tfoot').getByText('29.673.000.000 đ').waitFor();
    await page.close();
  });

  it('lets an inspector trace the fund flow and read the audit trail', async () => {
    const page = await open(tokens.inspector!, '#/trace/LC-DA1.1-2022');
    await page.getByText(/^Mọi nút đều khớp số liệu/).waitFor();
    const district = page.locator('[data-node="PT-DA1.1-2022"]');
    await polled(() => district.textContent()).toContain('747/QĐ-UBND ngày 30/6/2022 của UBND tỉnh Lai Châu');
    await polled(() => page.locator('.leaf[data-payment="D3"] del').count()).toBe(2);
    // D1, D2, D3 (reversed), the console's 1.000.000.000 (reversed) and 2.000.000.000.
    await polled(() => page.locator('.leaf').count()).toBe(5);
    await polled(() => page.locator('.leaf.reversed').count()).toBe(2);
    await check(page, 'trace');
    await page.goto(`${url}/#/audit?allocation=PT-DA1.1-2022`);
    await page.getByText('DisbursementReversed').first().waitFor();
    await polled(() => page.locator('main table').textContent()).toContain('voucher UNC-002 posted twice');
    await polled(() => page.locator('main table').textContent()).toContain('pt-finance (cán bộ tài chính)');
    await check(page, 'audit');
    await page.goto(`${url}/#/households/stats?unit=PHONG-THO&reviewYear=2022`);
    const totals = page.locator('main tfoot');
    await totals.getByText('100,00 %').waitFor();
    await polled(() => totals.textContent()).toContain('Huyện Phong Thổ (PHONG-THO)');
    // Each indicator by its name in the decree, with its count and share of the households reviewed.
    await polled(() => page.locator('[data-indicator="latrine"]').textContent()).toBe('Nhà tiêu hợp vệ sinh: 1 hộ (100,00 % tổng số hộ)');
    await check(page, 'households');
    await page.close();
  });

  it('never shows another district’s figures to an officer of Điện Biên', async () => {
    const page = await open(tokens['db-finance']!);
    const total = page.locator('section[aria-labelledby="by-line"] tfoot');
    await total.getByText('50.000.000.000 đ').first().waitFor();
    // Every section has answered before the page is searched for what must not be there.
    await page.locator('section[aria-labelledby="allocations"]').getByRole('link', { name: 'DB-DA1.1-2022' }).waitFor();
    await page.locator('section[aria-labelledby="by-unit"] tbody').getByText('Tỉnh Điện Biên (DIEN-BIEN)').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/71\.570|27\.673|PHONG-THO|LAI-CHAU/);
    // Another district's allocation is answered as one that does not exist: nothing says it is there.
    await page.goto(`${url}/#/allocations/PT-DA1.1-2022`);
    await polled(() => page.locator('main .error').textContent()).toBe('Không tìm thấy “PT-DA1.1-2022”.');
    expect(await page.locator('main').textContent()).not.toMatch(/71\.570|27\.673/);
    await page.close();
  });

  it('returns to sign-in with a message when the token stops working', async () => {
    const page = await newPage();
    await page.goto(`${url}/#/overview?year=2022`);
    await page.locator('#token').waitFor();
    await page.evaluate("sessionStorage.setItem('ledger.token', 'revoked-or-expired')");
    await page.reload();
    await page.getByText('Phiên làm việc đã hết hạn hoặc mã truy cập đã bị thu hồi. Vui lòng đăng nhập lại.').waitFor();
    await page.locator('#token').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('ledger.token')")).toBeNull();
    await page.close();
  });
});
