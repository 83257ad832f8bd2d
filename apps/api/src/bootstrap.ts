import { randomBytes, randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { TRANSFERS, USERS, appContext, registerUser, type AppContext, type TransferDoc, type UserDoc } from '../../../libs/ledger/src';
import { CompleteTransfer } from './transfers/complete-transfer.command';
import { hashToken } from './http/auth.guard';
import type { LedgerService } from './ledger/ledger.service';
import { uuidv7 } from '../../../libs/ledger/src/commands/ids';

const SYSTEM = { userId: 'system', role: 'admin' as const };

const systemContext = (): AppContext =>
  appContext({ principal: { ...SYSTEM, units: [] }, now: new Date().toISOString(), newId: uuidv7, correlationId: randomUUID() });

/**
 * LEDGER_ADMIN_TOKEN names an admin's token; without it, the first start makes one and prints it
 * once. Either way the admin is an ordinary user recorded in the log, created by "system".
 */
export async function ensureAdmin(ledger: LedgerService, adminToken: string | null): Promise<string | null> {
  const users = await ledger.reads.find<UserDoc>(USERS);
  if (adminToken === null && users.length > 0) return null;
  if (adminToken !== null && (await ledger.reads.get('tokens', hashToken(adminToken)))) return null;
  const token = adminToken ?? randomBytes(32).toString('base64url');
  const taken = new Set(users.map((u) => u.id));
  let id = 'admin';
  for (let n = 2; taken.has(id); n++) id = `admin-${n}`;
  await registerUser(ledger.runner, ledger.reads, { id, name: 'Administrator', role: 'admin', units: [] }, hashToken(token), systemContext(), { bootstrap: true });
  return adminToken === null ? token : null;
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
