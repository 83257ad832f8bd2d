import { allocationDecider, assertCanWriteNote, assertId, optionalDay, rawInput, text, vietnamDay, type Day } from '../../../../domain/src';
import type { ReadStore } from '../../ports/read-store.port';
import { streams } from '../../streams';
import type { CommandRunner } from '../command-runner';
import type { AppContext } from '../context';
import { allocationById } from '../lookups';

export type RecordNoteInput = Readonly<{ text: string; asOf: Day | null }>;

export function parseRecordNote(body: unknown): RecordNoteInput {
  const raw = rawInput(body);
  return { text: text('text', raw.text, 2000), asOf: optionalDay('asOf', raw.asOf) };
}

export const noteResponse = (id: string, allocationId: string) => (r: { lastPosition: number }) => ({ id, allocationId, position: r.lastPosition });

/** A progress note on an allocation: why its money is or is not spent yet (issue 12). */
export async function recordNote(runner: CommandRunner, reads: ReadStore, allocationId: string, input: RecordNoteInput, ctx: AppContext) {
  const allocation = await allocationById(reads, ctx.principal, allocationId);
  assertCanWriteNote(ctx.principal, allocation.unitPath);
  const id = ctx.newId();
  assertId('id', id);
  const respond = noteResponse(id, allocationId);
  const { result } = await runner.run(
    streams.allocation(allocationId),
    allocationDecider,
    { type: 'RecordNote', noteId: id, text: input.text, asOf: input.asOf, today: vietnamDay(ctx.now) },
    ctx,
    { respond },
  );
  return respond(result!);
}
