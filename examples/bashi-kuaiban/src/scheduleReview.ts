import type { CaseView, ItemDefinition } from '@kuaiban/core';
import type { CasePlan } from './casePlan.js';
import type { DueDate } from './driveCase.js';

/** A command to send on a date. */
export interface Action {
  readonly date: string;
  readonly run: () => Promise<CaseView>;
}

/** `n` working days, in words. */
export const workingDays = (n: number) =>
  n === 1 ? '1 working day' : `${n} working days`;

/**
 * Schedules the review opinions of a case accepted on `startedOn`: a chain's
 * steps one after another, a parallel review's departments each once the
 * results it depends on are in (GC-LEAD), with each department's own due
 * date. Returns the day the last opinion is given.
 */
export function scheduleReview(
  item: ItemDefinition,
  plan: CasePlan,
  startedOn: string,
  actions: Action[],
  send: (command: Record<string, unknown>) => Promise<CaseView>,
  plus: (date: string, days: number) => string,
  dueDates: DueDate[],
): string {
  const days = (id: string) => plan.reviewDays?.[id] ?? 1;
  if (item.review.mode === 'chain') {
    let date = startedOn;
    for (const step of item.review.steps) {
      date = plus(date, days(step.id));
      actions.push({
        date,
        run: () =>
          send({
            type: 'REVIEW_OPINION',
            actor: { id: `${step.id}-officer`, role: step.role },
            step: step.id,
            opinion: 'approve',
          }),
      });
    }
    return date;
  }
  // GC-LEAD: a department starts when the results it depends on are in.
  const decided = new Map<string, string>();
  const departments = item.review.departments;
  while (decided.size < departments.length) {
    for (const department of departments) {
      if (decided.has(department.id)) continue;
      if (!department.dependsOn.every((id) => decided.has(id))) continue;
      const starts = department.dependsOn
        .map((id) => decided.get(id)!)
        .reduce((a, b) => (a > b ? a : b), startedOn);
      const date = plus(starts, days(department.id));
      decided.set(department.id, date);
      dueDates.push({
        label: `${department.nameZh}`,
        date: plus(starts, department.limitDays),
        rule: `GC-LEAD: ${workingDays(department.limitDays)} from the day it may start`,
      });
      actions.push({
        date,
        run: () =>
          send({
            type: 'OPINION',
            actor: {
              id: `${department.id}-chief`,
              role: 'department-approver',
              department: department.id,
            },
            department: department.id,
            opinion: 'approve',
          }),
      });
    }
  }
  return [...decided.values()].reduce((a, b) => (a > b ? a : b), startedOn);
}
