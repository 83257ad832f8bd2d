import type { ApiError } from '../i18n/errors';
import type { Allocation, AllocationSummary, AllocationTrace, At, AuditEntry, Balances, HouseholdStats, Me, Page, Payment, Unit, Written } from './types';

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`);
  }
}

type Query = Readonly<Record<string, string | number | undefined>>;

const BASE = '/api/v1';

function queryString(q: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The log position a read says it answers for (`at: {position, asOf?}` on every read). */
function readPosition(body: Readonly<Record<string, unknown>>): number | null {
  const at = body.at as { position?: unknown } | undefined;
  return typeof at?.position === 'number' ? at.position : null;
}

/**
 * The console's only way to the API. Every call carries the session's token; a 401 from any call
 * ends the session (expired or revoked token) through `onUnauthenticated`.
 */
export function createClient(token: string, onUnauthenticated: () => void) {
  async function request<T>(method: 'GET' | 'POST', path: string, options: { query?: Query; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let res: Response;
    try {
      res = await fetch(`${BASE}${path}${queryString(options.query ?? {})}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'no answer from the server' });
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (res.ok) return parsed as T;
    const body = (parsed ?? {}) as Partial<ApiError>;
    const error: ApiError = { statusCode: res.status, code: body.code ?? `HTTP_${res.status}`, message: body.message ?? res.statusText, details: body.details };
    if (res.status === 401) onUnauthenticated();
    throw new ApiFailure(error);
  }
  const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
  const enc = encodeURIComponent;
  /** Every page of a list (pages of 1000; each page answers for the first page's position). */
  async function allPages<T>(path: string, q: Query, at: At): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await get<Page<T>>(path, { ...q, ...at, limit: 1000, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  return {
    /** Any signed-in user may read the head: the cheapest way to check a token. */
    integrity: () => get<{ position: number; hash: string }>('/integrity'),
    /** Who the token belongs to, where the server says so (`GET /me`); null on a server without it. */
    me: async (): Promise<Me | null> => {
      try {
        return await get<Me>('/me');
      } catch (e) {
        if (e instanceof ApiFailure && (e.error.statusCode === 404 || e.error.statusCode === 405)) return null;
        throw e;
      }
    },
    unit: (code: string) => get<Unit>(`/units/${enc(code)}`),
    balances: async (q: Readonly<{ fiscalYear?: number; groupBy: string; unit?: string }>, at: At): Promise<Balances> => {
      const body = await get<Omit<Balances, 'readPosition'>>('/balances', { ...q, ...at });
      return { ...body, readPosition: readPosition(body) };
    },
    allocation: async (id: string, at: At): Promise<Allocation> => {
      const body = await get<Omit<Allocation, 'readPosition'>>(`/allocations/${enc(id)}`, { ...at });
      return { ...body, readPosition: readPosition(body) };
    },
    allocations: (q: Readonly<{ fiscalYear?: number; unit?: string }>, at: At) => allPages<AllocationSummary>('/allocations', q, at),
    /** An allocation's payments in the order recorded, reversed ones included, as of `at`. */
    payments: (id: string, at: At) => allPages<Payment>(`/allocations/${enc(id)}/disbursements`, {}, at),
    /** The tree below an allocation down to every payment and reversal, as of `at`. */
    allocationTrace: (id: string, at: At) => get<AllocationTrace>(`/allocations/${enc(id)}/trace`, { ...at }),
    audit: (q: Readonly<Record<string, string | undefined>>, at: At) => get<Page<AuditEntry>>('/audit', { ...q, ...at }),
    householdStats: async (q: Readonly<{ unit: string; reviewYear: string }>, at: At): Promise<HouseholdStats> => {
      const body = await get<Omit<HouseholdStats, 'readPosition'>>('/households/stats', { ...q, ...at });
      return { ...body, readPosition: readPosition(body) };
    },
    recordDisbursement: (allocationId: string, body: Readonly<{ amount: number; valueDate: string; voucher: string; payee?: string; purpose?: string }>, idempotencyKey: string) =>
      request<Written>('POST', `/allocations/${enc(allocationId)}/disbursements`, { body, idempotencyKey }),
    reverseDisbursement: (id: string, body: Readonly<{ reason: string }>, idempotencyKey: string) =>
      request<Written>('POST', `/disbursements/${enc(id)}/reversal`, { body, idempotencyKey }),
    /** For a screen's own api.ts: one call, with the session's token and its end on a 401. */
    request,
    /**
     * An upload whose progress the user watches (XMLHttpRequest: fetch reports none), with the
     * same token, errors and end of session as `request`.
     */
    upload: <T>(path: string, body: Blob, contentType: string, idempotencyKey: string, onProgress: (sent: number, total: number) => void): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${BASE}${path}`);
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.setRequestHeader('accept', 'application/json');
        xhr.setRequestHeader('content-type', contentType);
        xhr.setRequestHeader('idempotency-key', idempotencyKey);
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
        xhr.onerror = () => reject(new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'no answer from the server' }));
        xhr.onload = () => {
          let parsed: unknown = null;
          try {
            parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch {
            parsed = null;
          }
          if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
          const b = (parsed ?? {}) as Partial<ApiError>;
          if (xhr.status === 401) onUnauthenticated();
          reject(new ApiFailure({ statusCode: xhr.status, code: b.code ?? `HTTP_${xhr.status}`, message: b.message ?? xhr.statusText, details: b.details }));
        };
        xhr.send(body);
      }),
  };
}

export type Client = ReturnType<typeof createClient>;

/**
 * An Idempotency-Key made when a form opens. `crypto.randomUUID` exists only in secure contexts;
 * the console may be opened over plain http on an office network, so the key is built from
 * `getRandomValues`, which exists everywhere (RFC 9562 version 4 layout).
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
