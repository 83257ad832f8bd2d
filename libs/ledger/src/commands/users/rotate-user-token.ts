import { assertCanWrite, optionalInstant, rawInput, text, userDecider } from '../../../../domain/src';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';

export type RotateUserTokenInput = Readonly<{ reason: string; expiresAt: string | null }>;

export function parseRotateUserToken(body: unknown): RotateUserTokenInput {
  const raw = rawInput(body);
  return { reason: text('reason', raw.reason, 500), expiresAt: optionalInstant('expiresAt', raw.expiresAt) };
}

/**
 * An administrator replaces a user's token: the edge makes the new token and passes its hash; the
 * old token stops working at the event's position. `bootstrap` is the start-up's own rotation of
 * the bootstrap administrator's token (LEDGER_ADMIN_TOKEN changed), recorded under "system".
 * Null when nothing was recorded: the token already was the user's (see the decider).
 */
export async function rotateUserToken(
  runner: CommandRunner,
  userId: string,
  input: RotateUserTokenInput,
  tokenHash: string,
  ctx: AppContext,
  options: Readonly<{ bootstrap?: boolean }> = {},
) {
  if (!options.bootstrap) assertCanWrite(ctx.principal, 'administration', null);
  const { result } = await runner.run(
    streams.user(userId),
    userDecider,
    { type: 'RotateUserToken', id: userId, tokenHash, expiresAt: input.expiresAt, reason: input.reason, now: ctx.now },
    ctx,
  );
  if (result === null) return null;
  return { id: userId, expiresAt: input.expiresAt, position: result.lastPosition };
}
