import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '../../../libs/domain/src';
import {
  TOKENS,
  TRANSFERS,
  USERS,
  appContext,
  reactivateUser,
  registerUser,
  rotateUserToken,
  userStatus,
  type AppContext,
  type TokenDoc,
  type TransferDoc,
  type UserDoc,
} from '../../../libs/ledger/src';
import { CompleteTransfer } from './transfers/complete-transfer.command';
import { hashToken } from './http/auth.guard';
import type { LedgerService } from './ledger/ledger.service';
import { uuidv7 } from '../../../libs/ledger/src/commands/ids';

const SYSTEM = { userId: 'system', role: 'admin' as const };
/** The administrator the first start creates; LEDGER_ADMIN_TOKEN names its token. */
export const BOOTSTRAP_ADMIN = 'admin';

const systemContext = (): AppContext =>
  appContext({ principal: { ...SYSTEM, units: [] }, now: new Date().toISOString(), newId: uuidv7, correlationId: randomUUID() });

/**
 * The bootstrap administrator (`admin`), recorded in the log by "system" like any user. Without
 * LEDGER_ADMIN_TOKEN, the first start makes its token and prints it once. With it, the variable
 * names that administrator's token: a value the ledger has not seen rotates the token (the previous
 * one dies, and a deactivated bootstrap administrator is reactivated: the way back in when no
 * administrator is left); a value that is already some user's current token changes nothing; a
 * value that was rotated away is never revived.
 */
export async function ensureAdmin(ledger: LedgerService, adminToken: string | null): Promise<string | null> {
  const users = await ledger.reads.find<UserDoc>(USERS);
  if (adminToken === null && users.length > 0) return null;
  const token = adminToken ?? randomBytes(32).toString('base64url');
  const hash = hashToken(token);
  const known = await ledger.reads.get<TokenDoc>(TOKENS, hash);
  if (known?.revokedAt) {
    new Logger('Bootstrap').warn(
      `LEDGER_ADMIN_TOKEN names a token replaced at ${known.revokedAt}: it stays dead; set a new value to rotate the '${BOOTSTRAP_ADMIN}' token`,
    );
    return null;
  }
  if (known) return null;
  const admin = users.find((u) => u.id === BOOTSTRAP_ADMIN);
  if (!admin) {
    await registerUser(
      ledger.runner,
      ledger.reads,
      { id: BOOTSTRAP_ADMIN, name: 'Administrator', role: 'admin', units: [], expiresAt: null },
      hash,
      systemContext(),
      { bootstrap: true },
    );
    return adminToken === null ? token : null;
  }
  await rotateUserToken(ledger.runner, BOOTSTRAP_ADMIN, { reason: 'LEDGER_ADMIN_TOKEN set to a new value at start', expiresAt: null }, hash, systemContext(), {
    bootstrap: true,
  });
  if (!userStatus(admin).active) {
    await reactivateUser(ledger.runner, BOOTSTRAP_ADMIN, { reason: 'LEDGER_ADMIN_TOKEN set to a new value at start' }, systemContext(), {
      bootstrap: true,
    }).catch((error: unknown) => {
      // Another server starting with the same value reactivated it first.
      if (!(error instanceof DomainError && error.code === 'ALREADY_ACTIVE')) throw error;
    });
  }
  return null;
}

/**
 * Completes money transfers that a killed process left half-done, before the first request: the
 * same command the saga sends while the server runs (transfers/half-done-transfers.saga.ts).
 */
export async function recoverPendingTransfers(ledger: LedgerService, commands: CommandBus): Promise<number> {
  const pending = await ledger.reads.find<TransferDoc>(TRANSFERS, { status: 'pending' });
  for (const t of pending) await commands.execute(new CompleteTransfer(t.id));
  return pending.length;
}
