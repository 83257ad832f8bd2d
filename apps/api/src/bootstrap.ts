import { randomBytes, randomUUID } from 'node:crypto';
import { USERS, appContext, recoverTransfers, registerUser, type AppContext, type LedgerMetadata, type UserDoc } from '../../../libs/ledger/src';
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

/** Completes money transfers that a killed process left half-done (see recover-transfers.ts). */
export function recoverPendingTransfers(ledger: LedgerService): Promise<number> {
  return recoverTransfers(ledger.runner, ledger.reads, (original: LedgerMetadata) =>
    appContext({
      principal: { userId: original.actor.userId, role: original.actor.role, units: [] },
      now: new Date().toISOString(),
      newId: uuidv7,
      correlationId: original.correlationId,
      causationId: original.causationId,
      idempotency: original.idempotencyKey && original.requestHash ? { key: original.idempotencyKey, requestHash: original.requestHash } : null,
    }),
  );
}
