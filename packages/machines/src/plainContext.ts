import type { AnyStateMachine } from 'xstate';

/** What the context is swapped for while the rest is persisted. */
const NO_CONTEXT = Object.freeze({});

/** `record` without its `undefined` members, which JSON would leave out. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

type Persisted = Record<string, unknown> & {
  children: Record<string, Record<string, unknown>>;
};

/**
 * `machine`, its persisted snapshot read without walking the context for
 * actors to write as references: Kuaiban's contexts hold child ids, never
 * actors, so xstate would give the context back unchanged, and it is taken
 * as it is. Children are persisted as xstate persists them. Members xstate
 * leaves `undefined` (no output, no error, no system id) are left out, as
 * JSON leaves them out: the snapshot is plain JSON as it stands, and a store
 * can keep it without copying.
 */
export function withPlainContext<T extends AnyStateMachine>(machine: T): T {
  const persist = machine.getPersistedSnapshot.bind(machine);
  machine.getPersistedSnapshot = (snapshot, options) => {
    const persisted = persist(
      { ...snapshot, context: NO_CONTEXT },
      options,
    ) as unknown as Persisted;
    const children: Record<string, unknown> = {};
    for (const id in persisted.children) {
      children[id] = defined(persisted.children[id]!);
    }
    const kept = defined(persisted);
    kept.context = snapshot.context;
    kept.children = children;
    return kept as unknown as ReturnType<T['getPersistedSnapshot']>;
  };
  return machine;
}
