import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import type { ItemDefinition } from '@kuaiban/core';
import { createEngine } from '@kuaiban/core';
import type { Party } from '@kuaiban/machines';
import type { CasePlan } from '../src/casePlan.js';
import { driveCase } from '../src/driveCase.js';

export const calendar = createChinaCalendar();

/** An engine on the national calendar with a clock the test moves. */
export function harness(items: readonly ItemDefinition[]) {
  let now = '2025-01-02';
  let nextId = 'case-1';
  const engine = createEngine({
    items,
    calendar,
    clock: { now: () => `${now}T10:00:00.000+08:00` },
    ids: () => nextId,
  });
  const context = {
    engine,
    calendar,
    applicantId: 'lvyuan-packaging',
    setDate: (date: string) => {
      now = date;
    },
    setNextCaseId: (caseId: string) => {
      nextId = caseId;
    },
  };
  return {
    engine,
    /** Moves the clock to a date. */
    on: (date: string) => context.setDate(date),
    /** Drives one case of `item` as `plan` says, from `submittedOn`. */
    drive: (
      item: ItemDefinition,
      plan: CasePlan,
      submittedOn: string,
      providedMaterials: readonly string[] = [],
    ) =>
      driveCase(context, item, plan, {
        caseId: `${item.id}-${submittedOn}`,
        submittedOn,
        providedMaterials,
      }),
    /** Submits a case of `item` on the clock's date; returns its id. */
    submit: async (
      item: ItemDefinition,
      extra: {
        route?: 'standard' | 'commitment';
        providedMaterials?: string[];
      } = {},
    ) => {
      nextId = `${item.id}-${now}`;
      const view = await engine.submit({
        itemId: item.id,
        applicant: { id: 'lvyuan-packaging' },
        handler: item.roles?.handler ?? { id: 'window' },
        ...extra,
      });
      return view.caseId;
    },
  };
}

export const applicant: Party = { id: 'lvyuan-packaging', role: 'applicant' };
export const officer: Party = { id: 'window', role: 'window-officer' };
export const head: Party = { id: 'head', role: 'agency-head' };
export const approver = (department: string): Party => ({
  id: `${department}-chief`,
  role: 'department-approver',
  department,
});

/** The due date of a record by its label's start. */
export const due = (
  record: { dueDates: readonly { label: string; date: string }[] },
  label: string,
) => record.dueDates.find((d) => d.label.startsWith(label))?.date;

/** The error code a promise rejects with, or 'ok'. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}
