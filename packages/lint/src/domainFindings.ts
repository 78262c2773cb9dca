import type { CompiledItem } from '@kuaiban/core';
import { caseCommandRoles } from '@kuaiban/machines';
import type { MachineAnalysis } from './analyzeMachine.js';
import type { DesignModels } from './designModels.js';
import type { Draft, Finding } from './Finding.js';
import { finding } from './Finding.js';
import type { LintConfig } from './lintConfig.js';
import { STATE_ID, STATE_SUFFIX } from './machineStates.js';

/** A basis that names a law, regulation or rule (法, 条例, 规定, 办法, art. n). */
const CITES_LAW = /法|条例|规定|办法|决定|通知|细则|art\.|第.+条/;

/** The transitions of a machine that can fire for this design. */
function liveEdges(analysis: MachineAnalysis) {
  return [...analysis.edges]
    .filter(([leaf]) => analysis.reached.has(leaf))
    .flatMap(([leaf, edges]) =>
      edges.filter((e) => e.actual).map((e) => ({ leaf, ...e })),
    );
}

const childNamed = (models: DesignModels, name: string) =>
  models.children.find((c) => c.model.name === name);

/** What the compiled machine must guarantee, whatever the item: read from its graph. */
function guarantees(models: DesignModels): Draft[] {
  const out: Draft[] = [];
  const caseEdges = liveEdges(models.case);
  const intoRefused = caseEdges.filter((e) => e.to.includes(STATE_ID.refused));
  const supervisorOnly = (event: string) => {
    const roles = (caseCommandRoles as Record<string, readonly string[]>)[
      event
    ];
    return roles !== undefined && roles.every((r) => r === 'supervisor');
  };
  for (const edge of intoRefused) {
    if (
      edge.transition.event !== 'CONFIRM_REFUSAL' ||
      !supervisorOnly(edge.transition.event)
    ) {
      out.push({
        rule: 'refusal-confirmed',
        message: `${edge.leaf} --${edge.transition.event}--> refused: a refusal without a supervisor's confirmation`,
        messageZh: `${edge.leaf} 经 ${edge.transition.event} 直接不予受理，未经负责人确认`,
        witness: [
          {
            from: edge.leaf,
            event: edge.transition.event,
            to: STATE_ID.refused,
          },
        ],
      });
    }
  }
  for (const edge of caseEdges) {
    if (
      edge.transition.event === 'DENY' &&
      !(edge.transition.guard ?? '').includes('lawfulDenial')
    ) {
      out.push({
        rule: 'denial-remedies',
        message: `${edge.leaf} --DENY--> without the lawfulDenial guard: a denial need not state reasons and remedies`,
        messageZh: `${edge.leaf} 的 DENY 迁移无 lawfulDenial 守卫：不予许可可以不说明理由和救济途径`,
      });
    }
  }
  const rated = caseEdges.some((e) => e.transition.event === 'RATE');
  if (!models.case.reached.has(STATE_ID.rating) || !rated) {
    out.push({
      rule: 'rating-step',
      message: 'no case reaches a rating step (好差评) with a RATE transition',
      messageZh: '办件无法进入好差评环节（缺少 RATE 迁移）',
    });
  }
  for (const analysis of models.children) {
    for (const edge of liveEdges(analysis)) {
      const event = edge.transition.event;
      if (
        (event === 'ISSUE_NOTICE' || event === 'ISSUE_MERGED_NOTICE') &&
        !edge.leaf.endsWith(STATE_SUFFIX.noticePending)
      ) {
        out.push({
          rule: 'one-merged-notice',
          message: `${edge.leaf} accepts ${event}: a second notice without new material`,
          messageZh: `${edge.leaf} 可再次发出 ${event}：无新材料而再次告知`,
        });
      }
      if (
        analysis.model.name === 'parallelApproval' &&
        edge.to.some((to) => to.endsWith(STATE_SUFFIX.noticeIssued)) &&
        event !== 'ISSUE_MERGED_NOTICE'
      ) {
        out.push({
          rule: 'one-merged-notice',
          message: `${edge.leaf} --${event}--> noticeIssued: departments notify the applicant without the lead's merged notice`,
          messageZh: `${edge.leaf} 经 ${event} 直接告知申请人，未经牵头部门合并告知`,
        });
      }
    }
  }
  return out;
}

/**
 * The domain rules: 容缺, 告知承诺, notices, refusals, deemed outcomes,
 * data sharing, denial, posts, rating and the reform mode, read from the
 * definition and the compiled machine.
 */
export function domainFindings(
  compiled: CompiledItem,
  models: DesignModels,
  config: LintConfig,
): Finding[] {
  const item = compiled.definition;
  const out: Draft[] = guarantees(models);
  const { commitment, tolerant } = item.acceptance;
  if (commitment && commitment.domain !== 'ordinary') {
    out.push({
      rule: 'commitment-domain',
      message: `notification-commitment is offered in the excluded domain "${commitment.domain}": every application will take the ordinary route`,
      messageZh: `在排除领域“${commitment.domain}”提供告知承诺：所有申请都将按一般程序办理`,
      path: ['acceptance', 'commitment', 'domain'],
    });
  }
  const commitmentMachine = childNamed(models, 'notificationCommitment');
  if (commitment && commitmentMachine && commitment.domain === 'ordinary') {
    const declines = liveEdges(commitmentMachine).some(
      (e) =>
        e.transition.event === 'DECLINE_COMMITMENT' &&
        e.to.some((to) => to === STATE_ID.commitmentOrdinaryRoute),
    );
    const backToOrdinary = liveEdges(models.case).some((e) =>
      (e.transition.guard ?? '').includes('commitmentOrdinary'),
    );
    if (!declines || !backToOrdinary) {
      out.push({
        rule: 'commitment-choice',
        message:
          'an applicant offered notification-commitment cannot decline it and take the ordinary route',
        messageZh: '申请人无法拒绝告知承诺并改走一般程序',
        path: ['acceptance', 'commitment'],
      });
    }
    const verifies = liveEdges(commitmentMachine).some(
      (e) => e.transition.event === 'VERIFY',
    );
    if (!verifies || !CITES_LAW.test(commitment.verificationBasis)) {
      out.push({
        rule: 'commitment-verification',
        message: verifies
          ? `the verification period's basis "${commitment.verificationBasis}" cites no law or rule`
          : 'no decision on commitment is ever verified (核查)',
        messageZh: verifies
          ? `核查期限的依据“${commitment.verificationBasis}”未引用法律法规`
          : '告知承诺决定永远不会被核查',
        path: ['acceptance', 'commitment', 'verificationBasis'],
      });
    }
  }
  if (tolerant) {
    item.materials.forEach((material, index) => {
      if (material.tolerable && material.sharedFrom) {
        out.push({
          rule: 'tolerance-secondary-only',
          message: `material "${material.id}" is marked tolerable but is obtained by data sharing, so it is never missing`,
          messageZh: `材料“${material.id}”标为可容缺，但通过数据共享获取，不会缺少`,
          path: ['materials', index, 'tolerable'],
        });
      }
    });
  }
  if (item.review.mode === 'parallel') {
    item.review.departments.forEach((department, index) => {
      const timeout = department.onTimeout;
      if (timeout.action === 'deem' && !CITES_LAW.test(timeout.basis)) {
        out.push({
          rule: 'deemed-outcome-basis',
          message: `department "${department.id}" deems "${timeout.opinion}" on timeout on the basis "${timeout.basis}", which names no law`,
          messageZh: `部门“${department.id}”超时视为“${timeout.opinion}”，依据“${timeout.basis}”未指明法律`,
          path: ['review', 'departments', index, 'onTimeout', 'basis'],
        });
      }
    });
  }
  const sharedNames = new Set(
    item.materials.filter((m) => m.sharedFrom).map((m) => m.nameZh),
  );
  item.materials.forEach((material, index) => {
    if (material.sharedFrom) return;
    if (
      config.sharedMaterials.includes(material.id) ||
      sharedNames.has(material.nameZh)
    ) {
      out.push({
        rule: 'shared-material-not-requested',
        message: `material "${material.id}" (${material.nameZh}) is requested from the applicant although data sharing provides it`,
        messageZh: `材料“${material.id}”（${material.nameZh}）可通过数据共享获取，却要求申请人提交`,
        path: ['materials', index, 'sharedFrom'],
      });
    }
  });
  const handler = item.roles?.handler;
  if (handler && handler.backup === undefined) {
    out.push({
      rule: 'backup-post',
      message: `the handling post "${handler.id}" has no backup (B岗)`,
      messageZh: `经办岗位“${handler.id}”未设 B 岗`,
      path: ['roles', 'handler', 'backup'],
    });
  } else if (!handler && config.preset === 'strict') {
    out.push({
      rule: 'backup-post',
      message: 'the item names no handling post, so no backup is on record',
      messageZh: '事项未指定经办岗位，无法确认 B 岗',
      path: ['roles', 'handler'],
    });
  }
  if (item.rating.rectifyDays > 15) {
    out.push({
      rule: 'rating-step',
      message: `a bad rating is rectified within ${item.rating.rectifyDays} working days; local rules set 5 or 15`,
      messageZh: `差评整改期限为 ${item.rating.rectifyDays} 个工作日，地方规定为 5 或 15 个工作日`,
      path: ['rating', 'rectifyDays'],
    });
  }
  if (item.reformMode === 'filing' && (commitment || tolerant)) {
    out.push({
      rule: 'reform-mode',
      code: 'ZZ-FILING',
      message:
        'a filing (备案) takes the materials as they are: it offers neither 容缺 nor 告知承诺',
      messageZh: '备案事项按所交材料当场办理，不适用容缺受理或告知承诺',
      path: ['acceptance'],
    });
  }
  const promised = item.limits.promised?.days;
  if (
    item.reformMode === 'optimize' &&
    (promised === undefined || promised >= item.limits.statutory.days)
  ) {
    out.push({
      rule: 'reform-mode',
      code: 'ZZ-OPTIMIZE',
      severity: 'warning',
      message:
        'an item reformed by optimizing (优化审批服务) publishes a promised limit shorter than the statutory one',
      messageZh: '优化审批服务的事项应公布短于法定时限的承诺时限',
      path: ['limits', 'promised'],
    });
  }
  return out.map((draft) => finding({ ...draft, itemId: item.id }));
}
