import { assertCanWrite, invalid, userDecider } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitRef } from '../lookups';

export type RegisterUserInput = Readonly<{ id: unknown; name: unknown; role: unknown; units?: unknown; expiresAt?: unknown }>;

/** The caller (the edge) makes the token and its hash; only the hash enters the log. */
export async function registerUser(
  runner: CommandRunner,
  reads: ReadStore,
  input: RegisterUserInput,
  tokenHash: string,
  ctx: AppContext,
  options: Readonly<{ bootstrap?: boolean }> = {},
) {
  if (!options.bootstrap) assertCanWrite(ctx.principal, 'administration', null);
  const units = input.units ?? [];
  if (!Array.isArray(units)) throw invalid('units', 'must be a list of unit codes');
  for (const [i, code] of units.entries()) await unitRef(reads, ctx.principal, `units[${i}]`, code);
  const id = String(input.id);
  const { events, result } = await runner.run(
    streams.user(id),
    userDecider,
    { type: 'RegisterUser', id: input.id, name: input.name, role: input.role, units: units as string[], tokenHash, expiresAt: input.expiresAt, now: ctx.now },
    ctx,
  );
  const registered = events[0]!;
  return { id, expiresAt: registered.type === 'UserRegistered' ? registered.data.expiresAt : null, position: result!.lastPosition };
}
