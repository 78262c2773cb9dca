import type { AnyStateMachine } from 'xstate';

/** A static description of a machine: its states and transitions. */
export interface MachineGraph {
  readonly states: readonly {
    readonly id: string;
    readonly final: boolean;
    readonly parent: string | null;
  }[];
  readonly transitions: readonly {
    readonly source: string;
    /** The event type; `*` for a wildcard, `''` for an eventless (`always`) one. */
    readonly event: string;
    /** Target state ids; empty for a transition that stays put. */
    readonly targets: readonly string[];
    /** `may`, `and(may, lastStep)` …; `null` when unguarded. */
    readonly guard: string | null;
  }[];
}

interface TransitionLike {
  readonly eventType: string;
  readonly target?: readonly { readonly id: string }[] | undefined;
  readonly guard?: unknown;
}

interface NodeLike {
  readonly id: string;
  readonly type: string;
  readonly parent?: { readonly id: string } | undefined;
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly always?: readonly TransitionLike[] | undefined;
}

/** A guard's name: `may`, or `and(may, lastStep)` for xstate's combinators. */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  const { type, name, guards } = guard as {
    type?: string;
    name?: string;
    guards?: readonly unknown[];
  };
  if (guards) return `${name ?? 'guard'}(${guards.map(guardName).join(', ')})`;
  return type ?? (name || 'inline');
}

function nodesOf(node: NodeLike): NodeLike[] {
  return [node, ...Object.values(node.states).flatMap(nodesOf)];
}

/**
 * Every state (id, final or not, parent) and every transition (source,
 * event, targets, guard) of a machine, in document order: what lint rules
 * and the simulator read without running it.
 *
 * @example
 * machineGraph(compiled.machine).states.filter((s) => s.final).map((s) => s.id);
 * // ['case.refused', 'case.withdrawn', 'case.lapsed', 'case.revoked']
 */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const nodes = nodesOf(machine.root as NodeLike);
  return {
    states: nodes.map((node) => ({
      id: node.id,
      final: node.type === 'final',
      parent: node.parent?.id ?? null,
    })),
    transitions: nodes.flatMap((node) =>
      [...[...node.transitions.values()].flat(), ...(node.always ?? [])].map(
        (transition) => ({
          source: node.id,
          event: transition.eventType,
          targets: (transition.target ?? []).map((target) => target.id),
          guard:
            transition.guard === undefined ? null : guardName(transition.guard),
        }),
      ),
    ),
  };
}
