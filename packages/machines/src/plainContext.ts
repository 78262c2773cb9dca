import type { AnyStateMachine } from 'xstate';

/** What the context is swapped for while xstate persists the rest. */
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

/** What a persisted snapshot needs of a child actor. */
interface ChildActor {
  readonly src: unknown;
  readonly systemId?: string;
  readonly _syncSnapshot?: boolean;
  getPersistedSnapshot(): unknown;
}

/** What a persisted snapshot needs of a machine snapshot. */
interface PersistableSnapshot {
  readonly status: string;
  readonly output?: unknown;
  readonly error?: unknown;
  readonly value: unknown;
  readonly historyValue?: Record<string, readonly { id: string }[]>;
  readonly context: unknown;
  readonly children: Record<string, ChildActor | undefined>;
}

/** History states by the ids of the nodes they remember, as xstate writes them. */
function historyOf(
  historyValue: PersistableSnapshot['historyValue'],
): Record<string, { id: string }[]> {
  const written: Record<string, { id: string }[]> = {};
  if (typeof historyValue !== 'object' || historyValue === null) return written;
  for (const key in historyValue) {
    const nodes: unknown = historyValue[key];
    if (Array.isArray(nodes)) {
      written[key] = (nodes as readonly { id: string }[]).map(({ id }) => ({
        id,
      }));
    }
  }
  return written;
}

/**
 * The persisted snapshot xstate writes (status, output, error, value,
 * history, context, children by id with their source, system id and sync
 * flag), written directly: the context is taken as it is, for Kuaiban's
 * contexts hold child ids, never actors, so xstate would give it back
 * unchanged; members that are `undefined` are left out, as JSON leaves them
 * out. `null` when xstate must write it itself (an inline child actor, which
 * xstate refuses to persist).
 */
function persistedPlainly(
  snapshot: PersistableSnapshot,
): Record<string, unknown> | null {
  const children: Record<string, unknown> = {};
  for (const id in snapshot.children) {
    const child = snapshot.children[id];
    if (!child || typeof child.src !== 'string') return null;
    const entry: Record<string, unknown> = {
      snapshot: child.getPersistedSnapshot(),
      src: child.src,
    };
    if (child.systemId !== undefined) entry.systemId = child.systemId;
    if (child._syncSnapshot !== undefined) {
      entry.syncSnapshot = child._syncSnapshot;
    }
    children[id] = entry;
  }
  const persisted: Record<string, unknown> = { status: snapshot.status };
  if (snapshot.output !== undefined) persisted.output = snapshot.output;
  if (snapshot.error !== undefined) persisted.error = snapshot.error;
  persisted.value = snapshot.value;
  persisted.historyValue = historyOf(snapshot.historyValue);
  persisted.context = snapshot.context;
  persisted.children = children;
  return persisted;
}

/**
 * `machine`, its persisted snapshot written as plain JSON as it stands (see
 * {@link persistedPlainly}), so that a store can keep it without copying.
 * With options (xstate's `__unsafeAllowInlineActors`), xstate writes it, and
 * the context is still taken as it is.
 */
export function withPlainContext<T extends AnyStateMachine>(machine: T): T {
  const persist = machine.getPersistedSnapshot.bind(machine);
  machine.getPersistedSnapshot = (snapshot, options) => {
    const plain = options === undefined ? persistedPlainly(snapshot) : null;
    if (plain) return plain as ReturnType<T['getPersistedSnapshot']>;
    const persisted = persist(
      { ...snapshot, context: NO_CONTEXT },
      options,
    ) as unknown as Record<string, unknown>;
    const kept = defined(persisted);
    const children: Record<string, unknown> = {};
    for (const id in persisted.children as Record<string, object>) {
      children[id] = defined(
        (persisted.children as Record<string, Record<string, unknown>>)[id]!,
      );
    }
    kept.context = snapshot.context;
    kept.children = children;
    return kept as unknown as ReturnType<T['getPersistedSnapshot']>;
  };
  return machine;
}
