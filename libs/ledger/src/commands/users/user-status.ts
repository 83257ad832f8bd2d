import { assertCanWrite, rawInput, text, userDecider } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { USERS, userStatus, type UserDoc } from '../../projections/users.projection';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { created } from '../allocations/responses';

export type UserStatusInput = Readonly<{ reason: string }>;

export const parseUserStatusChange = (body: unknown): UserStatusInput => ({ reason: text('reason', rawInput(body).reason, 500) });

/** A deactivated user's token answers 401 from the event's position on; the user and its history stay. */
export async function deactivateUser(runner: CommandRunner, reads: ReadStore, userId: string, input: UserStatusInput, ctx: AppContext) {
  assertCanWrite(ctx.principal, 'administration', null);
  const admins = await reads.find<UserDoc>(USERS, { role: 'admin' });
  const otherActiveAdmins = admins.filter((u) => u.id !== userId && userStatus(u).active).length;
  const respond = created(userId);
  const { result } = await runner.run(streams.user(userId), userDecider, { type: 'DeactivateUser', id: userId, reason: input.reason, otherActiveAdmins }, ctx, {
    respond,
  });
  return respond(result!);
}

/** The user's current token works again (unless it expired or was rotated meanwhile). */
export async function reactivateUser(
  runner: CommandRunner,
  userId: string,
  input: UserStatusInput,
  ctx: AppContext,
  options: Readonly<{ bootstrap?: boolean }> = {},
) {
  if (!options.bootstrap) assertCanWrite(ctx.principal, 'administration', null);
  const respond = created(userId);
  const { result } = await runner.run(streams.user(userId), userDecider, { type: 'ReactivateUser', id: userId, reason: input.reason }, ctx, { respond });
  return respond(result!);
}
