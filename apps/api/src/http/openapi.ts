import { applyDecorators, type Type } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { CLASSIFICATIONS, POVERTY_STANDARDS, ROLES } from '../../../../libs/domain/src';
import { FASTIFY_CODES, HTTP_CODES, STORAGE_FULL } from './error.filter';
import { STATUS } from './error-status';
import { PROJECTION_LAGGING } from './consistency.interceptor';
import { TOO_MANY_AUTH_FAILURES } from './auth.guard';

/**
 * The pieces every controller uses to document itself in the served OpenAPI 3.1 document
 * (/api/docs-json): one error body, the statuses an operation can answer, the Idempotency-Key
 * header, and typed fields for the response classes (`*.responses.ts`).
 */

const DOMAIN_STATUSES = Object.entries(STATUS) as [string, number][];
const EDGE_STATUSES: [string, number][] = [
  ...Object.values(FASTIFY_CODES).map((c): [string, number] => [c.code, c.status]),
  ...Object.entries(HTTP_CODES).map(([status, code]): [string, number] => [code, Number(status)]),
  [PROJECTION_LAGGING, 503],
  // Raised by the integrity guard (integrity/integrity-guard.ts) on a write once the hash chain is known broken.
  ['INTEGRITY_BROKEN', 503],
  // Raised by the auth guard (http/auth.guard.ts) once a client address has failed too often.
  [TOO_MANY_AUTH_FAILURES, 429],
  // A write that found the disk full (the log's StorageFull, error.filter.ts).
  [STORAGE_FULL, 507],
];

/** Every `code` an error body can carry, whatever raised it (the domain, the pipe, Fastify, an interceptor). */
export const ERROR_CODES: readonly string[] = [...new Set([...DOMAIN_STATUSES, ...EDGE_STATUSES].map(([code]) => code))].sort();

const codesFor = (status: number): string[] =>
  [...new Set([...DOMAIN_STATUSES, ...EDGE_STATUSES].filter(([, s]) => s === status).map(([code]) => code))]
    // 503 from an operation is PROJECTION_LAGGING (a read) or INTEGRITY_BROKEN (a write); the generic name is Nest's fallback.
    .filter((code) => status !== 503 || code !== 'SERVICE_UNAVAILABLE');

export const INDICATOR_CODES: readonly string[] = [...new Set(POVERTY_STANDARDS.flatMap((s) => s.indicators))].sort();

const WHEN: Readonly<Record<number, string>> = {
  400: 'the request is invalid: `message` and `details.field` name the field at fault (a query parameter, a body field or a header); UNKNOWN_REFERENCE names a unit, parent, project or indicator that does not exist',
  401: 'no `Authorization: Bearer <token>` header, or the token is not known, was replaced by a rotation, has expired, or its user is deactivated (`details.reason`: `unknown`, `replaced`, `expired`, `deactivated`)',
  403: "the caller's role may not do this here (a record outside the caller's scope is answered as an unknown one: 404, or 400 UNKNOWN_REFERENCE)",
  404: "the id in the path names nothing the ledger knows, or nothing in the caller's scope",
  409: 'refused by the ledger: the id is taken, the money is not there, the record is already reversed, the user already (in)active, or the last active administrator would be deactivated; nothing was recorded',
  413: 'the body is larger than the limit (1 MiB for JSON; 1 GiB for an import file)',
  415: 'the Content-Type is not one this operation accepts',
  422: 'the Idempotency-Key was already used by this user for a different request',
  429: 'this client address failed to authenticate too often in the last minute (LEDGER_AUTH_FAILURES_PER_MINUTE): wait the seconds `Retry-After` says; a request with a valid token is never refused',
  501: 'a time-travel read (`asOf`, `atPosition`) on a read store that keeps no history',
  507: "the disk holding the ledger's files is full: nothing of this request was recorded (it will not be recorded later either); retry once space is freed (`GET /health` says when: 503 `storage_full` while it lasts). `details.file` is `log` or `read models`",
  503: 'PROJECTION_LAGGING on a read: `consistentWith` named a position the read models did not reach in time (`details.position` says where they are), retry; INTEGRITY_BROKEN on a write: the hash chain is broken and nothing is recorded until the log is restored',
};

export class ErrorBodyDto {
  @ApiProperty({ type: 'integer', example: 400, description: 'the HTTP status, repeated' }) statusCode!: number;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'stable: clients branch on it' }) code!: string;
  @ApiProperty({ example: 'amount: amount must be a whole number of đồng' }) message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'what the code is about: `field` for a 400, `id` for a 404/409, `position` for a 503, `file` for a 507, `errors` (and `errorCount`) for a refused import file',
  })
  details?: Record<string, unknown>;
}

const RETRY_AFTER = { 'Retry-After': { description: 'whole seconds until this address may try a token again', schema: { type: 'integer', minimum: 1 } } };

/**
 * The error statuses an operation can answer, each with the one error body and the codes it may
 * carry. An operation that authenticates (401) can also refuse an address that failed too often (429).
 */
export const ApiErrors = (...listed: number[]) => {
  const statuses = listed.includes(401) && !listed.includes(429) ? [...listed, 429] : listed;
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${codesFor(status).join(', ')}: ${WHEN[status] ?? 'see `code`'}`,
        type: ErrorBodyDto,
        ...(status === 429 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
};

/** Only on the operations whose use case stores the key with its events (see idempotency.interceptor.ts). */
export const Idempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
      description: 'a retry with the same key and body gets the first 201 back and records nothing; the same key with another body is refused (422)',
    }),
    ApiErrors(422),
  );

type Doc = Readonly<{ operationId: string; summary: string; description: string; errors: number[]; idempotent?: boolean }> &
  ({ ok: Type<unknown>; created?: never } | { created: Type<unknown>; ok?: never });

/**
 * One decorator per operation: what it does, what it answers, how it fails. The operationId is
 * spelt out: clients generated from the document are keyed by it, so it must not follow a
 * controller's class name when a use case moves.
 */
export const ApiDoc = (d: Doc) =>
  applyDecorators(
    ApiOperation({ operationId: d.operationId, summary: d.summary, description: d.description }),
    d.created
      ? ApiResponse({
          status: 201,
          description: 'recorded: `position` is the log position of its last event (pass it as `consistentWith` to read it back anywhere)',
          type: d.created,
        })
      : ApiResponse({ status: 200, description: 'the answer', type: d.ok }),
    ApiErrors(...d.errors),
    ...(d.idempotent ? [Idempotent()] : []),
  );

/** Common error sets: a read under /api/v1 (consistentWith may 503), a JSON write. */
export const READ_ERRORS = [400, 401, 503] as const;
export const WRITE_ERRORS = [400, 401, 403, 413, 415, 503, 507] as const;

// Typed fields for response classes: integers stay integers, days and instants carry their format.
type Field = Omit<ApiPropertyOptions, 'type' | 'required'> & { optional?: boolean; nullable?: boolean };
const prop = ({ optional, ...o }: Field, schema: Record<string, unknown>) =>
  (optional ? ApiPropertyOptional : ApiProperty)({ ...schema, ...o } as ApiPropertyOptions);

export const Int = (o: Field = {}) => prop(o, { type: 'integer' });
export const Money = (o: Field = {}) => prop({ description: 'whole đồng', ...o }, { type: 'integer' });
export const Num = (o: Field = {}) => prop(o, { type: 'number' });
export const Text = (o: Field = {}) => prop(o, { type: 'string' });
export const Flag = (o: Field = {}) => prop(o, { type: 'boolean' });
export const Day = (o: Field = {}) => prop(o, { type: 'string', format: 'date' });
export const Instant = (o: Field = {}) => prop(o, { type: 'string', format: 'date-time' });
export const Texts = (o: Field = {}) => prop(o, { type: 'array', items: { type: 'string' } });
export const OneOf = (values: readonly string[], enumName: string, o: Field = {}) => prop(o, { enum: [...values], enumName });
// Nest recognises a lazy type by its function's name, `type`: hence the object-literal arrow.
export const Obj = (lazy: () => Type<unknown>, o: Field = {}) => prop(o, { type: () => lazy() });
export const List = (lazy: () => Type<unknown>, o: Field = {}) => prop(o, { type: () => lazy(), isArray: true });

export const Role = (o: Field = {}) => OneOf(ROLES, 'Role', o);
export const Classification = (o: Field = {}) => OneOf(CLASSIFICATIONS, 'Classification', o);
export const Indicators = (o: Field = {}) => prop(o, { type: 'array', items: { type: 'string', enum: [...INDICATOR_CODES] } });

/** Classes referenced only through `$ref` (in a oneOf): createDocument must be told about them. */
export const EXTRA_MODELS: Type<unknown>[] = [];

/** A list whose items are one of several classes (e.g. a trace link in or out of the caller's scope). */
export const ListOfOneOf = (types: Type<unknown>[], o: Field = {}) => {
  EXTRA_MODELS.push(...types);
  return prop(o, { type: 'array', items: { oneOf: types.map((t) => ({ $ref: getSchemaPath(t) })) } });
};
