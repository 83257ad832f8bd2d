import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { fmt, percentile, tempDir, type Row } from '../lib';

type Reply = { status: number; body: unknown };

function request(agent: http.Agent, port: number, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function must(r: Promise<Reply>, what: string): Promise<Reply> {
  const reply = await r;
  if (reply.status >= 300) throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

async function waitForServer(port: number, child: ChildProcess): Promise<void> {
  const agent = new http.Agent();
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      await request(agent, port, 'none', 'GET', '/health');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('the API did not start within 30 s');
}

/**
 * (e) The real server (dist/apps/api/src/main.js) in a child process, fsync on (the store's
 * WAL + synchronous=FULL), driven by 64 keep-alive clients recording disbursements against 1,000
 * allocations created through the API.
 */
export async function httpScenario(commands: number, clients = 64, allocations = 1000): Promise<Row[]> {
  const tmp = tempDir('http');
  const port = 41_000 + Math.floor(Math.random() * 10_000);
  const admin = randomBytes(24).toString('base64url');
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : []), join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, PORT: String(port), LEDGER_DB: join(tmp.dir, 'ledger.db'), LEDGER_ADMIN_TOKEN: admin, LEDGER_LOG: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer(port, server);
    const setup = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const post = (path: string, body: unknown, token = admin) => must(request(setup, port, token, 'POST', path, body), `POST ${path}`);
    await post('/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    await post('/api/v1/units', { code: 'P-LC', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' });
    await post('/api/v1/units', { code: 'D-PT', name: 'Huyện Phong Thổ', level: 'district', parent: 'P-LC' });
    const communes = Array.from({ length: 20 }, (_, i) => `C-${String(i + 1).padStart(4, '0')}`);
    for (const c of communes) await post('/api/v1/units', { code: c, name: `Xã ${c}`, level: 'commune', parent: 'D-PT' });
    const officer = (await post('/api/v1/users', { id: 'pt-finance', name: 'Kế toán huyện Phong Thổ', role: 'finance_officer', units: ['D-PT'] })).body as { token: string };
    const ids: string[] = [];
    for (let i = 0; i < allocations; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, allocations - i) }, async (_, k) => {
          const id = `AL-${String(i + k).padStart(5, '0')}`;
          await post('/api/v1/allocations', {
            id,
            unit: communes[(i + k) % communes.length],
            program: 'GNBV-2021-2025',
            project: 'DA3',
            subProject: 'DA3.1',
            fiscalYear: 2025,
            capitalType: 'recurrent',
            source: 'central',
            amount: 500_000_000_000,
            decision: { number: '747/QĐ-UBND', date: '2025-06-30', issuer: 'UBND tỉnh Lai Châu' },
          });
          ids.push(id);
        }),
      );
    }
    setup.destroy();

    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    let next = 0;
    const latencies: number[] = [];
    let failures = 0;
    let firstFailure: unknown = null;
    const run = async (total: number, record: boolean) => {
      let issued = 0;
      const client = async () => {
        while (issued < total) {
          const n = next++;
          issued++;
          const t = performance.now();
          const r = await request(agent, port, officer.token, 'POST', `/api/v1/allocations/${ids[n % ids.length]}/disbursements`, {
            amount: 1_250_000,
            valueDate: '2025-12-20',
            voucher: `UNC-${n}/KBNN-PT`,
            payee: `Hộ ông Lò Văn ${n}`,
          });
          if (!record) continue;
          latencies.push(performance.now() - t);
          if (r.status !== 201) {
            failures++;
            firstFailure ??= r.body;
          }
        }
      };
      await Promise.all(Array.from({ length: clients }, client));
    };
    await run(Math.min(2000, commands), false);
    const t0 = performance.now();
    await run(commands, true);
    const ms = performance.now() - t0;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const perSecond = Math.round((latencies.length * 1000) / ms);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        scenario: `(e) HTTP disbursements: ${clients} clients, ${fmt(allocations)} allocations, ${fmt(commands)} commands, fsync on`,
        figure: `${fmt(perSecond)} cmd/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${failures ? `, ${failures} failed` : ''}`,
        target: '≥ 4,000 cmd/s, p99 < 50 ms',
        pass: perSecond >= 4000 && p99 < 50 && failures === 0,
        detail: { commands: latencies.length, ms, perSecond, p50, p90: percentile(latencies, 90), p99, max: latencies[latencies.length - 1], failures, firstFailure },
      },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    tmp.remove();
  }
}
