import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compiledConsole, launchChromium, PAGE_WAIT_MS, polled, seriousViolations } from './support/browser';
import { bootBuiltServer } from './support/built-server';
import { compiled } from './support/compiled';
import { freePort } from './support/free-port';
import { call } from './support/server';

/**
 * The households screens of the console in a real browser, against the built server on a
 * temporary ledger: a commune's social officer registers and assesses a household, imports review
 * files (a good one, then one with bad rows), and filters the list; a district supervisor reads the
 * statistics. Screenshots go to CONSOLE_SCREENSHOTS (as in console.e2e.spec.ts), else to a temporary folder.
 */
const ROOT = resolve(__dirname, '..');
compiled('dist/apps/api/src/main.js');
compiledConsole(ROOT);
const ADMIN = 'console-households-admin';
const HEADER = 'household,unit,area,members,reviewYear,reviewType,incomePerCapita,deprivations,headName';

/** 60 households of Ma Li Pho reviewed in 2022: every fourth one poor, the rest above the poverty line. */
const SEEDED = Array.from({ length: 60 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  const poor = i % 4 === 0;
  return `MLP-${n},MA-LI-PHO,rural,4,2022,periodic,${poor ? 1_200_000 : 2_000_000},${poor ? 'nutrition;latrine;telecom' : 'latrine'},Hộ ${n}`;
});

describe('console: households in a real browser (needs `npm run build` and /usr/bin/chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-console-households-'));
  const shots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : join(dir, 'screenshots');
  let url = '';
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const tokens: Record<string, string> = {};

  const api = (method: string, path: string, token: string, options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}) =>
    call(url, method, path, { token, ...options });
  const ok = async (path: string, body: unknown, token = ADMIN) => {
    const r = await api('POST', path, token, { body });
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const head = async () => ((await api('GET', '/api/v1/integrity', ADMIN)).body as { position: number }).position;

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
      { code: 'DAO-SAN', name: 'Xã Dào San', level: 'commune', parent: 'PHONG-THO' },
    ])
      await ok('/api/v1/units', u);
    for (const [id, role, units] of [
      ['mlp-social', 'social_officer', ['MA-LI-PHO']],
      ['pt-supervisor', 'supervisor', ['PHONG-THO']],
    ] as const)
      tokens[id] = (await ok('/api/v1/users', { id, name: id, role, units })).token;
    const seeded = await api('POST', '/api/v1/imports/households', tokens['mlp-social']!, {
      raw: [HEADER, ...SEEDED].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    if (seeded.status !== 201) throw new Error(`seed import → ${seeded.status} ${JSON.stringify(seeded.body)}`);
    browser = await launchChromium();
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

  async function open(token: string, hash: string): Promise<Page> {
    const page = await browser!.context.newPage();
    pages.add(page);
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await page.goto(`${url}/${hash}`);
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.locator('header nav').waitFor();
    return page;
  }

  async function check(page: Page, name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  it('lets a social officer register a household, assess it twice and see its class, rule and reclassification', async () => {
    const page = await open(tokens['mlp-social']!, '#/households/new');
    await page.getByRole('heading', { name: 'Đăng ký hộ gia đình', level: 1 }).waitFor();
    await polled(() => page.inputValue('#reg-unit')).toBe('MA-LI-PHO');
    await check(page, 'households-register');

    // A unit outside the officer's commune is one that does not exist for them: the server's refusal, in Vietnamese, under the unit.
    await page.fill('#reg-id', 'MLP-NEW');
    await page.fill('#reg-unit', 'DAO-SAN');
    await page.fill('#reg-members', '5');
    await page.fill('#reg-headName', 'Lò Văn Pao');
    await page.click('form[aria-labelledby="register"] button[type=submit]');
    await polled(() => page.locator('#reg-unit-error').textContent()).toBe('Không có Đơn vị “DAO-SAN”.');
    await polled(() => page.getAttribute('#reg-unit', 'aria-invalid')).toBe('true');
    // A taken id, under the id.
    await page.fill('#reg-unit', 'MA-LI-PHO');
    await page.fill('#reg-id', 'MLP-001');
    await page.click('form[aria-labelledby="register"] button[type=submit]');
    await polled(() => page.locator('#reg-id-error').textContent()).toBe('Mã “MLP-001” đã được dùng.');
    expect(await page.locator('#reg-unit-error').count()).toBe(0);

    await page.fill('#reg-id', 'MLP-NEW');
    await page.dblclick('form[aria-labelledby="register"] button[type=submit]');
    await polled(() => page.locator('form[aria-labelledby="register"] .success').textContent()).toBe('Đã đăng ký hộ MLP-NEW.');
    await page.getByRole('link', { name: 'Mở trang của hộ MLP-NEW' }).click();
    await page.getByRole('heading', { name: 'Hộ MLP-NEW', level: 1 }).waitFor();
    await polled(() => page.locator('[data-current-class]').textContent()).toBe('Chưa rà soát');

    // A refusal the console makes itself, before sending: an income that is not whole đồng.
    await page.fill('#assess-reviewYear', '2022');
    await page.fill('#assess-incomePerCapita', '1,5 triệu');
    await page.click('form[aria-labelledby="assess"] button[type=submit]');
    await polled(() => page.locator('#assess-incomePerCapita-error').textContent()).toBe('Thu nhập bình quân không hợp lệ.');
    // The 12 indicators of Decree 07/2021 for 2022; three ticked make a household under the line poor.
    await polled(() => page.locator('form[aria-labelledby="assess"] input[name=deprivations]').count()).toBe(12);
    await page.fill('#assess-incomePerCapita', '1.400.000');
    for (const name of ['Dinh dưỡng', 'Nhà tiêu hợp vệ sinh', 'Sử dụng dịch vụ viễn thông']) await page.getByLabel(name, { exact: true }).check();
    await page.dblclick('form[aria-labelledby="assess"] button[type=submit]');
    await polled(() => page.locator('form[aria-labelledby="assess"] .success').textContent()).toBe(
      'Đã ghi nhận: hộ được xếp loại “Hộ nghèo” theo Chuẩn nghèo đa chiều 2022–2025 (Nghị định 07/2021/NĐ-CP).',
    );
    await polled(() => page.locator('[data-current-class]').textContent()).toMatch(/^Hộ nghèo \(Năm rà soát 2022;/);
    await polled(() => page.locator('table.assessments tbody tr').count()).toBe(1);
    // The double click recorded one assessment.
    expect(((await api('GET', '/api/v1/households/MLP-NEW', ADMIN)).body as { assessments: unknown[] }).assessments).toHaveLength(1);

    // The next year's review: one deprivation left, near-poor; the change of class is listed.
    await page.fill('#assess-reviewYear', '2023');
    await page.fill('#assess-incomePerCapita', '1.400.000');
    await page.getByLabel('Nhà tiêu hợp vệ sinh', { exact: true }).check();
    await page.click('form[aria-labelledby="assess"] button[type=submit]');
    await polled(() => page.locator('form[aria-labelledby="assess"] .success').textContent()).toBe(
      'Đã ghi nhận: hộ được xếp loại “Hộ cận nghèo” theo Chuẩn nghèo đa chiều 2022–2025 (Nghị định 07/2021/NĐ-CP). Trước đó: “Hộ nghèo”.',
    );
    await polled(() => page.locator('[data-current-class]').textContent()).toMatch(/^Hộ cận nghèo \(Năm rà soát 2023;/);
    const latest = page.locator('table.assessments tbody tr').first();
    await polled(() => latest.locator('td.rule').textContent()).toBe(
      'income 1,400,000 ≤ poverty line 1,500,000 and 1 of 12 indicators deprived (< 3) (07/2021/NĐ-CP, rural)',
    );
    await polled(() => latest.textContent()).toContain('1/12 chỉ số');
    // The standard's lines for the household's area, as GET /poverty-standards gives them, in the user's language.
    await polled(() => latest.locator('.standard-lines').textContent()).toBe(
      'Khu vực nông thôn: chuẩn nghèo 1.500.000 đ, mức sống trung bình đến 2.250.000 đ (mỗi người mỗi tháng); ngưỡng thiếu hụt 3/12 chỉ số.',
    );
    const change = page.locator('table.reclassifications tbody tr');
    await polled(() => change.count()).toBe(1);
    await polled(() => change.locator('th, td').allTextContents()).toEqual([
      '2023',
      'Hộ nghèo',
      'Hộ cận nghèo',
      'Chuẩn nghèo đa chiều 2022–2025 (Nghị định 07/2021/NĐ-CP)',
      expect.stringMatching(/^\d\d:\d\d:\d\d \d{1,2}\/\d{1,2}\/\d{4}$/),
    ]);
    await check(page, 'household');

    // The 2021 review is under the 10 indicators of Decision 59/2015.
    await page.fill('#assess-reviewYear', '2021');
    await polled(() => page.locator('form[aria-labelledby="assess"] input[name=deprivations]').count()).toBe(10);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Household MLP-NEW', level: 1 }).waitFor();
    await polled(() => page.locator('[data-current-class]').textContent()).toMatch(/^Near-poor \(Review year 2023;/);
  });

  it('imports a valid review file with upload progress and shows the summary', async () => {
    const page = await open(tokens['mlp-social']!, '#/households/import');
    await page.getByRole('heading', { name: 'Nhập tệp rà soát hộ gia đình', level: 1 }).waitFor();
    await check(page, 'households-import');
    // Without a file: the refusal under the file field, nothing sent.
    await page.click('form[aria-labelledby="import-form"] button[type=submit]');
    await polled(() => page.locator('#import-file-error').textContent()).toBe('Hãy chọn một tệp.');
    const before = await head();
    const rows = [
      {
        household: 'DS-1',
        unit: 'MA-LI-PHO',
        area: 'rural',
        members: 3,
        reviewYear: 2023,
        reviewType: 'periodic',
        incomePerCapita: 1_000_000,
        deprivations: ['employment', 'latrine', 'telecom'],
      },
      {
        household: 'DS-2',
        unit: 'MA-LI-PHO',
        area: 'rural',
        members: 2,
        reviewYear: 2023,
        reviewType: 'periodic',
        incomePerCapita: 3_000_000,
        deprivations: [],
      },
      {
        household: 'MLP-001',
        unit: 'MA-LI-PHO',
        area: 'rural',
        members: 4,
        reviewYear: 2023,
        reviewType: 'periodic',
        incomePerCapita: 2_100_000,
        deprivations: [],
      },
    ];
    await page.setInputFiles('#import-file', {
      name: 'ma-li-pho-2023.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')),
    });
    await polled(() => page.inputValue('#import-format')).toBe('application/x-ndjson');
    // The progress bar may come and go faster than a poll on a local server: the page itself notes that it was shown.
    await page.evaluate(
      "window.sawProgress = false; new MutationObserver(() => { if (document.querySelector('progress#import-progress')) window.sawProgress = true; }).observe(document.body, { subtree: true, childList: true })",
    );
    await page.click('form[aria-labelledby="import-form"] button[type=submit]');
    await page.getByRole('heading', { name: 'Đã nhập tệp ma-li-pho-2023.ndjson.' }).waitFor();
    const figure = (k: string) => page.locator(`[data-summary="${k}"] dd`).textContent();
    await polled(() => figure('rows')).toBe('3');
    await polled(() => figure('registered')).toBe('2');
    await polled(() => figure('assessed')).toBe('3');
    // MLP-001 was poor in 2022 and is of average living standard in 2023.
    await polled(() => figure('reclassified')).toBe('1');
    await polled(() => page.locator('[data-summary-class="poor"] dd').textContent()).toBe('1');
    await polled(() => page.locator('[data-summary-class="average"] dd').textContent()).toBe('1');
    await polled(() => page.locator('[data-summary-class="not_poor"] dd').textContent()).toBe('1');
    expect(await head()).toBeGreaterThan(before);
    expect(await page.evaluate('window.sawProgress')).toBe(true);
    expect(await page.locator('progress').count()).toBe(0);
    await check(page, 'households-import-summary');
  });

  it('refuses a review file with bad rows, lists each (row, field, message) and offers them as CSV', async () => {
    const page = await open(tokens['mlp-social']!, '#/households/import');
    const before = await head();
    const csv = [
      HEADER,
      'BAD-1,PHONG-THO,rural,3,2023,periodic,900000,,Hộ một',
      'BAD-2,MA-LI-PHO,rural,0,2023,periodic,900000,,Hộ hai',
      'BAD-3,MA-LI-PHO,rural,2,2023,periodic,900000,"employment;=HYPERLINK(""x"")",Hộ ba',
      'OK-4,MA-LI-PHO,rural,2,2023,periodic,900000,latrine,Hộ bốn',
    ].join('\n');
    await page.setInputFiles('#import-file', { name: 'ma-li-pho-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await polled(() => page.inputValue('#import-format')).toBe('text/csv');
    await page.click('form[aria-labelledby="import-form"] button[type=submit]');
    await page.getByRole('heading', { name: 'Các dòng lỗi' }).waitFor();
    await polled(() => page.locator('section.bad-rows .error').textContent()).toBe(
      'Tệp bị từ chối: 3 dòng lỗi. Không có gì được ghi nhận; hãy sửa tệp rồi nhập lại.',
    );
    const rows = page.locator('table.bad-rows-table tbody tr');
    await polled(() => rows.count()).toBe(3);
    await polled(() => rows.locator('td:first-child').allTextContents()).toEqual(['2', '3', '4']);
    await polled(() => rows.nth(0).locator('td').nth(1).textContent()).toBe('Đơn vị unit');
    await polled(() => rows.nth(1).locator('td').nth(1).textContent()).toBe('Số nhân khẩu members');
    await polled(() => rows.nth(2).locator('td').nth(1).textContent()).toBe('Các chỉ số thiếu hụt deprivations[1]');
    await polled(() => rows.nth(1).locator('td').nth(2).textContent()).toMatch(/members/);
    expect(await head()).toBe(before);
    await check(page, 'households-import-bad-rows');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải danh sách dòng lỗi (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('ma-li-pho-loi.errors.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Dòng,Trường,Lỗi');
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2,unit', '3,members', '4,deprivations[1]']);
    expect(lines).toHaveLength(5); // the header, three rows and the final line break
  });

  it('filters the households of a commune by class, year, deprivation and name, one page at a time', async () => {
    const page = await open(tokens['mlp-social']!, '#/households?unit=MA-LI-PHO');
    const table = page.locator('table.households tbody tr');
    // 60 seeded + MLP-NEW + DS-1 + DS-2 (the refused file recorded nothing): 50 on the first page.
    await polled(() => table.count()).toBe(50);
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 1: hộ thứ 1–50');
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 2: hộ thứ 51–63');
    await polled(() => table.count()).toBe(13);
    await page.getByRole('button', { name: 'Trang trước' }).click();
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 1: hộ thứ 1–50');
    // The browser's own buttons too: the page and its cursor are in the URL.
    await page.goBack();
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 2: hộ thứ 51–63');
    expect(page.url()).toContain('page=2');
    await page.goForward();
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 1: hộ thứ 1–50');

    await page.selectOption('select[name=classification]', 'poor');
    await page.click('form[aria-labelledby="household-filters"] button[type=submit]');
    // MLP-001 moved out of poverty in 2023; DS-1 is poor. Of the seeded: MLP-005, -009, …, -057 (14).
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 1: hộ thứ 1–15');
    await polled(() => table.locator('td[data-class]').allTextContents()).toEqual(Array(15).fill('Hộ nghèo'));
    expect(page.url()).toContain('classification=poor');
    await check(page, 'households-list');

    // That year's class: 2022 counts MLP-001 among the poor, and leaves out those not reviewed in 2022.
    await page.fill('input[name=reviewYear]', '2022');
    await page.click('form[aria-labelledby="household-filters"] button[type=submit]');
    await polled(() => page.locator('#households-page').textContent()).toBe('Trang 1: hộ thứ 1–16');
    await page.fill('input[name=reviewYear]', '');
    await page.selectOption('select[name=classification]', '');
    await page.selectOption('select[name=deprivation]', 'employment');
    await page.click('form[aria-labelledby="household-filters"] button[type=submit]');
    await polled(() => table.locator('th a').allTextContents()).toEqual(['DS-1']);
    await page.selectOption('select[name=deprivation]', '');
    await page.fill('input[name=q]', 'lo van');
    await page.click('form[aria-labelledby="household-filters"] button[type=submit]');
    await polled(() => table.locator('th a').allTextContents()).toEqual(['MLP-NEW']);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, 'households-list-phone.png'), fullPage: true });
    await table.getByRole('link', { name: 'MLP-NEW' }).click();
    await page.getByRole('heading', { name: 'Hộ MLP-NEW', level: 1 }).waitFor();
  });

  it('shows a supervisor the statistics with every indicator of the standard as a bar, and no forms', async () => {
    const page = await open(tokens['pt-supervisor']!, '#/households/stats?unit=PHONG-THO&reviewYear=2022');
    await page.locator('main tfoot').getByText('Huyện Phong Thổ (PHONG-THO)').waitFor();
    // 61 households reviewed in 2022: the 60 seeded (15 poor) and MLP-NEW (poor).
    await polled(() => page.locator('[data-class="poor"]').textContent()).toBe('Hộ nghèo: 16 (26,23 %)');
    await polled(() => page.locator('[data-indicator]').count()).toBe(12);
    await polled(() => page.locator('[data-indicator="employment"]').textContent()).toBe('Việc làm: 0 hộ (0,00 % tổng số hộ)');
    await polled(() => page.locator('[data-indicator="latrine"]').textContent()).toBe('Nhà tiêu hợp vệ sinh: 61 hộ (100,00 % tổng số hộ)');
    await check(page, 'households-stats');
    // What a supervisor may not do is not offered; the page itself says so if opened by its address.
    expect(await page.getByRole('link', { name: 'Nhập tệp rà soát' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Đăng ký hộ mới' }).count()).toBe(0);
    await page.goto(`${url}/#/households/import`);
    await page.getByRole('heading', { name: 'Nhập tệp rà soát hộ gia đình', level: 1 }).waitFor();
    await page.locator('main .notice').waitFor();
    expect(await page.locator('main form').count()).toBe(0);
  });
});
