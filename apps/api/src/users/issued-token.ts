import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../../../libs/ledger/src';

/** 32 random bytes: only its SHA-256 is recorded, so it can be shown once and never again. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Idempotency is not honoured where a token is issued: a retry would need the token again, which is not kept. */
export const withoutRetryKey = (ctx: AppContext): AppContext => ({ ...ctx, idempotency: null, idempotencyKey: null });
