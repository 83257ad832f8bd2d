export type Decider<Command, Event, State> = Readonly<{
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}>;

export const fold = <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: Iterable<Event>, from?: State): State => {
  let state = from ?? decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
};
