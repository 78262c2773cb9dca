import type { WorkCalendar } from '@kuaiban/calendar';
import type { CaseView, Engine, ItemDefinition } from '@kuaiban/core';
import { requestedMaterials } from '@kuaiban/core';
import type { Party } from '@kuaiban/machines';
import type { CasePlan } from './casePlan.js';
import type { Action } from './scheduleReview.js';
import { scheduleReview, workingDays } from './scheduleReview.js';

/** A date a case is held to, and the rule that sets it. */
export interface DueDate {
  readonly label: string;
  readonly date: string;
  /** The DOMAIN.md code and the item's own basis. */
  readonly rule: string;
}

/** What happened to one case, as the timeline shows it. */
export interface CaseRecord {
  readonly caseId: string;
  readonly item: ItemDefinition;
  readonly route: CasePlan['route'];
  readonly submittedOn: string;
  readonly acceptedOn: string;
  readonly decidedOn: string;
  readonly issuedOn: string;
  /** Working days in (submitted, issued] (TIME-WORKDAY, TIME-NEXT-DAY): 0 is the same day. */
  readonly workingDays: number;
  /** The promised limit in working days, as the case clock counts it. */
  readonly promisedDays: number;
  /** Decided within the promise (SVC-LIMITS). */
  readonly withinPromise: boolean;
  readonly dueDates: readonly DueDate[];
  /** Materials the applicant brought. */
  readonly asked: readonly string[];
  /** Proofs a signed commitment replaced (告知承诺, GZ-NOTICE). */
  readonly committed: readonly string[];
  /** Materials earlier items' results provided (SVC-SHARE). */
  readonly provided: readonly string[];
  /** Materials read by data sharing from outside the chain (SVC-SHARE). */
  readonly shared: readonly string[];
  readonly tolerated: readonly string[];
  readonly finalState: unknown;
}

/** What the driver needs from its surroundings. */
export interface CaseContext {
  readonly engine: Engine;
  readonly calendar: WorkCalendar;
  /** Moves the engine's clock to a date (10:00 in Asia/Shanghai). */
  readonly setDate: (date: string) => void;
  /** The id the engine will give the next case. */
  readonly setNextCaseId: (caseId: string) => void;
  readonly applicantId: string;
}

const COMPLETE_NOTICE = {
  item: true,
  conditions: true,
  replacedProofs: true,
  howToCommit: true,
  rightToVerify: true,
  consequences: true,
};

const inUnit = (
  n: number,
  unit: ItemDefinition['limits']['statutory']['unit'],
) => {
  switch (unit) {
    case 'working-days':
      return workingDays(n);
    case 'working-hours':
      return `${n} working hours`;
    case 'calendar-days':
      return `${n} calendar days`;
  }
};

/**
 * Drives one case of `item` on the engine from submission to archive, the
 * way `plan` says, with every command dated by the engine's clock.
 */
export async function driveCase(
  context: CaseContext,
  item: ItemDefinition,
  plan: CasePlan,
  options: {
    readonly caseId: string;
    readonly submittedOn: string;
    readonly providedMaterials: readonly string[];
  },
): Promise<CaseRecord> {
  const { engine, calendar, setDate, applicantId } = context;
  const { caseId, submittedOn, providedMaterials } = options;
  const applicant: Party = { id: applicantId, role: 'applicant' };
  const handler = item.roles?.handler ?? { id: `${item.id}-window` };
  const officer: Party = { id: handler.id, role: 'window-officer' };
  const head: Party = { id: `${item.department.id}-head`, role: 'agency-head' };
  const send = (command: Record<string, unknown>) =>
    engine.dispatch(caseId, command);
  const plus = (date: string, days: number) =>
    calendar.addWorkingDays(date, days);

  setDate(submittedOn);
  context.setNextCaseId(caseId);
  await engine.submit({
    itemId: item.id,
    applicant: { id: applicantId },
    handler,
    route: plan.route,
    providedMaterials: [...providedMaterials],
  });
  const limits = (await engine.history(caseId))[0]?.command as unknown as {
    input: { limits: { statutoryDays: number; promisedDays?: number } };
  };
  const promisedDays =
    limits.input.limits.promisedDays ?? limits.input.limits.statutoryDays;
  await send({ type: 'PRE_REVIEW_PASSED', actor: officer });

  const requested = requestedMaterials(item, providedMaterials);
  const committed =
    plan.route === 'commitment'
      ? requested.filter((m) => m.replaceableByCommitment).map((m) => m.id)
      : [];
  const tolerated = plan.tolerate
    ? requested.filter((m) => m.tolerable).map((m) => m.id)
    : [];
  const dueDates: DueDate[] = [];
  let view: CaseView;
  if (plan.route === 'commitment') {
    await send({
      type: 'GIVE_NOTICE',
      actor: officer,
      contents: COMPLETE_NOTICE,
    });
    await send({ type: 'CHOOSE_COMMITMENT', actor: applicant });
    await send({
      type: 'SIGN_COMMITMENT',
      actor: applicant,
      text: `本单位承诺符合${item.nameZh}的条件，以承诺代替${requested
        .filter((m) => m.replaceableByCommitment)
        .map((m) => m.nameZh)
        .join('、')}，愿意承担不实承诺的法律责任`,
    });
    view = await send({ type: 'DECIDE', actor: officer, approve: true });
    const verify = item.acceptance.commitment?.verifyWithinDays ?? 0;
    dueDates.push({
      label: 'verification 核查',
      date: plus(submittedOn, verify),
      rule: `GZ-VERIFY: ${workingDays(verify)} after the decision (${item.acceptance.commitment?.verificationBasis ?? ''})`,
    });
  } else {
    view = await send({
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: requested.map((m) => ({
        materialId: m.id,
        status: tolerated.includes(m.id) ? 'missing' : 'complete',
      })),
    });
    if (tolerated.length > 0) {
      view = await send({
        type: 'ACCEPT_TOLERANCE',
        actor: applicant,
        commitment: { text: `承诺按期补交${tolerated.join('、')}` },
      });
    }
  }
  const acceptedOn = submittedOn;
  const supplementDue = view.facts.dueDates.supplement;
  if (supplementDue) {
    dueDates.push({
      label: 'supplement 补正',
      date: supplementDue,
      rule: `RQ-DEADLINE: ${workingDays(item.acceptance.tolerant?.supplementDays ?? 0)} (${item.acceptance.tolerant?.basis ?? ''})`,
    });
  }
  if (view.facts.dueDates.decision) {
    dueDates.push({
      label: 'decision 法定时限',
      date: view.facts.dueDates.decision,
      rule: `TIME-WORKDAY, TIME-NEXT-DAY: ${inUnit(item.limits.statutory.days, item.limits.statutory.unit)} (${item.limits.statutory.basis})`,
    });
  }
  dueDates.push({
    label: 'promise 承诺时限',
    date: plus(acceptedOn, promisedDays),
    rule: `SVC-LIMITS: ${workingDays(promisedDays)} (${item.limits.promised?.basis ?? item.limits.statutory.basis})`,
  });

  const actions: Action[] = [];
  let ready = acceptedOn;
  if (tolerated.length > 0 && plan.tolerate) {
    ready = plus(acceptedOn, plan.tolerate.supplyAfterDays);
    actions.push({
      date: ready,
      run: () =>
        send({ type: 'SUPPLEMENT', actor: applicant, materialIds: tolerated }),
    });
  }
  let reviewed = acceptedOn;
  const onTheSpot = item.caseKind === 'on-the-spot';
  if (plan.route === 'standard' && !onTheSpot) {
    reviewed = scheduleReview(
      item,
      plan,
      acceptedOn,
      actions,
      send,
      plus,
      dueDates,
    );
  }
  let decidedOn = acceptedOn;
  if (plan.route === 'standard') {
    const latest = reviewed > ready ? reviewed : ready;
    decidedOn = plus(latest, plan.decideAfterDays ?? 0);
    actions.push({
      date: decidedOn,
      run: () => send({ type: 'APPROVE', actor: onTheSpot ? officer : head }),
    });
  }
  const issuedOn = plus(decidedOn, plan.issueAfterDays ?? 0);
  actions.push({
    date: issuedOn,
    run: async () => {
      const decided = await engine.get(caseId);
      if (decided.facts.dueDates.issuance) {
        dueDates.push({
          label: 'certificate 发证',
          date: decided.facts.dueDates.issuance,
          rule: `ALL-44-ISSUE-10D: ${workingDays(item.issuance.days)} after the decision`,
        });
      }
      await send({
        type: 'ISSUE_CERTIFICATE',
        actor: officer,
        certificateNo: `${item.id}-${caseId}`,
      });
      return send({ type: 'RATE', actor: applicant, grade: 'very-satisfied' });
    },
  });

  let last = view;
  for (const action of [...actions].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  )) {
    setDate(action.date);
    last = await action.run();
  }
  return {
    caseId,
    item,
    route: plan.route,
    submittedOn,
    acceptedOn,
    decidedOn,
    issuedOn,
    workingDays: calendar.workingDaysBetween(submittedOn, issuedOn),
    promisedDays,
    withinPromise:
      calendar.workingDaysBetween(acceptedOn, decidedOn) <= promisedDays,
    dueDates: [...dueDates].sort((a, b) => (a.date < b.date ? -1 : 1)),
    asked: requested.filter((m) => !committed.includes(m.id)).map((m) => m.id),
    committed,
    provided: [...providedMaterials],
    shared: item.materials.filter((m) => m.sharedFrom).map((m) => m.id),
    tolerated,
    finalState: last.state,
  };
}
