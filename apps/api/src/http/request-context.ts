import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { appContext, type AppContext } from '../../../../libs/ledger/src';
import type { AuthenticatedRequest } from './principal';
import { idempotencyOf } from './idempotency.interceptor';
import { uuidv7 } from '../../../../libs/ledger/src/commands/ids';

const header = (r: AuthenticatedRequest, name: string): string | null => {
  const v = r.headers[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
};

/** The clock is read and ids are made here, at the edge; the domain only receives them. */
export function contextOf(request: AuthenticatedRequest): AppContext {
  return appContext({
    principal: request.principal!,
    now: new Date().toISOString(),
    newId: uuidv7,
    correlationId: header(request, 'x-correlation-id') ?? randomUUID(),
    causationId: header(request, 'x-causation-id'),
    idempotency: idempotencyOf(request),
  });
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): AppContext =>
  contextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
