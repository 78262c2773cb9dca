import type {
  AnyStateMachine,
  AnyTransitionDefinition,
  EventObject,
  SnapshotFrom,
} from 'xstate';
import { createActor } from 'xstate';

interface StateNodeLike {
  id: string;
  states: Record<string, StateNodeLike>;
  transitions: Map<string, AnyTransitionDefinition[]>;
  always?: AnyTransitionDefinition[];
}

function nodesOf(node: StateNodeLike): StateNodeLike[] {
  return [node, ...Object.values(node.states).flatMap(nodesOf)];
}

function keyOf(
  node: StateNodeLike,
  transition: AnyTransitionDefinition,
): string {
  const always = node.always ?? [];
  const alwaysIndex = always.indexOf(transition);
  if (alwaysIndex >= 0) return `${node.id} (always) #${alwaysIndex + 1}`;
  const eventType = transition.eventType as string;
  const list = node.transitions.get(eventType) ?? [];
  return `${node.id} ${eventType} #${list.indexOf(transition) + 1}`;
}

/** Every state node id and every transition (with its guard alternative) of a machine. */
export function definitionOf(machine: AnyStateMachine): {
  states: Set<string>;
  transitions: Set<string>;
} {
  const nodes = nodesOf(machine.root);
  const transitions = new Set<string>();
  for (const node of nodes) {
    for (const list of node.transitions.values()) {
      for (const transition of list) transitions.add(keyOf(node, transition));
    }
    for (const transition of node.always ?? []) {
      transitions.add(keyOf(node, transition));
    }
  }
  return { states: new Set(nodes.map((n) => n.id)), transitions };
}

export interface ExploreOptions<TEvent extends EventObject> {
  input: unknown;
  /** Candidate events in a given state: the model's "what can happen next". */
  events: (snapshot: SnapshotFrom<AnyStateMachine>) => readonly TEvent[];
  /** What makes two snapshots the same vertex; defaults to value and context. */
  serializeState?: (snapshot: SnapshotFrom<AnyStateMachine>) => string;
  /** At most this many vertices are expanded. */
  limit?: number;
}

/**
 * Model-based exploration, breadth first: from every distinct snapshot, every
 * candidate event is sent to a real actor restored from the persisted
 * snapshot, recording the transitions taken and the state nodes entered.
 * Every edge of the reachable graph runs once; restoring on every step also
 * exercises persistence.
 */
export function explore<TEvent extends EventObject>(
  machine: AnyStateMachine,
  options: ExploreOptions<TEvent>,
): {
  states: Set<string>;
  transitions: Set<string>;
  vertices: number;
} {
  const serialize =
    options.serializeState ??
    ((snapshot: SnapshotFrom<AnyStateMachine>) =>
      JSON.stringify([snapshot.value, snapshot.context]));
  const nodes = new Map(
    nodesOf(machine.root as unknown as StateNodeLike).map((n) => [n.id, n]),
  );
  const states = new Set<string>();
  const transitions = new Set<string>();
  const run = (persisted: unknown, event?: TEvent) => {
    const actor = createActor(machine, {
      input: options.input,
      ...(persisted === undefined ? {} : { snapshot: persisted as never }),
      inspect: (inspection) => {
        if (inspection.type !== '@xstate.microstep') return;
        // Only the machine under test, not its children; `actor` itself is
        // not assigned yet while the initial microsteps are inspected.
        if (inspection.actorRef.sessionId !== inspection.rootId) return;
        for (const transition of inspection._transitions) {
          const source = nodes.get(transition.source.id);
          if (!source) continue;
          transitions.add(keyOf(source, transition));
          // Transient states are left within the step: record them too.
          states.add(source.id);
        }
      },
    });
    actor.start();
    if (event) actor.send(event);
    const snapshot = actor.getSnapshot();
    for (const node of snapshot._nodes as { id: string }[]) states.add(node.id);
    const next = JSON.parse(
      JSON.stringify(actor.getPersistedSnapshot()),
    ) as unknown;
    actor.stop();
    return { snapshot, persisted: next };
  };
  const first = run(undefined);
  const seen = new Set([serialize(first.snapshot)]);
  const queue = [first];
  const limit = options.limit ?? 5_000;
  while (queue.length > 0 && seen.size <= limit) {
    const vertex = queue.shift();
    if (!vertex || vertex.snapshot.status !== 'active') continue;
    for (const event of options.events(vertex.snapshot)) {
      const next = run(vertex.persisted, event);
      const key = serialize(next.snapshot);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return { states, transitions, vertices: seen.size };
}

/** Names what the exploration missed, for a readable failure. */
export function missing(
  machine: AnyStateMachine,
  explored: { states: Set<string>; transitions: Set<string> },
): { states: string[]; transitions: string[] } {
  const all = definitionOf(machine);
  return {
    states: [...all.states].filter((s) => !explored.states.has(s)),
    transitions: [...all.transitions].filter(
      (t) => !explored.transitions.has(t),
    ),
  };
}
