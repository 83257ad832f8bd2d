import createFetchClient from 'openapi-fetch';
import type { ApiError } from '../i18n/errors';
import type { paths } from './generated/ledger-api';
import type {
  Allocation,
  Decision,
  AllocationSummary,
  AllocationTrace,
  At,
  AuditEntry,
  Balances,
  HouseholdStats,
  Me,
  Page,
  Payment,
  Unit,
  Written,
} from './types';

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`);
  }
}

/** What every openapi-fetch call answers. */
type Answer<T> = Readonly<{ data?: T; error?: unknown; response: Response }>;

/** The log position a read says it answers for (`at: {position, asOf?}` on every read). */
const readPosition = (body: Readonly<{ at?: { position?: unknown } }>): number | null => (typeof body.at?.position === 'number' ? body.at.position : null);

/** An empty field of a form or filter means "not given", not an empty string the server would refuse. */
export function given<Q extends object>(query: Q): Q {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Q;
}

/**
 * The console's only way to the API: openapi-fetch typed by the client generated from the served
 * document, so every path, parameter and answer the pages use is checked against the server's
 * contract at build time. Every call carries the session's token; a 401 from any call ends the
 * session (expired or revoked token) through `onUnauthenticated`.
 */
export function createClient(token: string, onUnauthenticated: () => void) {
  const api = createFetchClient<paths>({
    baseUrl: globalThis.location?.origin ?? '',
    cache: 'no-store',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });

  async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
    let answer: Answer<T>;
    try {
      answer = await call;
    } catch {
      throw new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'no answer from the server' });
    }
    const { data, error, response } = answer;
    if (response.ok) return data as T;
    const body = (typeof error === 'object' && error !== null ? error : {}) as Partial<ApiError>;
    if (response.status === 401) onUnauthenticated();
    throw new ApiFailure({
      statusCode: response.status,
      code: body.code ?? `HTTP_${response.status}`,
      message: body.message ?? response.statusText,
      details: body.details,
    });
  }
  const idempotent = (key: string) => ({ 'idempotency-key': key });

  /** Every page of a list (pages of 1000; each page answers for the first page's position). */
  async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(cursor);
      items.push(...p.items);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  return {
    /**
     * The server-sent events of what is committed in the caller's scope (shell/live-updates.ts reads
     * them), resuming after `lastEventId`: the answer as soon as its headers arrive, its body a
     * stream that ends when `signal` aborts. A 401 ends the session, as from any call.
     */
    eventStream: async (lastEventId: string | null, signal: AbortSignal): Promise<Response> => {
      const { response } = await api.GET('/api/v1/events/stream', {
        params: { header: lastEventId === null ? {} : { 'Last-Event-ID': lastEventId } },
        headers: { accept: 'text/event-stream' },
        parseAs: 'stream',
        signal,
      });
      if (response.status === 401) onUnauthenticated();
      return response;
    },
    /** Any signed-in user may read the head: the cheapest way to check a token. */
    integrity: () => unwrap(api.GET('/api/v1/integrity')),
    /** Who the token belongs to (`GET /me`). */
    me: (): Promise<Me> => unwrap(api.GET('/api/v1/me')),
    unit: (code: string): Promise<Unit> => unwrap(api.GET('/api/v1/units/{code}', { params: { path: { code } } })),
    balances: async (q: Readonly<{ fiscalYear?: number; groupBy: string; unit?: string }>, at: At): Promise<Balances> => {
      const groupBy = q.groupBy.split(',') as NonNullable<paths['/api/v1/balances']['get']['parameters']['query']>['groupBy'];
      const body = await unwrap(
        api.GET('/api/v1/balances', { params: { query: given({ ...q, groupBy, ...at }) }, querySerializer: { array: { style: 'form', explode: false } } }),
      );
      return { rows: body.rows, total: body.total, readPosition: readPosition(body) };
    },
    allocation: async (id: string, at: At): Promise<Allocation> => {
      const body = await unwrap(api.GET('/api/v1/allocations/{id}', { params: { path: { id }, query: given({ ...at }) } }));
      return { ...body, readPosition: readPosition(body) };
    },
    allocations: (q: Readonly<{ fiscalYear?: number; unit?: string }>, at: At): Promise<AllocationSummary[]> =>
      allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/allocations', {
            params: { query: given({ unit: q.unit, fiscalYear: q.fiscalYear === undefined ? undefined : String(q.fiscalYear), ...at, limit: 1000, cursor }) },
          }),
        ),
      ),
    /** An allocation's payments in the order recorded, reversed ones included, as of `at`. */
    payments: (id: string, at: At): Promise<Payment[]> =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/allocations/{id}/disbursements', { params: { path: { id }, query: given({ ...at, limit: 1000, cursor }) } })),
      ),
    /** The tree below an allocation down to every payment and reversal, as of `at`. */
    allocationTrace: (id: string, at: At): Promise<AllocationTrace> =>
      unwrap(api.GET('/api/v1/allocations/{id}/trace', { params: { path: { id }, query: given({ ...at }) } })),
    audit: (q: NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>, at: At): Promise<Page<AuditEntry>> =>
      unwrap(api.GET('/api/v1/audit', { params: { query: given({ ...q, ...at }) } })),
    householdStats: async (q: Readonly<{ unit: string; reviewYear: number }>, at: At): Promise<HouseholdStats> => {
      const body = await unwrap(api.GET('/api/v1/households/stats', { params: { query: given({ ...q, ...at }) } }));
      return { ...body, readPosition: readPosition(body) };
    },
    recordDisbursement: (
      allocationId: string,
      body: Readonly<{ amount: number; valueDate: string; voucher: string; payee?: string; purpose?: string }>,
      idempotencyKey: string,
    ): Promise<Written> =>
      unwrap(api.POST('/api/v1/allocations/{id}/disbursements', { params: { path: { id: allocationId } }, body, headers: idempotent(idempotencyKey) })),
    adjustAllocation: (id: string, body: Readonly<{ delta: number; decision: Decision; reason: string }>, idempotencyKey: string): Promise<Written> =>
      unwrap(api.POST('/api/v1/allocations/{id}/adjustments', { params: { path: { id } }, body, headers: idempotent(idempotencyKey) })),
    subAllocate: (
      body: Readonly<{ id?: string; parentId: string; unit: string; amount: number; decision: Decision }>,
      idempotencyKey: string,
    ): Promise<Written> => unwrap(api.POST('/api/v1/allocations', { body, headers: idempotent(idempotencyKey) })),
    reverseDisbursement: (id: string, body: Readonly<{ reason: string }>, idempotencyKey: string): Promise<Written> =>
      unwrap(api.POST('/api/v1/disbursements/{id}/reversal', { params: { path: { id } }, body, headers: idempotent(idempotencyKey) })),
    /** The typed client and the same refusals, for a feature's own calls (its `api.ts`). */
    api,
    unwrap,
    allPages,
    /**
     * A file sent with its progress reported (XMLHttpRequest: fetch reports none on upload), with the
     * same token, refusals and end of session as every other call. The answer is typed by the caller's
     * `api.ts` from the generated schemas.
     */
    upload: <T>(
      path: keyof paths & `/api/v1/imports/${string}`,
      body: Blob,
      contentType: string,
      idempotencyKey: string,
      onProgress: (sent: number, total: number) => void,
    ): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.setRequestHeader('accept', 'application/json');
        xhr.setRequestHeader('content-type', contentType);
        xhr.setRequestHeader('idempotency-key', idempotencyKey);
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
        xhr.onerror = () => reject(new ApiFailure({ statusCode: 0, code: 'NETWORK', message: 'no answer from the server' }));
        xhr.onload = () => {
          let parsed: unknown;
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
