import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fmt, percentile, tempDir, type Row } from '../lib';

type Reply = { status: number; body: unknown };

function request(agent: http.Agent, port: number, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
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

/**
 * CPU time (ms) of each of a process's threads, by thread name, from /proc (Linux): the server's
 * main thread, its two SQLite workers, libuv's pool. What a command costs in CPU does not depend on
 * how busy the rest of a shared machine is, unlike commands per second.
 */
function threadCpu(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = `${tid === String(pid) ? 'main' : name}#${tid}`;
      out[key] = (Number(fields[11]) + Number(fields[12])) * tick;
    }
  } catch {
    // Not Linux, or the process is gone: no breakdown.
  }
  return out;
}

function diffCpu(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  // The main thread by name; the others (two SQLite workers, V8's and libuv's helpers) by thread id, busiest first.
  const out: Record<string, number> = {};
  const rest = Object.entries(after)
    .filter(([key]) => !key.startsWith('main#'))
    .map(([key, v]) => [key, v - (before[key] ?? 0)] as const)
    .sort((a, b) => b[1] - a[1]);
  for (const [key, v] of Object.entries(after)) if (key.startsWith('main#')) out.main = v - (before[key] ?? 0);
  rest.forEach(
    ([key, v], i) => (out[i < 3 ? `thread ${i + 1} (${key.slice(0, key.indexOf('#'))})` : 'other threads'] = (i < 3 ? 0 : (out['other threads'] ?? 0)) + v),
  );
  return out;
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
  const server = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : []), join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js')],
    {
      env: { ...process.env, PORT: String(port), LEDGER_DB: join(tmp.dir, 'ledger.db'), LEDGER_ADMIN_TOKEN: admin, LEDGER_LOG: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await waitForServer(port, server);
    const setup = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const post = (path: string, body: unknown, token = admin) => must(request(setup, port, token, 'POST', path, body), `POST ${path}`);
    await post('/api/v1/units', { code: 'VN', name: 'Trung ương', level: 'central' });
    await post('/api/v1/units', { code: 'P-LC', name: 'Tỉnh Lai Châu', level: 'province', parent: 'VN' });
    await post('/api/v1/units', { code: 'D-PT', name: 'Huyện Phong Thổ', level: 'district', parent: 'P-LC' });
    const communes = Array.from({ length: 20 }, (_, i) => `C-${String(i + 1).padStart(4, '0')}`);
    for (const c of communes) await post('/api/v1/units', { code: c, name: `Xã ${c}`, level: 'commune', parent: 'D-PT' });
    const officer = (await post('/api/v1/users', { id: 'pt-finance', name: 'Kế toán huyện Phong Thổ', role: 'finance_officer', units: ['D-PT'] })).body as {
      token: string;
    };
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
    const cpu0 = threadCpu(server.pid!);
    const client0 = process.cpuUsage();
    const t0 = performance.now();
    await run(commands, true);
    const ms = performance.now() - t0;
    const client = process.cpuUsage(client0);
    const cpu = diffCpu(cpu0, threadCpu(server.pid!));
    const perCommandUs = (msOfCpu: number) => Math.round((msOfCpu * 1000) / commands);
    const cpuPerCommand = {
      serverUs: perCommandUs(Object.values(cpu).reduce((a, b) => a + b, 0)),
      byThreadUs: Object.fromEntries(
        Object.entries(cpu)
          .map(([name, v]) => [name, perCommandUs(v)])
          .filter(([, v]) => (v as number) > 0),
      ),
      loadGeneratorUs: Math.round((client.user + client.system) / commands),
    };
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const perSecond = Math.round((latencies.length * 1000) / ms);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return [
      {
        scenario: `(e) HTTP disbursements: ${clients} clients, ${fmt(allocations)} allocations, ${fmt(commands)} commands, fsync on`,
        figure: `${fmt(perSecond)} cmd/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${failures ? `, ${failures} failed` : ''}; CPU per command: server ${cpuPerCommand.serverUs} µs, load generator ${cpuPerCommand.loadGeneratorUs} µs`,
        target: '≥ 4,000 cmd/s, p99 < 50 ms',
        pass: perSecond >= 4000 && p99 < 50 && failures === 0,
        detail: {
          commands: latencies.length,
          ms,
          perSecond,
          p50,
          p90: percentile(latencies, 90),
          p99,
          max: latencies[latencies.length - 1],
          failures,
          firstFailure,
          cpuPerCommand,
        },
      },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    tmp.remove();
  }
}
