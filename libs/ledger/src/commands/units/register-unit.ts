import { assertCanWrite, unitDecider } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { unitRef } from '../lookups';

export type RegisterUnitInput = Readonly<{ code: unknown; name: unknown; level: unknown; parent?: unknown }>;

export async function registerUnit(runner: CommandRunner, reads: ReadStore, input: RegisterUnitInput, ctx: AppContext) {
  assertCanWrite(ctx.principal, 'administration', null);
  const parent = input.parent === undefined || input.parent === null ? null : await unitRef(reads, 'parent', input.parent);
  const code = String(input.code);
  const { result } = await runner.run(
    streams.unit(code),
    unitDecider,
    { type: 'RegisterUnit', code: input.code, name: input.name, level: input.level, parent: parent && { code: parent.code, level: parent.level } },
    ctx,
    { respond: (r) => ({ code, position: r.lastPosition }) },
  );
  return { code, position: result!.lastPosition };
}
