import { ROLES, assertCanWrite, id, invalid, nonBlank, oneOf, optionalInstant, rawInput, reference, userDecider, type Role } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitRef } from '../lookups';

export type RegisterUserInput = Readonly<{ id: string; name: string; role: Role; units: readonly string[]; expiresAt: string | null }>;

export function parseRegisterUser(body: unknown): RegisterUserInput {
  const raw = rawInput(body);
  const units = raw.units ?? [];
  if (!Array.isArray(units)) throw invalid('units', 'must be a list of unit codes');
  if (units.length > 100) throw invalid('units', 'must contain no more than 100 elements');
  return {
    id: id('id', raw.id),
    name: nonBlank('name', raw.name, 200),
    role: oneOf('role', raw.role, ROLES),
    units: units.map((code: unknown, i) => reference(`units[${i}]`, code, 'a unit code')),
    expiresAt: optionalInstant('expiresAt', raw.expiresAt),
  };
}

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
  for (const [i, code] of input.units.entries()) await unitRef(reads, ctx.principal, `units[${i}]`, code);
  const { result } = await runner.run(
    streams.user(input.id),
    userDecider,
    { type: 'RegisterUser', id: input.id, name: input.name, role: input.role, units: input.units, tokenHash, expiresAt: input.expiresAt, now: ctx.now },
    ctx,
  );
  return { id: input.id, expiresAt: input.expiresAt, position: result!.lastPosition };
}
