import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import { applicationForm, businessLicence, material } from '../materials.js';

// 办理破产 and exit: simplified deregistration after a 20-day public notice
// (市场主体登记管理条例 art. 33), and the ordinary insolvency route through
// the court (企业破产法 arts. 10, 11, 14, 45; court days are calendar days).

/** Days of public notice before a simplified deregistration (市场主体登记管理条例 art. 33). */
export const SIMPLIFIED_DEREGISTRATION_NOTICE_DAYS = 20;

const taxClearance = () =>
  material('tax-clearance', 'Tax clearance information', '清税信息', {
    sharedFrom: { item: 'tax-clearance', result: 'tax-clearance-record' },
  });

/** 简易注销公示: the investors' commitment published for 20 days; a filing on the spot. */
export const simplifiedDeregistrationNotice: ItemDefinition = defineItem({
  id: 'simplified-deregistration-notice',
  name: 'Simplified deregistration: public notice',
  nameZh: '简易注销公示',
  department: DEPARTMENTS.market,
  legalBasis: '市场主体登记管理条例 art. 33',
  reformMode: 'filing',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 1,
      basis:
        '市场主体登记管理条例 art. 33: 通过国家企业信用信息公示系统公示，公示期 20 日',
    },
  },
  materials: [
    material(
      'investors-commitment',
      'All investors’ written commitment',
      '全体投资人承诺书',
    ),
    businessLicence(),
    taxClearance(),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'publication',
        name: 'Publication',
        nameZh: '公示发布',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-1', backup: 'enterprise-window-2' },
  },
});

/** 简易注销登记: after the notice, no objection: deregistered on the spot (art. 19, 33). */
export const simplifiedDeregistration: ItemDefinition = defineItem({
  id: 'simplified-deregistration',
  name: 'Simplified deregistration',
  nameZh: '简易注销登记',
  department: DEPARTMENTS.market,
  legalBasis: '市场主体登记管理条例 arts. 19, 33',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 3,
      basis: '市场主体登记管理条例 art. 19: 3 个工作日，可延长 3 个工作日',
      extensionDays: 3,
    },
    promised: { days: 1, basis: '简易注销即时办结 (local promise)' },
  },
  materials: [
    applicationForm('注销登记申请书'),
    businessLicence(),
    material(
      'notice-record',
      'Record of the public notice without objection',
      '简易注销公示无异议记录',
    ),
    taxClearance(),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'deregistration-review',
        name: 'Deregistration review',
        nameZh: '注销审查',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-1', backup: 'enterprise-window-2' },
  },
});

/**
 * 破产申请受理: the court rules within 15 days of a debtor's own application,
 * extendable by 15 with the higher court's approval (企业破产法 art. 10);
 * the ruling is served within 5 days (art. 11).
 */
export const bankruptcyAcceptance: ItemDefinition = defineItem({
  id: 'bankruptcy-acceptance',
  name: 'Acceptance of a bankruptcy application',
  nameZh: '破产申请受理',
  department: DEPARTMENTS.court,
  legalBasis: '中华人民共和国企业破产法 arts. 7, 8, 10, 11',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 15,
      unit: 'calendar-days',
      basis:
        '企业破产法 art. 10 para. 2: 收到破产申请之日起十五日内裁定是否受理，经上一级法院批准可延长十五日',
      extensionDays: 15,
    },
  },
  materials: [
    applicationForm('破产申请书'),
    businessLicence(),
    material(
      'assets-and-debts',
      'Statement of assets, debts and claims',
      '财产状况说明、债务清册、债权清册',
    ),
    material(
      'financial-reports',
      'Financial and accounting reports',
      '有关财务会计报告',
    ),
    material(
      'employee-settlement',
      'Employee settlement plan and wages and insurance owed',
      '职工安置预案及职工工资、社会保险费用支付情况',
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'filing-review',
        name: 'Filing review',
        nameZh: '立案审查',
        role: 'reviewer',
      },
      {
        id: 'collegial-panel',
        name: 'Collegial panel ruling',
        nameZh: '合议庭裁定',
        role: 'department-approver',
      },
    ],
  },
  // Art. 11: served within 5 days, at most 3 working days apart over any week.
  issuance: { days: 3 },
  roles: {
    handler: { id: 'court-filing-desk', backup: 'court-filing-desk-b' },
  },
});

/** 破产企业注销登记: on the court's ruling that ends the proceedings (企业破产法 art. 121). */
export const bankruptcyDeregistration: ItemDefinition = defineItem({
  id: 'bankruptcy-deregistration',
  name: 'Deregistration after bankruptcy',
  nameZh: '破产企业注销登记',
  department: DEPARTMENTS.market,
  legalBasis:
    '中华人民共和国企业破产法 art. 121; 市场主体登记管理条例 arts. 19, 32',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 3,
      basis: '市场主体登记管理条例 art. 19: 3 个工作日',
      extensionDays: 3,
    },
    promised: { days: 1, basis: '凭终结裁定即时办结 (local promise)' },
  },
  materials: [
    applicationForm('注销登记申请书（管理人）'),
    businessLicence(),
    material(
      'termination-ruling',
      'Court ruling terminating the proceedings',
      '人民法院终结破产程序裁定书',
    ),
    material(
      'administrator-appointment',
      'Appointment of the administrator',
      '管理人指定决定书',
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'deregistration-review',
        name: 'Deregistration review',
        nameZh: '注销审查',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-1', backup: 'enterprise-window-2' },
  },
});

/** 办理破产 and exit. */
export const EXIT: readonly ItemDefinition[] = [
  simplifiedDeregistrationNotice,
  simplifiedDeregistration,
  bankruptcyAcceptance,
  bankruptcyDeregistration,
];
