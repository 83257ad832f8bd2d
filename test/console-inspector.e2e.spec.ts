import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { tamper } from '../libs/ledger/src/integrity/tamper-fixture.spec';
import { compiledConsole, launchChromium, PAGE_WAIT_MS, polled, seriousViolations } from './support/browser';
import { bootBuiltServer } from './support/built-server';
import { compiled } from './support/compiled';
import { freePort } from './support/free-port';
import { call } from './support/server';
import { CENTRAL_DECISION, DECISION_747, LINE } from './support/story';

/**
 * The inspector's console in a real browser (the helpers of test/console.e2e.spec.ts) against the
 * built server: the fund flow drawn as a graph and saved as SVG, a payment's chain, and a checkpoint
 * signed with the `ledger` command line verified in the browser, before and after the log file is
 * edited behind the server's back. Screenshots go to CONSOLE_SCREENSHOTS, else a temporary folder.
 */
const ROOT = resolve(__dirname, '..');
compiled('dist/apps/api/src/main.js');
compiled('dist/apps/cli/src/main.js');
compiledConsole(ROOT);
const ADMIN = 'console-inspector-admin';
const run = promisify(execFile);

describe('console: an inspector traces the money and checks the log in the browser (needs `npm run build` and /usr/bin/chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-console-inspector-'));
  const dbFile = join(dir, 'ledger.db');
  const keys = join(dir, 'keys');
  const checkpointFile = join(dir, 'checkpoint.json');
  const shots = process.env.CONSOLE_SCREENSHOTS ? resolve(ROOT, process.env.CONSOLE_SCREENSHOTS) : join(dir, 'screenshots');
  let url = '';
  let port = 0;
  let server: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const tokens: Record<string, string> = {};
  const pages = new Set<Page>();

  const api = (method: string, path: string, token: string, body?: unknown) => call(url, method, path, { token, body });
  const ok = async (path: string, body: unknown, token = ADMIN) => {
    const r = await api('POST', path, token, body);
    if (r.status !== 201) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** `npm run ledger -- …` as the README shows it: the built command line on the server's log file. */
  const ledger = (...args: string[]) =>
    run(process.execPath, ['scripts/run-built.mjs', 'dist/apps/cli/src/main.js', ...args], { cwd: ROOT, env: { ...process.env, LEDGER_DB: dbFile } });

  async function stopServer() {
    const s = server;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    await new Promise<void>((done) => {
      s.once('exit', () => done());
      s.kill('SIGTERM');
    });
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await bootBuiltServer(dbFile, port, ADMIN);
    for (const u of [
      { code: 'VN', name: 'Trung ương', level: 'central' },
      { code: 'LAI-CHAU', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' },
      { code: 'PHONG-THO', name: 'Huyện Phong Thổ', level: 'district', parent: 'LAI-CHAU' },
    ])
      await ok('/api/v1/units', u);
    for (const [id, role, units] of [
      ['lc-finance', 'finance_officer', ['LAI-CHAU']],
      ['pt-finance', 'finance_officer', ['PHONG-THO']],
      ['inspector', 'inspector', []],
      ['pt-supervisor', 'supervisor', ['PHONG-THO']],
    ] as const)
      tokens[id] = (await ok('/api/v1/users', { id, name: id, role, units })).token;
    await ok('/api/v1/allocations', { id: 'LC-DA1.1-2022', unit: 'LAI-CHAU', ...LINE, amount: 300_000_000_000, decision: CENTRAL_DECISION });
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
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.allSettled([...pages].map((p) => p.close()));
    pages.clear();
  });

  afterAll(async () => {
    const closed = await Promise.allSettled([browser?.close(), stopServer()]);
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

  it('draws the tree below an allocation as a graph, keeps the list, and saves the graph as an SVG file', async () => {
    const page = await open(tokens.inspector!, '#/trace/LC-DA1.1-2022');
    const graph = page.locator('svg[role=img]');
    await graph.locator('g[data-box="D3 ✕"]').waitFor();
    // Two allocations, three payments and the reversal of D3, each a box.
    await polled(() => graph.locator('g[data-box]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-box')))).toEqual([
      'LC-DA1.1-2022',
      'PT-DA1.1-2022',
      'D1',
      'D2',
      'D3',
      'D3 ✕',
    ]);
    await polled(() => graph.locator('g[data-box="PT-DA1.1-2022"]').textContent()).toContain('747/QĐ-UBND ngày 30/6/2022');
    await polled(() => graph.locator('g[data-box="PT-DA1.1-2022"]').textContent()).toContain('Đã giải ngân: 27.673.000.000 đ');
    await polled(() => graph.locator('g[data-box="PT-DA1.1-2022"]').textContent()).toContain('✓ Khớp số liệu');
    await polled(() => graph.locator('g[data-box="LC-DA1.1-2022"]').textContent()).toContain('Giải ngân cả cấp dưới: 27.673.000.000 đ');
    await polled(() => graph.locator('g[data-box="D3 ✕"]').textContent()).toContain('Đã hủy: voucher UNC-002 posted twice');
    expect(await graph.locator('g[data-alarm]').count()).toBe(0);
    // The same tree as a list, for screen readers and for copying.
    await polled(() => page.locator('.leaf').count()).toBe(3);
    await polled(() => page.locator('[data-node="PT-DA1.1-2022"]').textContent()).toContain('747/QĐ-UBND ngày 30/6/2022 của UBND tỉnh Lai Châu');
    await check(page, 'trace-graph');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải sơ đồ (SVG)' }).click()]);
    expect(download.suggestedFilename()).toBe('trace-LC-DA1.1-2022.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const id of ['LC-DA1.1-2022', 'PT-DA1.1-2022', 'D1', 'D2', 'D3']) expect(svg).toContain(`data-box="${id}"`);
    expect(svg).toContain('>PT-DA1.1-2022</text>');
    expect(svg).toContain('27.673.000.000 đ');
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
  });

  it('follows a payment up to the top-level decision', async () => {
    const page = await open(tokens.inspector!, '#/trace/LC-DA1.1-2022');
    await page.locator('.leaf[data-payment="D2"] a').click();
    await page.getByRole('heading', { name: 'Truy vết khoản giải ngân D2 lên quyết định gốc' }).waitFor();
    const graph = page.locator('svg[role=img]');
    await graph.locator('g[data-box="D2"]').waitFor();
    expect(await graph.locator('g[data-box]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-box')))).toEqual(['LC-DA1.1-2022', 'PT-DA1.1-2022', 'D2']);
    await polled(() => graph.locator('g[data-box="LC-DA1.1-2022"]').textContent()).toContain('1234/QĐ-TTg ngày 1/6/2022');
    await polled(() => graph.locator('g[data-box="PT-DA1.1-2022"]').textContent()).toContain('Còn lại: 43.897.000.000 đ');
    // Each balance as it stood just after D2: D1 and D2 disbursed, D3 not yet recorded.
    await polled(() => page.locator('[data-node="PT-DA1.1-2022"]').textContent()).toContain('27.673.000.000 đ');
    await polled(() => page.locator('[data-node="PT-DA1.1-2022"]').textContent()).toContain('43.897.000.000 đ');
    await polled(() => page.locator('.leaf[data-payment="D2"]').textContent()).toContain('UNC-002 · 20/10/2022 · 15.673.000.000 đ');
    await check(page, 'payment-trace');
  });

  let checkpointPosition = 0;
  let headPosition = 0;

  it('verifies a checkpoint signed with the command line, in the browser: intact up to the head', async () => {
    await ledger('checkpoint', 'keygen', '--out', keys);
    const signed = await ledger('checkpoint', 'sign', '--key', join(keys, 'private.pem'), '--out', checkpointFile);
    expect(signed.stdout).toMatch(/^signed checkpoint at position \d+/);
    checkpointPosition = JSON.parse(readFileSync(checkpointFile, 'utf8')).position;
    // The log goes on after the checkpoint.
    await ok(
      '/api/v1/allocations/PT-DA1.1-2022/disbursements',
      { id: 'D4', amount: 1_000_000_000, valueDate: '2022-11-30', voucher: 'UNC-004' },
      tokens['pt-finance'],
    );
    headPosition = (await api('GET', '/api/v1/integrity', ADMIN)).body.position;
    expect(headPosition).toBeGreaterThan(checkpointPosition);

    const page = await open(tokens.inspector!, '#/integrity');
    await polled(() => page.locator('[data-head-position]').textContent()).toBe(String(headPosition));
    await page.setInputFiles('#checkpoint-file', checkpointFile);
    await page.setInputFiles('#public-key-file', join(keys, 'public.pem'));
    await page.getByRole('button', { name: 'Kiểm tra trong trình duyệt' }).click();
    const outcome = page.locator('[data-outcome="intact"]');
    await polled(() => outcome.locator('strong').textContent()).toBe(`Nguyên vẹn đến vị trí ${headPosition}`);
    await polled(() => outcome.textContent()).toContain(
      `${headPosition} bản ghi được tính lại trong trình duyệt; điểm kiểm soát tại vị trí ${checkpointPosition}`,
    );
    await check(page, 'integrity');

    // A key that did not sign it: refused before anything is fetched.
    const other = join(dir, 'other-keys');
    await ledger('checkpoint', 'keygen', '--out', other);
    await page.setInputFiles('#public-key-file', join(other, 'public.pem'));
    await page.getByRole('button', { name: 'Kiểm tra trong trình duyệt' }).click();
    await polled(() => page.locator('[data-outcome="refused"]').textContent()).toBe('Điểm kiểm soát được ký bằng một khóa khác với khóa công khai bạn đưa.');
  });

  it('shows no check to a supervisor, whom the server refuses the records', async () => {
    const page = await open(tokens['pt-supervisor']!, '#/integrity');
    await polled(() => page.locator('[data-head-position]').textContent()).toBe(String(headPosition));
    expect(await page.locator('#checkpoint-file').count()).toBe(0);
    expect((await api('GET', '/api/v1/integrity/events', tokens['pt-supervisor']!)).status).toBe(403);
  });

  it('after the log file was edited behind the server, the browser names the broken position', async () => {
    // As the tamper suites do: the server stopped, an amount changed in the SQLite file, the server started again.
    await stopServer();
    let edited = 0;
    const db = new Database(dbFile, { readonly: true });
    try {
      edited = db
        .prepare<[], { position: number }>("SELECT position FROM events WHERE type = 'DisbursementRecorded' AND json_extract(data, '$.disbursementId') = 'D2'")
        .get()!.position;
    } finally {
      db.close();
    }
    expect(edited).toBeGreaterThan(0);
    expect(edited).toBeLessThan(checkpointPosition);
    tamper(dbFile, (d) => d.prepare("UPDATE events SET data = json_set(data, '$.amount', 1000) WHERE position = ?").run(edited));
    server = await bootBuiltServer(dbFile, port, ADMIN, {}, 'answering');
    // The server finds it too (README: it walks the chain when it starts and answers meanwhile); reads go on.
    await polled(async () => (await fetch(`${url}/health`)).status).toBe(503);
    expect(((await (await fetch(`${url}/health`)).json()) as { integrity: string }).integrity).toBe(`broken at ${edited}`);

    const page = await open(tokens.inspector!, '#/integrity');
    await page.setInputFiles('#checkpoint-file', checkpointFile);
    await page.setInputFiles('#public-key-file', join(keys, 'public.pem'));
    await page.getByRole('button', { name: 'Kiểm tra trong trình duyệt' }).click();
    const outcome = page.locator('[data-outcome="broken"]');
    await polled(() => outcome.locator('strong').textContent()).toBe(`Chuỗi băm bị phá vỡ tại vị trí ${edited}`);
    await polled(() => outcome.locator('.break-reason').textContent()).toMatch(
      /^mã băm lưu [0-9a-f]{64} khác mã băm tính lại [0-9a-f]{64}: bản ghi .+ của luồng “.+” đã bị sửa\.$/,
    );
    await polled(() => outcome.textContent()).toContain(`Nguyên vẹn đến vị trí ${edited - 1}.`);
    await check(page, 'integrity-broken');
    await page.getByRole('button', { name: 'English' }).click();
    await polled(() => outcome.locator('strong').textContent()).toBe(`The hash chain is broken at position ${edited}`);
  });
});
