import {
  COMMITMENT_EXCLUDED_DOMAINS,
  ParallelApprovalInputSchema,
} from '@kuaiban/machines';
import type { ItemDefinition, LimitUnit } from './itemDefinition.js';
import type { CheckContext } from './itemDefinitionChecks.js';

// The cross-field rules of a service item. Each reads only fields that
// parsed, so one parse reports every problem.

/** Hours in a working day (国务院关于职工工作时间的规定 art. 3), for limits in working hours. */
export const HOURS_PER_WORKING_DAY = 8;

/** How a limit's unit reads in messages. */
const UNIT_LABELS: Readonly<Record<LimitUnit, { en: string; zh: string }>> = {
  'working-days': { en: 'working days', zh: '个工作日' },
  'working-hours': { en: 'working hours', zh: '个工作小时' },
  'calendar-days': { en: 'calendar days', zh: '个自然日' },
};

type ParallelReview = Extract<ItemDefinition['review'], { mode: 'parallel' }>;

/** Any day will do: the machine's own rules do not depend on it. */
const ANY_DAY = '2025-01-02';

/**
 * The parallel-approval machine's own rules (departments listed once,
 * dependencies known and acyclic, a reachable quorum, ALL-42-JOINT-45D), once
 * the review has its shape: one set of rules serves definition and machine.
 */
export function checkParallelReview(
  review: ParallelReview,
  { sound, issue }: CheckContext,
): void {
  if (!sound([])) return;
  const { mode: _mode, ...approval } = review;
  const result = ParallelApprovalInputSchema.safeParse({
    ...approval,
    startedOn: ANY_DAY,
  });
  for (const problem of result.error?.issues ?? []) {
    const zh = (problem as { params?: { zh?: string } }).params?.zh;
    issue(
      problem.path.map((key) => (typeof key === 'number' ? key : String(key))),
      problem.message,
      zh ?? problem.message,
    );
  }
}

/** Every cross-field rule of a service item. */
export function checkItem(item: ItemDefinition, context: CheckContext): void {
  checkKind(item, context);
  checkCommitmentMode(item, context);
  checkMaterials(item, context);
  checkLimits(item, context);
}

function checkKind(
  item: ItemDefinition,
  { sound, present, issue }: CheckContext,
): void {
  if (
    sound(['caseKind'], ['review', 'mode']) &&
    (item.caseKind === 'joint') !== (item.review.mode === 'parallel')
  ) {
    issue(
      ['caseKind'],
      'SVC-CLASS: a joint item (联办件) is reviewed in parallel (review.mode "parallel"), and an item reviewed in parallel is joint',
      'SVC-CLASS：联办件采用并联审批（review.mode 为 "parallel"），并联审批的事项即为联办件',
    );
  }
  if (
    sound(['reformMode'], ['caseKind']) &&
    item.reformMode === 'filing' &&
    item.caseKind !== 'on-the-spot'
  ) {
    issue(
      ['caseKind'],
      'ZZ-FILING: a filing (备案) is handled on the spot: the case kind must be "on-the-spot"',
      'ZZ-FILING：审批改为备案的事项当场办理，办件类型应为 "on-the-spot"（即办件）',
    );
  }
  if (sound(['review', 'mode']) && item.review.mode === 'chain') {
    const steps = present(['review', 'steps']) ? item.review.steps : [];
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (!sound(['review', 'steps', index, 'id'])) return;
      if (seen.has(step.id)) {
        issue(
          ['review', 'steps', index, 'id'],
          `review step id "${step.id}" is used twice`,
          `审查环节编号“${step.id}”重复`,
        );
      }
      seen.add(step.id);
    });
  }
}

function checkCommitmentMode(
  item: ItemDefinition,
  { sound, present, issue }: CheckContext,
): void {
  if (!sound(['reformMode']) || item.reformMode !== 'commitment') return;
  if (present(['acceptance']) && item.acceptance.commitment === undefined) {
    issue(
      ['acceptance', 'commitment'],
      'ZZ-COMMIT: an item reformed to notification-commitment (实行告知承诺) must define acceptance.commitment',
      'ZZ-COMMIT：实行告知承诺的事项必须定义 acceptance.commitment',
    );
  }
  const domain = sound(['acceptance', 'commitment', 'domain'])
    ? item.acceptance.commitment?.domain
    : undefined;
  const excluded = COMMITMENT_EXCLUDED_DOMAINS.find((d) => d.code === domain);
  if (excluded) {
    issue(
      ['acceptance', 'commitment', 'domain'],
      `GZ-EXCLUDED: notification-commitment is not allowed in the domain "${excluded.code}" (${excluded.name}), so the reform mode cannot be "commitment" (ZZ-COMMIT)`,
      `GZ-EXCLUDED：涉及${excluded.nameZh}的事项不得实行告知承诺，改革方式不能为 "commitment"（ZZ-COMMIT）`,
    );
  }
}

function checkMaterials(
  item: ItemDefinition,
  { sound, present, issue }: CheckContext,
): void {
  if (!present(['materials']) || item.materials.length === 0) return;
  const acceptanceKnown = present(['acceptance']);
  const tolerantOffered = acceptanceKnown && !!item.acceptance.tolerant;
  const commitmentOffered = acceptanceKnown && !!item.acceptance.commitment;
  // Per category: how many materials have it, and whether every one could be read.
  const count = { tolerable: 0, replaceable: 0, submitted: 0 };
  const unread = { tolerable: false, replaceable: false, submitted: false };
  const ids = new Set<string>();
  item.materials.forEach((material, index) => {
    const at = (key: string) => ['materials', index, key];
    if (sound(at('id'))) {
      if (ids.has(material.id)) {
        issue(
          at('id'),
          `material id "${material.id}" is used twice`,
          `材料编号“${material.id}”重复`,
        );
      }
      ids.add(material.id);
    }
    if (!sound(at('primary'), at('tolerable'))) {
      unread.tolerable = true;
    } else if (material.tolerable && material.primary) {
      issue(
        at('tolerable'),
        'RQ-COND: a primary material may not be missing at acceptance',
        'RQ-COND：主要材料不得容缺',
      );
    } else if (material.tolerable) {
      count.tolerable += 1;
      if (acceptanceKnown && !tolerantOffered) {
        issue(
          at('tolerable'),
          'RQ-COND: marked tolerable, but the item offers no tolerant acceptance (acceptance.tolerant)',
          'RQ-COND：已标为可容缺，但事项未提供容缺受理（acceptance.tolerant）',
        );
      }
    }
    if (!sound(at('replaceableByCommitment'))) {
      unread.replaceable = true;
    } else if (material.replaceableByCommitment) {
      count.replaceable += 1;
      if (acceptanceKnown && !commitmentOffered) {
        issue(
          at('replaceableByCommitment'),
          'GZ-NOTICE: only an item that offers notification-commitment (acceptance.commitment) replaces proofs by commitment',
          'GZ-NOTICE：事项未提供告知承诺（acceptance.commitment），材料不能以承诺替代',
        );
      }
    }
    if (!sound(at('sharedFrom'))) unread.submitted = true;
    else if (material.sharedFrom === undefined) count.submitted += 1;
  });
  if (tolerantOffered && count.tolerable === 0 && !unread.tolerable) {
    issue(
      ['acceptance', 'tolerant'],
      'RQ-COND: tolerant acceptance is offered, but no secondary material is marked tolerable',
      'RQ-COND：提供容缺受理，但没有标为可容缺的次要材料',
    );
  }
  if (commitmentOffered && count.replaceable === 0 && !unread.replaceable) {
    issue(
      ['acceptance', 'commitment'],
      'GZ-NOTICE: a commitment replaces at least one proof: mark the materials it replaces replaceableByCommitment',
      'GZ-NOTICE：告知承诺至少替代一项证明材料，请将被替代的材料标为 replaceableByCommitment',
    );
  }
  if (count.submitted === 0 && !unread.submitted) {
    issue(
      ['materials'],
      'SVC-SHARE: every material is obtained by data sharing, but acceptance needs at least one the applicant submits (the application form)',
      'SVC-SHARE：全部材料均通过数据共享获取，但受理至少需要申请人提交一项材料（如申请书）',
    );
  }
}

function checkLimits(
  item: ItemDefinition,
  { sound, issue }: CheckContext,
): void {
  const statutory = ['limits', 'statutory'];
  const promisedDays = ['limits', 'promised', 'days'];
  if (!sound([...statutory, 'days'], [...statutory, 'unit'], promisedDays)) {
    return;
  }
  const { days, unit } = item.limits.statutory;
  const label = UNIT_LABELS[unit];
  const promised = item.limits.promised?.days;
  if (promised !== undefined && promised > days) {
    issue(
      promisedDays,
      `SVC-LIMITS: the promised limit (${promised} ${label.en}) may not exceed the statutory one (${days})`,
      `SVC-LIMITS：承诺时限（${promised} ${label.zh}）不得超过法定时限（${days} ${label.zh}）`,
    );
  }
  const supplement = ['acceptance', 'tolerant', 'supplementDays'];
  const supplementDays = sound(supplement)
    ? item.acceptance.tolerant?.supplementDays
    : undefined;
  if (supplementDays === undefined) return;
  const limit = promised ?? days;
  const needed =
    unit === 'working-hours'
      ? supplementDays * HOURS_PER_WORKING_DAY
      : supplementDays;
  if (needed > limit) {
    issue(
      supplement,
      `RQ-DEADLINE: the supplement deadline (${supplementDays} working days) may not exceed the item's promised limit (${limit} ${label.en})`,
      `RQ-DEADLINE：补正期限（${supplementDays} 个工作日）不得超过事项的承诺时限（${limit} ${label.zh}）`,
    );
  }
}
