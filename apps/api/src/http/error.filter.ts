import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../../../libs/domain/src';
import { StorageFull } from '../../../../libs/ledger/src/ports/event-store.port';
import { STATUS } from './error-status';

export type ErrorBody = { statusCode: number; code: string; message: string; details?: unknown };

export const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
};

export const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  // PROJECTION_LAGGING (consistency.interceptor.ts) arrives as a 503 HttpException carrying its code.
  503: 'SERVICE_UNAVAILABLE',
};

export const STORAGE_FULL = 'STORAGE_FULL';

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof StorageFull) return { statusCode: 507, code: STORAGE_FULL, message: error.message, details: { file: error.file } };
  if (error instanceof DomainError) {
    return { statusCode: STATUS[error.code], code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const res = error.getResponse() as string | { message?: unknown; code?: string; details?: unknown };
    if (typeof res === 'object' && typeof res.code === 'string') {
      return { statusCode: status, code: res.code, message: String(res.message), ...(res.details ? { details: res.details } : {}) };
    }
    const message = typeof res === 'string' ? res : Array.isArray(res.message) ? res.message.join('; ') : String(res.message ?? error.message);
    return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message };
  }
  const fastifyCode = (error as { code?: string } | null)?.code;
  const known = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (known) return { statusCode: known.status, code: known.code, message: (error as Error).message };
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, code: HTTP_CODES[status] ?? `HTTP_${status}`, message: (error as Error).message };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'internal error; nothing was recorded by this request unless a 201 was returned' };
}

/** Every failure leaves as `{ statusCode, code, message, details? }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(body.statusCode).send(body);
  }
}
