import { assertCanWrite, householdDecider, id, rawInput, reference } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { assertIdFree, unitRef } from '../lookups';
import { created } from '../allocations/responses';
import { householdFields, type HouseholdFields } from './household-inputs';

export type RegisterHouseholdInput = HouseholdFields & Readonly<{ id: string; unit: string }>;

export function parseRegisterHousehold(body: unknown): RegisterHouseholdInput {
  const raw = rawInput(body);
  return { id: id('id', raw.id), unit: reference('unit', raw.unit, 'a unit code'), ...householdFields(raw) };
}

export async function registerHousehold(runner: CommandRunner, reads: ReadStore, input: RegisterHouseholdInput, ctx: AppContext) {
  await assertIdFree(reads, ctx.principal, 'household', input.id);
  const unit = await unitRef(reads, ctx.principal, 'unit', input.unit);
  assertCanWrite(ctx.principal, 'households', unit.path);
  const { result } = await runner.run(
    streams.household(input.id),
    householdDecider,
    {
      type: 'RegisterHousehold',
      householdId: input.id,
      unit: unit.code,
      unitLevel: unit.level,
      area: input.area,
      members: input.members,
      headName: input.headName,
      ethnicMinority: input.ethnicMinority,
    },
    ctx,
    { respond: created(input.id) },
  );
  return created(input.id)(result!);
}
