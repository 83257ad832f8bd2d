import { assertCanWrite, userDecider } from '../../../../domain/src';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';

export type RotateUserTokenInput = Readonly<{ reason: unknown; expiresAt?: unknown }>;

/**
 * An administrator replaces a user's token: the edge makes the new token and passes its hash; the
 * old token stops working at the event's position. `bootstrap` is the start-up's own rotation of
 * the bootstrap administrator's token (LEDGER_ADMIN_TOKEN changed), recorded under "system".
 */
export async function rotateUserToken(runner: CommandRunner, userId: string, input: RotateUserTokenInput, tokenHash: string, ctx: AppContext, options: Readonly<{ bootstrap?: boolean }> = {}) {
  if (!options.bootstrap) assertCanWrite(ctx.principal, 'administration', null);
  const { events, result } = await runner.run(
    streams.user(userId),
    userDecider,
    { type: 'RotateUserToken', id: userId, tokenHash, expiresAt: input.expiresAt, reason: input.reason, now: ctx.now },
    ctx,
  );
  const rotated = events[0];
  // Nothing recorded: the token was already the user's (see the decider).
  if (rotated === undefined || result === null) return null;
  return { id: userId, expiresAt: rotated.type === 'UserTokenRotated' ? rotated.data.expiresAt : null, position: result.lastPosition };
}
