import type { ErrorCode } from '../../../../libs/domain/src';

/** The one place where domain error codes become HTTP status codes. */
export const STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_REFERENCE: 400,
  AMOUNT_OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  INSUFFICIENT_FUNDS: 409,
  BELOW_COMMITTED: 409,
  ALREADY_REVERSED: 409,
  ALREADY_ERASED: 409,
  CONCURRENCY_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_SUPPORTED: 501,
};
