import type { AnyStateMachine } from 'xstate';

/** What the context is swapped for while the rest is persisted. */
const NO_CONTEXT = Object.freeze({});

/**
 * `machine`, its persisted snapshot read without walking the context for
 * actors to write as references: Kuaiban's contexts hold child ids, never
 * actors, so xstate would give the context back unchanged, and it is taken
 * as it is. Children are persisted as xstate persists them.
 */
export function withPlainContext<T extends AnyStateMachine>(machine: T): T {
  const persist = machine.getPersistedSnapshot.bind(machine);
  machine.getPersistedSnapshot = (snapshot, options) => {
    const persisted = persist(
      { ...snapshot, context: NO_CONTEXT },
      options,
    ) as unknown as { context: unknown };
    persisted.context = snapshot.context;
    return persisted as unknown as ReturnType<T['getPersistedSnapshot']>;
  };
  return machine;
}
