import { fold, type Decider } from '../shared/decider';
import { DomainError, type ErrorCode } from '../shared/errors';

export type DeciderThen<Event> = Readonly<{
  /** The command emits exactly these events, in this order. */
  then: (expected: readonly Event[]) => void;
  /** The command is refused with a DomainError of this code; `details` (e.g. `{ field }`) must match too. */
  thenThrows: (code: ErrorCode, details?: Readonly<Record<string, unknown>>) => DomainError;
  /** The command is accepted and changes nothing (an idempotent repeat). */
  thenNothing: () => void;
}>;

/**
 * Given/when/then for deciders: `given` events are folded from the initial state on every `when`,
 * so one spec can be reused by several tests without sharing state.
 */
export const DeciderSpec = {
  for: <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
    given: (events: readonly Event[]) => ({
      when: (command: Command): DeciderThen<Event> => {
        const run = (): Event[] => decider.decide(command, fold(decider, events));
        return {
          then: (expected) => expect(run()).toEqual(expected),
          thenNothing: () => expect(run()).toEqual([]),
          thenThrows: (code, details) => {
            let thrown: unknown = undefined;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(DomainError);
            const error = thrown as DomainError;
            expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
            if (details) expect(error.details).toMatchObject(details);
            return error;
          },
        };
      },
    }),
  }),
};
