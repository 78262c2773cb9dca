import type { CasePlan } from './casePlan.js';
import { SIMPLIFIED_DEREGISTRATION_NOTICE_DAYS } from './items/exit.js';

/**
 * The demo's start: Monday 3 March 2025, chosen so that the whole chain
 * (with the plant's construction) stays inside the national calendar data.
 */
export const DEMO_START_DATE = '2025-03-03';

/** The demo enterprise: a small food-packaging manufacturer in the county park. */
export const DEMO_ENTERPRISE = {
  id: 'lvyuan-packaging',
  nameZh: '绿源包装科技有限公司',
} as const;

/**
 * How each case of the demo enterprise goes (typical values, README
 * "Assumptions"): the routes it takes and the working days of each step.
 */
export const ENTERPRISE_PLAN: Readonly<Record<string, CasePlan>> = {
  // 企业开办: the licence on the 简易 route (premises by commitment), then the
  // seal, the first invoices and social security on the same visit.
  'business-registration': { route: 'commitment', issueAfterDays: 0 },
  'company-seal-filing': { route: 'standard', startAfterDays: 0 },
  'first-invoice': { route: 'standard', startAfterDays: 0 },
  'social-security-registration': { route: 'standard', startAfterDays: 0 },
  // 办理建筑许可: four joint stages, 容缺 where a secondary material is late.
  'gc-stage-1-land-use-planning': {
    route: 'standard',
    tolerate: { supplyAfterDays: 3 },
    reviewDays: {
      'project-filing': 1,
      'siting-land-pre-review': 8,
      'land-use-planning-permit': 5,
    },
    decideAfterDays: 1,
    issueAfterDays: 1,
  },
  'gc-stage-2-building-planning': {
    route: 'standard',
    reviewDays: {
      'design-scheme-review': 8,
      'civil-defence-siting': 4,
      'building-planning-permit': 4,
    },
    decideAfterDays: 1,
    issueAfterDays: 1,
  },
  'gc-stage-3-construction-permit': {
    route: 'standard',
    tolerate: { supplyAfterDays: 4 },
    reviewDays: {
      'fire-design-review': 12,
      'civil-defence-design-review': 8,
      'construction-permit': 4,
    },
    decideAfterDays: 1,
    issueAfterDays: 1,
  },
  'gc-stage-4-joint-completion': {
    route: 'standard',
    tolerate: { supplyAfterDays: 3 },
    waitBefore: {
      calendarDays: 180,
      nameZh: '施工建设（非审批时间）',
      basis:
        'building the plant: not approval time, which is all GC-120WD counts',
      countsTowardLink: false,
    },
    reviewDays: {
      'planning-verification': 4,
      'land-verification': 3,
      'fire-acceptance': 8,
      'civil-defence-acceptance': 4,
      'archives-acceptance': 5,
    },
    decideAfterDays: 1,
    issueAfterDays: 1,
  },
  // 获得电力, 获得用水用气: applied for once the construction permit is out.
  'electricity-three-zeros': {
    route: 'standard',
    reviewDays: { 'site-survey': 2, 'meter-connection': 2 },
    decideAfterDays: 0,
    issueAfterDays: 0,
  },
  'water-connection': {
    route: 'standard',
    tolerate: { supplyAfterDays: 2 },
    reviewDays: { 'site-survey': 2, connection: 2 },
    decideAfterDays: 0,
    issueAfterDays: 0,
  },
  'utility-external-works': {
    route: 'standard',
    reviewDays: {
      'road-excavation': 2,
      'road-occupation': 3,
      'green-space': 2,
    },
    decideAfterDays: 1,
    issueAfterDays: 0,
  },
  'gas-connection': {
    route: 'standard',
    reviewDays: { design: 3, 'safety-inspection': 1 },
    decideAfterDays: 0,
    issueAfterDays: 0,
  },
  // 不动产登记: the new plant's first registration, 容缺 for the price receipt.
  'property-first-registration': {
    route: 'standard',
    tolerate: { supplyAfterDays: 1 },
    reviewDays: { 'registration-review': 2, 'entry-in-register': 1 },
    decideAfterDays: 1,
    issueAfterDays: 0,
  },
  // 纳税: relief without application, and hardship relief on a commitment.
  'tax-incentive-no-application': { route: 'standard' },
  'tax-relief-commitment': { route: 'commitment', issueAfterDays: 1 },
  // 融资信贷: a loan on shared tax data, a guaranteed loan, the mortgage at the bank.
  'credit-tax-data-loan': {
    route: 'standard',
    reviewDays: { 'credit-check': 1, 'loan-approval': 1 },
    decideAfterDays: 0,
    issueAfterDays: 0,
  },
  'credit-guaranteed-loan': {
    route: 'standard',
    tolerate: { supplyAfterDays: 2 },
    reviewDays: { 'bank-credit-review': 4, 'guarantee-review': 3 },
    decideAfterDays: 1,
    issueAfterDays: 1,
  },
  'property-mortgage-bank-point': { route: 'standard', startAfterDays: 0 },
  // 办理破产: solvent exit, simplified deregistration after the 20-day notice.
  'simplified-deregistration-notice': { route: 'standard' },
  'simplified-deregistration': {
    route: 'standard',
    waitBefore: {
      calendarDays: SIMPLIFIED_DEREGISTRATION_NOTICE_DAYS,
      nameZh: '简易注销公示期',
      basis: '市场主体登记管理条例 art. 33: 公示期 20 日',
      countsTowardLink: true,
    },
  },
};
