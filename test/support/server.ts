import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type LedgerApp } from '../../apps/api/src/app.factory';
import type { LedgerConfig } from '../../apps/api/src/config';
import { assertDocumented } from './contract';

export const ADMIN_TOKEN = 'e2e-admin-token';

export type Reply = { status: number; body: any; headers: Headers };

export type TestServer = Readonly<{
  url: string;
  dir: string;
  dbFile: string;
  ledger: LedgerApp;
  request: (method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }) => Promise<Reply>;
  close: () => Promise<void>;
}>;

/** The real server (Nest + Fastify + SQLite) on a temporary file, listening on a free port; `config` overrides the defaults (e.g. the heartbeat, the limit of failed authentications). */
export async function startServer(config: Partial<LedgerConfig> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const dbFile = join(dir, 'ledger.db');
  const ledger = await createApp({ port: 0, dbFile, adminToken: ADMIN_TOKEN, logger: false, ...config });
  await ledger.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ledger.app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    dir,
    dbFile,
    ledger,
    request: (method, path, options = {}) => call(url, method, path, options),
    close: async () => {
      await ledger.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function call(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.raw !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, body });
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    // A stream (GET /api/v1/events/stream) never ends by itself: its status and media type are
    // checked, then it is let go (test/support/event-stream.ts reads one event by event).
    await res.body?.cancel();
    await assertDocumented(url, method, path, res.status, null, res.headers.get('content-type'));
    return { status: res.status, body: null, headers: res.headers };
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  // Every response of every e2e suite must be one the OpenAPI document describes (test/support/contract.ts).
  await assertDocumented(url, method, path, res.status, parsed, res.headers.get('content-type'));
  return { status: res.status, body: parsed, headers: res.headers };
}
