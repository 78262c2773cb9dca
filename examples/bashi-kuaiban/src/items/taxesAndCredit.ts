import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import {
  applicationForm,
  businessLicence,
  material,
  representativeIdentity,
} from '../materials.js';

// 纳税 and 融资信贷: no statutory processing limit (DOMAIN §9), so each limit
// below names the promise it rests on. The routes shown are the data-shared
// one (免申即享, seeds/002 items 45-46; 银税互动) and the commitment one
// (税务证明事项告知承诺), with the 政银保 guaranteed loan of seeds/002 item 6.

const NO_STATUTORY_LIMIT =
  '行政许可法 art. 42 as the outer bound (ALL-42-DECIDE-20D); DOMAIN §9: no statutory processing limit';

/**
 * 小微企业"六税两费"减免, 免申即享: the tax system finds the enterprise
 * eligible from shared data; the enterprise only confirms (one click), on the
 * spot (seeds/002 item 46).
 */
export const taxIncentiveNoApplication: ItemDefinition = defineItem({
  id: 'tax-incentive-no-application',
  name: 'Small-enterprise tax relief without application',
  nameZh: '小微企业"六税两费"减免（免申即享）',
  department: DEPARTMENTS.tax,
  legalBasis:
    '财政部 税务总局公告2023年第12号 (六税两费减半征收); seeds/002 item 46 (免申即享)',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: { days: 20, basis: NO_STATUTORY_LIMIT },
    promised: {
      days: 1,
      basis: '免申即享：系统推送、确认即享 (seeds/002 item 46)',
    },
  },
  materials: [
    applicationForm('优惠享受确认（一键确认）'),
    businessLicence(),
    material(
      'taxpayer-record',
      'Taxpayer registration record',
      '纳税人登记信息',
    ),
    material(
      'employee-insurance-record',
      'Insured employees record',
      '参保职工人数信息',
    ),
    material(
      'enterprise-size',
      'Small and micro enterprise status',
      '小型微利企业认定信息',
      {
        sharedFrom: {
          item: 'annual-income-tax-filing',
          result: 'enterprise-size',
        },
      },
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'eligibility-check',
        name: 'Eligibility check by data comparison',
        nameZh: '数据比对资格核验',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'tax-online-desk', backup: 'tax-hall-window' } },
});

/**
 * 房产税、城镇土地使用税困难减免: the hardship proof replaced by a signed
 * commitment (证明事项告知承诺, GZ-DECIDE), verified afterwards (GZ-VERIFY).
 */
export const taxReliefCommitment: ItemDefinition = defineItem({
  id: 'tax-relief-commitment',
  name: 'Property and land-use tax hardship relief',
  nameZh: '房产税、城镇土地使用税困难减免',
  department: DEPARTMENTS.tax,
  legalBasis:
    '中华人民共和国房产税暂行条例 art. 6; 中华人民共和国城镇土地使用税暂行条例 art. 7; 税务证明事项告知承诺制 (OBE-40)',
  reformMode: 'commitment',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 20,
      basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)',
      extensionDays: 10,
    },
    promised: { days: 10, basis: '税务机关服务承诺 (local promise)' },
  },
  materials: [
    applicationForm('纳税人减免税申请核准表'),
    businessLicence(),
    material('property-certificate', 'Property certificate', '不动产权证书'),
    material('hardship-proof', 'Proof of the hardship', '纳税困难情况证明', {
      commitment: true,
    }),
    material('financial-statements', 'Financial statements', '财务会计报表', {
      tolerable: true,
    }),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 5,
      onLate: 'deemed-withdrawn',
      creditRecord: false,
      basis: '示例县涉税事项容缺办理规定 (seeds/002 item 16)',
    },
    commitment: {
      domain: 'ordinary',
      verifyWithinDays: 60,
      verificationBasis:
        '国办发〔2020〕42号; 税务证明事项告知承诺制实施办法：决定后 60 个工作日内核查 (local setting, after the Zhejiang example)',
      rectifyWithinDays: 20,
    },
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'relief-review',
        name: 'Relief review',
        nameZh: '减免税审核',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 2 },
  roles: { handler: { id: 'tax-hall-window', backup: 'tax-hall-window-b' } },
});

/**
 * 银税互动信用贷: a credit loan on the tax-credit data the enterprise
 * authorises the bank to read (data-shared route); prudential supervision
 * excludes a commitment (GZ-EXCLUDED).
 */
export const creditTaxDataLoan: ItemDefinition = defineItem({
  id: 'credit-tax-data-loan',
  name: 'Credit loan on shared tax data (bank-tax interaction)',
  nameZh: '银税互动信用贷款',
  department: DEPARTMENTS.bank,
  legalBasis:
    '优化营商环境条例 art. 26; 银税互动 (国家税务总局、银保监会); seeds/002 items 6, 45',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: { days: 20, basis: NO_STATUTORY_LIMIT },
    promised: { days: 3, basis: '银税互动线上审批 3 个工作日 (local promise)' },
  },
  materials: [
    applicationForm('信用贷款申请及涉税信息查询授权书'),
    businessLicence(),
    representativeIdentity(),
    material(
      'tax-credit-rating',
      'Tax credit rating and tax payment record',
      '纳税信用等级及纳税记录',
      {
        sharedFrom: {
          item: 'tax-credit-evaluation',
          result: 'tax-credit-rating',
        },
      },
    ),
    material(
      'taxpayer-record',
      'Taxpayer registration record',
      '纳税人登记信息',
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'credit-check',
        name: 'Credit check',
        nameZh: '授信审查',
        role: 'reviewer',
      },
      {
        id: 'loan-approval',
        name: 'Loan approval',
        nameZh: '贷款审批',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'bank-credit-desk', backup: 'bank-credit-desk-b' } },
});

/**
 * 政银保 / 惠企贷: the bank's credit review and the government guarantee
 * agency's review at the same time under the financial affairs office, no
 * counter-guarantee asked (seeds/002 item 6).
 */
export const creditGuaranteedLoan: ItemDefinition = defineItem({
  id: 'credit-guaranteed-loan',
  name: 'Government-backed guaranteed loan',
  nameZh: '"政银保"惠企贷（银担并联审批）',
  department: DEPARTMENTS.finance,
  legalBasis: '融资担保公司监督管理条例; seeds/002 item 6 (惠企贷、政银保)',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: { days: 20, basis: NO_STATUTORY_LIMIT },
    promised: {
      days: 10,
      basis: '惠企贷银担并联审批 10 个工作日 (local promise)',
    },
  },
  materials: [
    applicationForm('惠企贷申请表'),
    businessLicence(),
    representativeIdentity(),
    material(
      'property-certificate',
      'Property certificate of the collateral',
      '抵押物不动产权证书',
    ),
    material('financial-statements', 'Financial statements', '近一年财务报表'),
    material(
      'business-plan',
      'Use of funds and business plan',
      '借款用途及经营计划',
      { tolerable: true },
    ),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 5,
      onLate: 'deemed-withdrawn',
      creditRecord: false,
      basis: '县金融办惠企贷办理规程 (local rule)',
    },
  },
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.finance,
    departments: [
      {
        id: 'bank-credit-review',
        name: 'Bank credit review',
        nameZh: '合作银行授信审查',
        limitDays: 5,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'guarantee-review',
        name: 'Guarantee review',
        nameZh: '政府性融资担保机构担保审查',
        limitDays: 5,
        onTimeout: { action: 'escalate' },
      },
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
  issuance: { days: 2 },
  roles: { handler: { id: 'finance-window', backup: 'project-window-2' } },
});

/** 纳税. */
export const PAYING_TAXES: readonly ItemDefinition[] = [
  taxIncentiveNoApplication,
  taxReliefCommitment,
];

/** 融资信贷. */
export const GETTING_CREDIT: readonly ItemDefinition[] = [
  creditTaxDataLoan,
  creditGuaranteedLoan,
];
