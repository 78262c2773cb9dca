import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import { HOURS_PER_WORKING_DAY, materialsRequested } from '@kuaiban/core';

/**
 * What a chain design asks of an applicant on paper, the static side of the
 * 六减 metrics (SVC-SIX-CUTS); what cases actually take is the simulator's.
 */
export interface DesignFigures {
  /** Separate applications (办件), each a trip to a window unless done online. */
  readonly applications: number;
  /** Review steps (审查环节): chain steps, or departments of a parallel review. */
  readonly reviewSteps: number;
  /** Materials the applicant brings, after what earlier results and data sharing provide. */
  readonly materialsBrought: number;
  /** Working days of the longest path of statutory limits through the chain. */
  readonly statutoryDays: number;
  /** The same with the published promises (承诺时限) where there are any. */
  readonly promisedDays: number;
}

/** A limit in working days; calendar days at 5 in 7, hours at 8 a day (rounded up). */
function workingDays(item: ItemDefinition, days: number): number {
  switch (item.limits.statutory.unit) {
    case 'working-days':
      return days;
    case 'working-hours':
      return Math.ceil(days / HOURS_PER_WORKING_DAY);
    case 'calendar-days':
      return Math.ceil((days * 5) / 7);
  }
}

/** The longest path through `after`, each item weighted by `weight`. */
function longestPath(
  chain: ChainDefinition,
  weight: (item: ItemDefinition) => number,
): number {
  const finish = new Map<string, number>();
  const pending = [...chain.items];
  while (pending.length > 0) {
    const index = pending.findIndex((e) =>
      e.after.every((id) => finish.has(id)),
    );
    const { item, after } = pending.splice(index, 1)[0]!;
    const start = Math.max(0, ...after.map((id) => finish.get(id)!));
    finish.set(item.id, start + weight(item));
  }
  return Math.max(0, ...finish.values());
}

/**
 * The figures of a chain design: applications, review steps, materials
 * brought and the longest path of limits.
 *
 * @example
 * designFigures(CONSTRUCTION_PERMITS_COMPARISON.after).statutoryDays; // 180
 */
export function designFigures(chain: ChainDefinition): DesignFigures {
  const items = chain.items.map((entry) => entry.item);
  return {
    applications: items.length,
    reviewSteps: items.reduce(
      (sum, item) =>
        sum +
        (item.review.mode === 'chain'
          ? item.review.steps.length
          : item.review.departments.length),
      0,
    ),
    materialsBrought: items.reduce(
      (sum, item) => sum + materialsRequested(chain, item.id).length,
      0,
    ),
    statutoryDays: longestPath(chain, (item) =>
      workingDays(item, item.limits.statutory.days),
    ),
    promisedDays: longestPath(chain, (item) =>
      workingDays(
        item,
        item.limits.promised?.days ?? item.limits.statutory.days,
      ),
    ),
  };
}
