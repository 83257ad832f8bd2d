import { UNIT_LEVELS, assertCanWrite, id, nonBlank, oneOf, rawInput, reference, unitDecider, type UnitLevel } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitRef } from '../lookups';

export type RegisterUnitInput = Readonly<{ code: string; name: string; level: UnitLevel; parent: string | null }>;

export function parseRegisterUnit(body: unknown): RegisterUnitInput {
  const raw = rawInput(body);
  return {
    code: id('code', raw.code),
    name: nonBlank('name', raw.name, 200),
    level: oneOf('level', raw.level, UNIT_LEVELS),
    parent: raw.parent === undefined || raw.parent === null ? null : reference('parent', raw.parent, 'a unit code'),
  };
}

export async function registerUnit(runner: CommandRunner, reads: ReadStore, input: RegisterUnitInput, ctx: AppContext) {
  assertCanWrite(ctx.principal, 'administration', null);
  const parent = input.parent === null ? null : await unitRef(reads, ctx.principal, 'parent', input.parent);
  const code = input.code;
  const { result } = await runner.run(
    streams.unit(code),
    unitDecider,
    { type: 'RegisterUnit', code, name: input.name, level: input.level, parent: parent && { code: parent.code, level: parent.level } },
    ctx,
    { respond: (r) => ({ code, position: r.lastPosition }) },
  );
  return { code, position: result!.lastPosition };
}
