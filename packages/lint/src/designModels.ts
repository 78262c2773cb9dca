import type { CompiledItem, MachineGraph } from '@kuaiban/core';
import { machineGraph, requestedMaterials } from '@kuaiban/core';
import type {
  MachineAnalysis,
  MachineModel,
  Reading,
  Transition,
} from './analyzeMachine.js';
import { analyzeMachine } from './analyzeMachine.js';
import { both, readGuard } from './readGuard.js';
import type { ParallelSoundness } from './parallelSoundness.js';
import { STATE_ID } from './machineStates.js';

interface NodeLike {
  readonly id: string;
  readonly states: Readonly<Record<string, NodeLike>>;
  readonly initial?: { readonly target?: readonly { readonly id: string }[] };
}

/** A machine's graph with the initial child of each compound state. */
export function machineModel(
  name: string,
  machine: unknown,
  graph: MachineGraph = machineGraph(machine as never),
): MachineModel {
  const initial = new Map<string, string>();
  const walk = (node: NodeLike): void => {
    const first = node.initial?.target?.[0]?.id;
    if (first !== undefined && Object.keys(node.states).length > 0) {
      initial.set(node.id, first);
    }
    Object.values(node.states).forEach(walk);
  };
  walk((machine as { root: NodeLike }).root);
  return { name, graph, initial };
}

const T: Reading = { actual: 'T', intended: 'T' };
const OPEN: Reading = { actual: '?', intended: '?' };
/** Not part of this design: the route is not offered. */
const ABSENT: Reading = { actual: 'F', intended: 'F' };
/** Offered by the design, but it can never be taken. */
const DEAD: Reading = { actual: 'F', intended: '?' };

/** Guards that only say the event is a lawful command or a child's notice. */
const VALIDITY = new Set([
  'may',
  'fromChild',
  'forwardable',
  'allowed',
  'permitted',
  'isTick',
]);

const offered = (usable: boolean): Reading => (usable ? OPEN : DEAD);

/** The review chain's steps become states of their own: `case.reviewing.<step>`. */
function unrollChain(
  model: MachineModel,
  steps: readonly string[],
): MachineModel {
  const reviewing = STATE_ID.reviewing;
  const stepState = (i: number) => `${reviewing}.${steps[i] ?? ''}`;
  const states = [
    ...model.graph.states,
    ...steps.map((_, i) => ({
      id: stepState(i),
      final: false,
      parent: reviewing,
    })),
  ];
  const transitions: Transition[] = [];
  for (const t of model.graph.transitions) {
    if (t.source !== reviewing || !t.guard?.includes('currentStep')) {
      transitions.push(t);
      continue;
    }
    steps.forEach((_, i) => {
      const last = i === steps.length - 1;
      const approvesOnward =
        t.targets.length === 0 && (t.guard ?? '').includes('stepApproves');
      // The last step's approval is the transition to the decision.
      if (approvesOnward && last) return;
      transitions.push({
        source: stepState(i),
        event: t.event,
        guard: (t.guard ?? '').replace(
          'lastStep',
          last ? 'chainTrue' : 'chainFalse',
        ),
        targets: approvesOnward ? [stepState(i + 1)] : t.targets,
      });
    });
  }
  const initial = new Map(model.initial);
  initial.set(reviewing, stepState(0));
  return { ...model, graph: { states, transitions }, initial };
}

/** The analyses of one design: the case machine and the patterns it runs. */
export interface DesignModels {
  readonly case: MachineAnalysis;
  readonly children: readonly MachineAnalysis[];
}

const reaches = (analysis: MachineAnalysis | undefined, state: string) =>
  analysis !== undefined &&
  [...analysis.reached.keys()].some(
    (leaf) => leaf === state || leaf.startsWith(`${state}.`),
  );

/**
 * Reads the compiled case machine and its patterns for one item: guards that
 * depend on the item (its case kind, review, 容缺 and 告知承诺 options) are
 * decided from the definition; the rest stay open.
 */
export function designModels(
  compiled: CompiledItem,
  parallel: ParallelSoundness | null,
): DesignModels {
  const item = compiled.definition;
  const requested = requestedMaterials(item);
  const { tolerant, commitment } = item.acceptance;
  const toleranceUsable =
    tolerant !== undefined && requested.some((m) => m.tolerable && !m.primary);
  const commitmentUsable =
    commitment !== undefined &&
    commitment.domain === 'ordinary' &&
    requested.some((m) => m.replaceableByCommitment);
  const actors = (
    compiled.machine as unknown as {
      implementations: { actors: Record<string, unknown> };
    }
  ).implementations.actors;
  const child = (
    name: string,
    atoms: Readonly<Record<string, Reading>>,
  ): MachineAnalysis | undefined => {
    const machine = actors[name];
    if (machine === undefined) return undefined;
    return analyzeMachine(machineModel(name, machine), (t) =>
      readGuard(t.guard, (atom) =>
        VALIDITY.has(atom) ? T : (atoms[atom] ?? OPEN),
      ),
    );
  };
  const acceptance = child('tolerantAcceptance', {
    toleranceApplies: tolerant ? offered(toleranceUsable) : ABSENT,
  });
  const commitmentAnalysis = commitment
    ? child('notificationCommitment', {
        excludedDomain:
          commitment.domain === 'ordinary'
            ? ABSENT
            : { actual: 'T', intended: '?' },
      })
    : undefined;
  const parallelAnalysis =
    item.review.mode === 'parallel'
      ? child('parallelApproval', {
          joinApproves: offered(parallel?.approvedReachable ?? true),
          joinRejects: offered(parallel?.rejectedReachable ?? true),
        })
      : undefined;
  const clock = child('deadlineClock', {});

  const chain = item.review.mode === 'chain';
  const onTheSpot = item.caseKind === 'on-the-spot';
  const caseAtoms: Readonly<Record<string, Reading>> = {
    chainTrue: T,
    chainFalse: ABSENT,
    onTheSpot: onTheSpot ? T : ABSENT,
    parallelReview: chain ? ABSENT : T,
    currentStep: chain ? T : ABSENT,
    acceptanceLapsed: tolerant
      ? offered(reaches(acceptance, STATE_ID.toleranceLapsed))
      : ABSENT,
    commitmentOrdinary: commitment
      ? offered(reaches(commitmentAnalysis, STATE_ID.commitmentOrdinaryRoute))
      : ABSENT,
  };
  const commitmentEvent = (state: string): Reading =>
    commitment
      ? offered(commitmentUsable && reaches(commitmentAnalysis, state))
      : ABSENT;
  /** Whether the pattern that sends a notice can send it, for this item. */
  const notice = (event: string): Reading => {
    switch (event) {
      case 'ACCEPTANCE.PROVISIONAL':
        return tolerant
          ? offered(reaches(acceptance, STATE_ID.toleranceProvisional))
          : ABSENT;
      case 'ACCEPTANCE.ACCEPTED':
        return offered(reaches(acceptance, STATE_ID.toleranceAccepted));
      case 'COMMITMENT.GRANTED':
        return commitmentEvent(STATE_ID.commitmentGranted);
      case 'COMMITMENT.REVOKED':
        return commitmentEvent(STATE_ID.commitmentRevoked);
      case 'xstate.done.actor.commitment':
        return commitment ? OPEN : ABSENT;
      case 'PARALLEL.DONE':
        return chain
          ? ABSENT
          : offered(
              (parallel?.approvedReachable ?? true) ||
                (parallel?.rejectedReachable ?? true),
            );
      default:
        return T;
    }
  };
  const caseAtom = (atom: string): Reading =>
    VALIDITY.has(atom) ? T : (caseAtoms[atom] ?? OPEN);
  let caseModel = machineModel('case', compiled.machine, compiled.graph);
  if (item.review.mode === 'chain') {
    caseModel = unrollChain(
      caseModel,
      item.review.steps.map((s) => s.id),
    );
  }
  const caseAnalysis = analyzeMachine(caseModel, (t) => {
    const available = notice(t.event);
    if (available.actual === 'F' && available.intended === 'F')
      return available;
    return both(available, readGuard(t.guard, caseAtom));
  });
  return {
    case: caseAnalysis,
    children: [acceptance, commitmentAnalysis, parallelAnalysis, clock].filter(
      (a): a is MachineAnalysis => a !== undefined,
    ),
  };
}
