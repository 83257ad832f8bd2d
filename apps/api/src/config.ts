import { resolve } from 'node:path';

export type LedgerConfig = Readonly<{
  port: number;
  /** The interface to listen on: loopback by default; `0.0.0.0` in a container. */
  host?: string;
  dbFile: string;
  adminToken: string | null;
  logger: boolean;
  /** Scale-out (issue 3): where the log and the read models live; both default to the embedded SQLite file. */
  eventStore?: 'sqlite' | 'eventstoredb';
  readStore?: 'sqlite' | 'mongodb';
  eventStoreUrl?: string | null;
  mongoUrl?: string | null;
  /** How long a query with `?consistentWith=` waits for the read models (ms). */
  consistencyTimeoutMs?: number;
  /** How often an open event stream gets a heartbeat comment (ms; default 15 s). */
  heartbeatMs?: number;
  /** How long a transfer's first step waits for its second before the saga takes it (ms; default 30 s). */
  transferGraceMs?: number;
  /** The built console (dist/web) served at `/`; none when absent. */
  webDir?: string | null;
  /** Failed authentications allowed from one client address in a minute before 429 (0: no limit); default DEFAULT_AUTH_FAILURES_PER_MINUTE. */
  authFailuresPerMinute?: number;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
}>;

/** Enough for a person mistyping a token; far too few to guess one. */
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 20;

const oneOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T => {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
};

const wholeNumber = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new Error(`${name} must be a whole number, got '${value}'`);
  return n;
};

/** `https://a.example, https://b.example`: each an origin (scheme, host, port), nothing after it. */
export function corsOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      /* refused below */
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new Error(`LEDGER_CORS_ORIGINS lists '${origin}', which is not an origin like https://ledger.example.vn (scheme, host and port only)`);
  }
  return origins;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dbFile: env.LEDGER_DB ?? 'data/ledger.db',
    adminToken: env.LEDGER_ADMIN_TOKEN && env.LEDGER_ADMIN_TOKEN.length > 0 ? env.LEDGER_ADMIN_TOKEN : null,
    logger: env.LEDGER_LOG !== 'off',
    // Compiled, this file is dist/apps/api/src/config.js, and Vite builds the console into dist/web.
    webDir: env.LEDGER_WEB_DIR && env.LEDGER_WEB_DIR.length > 0 ? env.LEDGER_WEB_DIR : resolve(__dirname, '../../../web'),
    authFailuresPerMinute: wholeNumber('LEDGER_AUTH_FAILURES_PER_MINUTE', env.LEDGER_AUTH_FAILURES_PER_MINUTE, DEFAULT_AUTH_FAILURES_PER_MINUTE),
    corsOrigins: corsOrigins(env.LEDGER_CORS_ORIGINS),
    ...distributedFromEnv(env),
  };
}

function distributedFromEnv(env: NodeJS.ProcessEnv) {
  const eventStore = oneOf('LEDGER_EVENT_STORE', env.LEDGER_EVENT_STORE, ['sqlite', 'eventstoredb'] as const, 'sqlite');
  const readStore = oneOf('LEDGER_READ_STORE', env.LEDGER_READ_STORE, ['sqlite', 'mongodb'] as const, eventStore === 'eventstoredb' ? 'mongodb' : 'sqlite');
  // The embedded store projects inside its own transaction; a separate log needs the worker-fed read store, and the reverse.
  if ((eventStore === 'eventstoredb') !== (readStore === 'mongodb')) {
    throw new Error(
      `LEDGER_EVENT_STORE=${eventStore} with LEDGER_READ_STORE=${readStore} is not a supported pair: use sqlite with sqlite, or eventstoredb with mongodb`,
    );
  }
  const eventStoreUrl = env.LEDGER_EVENTSTORE_URL || null;
  const mongoUrl = env.LEDGER_MONGO_URL || null;
  if (eventStore === 'eventstoredb' && !eventStoreUrl)
    throw new Error('LEDGER_EVENT_STORE=eventstoredb needs LEDGER_EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false)');
  if (readStore === 'mongodb' && !mongoUrl)
    throw new Error('LEDGER_READ_STORE=mongodb needs LEDGER_MONGO_URL (e.g. mongodb://localhost:27017/ledger?replicaSet=rs0)');
  const timeout = Number(env.LEDGER_CONSISTENCY_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout < 0)
    throw new Error(`LEDGER_CONSISTENCY_TIMEOUT_MS must be a whole number of milliseconds, got '${env.LEDGER_CONSISTENCY_TIMEOUT_MS}'`);
  return { eventStore, readStore, eventStoreUrl, mongoUrl, consistencyTimeoutMs: timeout };
}
