import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';

interface StateNodeLike {
  readonly id: string;
  readonly key: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly initial?: { readonly target: readonly StateNodeLike[] };
  readonly states: Readonly<Record<string, StateNodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly AnyTransitionDefinition[]>;
  readonly always?: readonly AnyTransitionDefinition[];
}

const idOf = (node: { id: string }): string => node.id.replace(/[^\w]/g, '_');

/** A guard's name: `[a & b]` for `and([...])`, `[guard]` for an inline function. */
function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    return String(guard.type);
  }
  if (typeof guard === 'function' && 'guards' in guard) {
    const parts = (guard as { guards: unknown[] }).guards.map(guardLabel);
    if (guard.name === 'not') return `!${parts.join('')}`;
    return parts.join(guard.name === 'or' ? ' | ' : ' & ');
  }
  return 'guard';
}

function guardName(transition: AnyTransitionDefinition): string {
  const guard = transition.guard as unknown;
  return guard === undefined ? '' : ` [${guardLabel(guard)}]`;
}

/** Ids of a node's ancestors, outermost first (`a.b.c` → `a`, `a.b`). */
function ancestors(node: { id: string }): string[] {
  const parts = node.id.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Every transition as a Mermaid edge, filed under the innermost box holding
 * both ends, so that no box mentions a state it does not contain.
 */
function edgesByBox(nodes: readonly StateNodeLike[]): Map<string, string[]> {
  const boxes = new Map<string, string[]>();
  for (const node of nodes) {
    const add = (transition: AnyTransitionDefinition, label: string): void => {
      for (const target of (transition.target ??
        []) as unknown as StateNodeLike[]) {
        const theirs = new Set(ancestors(target));
        const box =
          ancestors(node)
            .filter((id) => theirs.has(id))
            .at(-1) ?? '';
        const line = `${idOf(node)} --> ${idOf(target)} : ${label}${guardName(transition)}`;
        boxes.set(box, [...(boxes.get(box) ?? []), line]);
      }
    };
    for (const [eventType, list] of node.transitions) {
      if (eventType.startsWith('xstate.')) continue;
      const label = eventType === '*' ? 'any event' : eventType;
      for (const transition of list) add(transition, label);
    }
    for (const transition of node.always ?? []) add(transition, '(always)');
  }
  return boxes;
}

function allNodes(node: StateNodeLike): StateNodeLike[] {
  return [node, ...Object.values(node.states).flatMap(allNodes)];
}

function body(
  node: StateNodeLike,
  indent: string,
  boxes: Map<string, string[]>,
): string[] {
  const children = Object.values(node.states);
  const lines: string[] = [];
  const initial = node.initial?.target[0];
  if (node.type === 'compound' && initial) {
    lines.push(`${indent}[*] --> ${idOf(initial)}`);
  }
  children.forEach((child, index) => {
    if (node.type === 'parallel' && index > 0) lines.push(`${indent}--`);
    if (Object.keys(child.states).length > 0) {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
      lines.push(...body(child, `${indent}  `, boxes));
      lines.push(`${indent}}`);
    } else {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
    }
    if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
  });
  for (const line of boxes.get(node.id) ?? []) lines.push(`${indent}${line}`);
  return lines;
}

/**
 * A Mermaid `stateDiagram-v2` of a machine, read from the machine itself:
 * every state (nested and parallel), every transition with its event and
 * guard. Transitions defined on the machine's root apply from any state and
 * start at the outer box.
 *
 * @example
 * toMermaid(deadlineClockMachine); // 'stateDiagram-v2\n  state "deadlineClock" as …'
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root as unknown as StateNodeLike;
  const boxes = edgesByBox(allNodes(root));
  return [
    'stateDiagram-v2',
    `  state "${root.id}" as ${idOf(root)} {`,
    ...body(root, '    ', boxes),
    '  }',
    `  [*] --> ${idOf(root)}`,
    ...(boxes.get('') ?? []).map((line) => `  ${line}`),
  ].join('\n');
}
