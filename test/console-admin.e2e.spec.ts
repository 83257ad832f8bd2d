import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { compiledConsole, launchChromium, PAGE_WAIT_MS, polled, seriousViolations } from './support/browser';
import { compiled } from './support/compiled';
import { bootBuiltServer } from './support/built-server';
import { freePort } from './support/free-port';
import { DECISION_747, LINE } from './support/story';
import { call } from './support/server';

/**
 * The console's audit trail (with its CSV), "what changed between", the programme report,
 * administration, refresh on focus and the isolation of one district from another, in Debian's
 * Chromium against the built server. Two districts of Lai Châu are seeded: Phong Thổ (the
 * walkthrough's figures) and Sìn Hồ, whose officer must never see Phong Thổ anywhere.
 * Screenshots go to CONSOLE_SCREENSHOTS (docs/screenshots for the README), else a temporary folder.
 */
const ROOT = resolve(__dirname, '..');
compiled('dist/apps/api/src/main.js');
compiledConsole(ROOT);
const ADMIN = 'console-admin-suite';
/** What a Sìn Hồ user must never see: Phong Thổ's names, ids, decision and figures. */
const PHONG_THO = /PHONG-THO|Phong Thổ|PT-DA1\.1|MA-LI-PHO|Ma Li Pho|747\/QĐ|71\.570|27\.673|15\.673|UNC-00/;

describe('console: audit, changes, reports, administration and isolation in a real browser (needs `npm run build` and /usr/bin/chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-console-admin-'));
  const shots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : join(dir, 'screenshots');
  let url = '';
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const tokens: Record<string, string> = {};
  /** The log position just after D1: "what changed" after it holds D2, D3 and D3's reversal (and Sìn Hồ's payment). */
  let afterD1 = 0;

  const api = (method: string, path: string, token: string, body?: unknown) => call(url, method, path, { token, body });
  const ok = async (path: string, body: unknown, token = ADMIN) => {
    const r = await api('POST', path, token, body);
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
      { code: 'MA-LI-PHO', name: 'Xã Ma Li Pho', level: 'commune', parent: 'PHONG-THO' },
      { code: 'SIN-HO', name: 'Huyện Sìn Hồ', level: 'district', parent: 'LAI-CHAU' },
      { code: 'MA-QUAI', name: 'Xã Ma Quai', level: 'commune', parent: 'SIN-HO' },
    ])
      await ok('/api/v1/units', u);
    for (const [id, role, units] of [
      ['lc-finance', 'finance_officer', ['LAI-CHAU']],
      ['pt-finance', 'finance_officer', ['PHONG-THO']],
      ['pt-supervisor', 'supervisor', ['PHONG-THO']],
      ['mlp-social', 'social_officer', ['MA-LI-PHO']],
      ['sh-finance', 'finance_officer', ['SIN-HO']],
      ['mq-social', 'social_officer', ['MA-QUAI']],
    ] as const)
      tokens[id] = (await ok('/api/v1/users', { id, name: id, role, units })).token;
    await ok('/api/v1/households', { id: 'H1', unit: 'MA-LI-PHO', area: 'rural', members: 4 }, tokens['mlp-social']);
    await ok(
      '/api/v1/households/H1/assessments',
      { reviewYear: 2022, reviewType: 'periodic', incomePerCapita: 1_400_000, deprivations: ['nutrition', 'latrine', 'telecom'] },
      tokens['mlp-social'],
    );
    await ok('/api/v1/households', { id: 'SH-H1', unit: 'MA-QUAI', area: 'rural', members: 5 }, tokens['mq-social']);
    await ok(
      '/api/v1/households/SH-H1/assessments',
      { reviewYear: 2022, reviewType: 'periodic', incomePerCapita: 1_200_000, deprivations: ['employment', 'latrine', 'water_source'] },
      tokens['mq-social'],
    );
    await ok('/api/v1/allocations', {
      id: 'LC-DA1.1-2022',
      unit: 'LAI-CHAU',
      ...LINE,
      amount: 300_000_000_000,
      decision: { number: '1234/QĐ-TTg', date: '2022-06-01', issuer: 'Thủ tướng Chính phủ' },
    });
    const lc = tokens['lc-finance']!;
    await ok('/api/v1/allocations', { id: 'PT-DA1.1-2022', parentId: 'LC-DA1.1-2022', unit: 'PHONG-THO', amount: 71_570_000_000, decision: DECISION_747 }, lc);
    await ok(
      '/api/v1/allocations',
      {
        id: 'SH-DA1.1-2022',
        parentId: 'LC-DA1.1-2022',
        unit: 'SIN-HO',
        amount: 40_000_000_000,
        decision: { number: '748/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' },
      },
      lc,
    );
    const pt = tokens['pt-finance']!;
    afterD1 = (
      await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D1', amount: 12_000_000_000, valueDate: '2022-09-15', voucher: 'UNC-001' }, pt)
    ).position;
    await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D2', amount: 15_673_000_000, valueDate: '2022-10-20', voucher: 'UNC-002' }, pt);
    await ok(
      '/api/v1/allocations/SH-DA1.1-2022/disbursements',
      { id: 'S1', amount: 3_210_000_000, valueDate: '2022-10-20', voucher: 'SH-UNC-01' },
      tokens['sh-finance'],
    );
    await ok('/api/v1/allocations/PT-DA1.1-2022/disbursements', { id: 'D3', amount: 5_000_000_000, valueDate: '2022-10-21', voucher: 'UNC-002' }, pt);
    await ok('/api/v1/disbursements/D3/reversal', { reason: 'chứng từ UNC-002 ghi hai lần', valueDate: '2022-10-22' }, pt);
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  });

  const pages = new Set<Page>();
  afterEach(async () => {
    await Promise.allSettled([...pages].map((p) => p.close()));
    pages.clear();
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

  /** A signed-in page; every content-security-policy refusal it logs is collected. */
  async function open(token: string, hash: string): Promise<Page & { cspViolations: string[] }> {
    const page = Object.assign(await browser!.context.newPage(), { cspViolations: [] as string[] });
    pages.add(page);
    page.setDefaultTimeout(PAGE_WAIT_MS);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) page.cspViolations.push(m.text());
    });
    await page.goto(`${url}/${hash}`);
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.locator('header nav').waitFor();
    return page;
  }

  async function check(page: Page, name: string, mask: string[] = []) {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true, mask: mask.map((s) => page.locator(s)) });
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }

  it('filters the audit trail with a form and downloads the filtered trail as CSV that Excel reads as Vietnamese', async () => {
    const page = await open(tokens['pt-supervisor']!, '#/audit');
    await page.getByRole('link', { name: 'Nhật ký kiểm toán' }).waitFor();
    await page.fill('input[name=allocation]', 'PT-DA1.1-2022');
    await page.fill('input[name=actor]', 'pt-finance');
    await page.click('form[aria-labelledby="audit-filters"] button[type=submit]');
    await polled(async () => page.url()).toContain('actor=pt-finance');
    const rows = page.locator('main table tbody tr');
    // D1, D2, D3 and its reversal: what pt-finance recorded on the allocation (not lc-finance's grant).
    await polled(() => rows.count()).toBe(4);
    await polled(() => page.locator('main table').textContent()).toContain('chứng từ UNC-002 ghi hai lần');
    await polled(() => page.locator('main table').textContent()).toContain('Hủy khoản giải ngân');

    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Tải nhật ký đã lọc (CSV)' }).click());
    expect(csv.name).toMatch(/^nhat-ky-kiem-toan-\d{4}-\d{2}-\d{2}\.csv$/);
    // UTF-8 with a byte-order mark, so that Excel shows "Hủy khoản giải ngân" and not mojibake.
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(
      'Vị trí,Thời điểm ghi (UTC),Thời điểm,Người thực hiện,Vai trò,Loại sự kiện,Nội dung,Khoản vốn,Hộ gia đình,Khoản giải ngân,Số tiền,Số quyết định,Ngày quyết định,Cơ quan ban hành,Lý do,Dữ liệu (JSON)',
    );
    expect(lines).toHaveLength(5);
    const d2 = lines.find((l) => l.includes(',DisbursementRecorded,') && l.includes(',D2,'))!;
    expect(d2).toContain('pt-finance,cán bộ tài chính,DisbursementRecorded,Giải ngân,PT-DA1.1-2022,,D2,15673000000,');
    const reversal = lines.find((l) => l.includes(',DisbursementReversed,'))!;
    expect(reversal).toContain(',chứng từ UNC-002 ghi hai lần,');
    expect(lines.every((l, i) => i === 0 || l.startsWith(`${Number(l.split(',')[0])},`))).toBe(true);
    await polled(() => page.getByRole('status').filter({ hasText: 'Đã tải' }).textContent()).toBe('Đã tải 4 mục.');

    // By decision: the grant to Phong Thổ under 747/QĐ-UBND, by the province's officer.
    await page.fill('input[name=actor]', '');
    await page.fill('input[name=decision]', '747/QĐ-UBND');
    await page.click('form[aria-labelledby="audit-filters"] button[type=submit]');
    await polled(() => page.locator('main table').textContent()).toContain('747/QĐ-UBND ngày 30/6/2022 của UBND tỉnh Lai Châu');
    await polled(() => page.locator('main table').textContent()).toContain('lc-finance (cán bộ tài chính)');
    expect(await page.locator('main table').textContent()).not.toContain('DisbursementRecorded');
    await check(page, 'audit-filtered');
  });

  it('shows what changed between two log positions: counts by type, each allocation before and after, and the events', async () => {
    const page = await open(tokens['pt-supervisor']!, '#/overview?year=2022');
    await page.getByRole('link', { name: 'Thay đổi giữa hai thời điểm' }).click();
    await page.getByRole('heading', { name: 'Những gì đã thay đổi giữa hai thời điểm' }).waitFor();
    await page.fill('input[name=fromPosition]', String(afterD1));
    await page.click('form[aria-labelledby="changes-range"] button[type=submit]');
    await polled(async () => page.url()).toContain(`from=${afterD1}`);
    await polled(() => page.locator('[data-type="DisbursementRecorded"]').textContent()).toBe('Giải ngân: 2');
    await polled(() => page.locator('[data-type="DisbursementReversed"]').textContent()).toBe('Hủy khoản giải ngân: 1');
    const moved = page.locator('table.moves tr[data-allocation="PT-DA1.1-2022"]');
    await polled(() => moved.count()).toBe(2);
    await polled(() => moved.first().textContent()).toBe(
      'PT-DA1.1-2022Huyện Phong Thổ (PHONG-THO)Đã giải ngân12.000.000.000 đ27.673.000.000 đ15.673.000.000 đ',
    );
    await polled(() => page.locator('.banner').textContent()).toMatch(new RegExp(`^Sau vị trí ${afterD1} đến hết vị trí \\d+: 3 sự kiện\\.$`));
    // Sìn Hồ's payment, recorded in the range, is outside a Phong Thổ supervisor's scope.
    expect(await page.locator('main').textContent()).not.toMatch(/SIN-HO|Sìn Hồ|SH-DA1|3\.210/);
    await check(page, 'changes');
  });

  it('links the overview to the programme report: the HTML in the page, XLSX and CSV as downloads', async () => {
    const page = await open(tokens['pt-finance']!, '#/overview?year=2022');
    await page.getByRole('link', { name: 'Báo cáo Chương trình năm 2022 của PHONG-THO' }).click();
    await page.getByRole('heading', { name: 'Báo cáo kết quả thực hiện Chương trình' }).waitFor();
    const report = page.frameLocator('iframe.report-frame');
    await report.getByText('giao 71.570 triệu đồng, giải ngân 27.673 triệu đồng, đạt 38,67%', { exact: false }).first().waitFor();
    // The report's own stylesheet applies inside the frame: the console's policy allows it by its hash.
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await frame.evaluate('getComputedStyle(document.body).fontFamily')).toContain('Times New Roman');
    expect(page.cspViolations).toEqual([]);
    await check(page, 'report');

    const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click());
    expect(xlsx.name).toMatch(/^bao-cao-chuong-trinh-PHONG-THO-2022-p\d+\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
    expect(book.SheetNames.length).toBeGreaterThan(3);
    expect(JSON.stringify(book.Sheets)).toContain('747/QĐ-UBND');

    await page.selectOption('#report-table', 'projects');
    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toContain('71570000000');
    await page.selectOption('#report-table', '');
    const zip = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
    expect(zip.name).toMatch(/\.zip$/);
    expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lets an administrator create a unit and a user, and shows the token once', async () => {
    const page = await open(ADMIN, '#/overview');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.locator('table.admin-units tr[data-unit="MA-QUAI"]').waitFor();
    await page.fill('#unit-code', 'MUONG-SO');
    await page.fill('#unit-name', 'Xã Mường So');
    await page.selectOption('#unit-level', 'commune');
    await page.fill('#unit-parent', 'PHONG-THO');
    await page.click('form[aria-labelledby="new-unit"] button[type=submit]');
    await polled(() => page.locator('form[aria-labelledby="new-unit"] .success').textContent()).toBe('Đã tạo đơn vị MUONG-SO.');
    await polled(() => page.locator('table.admin-units tr[data-unit="MUONG-SO"]').textContent()).toBe('MUONG-SOXã Mường SoXãPHONG-THO');
    // A refusal in Vietnamese: the code is taken.
    await page.fill('#unit-code', 'MUONG-SO');
    await page.fill('#unit-name', 'Xã Mường So');
    await page.click('form[aria-labelledby="new-unit"] button[type=submit]');
    await polled(() => page.locator('form[aria-labelledby="new-unit"] .error').textContent()).toContain('MUONG-SO');

    await page.fill('#user-id', 'ms-social');
    await page.fill('#user-name', 'Cán bộ LĐTBXH xã Mường So');
    await page.selectOption('#user-role', 'social_officer');
    await page.fill('#user-units', 'MUONG-SO');
    await page.click('form[aria-labelledby="new-user"] button[type=submit]');
    const token = page.locator('#new-token');
    await polled(() => token.inputValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const issued = await token.inputValue();
    await polled(() => page.locator('.token-once').textContent()).toContain('Mã này chỉ hiện một lần');
    await polled(() => page.locator('table.admin-users tr[data-user="ms-social"]').textContent()).toBe(
      'ms-socialCán bộ LĐTBXH xã Mường Socán bộ lao động – xã hộiMUONG-SOĐang hoạt độngKhông hết hạn',
    );
    // The token works, for that user.
    expect((await api('GET', '/api/v1/me', issued)).body).toMatchObject({ id: 'ms-social', role: 'social_officer', units: ['MUONG-SO'] });
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await polled(() => page.locator('.token-once [role=status]').textContent()).toBe('Đã sao chép.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(issued);
    await check(page, 'admin', ['#new-token']);
    // Once closed, the token is nowhere: not in the page, the URL or the session's storage.
    await page.getByRole('button', { name: 'Đã lưu mã, đóng lại' }).click();
    await polled(() => page.locator('.token-once').count()).toBe(0);
    expect(await page.content()).not.toContain(issued);
    expect(page.url()).not.toContain(issued);
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).not.toContain(issued);
  });

  it('lets an administrator issue a new token (shown once, the old one dead at once), deactivate a user (their open console returns to sign-in) and reactivate them, each with a reason', async () => {
    const first = (await ok('/api/v1/users', { id: 'sh-supervisor', name: 'Tổ giám sát Sìn Hồ', role: 'supervisor', units: ['SIN-HO'] })).token as string;
    const page = await open(ADMIN, '#/admin');
    const form = page.locator('form[aria-labelledby="user-access"]');
    await form.waitFor();
    await polled(() => page.locator('#access-user option[value="sh-supervisor"]').count()).toBe(1);
    await page.selectOption('#access-user', 'sh-supervisor');
    await page.fill('#access-reason', 'máy tính của tổ bị mất');
    await page.getByRole('button', { name: 'Cấp mã mới' }).click();
    const token = page.locator('#new-token');
    await polled(() => token.inputValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await token.inputValue();
    expect(second).not.toBe(first);
    await polled(() => page.locator('#token-once-title').textContent()).toBe('Mã truy cập của sh-supervisor');
    await polled(() => form.locator('.success').textContent()).toBe('Đã cấp mã mới cho sh-supervisor: mã cũ hết hiệu lực ngay.');
    // The old token is dead at once, the new one works.
    expect((await api('GET', '/api/v1/me', first)).status).toBe(401);
    expect((await api('GET', '/api/v1/me', second)).body).toMatchObject({ id: 'sh-supervisor', tokenRotatedAt: expect.any(String) });
    await check(page, 'admin-rotated', ['#new-token']);
    await page.getByRole('button', { name: 'Đã lưu mã, đóng lại' }).click();

    // The supervisor is at work in another tab when the administrator deactivates them.
    const theirs = await open(second, '#/overview');
    await page.selectOption('#access-user', 'sh-supervisor');
    // Without a reason: refused under the field, nothing recorded.
    await page.getByRole('button', { name: 'Khóa người dùng' }).click();
    await polled(() => page.locator('#access-reason-error').textContent()).toContain('Lý do');
    expect((await api('GET', '/api/v1/me', second)).status).toBe(200);
    await page.fill('#access-reason', 'chuyển công tác');
    await page.getByRole('button', { name: 'Khóa người dùng' }).click();
    await polled(() => form.locator('.success').textContent()).toBe('Đã khóa sh-supervisor: mã truy cập của người này không còn dùng được.');
    await polled(() => page.locator('table.admin-users tr[data-user="sh-supervisor"] [data-status]').textContent()).toBe('Đã khóa');
    expect((await api('GET', '/api/v1/me', second)).status).toBe(401);
    await check(page, 'admin-deactivated');

    await theirs.reload();
    await polled(() => theirs.locator('.sign-in .notice').textContent()).toBe(
      'Phiên làm việc đã hết hạn hoặc mã truy cập đã bị thu hồi. Vui lòng đăng nhập lại.',
    );
    await theirs.fill('#token', second);
    await theirs.click('button[type=submit]');
    await polled(() => theirs.locator('#token-error').textContent()).toBe('Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên.');

    await page.selectOption('#access-user', 'sh-supervisor');
    await page.fill('#access-reason', 'trở lại tổ giám sát');
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await polled(() => form.locator('.success').textContent()).toBe('Đã mở khóa sh-supervisor.');
    await polled(() => page.locator('table.admin-users tr[data-user="sh-supervisor"] [data-status]').textContent()).toBe('Đang hoạt động');
    expect((await api('GET', '/api/v1/me', second)).status).toBe(200);
    // Who did each, when and why: in the trail.
    const trail = (await api('GET', '/api/v1/audit?actor=admin&limit=1000', ADMIN)).body.items as {
      type: string;
      data: { id?: string; tokenHash?: string };
      metadata: { reason: string | null };
    }[];
    expect(trail.filter((e) => e.data.id === 'sh-supervisor').map((e) => [e.type, e.metadata.reason])).toEqual([
      ['UserRegistered', null],
      ['UserTokenRotated', 'máy tính của tổ bị mất'],
      ['UserDeactivated', 'chuyển công tác'],
      ['UserReactivated', 'trở lại tổ giám sát'],
    ]);
    expect(trail.find((e) => e.type === 'UserTokenRotated')!.data.tokenHash).toBe('[redacted]');
  });

  it('shows a finance officer no administration, and the API refuses it anyway', async () => {
    const page = await open(tokens['pt-finance']!, '#/overview?year=2022');
    await page.getByRole('link', { name: 'Thay đổi giữa hai thời điểm' }).waitFor();
    expect(await page.locator('header nav').getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto(`${url}/#/admin`);
    await polled(() => page.locator('main .error').textContent()).toBe('Chỉ quản trị viên được dùng trang này.');
    expect(await page.locator('main table, main form').count()).toBe(0);
    expect((await api('GET', '/api/v1/users', tokens['pt-finance']!)).status).toBe(403);
    expect((await api('POST', '/api/v1/units', tokens['pt-finance']!, { code: 'X', name: 'X', level: 'commune', parent: 'PHONG-THO' })).status).toBe(403);
    await check(page, 'admin-refused');
  });

  it('never shows a Sìn Hồ officer anything of Phong Thổ: overview, allocation, trace, audit, households, changes, report', async () => {
    const page = await open(tokens['sh-finance']!, '#/overview?year=2022');
    const main = page.locator('main');
    const total = page.locator('section[aria-labelledby="by-line"] tfoot');
    await total.getByText('40.000.000.000 đ').first().waitFor();
    await page.locator('section[aria-labelledby="allocations"]').getByRole('link', { name: 'SH-DA1.1-2022' }).waitFor();
    await page.locator('section[aria-labelledby="by-unit"] tbody').getByText('Huyện Sìn Hồ (SIN-HO)').waitFor();
    expect(await main.textContent()).not.toMatch(PHONG_THO);

    const notFound = 'Không tìm thấy “PT-DA1.1-2022”.';
    await page.goto(`${url}/#/allocations/PT-DA1.1-2022`);
    await polled(() => main.locator('.error').textContent()).toBe(notFound);
    expect(await main.textContent()).not.toMatch(/71\.570|27\.673|747\/QĐ|UNC-00/);
    await page.goto(`${url}/#/trace/PT-DA1.1-2022`);
    await polled(() => main.locator('.error').textContent()).toBe(notFound);

    // The whole trail in scope: Sìn Hồ's entries only.
    await page.goto(`${url}/#/audit`);
    await main.locator('table').getByText('S1').first().waitFor();
    expect(await main.textContent()).not.toMatch(PHONG_THO);
    await page.goto(`${url}/#/audit?allocation=PT-DA1.1-2022`);
    await polled(() => main.locator('.error').textContent()).toBe('Không có khoản vốn “PT-DA1.1-2022”.');
    expect(await main.locator('table').count()).toBe(0);

    await page.goto(`${url}/#/households?unit=PHONG-THO&reviewYear=2022`);
    await polled(() => main.locator('.error').textContent()).toBe('Không có Đơn vị “PHONG-THO”.');
    expect(await main.locator('table').count()).toBe(0);
    await page.goto(`${url}/#/households/stats?unit=PHONG-THO&reviewYear=2022`);
    await polled(() => main.locator('.error').textContent()).toBe('Không có Đơn vị “PHONG-THO”.');
    expect(await main.locator('table').count()).toBe(0);

    await page.goto(`${url}/#/changes?from=0`);
    await polled(() => page.locator('[data-type="DisbursementRecorded"]').textContent()).toBe('Giải ngân: 1');
    await page.locator('table.moves tr[data-allocation="SH-DA1.1-2022"]').first().waitFor();
    expect(await main.textContent()).not.toMatch(PHONG_THO);
    await page.goto(`${url}/#/changes?from=0&unit=PHONG-THO`);
    await polled(() => main.locator('.error').textContent()).toBe('Không có Đơn vị “PHONG-THO”.');

    await page.goto(`${url}/#/report?unit=PHONG-THO&year=2022`);
    await polled(() => main.locator('.error').textContent()).toBe('Không có Đơn vị “PHONG-THO”.');
    expect(await main.locator('iframe').count()).toBe(0);
    // Its own district's report says nothing of its neighbour either.
    await page.goto(`${url}/#/report?unit=SIN-HO&year=2022`);
    const report = page.frameLocator('iframe.report-frame');
    await report.getByText('giao 40.000 triệu đồng, giải ngân 3.210 triệu đồng, đạt 8,03%', { exact: false }).first().waitFor();
    expect(await report.locator('body').textContent()).not.toMatch(PHONG_THO);
  });

  it('reloads a page’s figures when the window regains focus, so another officer’s payment appears', async () => {
    const page = await open(tokens['sh-finance']!, '#/allocations/SH-DA1.1-2022');
    const disbursed = page.locator('[data-figure="disbursed"]');
    await disbursed.getByText('3.210.000.000 đ').waitFor();
    // Another officer of the district pays, through the API, while this page stays open.
    await ok(
      '/api/v1/allocations/SH-DA1.1-2022/disbursements',
      { id: 'S2', amount: 790_000_000, valueDate: '2022-11-02', voucher: 'SH-UNC-02' },
      tokens['sh-finance'],
    );
    expect(await disbursed.textContent()).toContain('3.210.000.000 đ');
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await disbursed.getByText('4.000.000.000 đ').waitFor();
    await polled(() => page.locator('tr[data-payment="S2"]').count()).toBe(1);
  });
});
