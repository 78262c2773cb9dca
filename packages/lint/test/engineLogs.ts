import { createChinaCalendar } from '@kuaiban/calendar';
import type { CaseHistory, ItemDefinitionInput } from '@kuaiban/core';
import { createEngine, defineItem } from '@kuaiban/core';
import type { Party } from '@kuaiban/machines';

export const calendar = createChinaCalendar();
const bakery = (id: string): Party => ({ id, role: 'applicant' });
const head: Party = { id: 'head-wang', role: 'agency-head' };

/** How one food-permit case goes: dates of its steps and who reviews it. */
export interface FoodStory {
  readonly submitted?: string;
  /** A correction notice for a defective proof, on this date (within the window). */
  readonly noticeOn?: string;
  /** The date the materials are checked complete (late: acceptance is deemed). */
  readonly checkOn?: string;
  readonly reviewOn?: string;
  readonly reviewer?: string;
  readonly decideOn?: string;
  readonly issueOn?: string;
  /** Pause the statutory clock for expert review between these dates. */
  readonly pause?: readonly [string, string];
  /** Refuse at the window instead (with the supervisor's confirmation). */
  readonly refuse?: boolean;
}

/**
 * Runs food-permit cases through the real engine (memory store, a clock the
 * story moves) and returns their audit trails for export.
 */
export async function foodPermitHistories(
  input: ItemDefinitionInput,
  stories: readonly FoodStory[],
): Promise<CaseHistory[]> {
  let now = '2025-09-01T09:00:00.000+08:00';
  let next = 0;
  const engine = createEngine({
    items: [defineItem(input)],
    calendar,
    clock: { now: () => now },
    ids: () => `case-${String(++next).padStart(4, '0')}`,
  });
  const at = (date: string) => {
    now = `${date}T10:00:00.000+08:00`;
  };
  const histories: CaseHistory[] = [];
  for (const [index, story] of stories.entries()) {
    const applicant = bakery(`bakery-${index}`);
    const officer: Party = { id: 'officer-chen', role: 'window-officer' };
    at(story.submitted ?? '2025-09-01');
    const { caseId } = await engine.submit({
      itemId: input.id,
      applicant: { id: applicant.id },
      handler: { id: 'officer-chen', backup: 'officer-liu' },
    });
    if (story.refuse) {
      await engine.dispatch(caseId, {
        type: 'PROPOSE_REFUSAL',
        actor: officer,
        reason: '不属于本机关职权范围',
        route: '向区卫健委申请',
      });
      await engine.dispatch(caseId, {
        type: 'CONFIRM_REFUSAL',
        actor: { id: 'supervisor-zhao', role: 'supervisor' },
      });
      histories.push({
        caseId,
        itemId: input.id,
        entries: await engine.history(caseId),
      });
      continue;
    }
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    if (story.noticeOn) {
      at(story.noticeOn);
      await engine.dispatch(caseId, {
        type: 'MATERIALS_CHECKED',
        actor: officer,
        findings: [
          { materialId: 'application', status: 'complete' },
          { materialId: 'premises-proof', status: 'defective' },
          { materialId: 'food-safety-rules', status: 'complete' },
        ],
      });
      await engine.dispatch(caseId, {
        type: 'ISSUE_NOTICE',
        actor: officer,
        items: [{ materialId: 'premises-proof', problem: '缺少产权证明' }],
      });
      await engine.dispatch(caseId, {
        type: 'MATERIALS_SUPPLIED',
        actor: applicant,
        materialIds: ['premises-proof'],
      });
    }
    if (story.checkOn) at(story.checkOn);
    await engine.dispatch(caseId, {
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'premises-proof', status: 'complete' },
        { materialId: 'food-safety-rules', status: 'complete' },
      ],
    });
    if (story.pause) {
      at(story.pause[0]);
      await engine.dispatch(caseId, {
        type: 'PAUSE',
        actor: { id: story.reviewer ?? 'reviewer-li', role: 'reviewer' },
        writtenNoticeOn: story.pause[0],
        pause: { reason: 'expert-review' },
      });
      at(story.pause[1]);
      await engine.dispatch(caseId, {
        type: 'RESUME',
        actor: { id: story.reviewer ?? 'reviewer-li', role: 'reviewer' },
      });
    }
    at(story.reviewOn ?? '2025-09-03');
    await engine.dispatch(caseId, {
      type: 'REVIEW_OPINION',
      actor: { id: story.reviewer ?? 'reviewer-li', role: 'reviewer' },
      step: 'site-review',
      opinion: 'approve',
    });
    at(story.decideOn ?? story.reviewOn ?? '2025-09-03');
    await engine.dispatch(caseId, { type: 'APPROVE', actor: head });
    at(story.issueOn ?? story.decideOn ?? story.reviewOn ?? '2025-09-04');
    await engine.dispatch(caseId, {
      type: 'ISSUE_CERTIFICATE',
      actor: officer,
      certificateNo: `JY-${index}`,
    });
    await engine.dispatch(caseId, {
      type: 'RATE',
      actor: applicant,
      grade: 'satisfied',
    });
    histories.push({
      caseId,
      itemId: input.id,
      entries: await engine.history(caseId),
    });
  }
  return histories;
}

/** One construction-permit case: each department's opinion date, in order. */
export async function constructionPermitHistories(
  input: ItemDefinitionInput,
  opinions: readonly (readonly [string, string, 'approve' | 'reject'])[][],
): Promise<CaseHistory[]> {
  let now = '2025-09-01T09:00:00.000+08:00';
  let next = 0;
  const engine = createEngine({
    items: [defineItem(input)],
    calendar,
    clock: { now: () => now },
    ids: () => `joint-${++next}`,
  });
  const at = (date: string) => {
    now = `${date}T10:00:00.000+08:00`;
  };
  const officer: Party = { id: 'window-7', role: 'window-officer' };
  const histories: CaseHistory[] = [];
  for (const [index, story] of opinions.entries()) {
    at('2025-09-01');
    const applicant = bakery(`developer-${index}`);
    const { caseId } = await engine.submit({
      itemId: input.id,
      applicant: { id: applicant.id },
      handler: { id: 'window-7', backup: 'window-8' },
    });
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    await engine.dispatch(caseId, {
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'drawing-review', status: 'complete' },
      ],
    });
    let last = '2025-09-01';
    for (const [department, date, opinion] of story) {
      at(date);
      last = date;
      await engine.dispatch(caseId, {
        type: 'OPINION',
        actor: {
          id: `${department}-approver`,
          role: 'department-approver',
          department,
        },
        department,
        opinion,
      });
    }
    at(last);
    const rejected = story.some(([, , opinion]) => opinion === 'reject');
    await engine.dispatch(
      caseId,
      rejected
        ? {
            type: 'DENY',
            actor: head,
            reasons: ['消防设计不合格'],
            remedies: { administrativeReview: true, lawsuit: true },
          }
        : { type: 'APPROVE', actor: head },
    );
    histories.push({
      caseId,
      itemId: input.id,
      entries: await engine.history(caseId),
    });
  }
  return histories;
}
