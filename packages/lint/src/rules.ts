/** How much a finding matters: an `error` fails the check. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule is about: the design's machine, its time, or the law's content. */
export type RuleKind = 'structure' | 'time' | 'domain' | 'conformance';

/** One lint rule as published in the catalogue (docs/lint/rules.md). */
export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  /** The DOMAIN.md code the rule enforces. */
  readonly code: string;
  readonly severity: Severity;
  /** The legal or policy text the rule rests on. */
  readonly basis: string;
  readonly description: string;
  readonly descriptionZh: string;
}

const ALL = '中华人民共和国行政许可法';
const OBE = '优化营商环境条例 (国务院令第722号)';

const rule = (
  id: string,
  kind: RuleKind,
  code: string,
  severity: Severity,
  basis: string,
  description: string,
  descriptionZh: string,
): Rule => ({ id, kind, code, severity, basis, description, descriptionZh });

/** Every rule of the linter, static and conformance, in catalogue order. */
export const RULES: readonly Rule[] = [
  rule(
    'valid-definition',
    'structure',
    'DEFINITION',
    'error',
    'The item definition schema of @kuaiban/core',
    'The design parses as a service item',
    '设计可解析为合法的事项定义',
  ),
  rule(
    'reachable-states',
    'structure',
    'SVC-SIX-CUTS',
    'error',
    '国办发〔2019〕11号 六减 (cut steps)',
    'Every state and route the design offers can be reached',
    '设计提供的每个状态和办理路径都可到达',
  ),
  rule(
    'end-reachable',
    'structure',
    'ALL-42-DECIDE-20D',
    'error',
    `${ALL} art. 42`,
    'Every non-final state can reach an end: no deadlock, no livelock without exit',
    '每个非终止状态都能走到终点：无死锁、无无出口的活锁',
  ),
  rule(
    'no-dead-transitions',
    'structure',
    'SVC-SIX-CUTS',
    'error',
    '国办发〔2019〕11号 六减 (cut steps)',
    'Every transition the design offers can fire',
    '设计提供的每个迁移都可能发生',
  ),
  rule(
    'no-always-cycle',
    'structure',
    'ALL-42-DECIDE-20D',
    'error',
    `${ALL} art. 42`,
    'No cycle of eventless (always) transitions that could loop forever',
    '无可能无限循环的无事件（always）迁移环',
  ),
  rule(
    'human-step-clock',
    'structure',
    'ALL-42-DECIDE-20D',
    'error',
    `${ALL} arts. 42, 82`,
    'Every human step is bounded by a clock in working days',
    '每个人工环节都有以工作日计的时限',
  ),
  rule(
    'decision-within-statutory',
    'time',
    'ALL-42-DECIDE-20D',
    'error',
    `${ALL} art. 42`,
    'The worst-case path from acceptance to decision stays within the statutory limit',
    '受理至决定的最长路径不超过法定时限',
  ),
  rule(
    'decision-within-promised',
    'time',
    'SVC-LIMITS',
    'warning',
    `${OBE} art. 36`,
    'The worst-case path from acceptance to decision stays within the promised limit',
    '受理至决定的最长路径不超过承诺时限',
  ),
  rule(
    'promised-within-statutory',
    'time',
    'SVC-LIMITS',
    'error',
    `${OBE} art. 36`,
    'The promised limit does not exceed the statutory one',
    '承诺时限不超过法定时限',
  ),
  rule(
    'supplement-within-promised',
    'time',
    'RQ-DEADLINE',
    'error',
    '容缺受理 local rules (e.g. 某市容缺受理办法)',
    'The 容缺 supplement deadline does not exceed the promised limit',
    '容缺补正期限不超过承诺时限',
  ),
  rule(
    'issuance-within-10d',
    'time',
    'ALL-44-ISSUE-10D',
    'error',
    `${ALL} art. 44`,
    'The certificate is issued within 10 working days of the decision',
    '自作出决定之日起 10 个工作日内颁发、送达证件',
  ),
  rule(
    'joint-limit',
    'time',
    'ALL-42-JOINT-45D',
    'error',
    `${ALL} art. 42 para. 2`,
    'Joint handling takes at most 45 working days, extendable once by 15',
    '联合办理不超过 45 个工作日，可延长一次不超过 15 个工作日',
  ),
  rule(
    'notice-within-5d',
    'time',
    'ALL-32-NOTICE-5D',
    'error',
    `${ALL} art. 32`,
    'Incomplete materials are notified on the spot or within 5 working days',
    '材料不齐全的，当场或 5 个工作日内一次告知',
  ),
  rule(
    'tolerance-secondary-only',
    'domain',
    'RQ-COND',
    'error',
    '容缺受理 local rules',
    '容缺 only for secondary materials, and only where the item offers it',
    '仅次要材料可容缺，且事项须提供容缺受理',
  ),
  rule(
    'commitment-domain',
    'domain',
    'GZ-EXCLUDED',
    'error',
    '国办发〔2020〕42号 证明事项告知承诺制',
    'No notification-commitment in the excluded domains',
    '涉及国家安全、公共安全、生态环境、人身健康等领域不得告知承诺',
  ),
  rule(
    'commitment-choice',
    'domain',
    'GZ-CHOICE',
    'error',
    '国办发〔2020〕42号 证明事项告知承诺制',
    'Commitment is a choice: the ordinary route stays available',
    '告知承诺由申请人自愿选择，一般程序始终可用',
  ),
  rule(
    'commitment-verification',
    'domain',
    'GZ-VERIFY',
    'error',
    '国办发〔2020〕42号 证明事项告知承诺制',
    'Commitment decisions are verified afterwards, within a period with its basis',
    '告知承诺作出决定后须在规定期限内核查，期限须有依据',
  ),
  rule(
    'one-merged-notice',
    'domain',
    'SVC-ONE-NOTICE',
    'error',
    `${ALL} art. 32; 一次告知`,
    'One complete notice; in parallel review the lead merges every request into one',
    '一次性告知；并联审批由牵头部门合并告知',
  ),
  rule(
    'refusal-confirmed',
    'domain',
    'SVC-NO-VETO',
    'error',
    '窗口无否决权 / 说"不"需报告',
    'No refusal without a supervisor’s confirmation',
    '不予受理须经负责人确认',
  ),
  rule(
    'deemed-outcome-basis',
    'domain',
    'DEEM-APPROVAL',
    'error',
    `${ALL} arts. 32, 50; 政府信息公开条例 art. 34`,
    'A deemed outcome on timeout cites a named legal basis',
    '超时视为同意（不同意）须引用明确的法律依据',
  ),
  rule(
    'shared-material-not-requested',
    'domain',
    'SVC-SHARE',
    'error',
    '数据共享 免提交 (seeds/002 item 45)',
    'Nothing that data sharing provides is requested from the applicant',
    '可通过数据共享获取的材料不得要求申请人提交',
  ),
  rule(
    'denial-remedies',
    'domain',
    'ALL-38-DENY',
    'error',
    `${ALL} art. 38`,
    'A denial gives reasons and states the remedies',
    '不予许可须说明理由并告知复议、诉讼权利',
  ),
  rule(
    'backup-post',
    'domain',
    'SVC-AB-POST',
    'warning',
    'AB岗工作制度',
    'Every post has a named backup',
    '每个岗位都有 B 岗',
  ),
  rule(
    'rating-step',
    'domain',
    'SVC-RATING',
    'error',
    '国办发〔2019〕51号 好差评',
    'Every case can be rated, and a bad rating is rectified within 5 or 15 working days',
    '每个办件都可评价，差评在 5 或 15 个工作日内整改',
  ),
  rule(
    'reform-mode',
    'domain',
    'ZZ-*',
    'error',
    `${OBE} art. 19; 证照分离`,
    'The 证照分离 reform mode agrees with the flow',
    '证照分离改革方式与办理流程一致',
  ),
  rule(
    'replay-fits-design',
    'conformance',
    'ALL-42-DECIDE-20D',
    'error',
    'The item as designed',
    'Each case followed the compiled design',
    '每个办件均按设计流程办理',
  ),
  rule(
    'notice-within-5d-log',
    'conformance',
    'ALL-32-NOTICE-5D',
    'error',
    `${ALL} art. 32`,
    'The correction notice came within the notice window of receipt',
    '补正告知在收到材料后的告知期限内作出',
  ),
  rule(
    'decision-on-time',
    'conformance',
    'ALL-42-DECIDE-20D',
    'error',
    `${ALL} arts. 42, 45`,
    'The decision came within the limit, lawful pauses and the extension counted',
    '在法定期限（扣除依法暂停、加上延长）内作出决定',
  ),
  rule(
    'certificate-on-time',
    'conformance',
    'ALL-44-ISSUE-10D',
    'error',
    `${ALL} art. 44`,
    'The certificate came within the issuance limit of the decision',
    '在决定后的颁证期限内颁发证件',
  ),
  rule(
    'one-notice-log',
    'conformance',
    'SVC-ONE-NOTICE',
    'error',
    `${ALL} art. 32; 一次告知`,
    'No second notice about material already present at the first',
    '不得就首次告知时已有的材料再次告知',
  ),
  rule(
    'refusal-confirmed-log',
    'conformance',
    'SVC-NO-VETO',
    'error',
    '窗口无否决权 / 说"不"需报告',
    'Each refusal was confirmed by a supervisor',
    '每次不予受理均经负责人确认',
  ),
  rule(
    'lawful-pause',
    'conformance',
    'TIME-EXCLUDED',
    'error',
    `${ALL} art. 45`,
    'The clock pauses only for the reasons of ALL art. 45, or another cited basis',
    '仅因第四十五条所列事由（或另有依据）暂停计时',
  ),
  rule(
    'last-minute',
    'conformance',
    'SVC-LAST-MINUTE',
    'warning',
    'seeds/001 卡着最后时限办理',
    'Officers and departments do not decide habitually in the final part of the allowed time',
    '不得习惯性卡着最后时限办理',
  ),
];

const byId = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id; throws on an unknown id (a programming error). */
export function ruleById(id: string): Rule {
  const found = byId.get(id);
  if (!found) throw new Error(`No lint rule "${id}"`);
  return found;
}

/** The ids of every rule. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
