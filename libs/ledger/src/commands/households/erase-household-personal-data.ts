import { DomainError, assertCanWrite, householdDecider, rawInput, text } from '../../../../domain/src';
import type { AppendResult } from '../../ports/event-store.port';
import type { ReadStore } from '../../ports/read-store.port';
import type { HouseholdKeyStore } from '../../personal-data/household-keys.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { householdById } from '../lookups';

export type EraseHouseholdPersonalDataInput = Readonly<{ legalBasis: string; reason: string }>;

export function parseEraseHouseholdPersonalData(body: unknown): EraseHouseholdPersonalDataInput {
  const raw = rawInput(body);
  return { legalBasis: text('legalBasis', raw.legalBasis, 500), reason: text('reason', raw.reason, 2000) };
}

const erased = (householdId: string) => (r: AppendResult) => ({ householdId, personalDataErased: true as const, position: r.lastPosition });

/**
 * Crypto-shredding (Decree 13/2023/NĐ-CP, the data subject's right to erasure): the erasure is
 * recorded first, as the legal act, then the household's key is destroyed. Should the process die
 * between the two, the household already reads as erased (its document says so) and asking again
 * (409 ALREADY_ERASED) destroys the key that was left.
 */
export async function eraseHouseholdPersonalData(
  runner: CommandRunner,
  reads: ReadStore,
  keys: HouseholdKeyStore | null,
  householdId: string,
  input: EraseHouseholdPersonalDataInput,
  ctx: AppContext,
) {
  const household = await householdById(reads, ctx.principal, householdId);
  assertCanWrite(ctx.principal, 'administration', household.unitPath, 'only an administrator may erase personal data');
  try {
    const { result } = await runner.run(
      streams.household(householdId),
      householdDecider,
      { type: 'EraseHouseholdPersonalData', legalBasis: input.legalBasis, reason: input.reason },
      ctx,
      { respond: erased(householdId) },
    );
    keys?.destroy(householdId, ctx.now);
    return erased(householdId)(result!);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ALREADY_ERASED') keys?.destroy(householdId, ctx.now);
    throw error;
  }
}
