import { assertCanWrite, householdDecider, rawInput, type HouseholdAssessed } from '../../../../domain/src';
import type { AppendResult } from '../../ports/event-store.port';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { householdById } from '../lookups';

import { assessmentFields, type AssessmentFields } from './household-inputs';

export type AssessHouseholdInput = AssessmentFields;

export const parseAssessHousehold = (body: unknown): AssessHouseholdInput => assessmentFields(rawInput(body));

const assessed = (r: AppendResult, events: readonly { type: string; data: unknown }[]) => {
  const d = (events[0] as HouseholdAssessed).data;
  return {
    id: d.assessmentId,
    position: r.lastPosition,
    classification: d.classification,
    previousClassification: d.previousClassification,
    standard: d.standard,
    rule: d.rule,
  };
};

export async function assessHousehold(runner: CommandRunner, reads: ReadStore, householdId: string, input: AssessHouseholdInput, ctx: AppContext) {
  const household = await householdById(reads, ctx.principal, householdId);
  assertCanWrite(ctx.principal, 'households', household.unitPath);
  const { result, events } = await runner.run(
    streams.household(householdId),
    householdDecider,
    { type: 'AssessHousehold', assessmentId: ctx.newId(), ...input },
    ctx,
    { respond: assessed },
  );
  return assessed(result!, events);
}
