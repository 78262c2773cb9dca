import type { Opinion, ParallelApprovalSpec } from '@kuaiban/machines';
import {
  JoinPolicySchema,
  RejectionModeSchema,
  ReviewDepartmentSchema,
  joinOutcome,
} from '@kuaiban/machines';
import { z } from 'zod';
import type { WitnessStep } from './Finding.js';

type Spec = Pick<ParallelApprovalSpec, 'departments' | 'join' | 'rejection'>;

/** The parts of a parallel review the search needs, read even from a design that fails validation. */
const ReviewPartsSchema = z.object({
  mode: z.literal('parallel'),
  departments: z.array(ReviewDepartmentSchema).min(1),
  join: JoinPolicySchema,
  rejection: RejectionModeSchema,
});

/** The parallel review of a raw design, when its departments and join can be read. */
export function parallelSpec(raw: unknown): Spec | null {
  const review = (raw as { review?: unknown } | null)?.review;
  const parsed = ReviewPartsSchema.safeParse(review);
  return parsed.success ? parsed.data : null;
}

/** What the search over every order of the departments' moves found. */
export interface ParallelSoundness {
  readonly outcome: 'sound' | 'unsound' | 'inconclusive';
  readonly visited: number;
  readonly approvedReachable: boolean;
  readonly rejectedReachable: boolean;
  /** A path to a state from which the joint review can never end. */
  readonly stuck: readonly WitnessStep[] | null;
  /** A path to the approval, when there is one. */
  readonly toApproval: readonly WitnessStep[] | null;
}

// One department: waiting for prerequisites, reviewing, paused for a
// supplement, escalated, or decided.
const WAITING = 0;
const REVIEWING = 1;
const PAUSED = 2;
const ESCALATED = 3;
const APPROVED = 4;
const REJECTED = 5;
const NAMES = [
  'waiting',
  'reviewing',
  'supplement',
  'escalated',
  'approve',
  'reject',
];

/**
 * Searches every interleaving of the departments of a parallel review (their
 * opinions, supplement pauses, timeouts, escalations and prerequisite
 * results) for a state from which the join can never decide, up to
 * `stateCap` states; beyond it the answer is "inconclusive", not a hang.
 */
export function parallelSoundness(
  spec: Spec,
  stateCap: number,
): ParallelSoundness {
  const { departments } = spec;
  const ids = departments.map((d) => d.id);
  const needs = departments.map((d) =>
    d.dependsOn.map((id) => ids.indexOf(id)).filter((i) => i >= 0),
  );
  const decided = (s: readonly number[], i: number) => (s[i] ?? 0) >= APPROVED;
  const settle = (s: number[]): number[] => {
    for (let changed = true; changed;) {
      changed = false;
      s.forEach((value, i) => {
        if (value === WAITING && (needs[i] ?? []).every((j) => decided(s, j))) {
          s[i] = REVIEWING;
          changed = true;
        }
      });
    }
    return s;
  };
  const outcomeOf = (s: readonly number[]) => {
    const opinions: Record<string, Opinion> = {};
    s.forEach((value, i) => {
      const id = ids[i] ?? '';
      if (value === APPROVED) opinions[id] = 'approve';
      if (value === REJECTED) opinions[id] = 'reject';
    });
    return joinOutcome(spec, opinions);
  };
  const key = (s: readonly number[]) => s.join('');
  const start = settle(departments.map(() => WAITING));
  const parents = new Map<string, { from: string; step: WitnessStep } | null>([
    [key(start), null],
  ]);
  const states = new Map<string, number[]>([[key(start), start]]);
  const forward = new Map<string, string[]>();
  const ends = { approved: [] as string[], rejected: [] as string[] };
  const queue = [start];
  let capped = false;
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] ?? [];
    const from = key(state);
    const outcome = outcomeOf(state);
    if (outcome !== null) {
      ends[outcome].push(from);
      continue;
    }
    const next: string[] = [];
    state.forEach((value, i) => {
      const department = departments[i];
      if (!department) return;
      const moves: [number, string][] = [];
      if (value === REVIEWING) {
        moves.push(
          [APPROVED, 'OPINION approve'],
          [REJECTED, 'OPINION reject'],
          [PAUSED, 'REQUEST_SUPPLEMENT'],
        );
        const timeout = department.onTimeout;
        moves.push(
          timeout.action === 'deem'
            ? [
                timeout.opinion === 'approve' ? APPROVED : REJECTED,
                'TICK (deemed)',
              ]
            : [ESCALATED, 'TICK (escalated)'],
        );
      } else if (value === PAUSED) {
        moves.push([REVIEWING, 'SUPPLEMENT_PROVIDED']);
      } else if (value === ESCALATED) {
        moves.push(
          [APPROVED, 'ESCALATION_RESOLVED approve'],
          [REJECTED, 'ESCALATION_RESOLVED reject'],
        );
      }
      for (const [to, event] of moves) {
        const after = [...state];
        after[i] = to;
        settle(after);
        const id = key(after);
        next.push(id);
        if (states.has(id)) continue;
        if (states.size >= stateCap) {
          capped = true;
          continue;
        }
        states.set(id, after);
        parents.set(id, {
          from,
          step: {
            from: describe(ids, state),
            event: `${department.id}: ${event}`,
            to: describe(ids, after),
          },
        });
        queue.push(after);
      }
    });
    forward.set(from, next);
  }
  const pathTo = (id: string): WitnessStep[] => {
    const steps: WitnessStep[] = [];
    for (let at = parents.get(id); at; at = parents.get(at.from)) {
      steps.unshift(at.step);
    }
    return steps;
  };
  const canEnd = new Set([...ends.approved, ...ends.rejected]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, next] of forward) {
      if (!canEnd.has(from) && next.some((id) => canEnd.has(id))) {
        canEnd.add(from);
        grew = true;
      }
    }
  }
  const stuck = capped
    ? undefined
    : [...states.keys()].find((id) => !canEnd.has(id));
  const firstApproval = ends.approved[0];
  return {
    outcome: capped ? 'inconclusive' : stuck ? 'unsound' : 'sound',
    visited: states.size,
    approvedReachable: ends.approved.length > 0 || capped,
    rejectedReachable: ends.rejected.length > 0 || capped,
    stuck: stuck === undefined ? null : pathTo(stuck),
    toApproval: firstApproval === undefined ? null : pathTo(firstApproval),
  };
}

function describe(ids: readonly string[], state: readonly number[]): string {
  return state.map((value, i) => `${ids[i]}=${NAMES[value]}`).join(', ');
}
