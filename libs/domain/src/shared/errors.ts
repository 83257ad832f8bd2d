/**
 * The one way the domain fails: a DomainError with a stable code. The HTTP edge maps codes to
 * status codes in one place (apps/api/src/http/error-status.ts).
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNKNOWN_REFERENCE'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INSUFFICIENT_FUNDS'
  | 'BELOW_COMMITTED'
  | 'ALREADY_REVERSED'
  | 'ALREADY_ERASED'
  | 'ALREADY_DEACTIVATED'
  | 'ALREADY_ACTIVE'
  | 'LAST_ACTIVE_ADMIN'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CONCURRENCY_CONFLICT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'NOT_SUPPORTED'
  | 'SEPARATION_OF_DUTIES'
  | 'ALREADY_DECIDED';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string): DomainError => new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field });

/** A value named in a message: objects from parsed input may not even turn into a string (`{"toString":1}`). */
const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : `(${value === null ? 'null' : typeof value})`;

export const unknownReference = (field: string, value: unknown): DomainError =>
  new DomainError('UNKNOWN_REFERENCE', `${field}: no such ${field} '${shown(value)}'`, {
    field,
    value: typeof value === 'object' && value !== null ? shown(value) : value,
  });

export const notFound = (what: string, id: string): DomainError => new DomainError('NOT_FOUND', `${what} '${id}' not found`, { id });

export const alreadyExists = (what: string, id: string): DomainError => new DomainError('ALREADY_EXISTS', `${what} '${id}' already exists`, { id });

/**
 * An id already taken by a record the caller may not see: it must choose another, and learns
 * nothing about where (or whose) the record is.
 */
export const notAvailable = (what: string, id: string): DomainError =>
  new DomainError('ALREADY_EXISTS', `${what} id '${id}' is not available: choose another`, { id });

export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);
