import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import {
  applicationForm,
  businessLicence,
  material,
  representativeIdentity,
} from '../materials.js';

// 企业开办 (starting a business): one window, the licence on the spot, then
// the seal, the first invoice and social-security registration side by side
// on the same visit (DOMAIN §9: one visit, 1 working day in leading cities).

/**
 * 企业设立登记: the business licence, decided on the spot (ALL-34-ONSPOT-DECIDE)
 * or within 3 working days, extendable by 3 (市场主体登记管理条例 art. 19).
 * The 简易 route: the premises proof replaced by a signed commitment
 * (住所申报承诺制, GZ-DECIDE), the licence issued at once.
 */
export const businessRegistration: ItemDefinition = defineItem({
  id: 'business-registration',
  name: 'Enterprise establishment registration',
  nameZh: '企业设立登记',
  department: DEPARTMENTS.market,
  legalBasis: '市场主体登记管理条例 (国务院令第746号) art. 19',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 3,
      basis:
        '市场主体登记管理条例 art. 19: 当场登记，不能当场登记的 3 个工作日内予以登记，情形复杂的可再延长 3 个工作日',
      extensionDays: 3,
    },
    promised: {
      days: 1,
      basis: '企业开办一窗通办，1 个工作日办结 (DOMAIN §9 企业开办)',
    },
  },
  materials: [
    applicationForm('公司登记（备案）申请书'),
    material('articles-of-association', 'Articles of association', '公司章程'),
    material(
      'shareholder-qualification',
      'Shareholder qualification proof',
      '股东主体资格证明',
    ),
    material(
      'officer-appointments',
      'Appointment of representative, directors, supervisors and manager',
      '法定代表人、董事、监事、经理任职文件',
    ),
    representativeIdentity(),
    material(
      'premises-proof',
      'Proof of the right to use the premises',
      '住所（经营场所）使用证明',
      { commitment: true },
    ),
  ],
  acceptance: {
    commitment: {
      domain: 'ordinary',
      verifyWithinDays: 60,
      verificationBasis:
        '国办发〔2020〕42号 (证明事项和涉企经营许可事项告知承诺制); 示例县市场主体住所（经营场所）申报承诺制实施办法：登记后 60 个工作日内核查 (local rule, period after the Zhejiang example)',
      rectifyWithinDays: 20,
    },
    noticeDays: 1,
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'registration-review',
        name: 'Registration review',
        nameZh: '登记审查',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-1', backup: 'enterprise-window-2' },
  },
});

/** 公章刻制备案: approval cancelled and turned into a filing (ZZ-FILING), on the spot. */
export const companySealFiling: ItemDefinition = defineItem({
  id: 'company-seal-filing',
  name: 'Company seal engraving filing',
  nameZh: '公章刻制备案',
  department: DEPARTMENTS.police,
  legalBasis:
    '国务院关于第三批取消中央指定地方实施行政许可事项的决定 (国发〔2017〕7号): 公章刻制审批改为备案',
  reformMode: 'filing',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 1,
      basis: 'ZZ-FILING: 备案当场办理 (国发〔2017〕7号)',
    },
  },
  materials: [
    applicationForm('印章刻制备案登记表'),
    businessLicence(),
    representativeIdentity(),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'filing-check',
        name: 'Filing check',
        nameZh: '备案核对',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-3', backup: 'enterprise-window-2' },
  },
});

/**
 * 新办纳税人套餐: the first invoices with the maximum-invoicing-limit approval,
 * the one tax licence (20 working days, ALL-42-DECIDE-20D), promised the
 * same day.
 */
export const firstInvoice: ItemDefinition = defineItem({
  id: 'first-invoice',
  name: 'New taxpayer package: first invoices and invoicing limit',
  nameZh: '新办纳税人套餐：发票领用及增值税专用发票最高开票限额审批',
  department: DEPARTMENTS.tax,
  legalBasis:
    '中华人民共和国发票管理办法; 国务院对确需保留的行政审批项目设定行政许可的决定 (国务院令第412号): 增值税防伪税控系统最高开票限额审批',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 20,
      basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)',
      extensionDays: 10,
    },
    promised: {
      days: 1,
      basis: '新办纳税人"套餐式"服务，当日办结',
    },
  },
  materials: [
    applicationForm('新办纳税人涉税事项综合申请表'),
    businessLicence(),
    representativeIdentity(),
    material(
      'invoice-officer-identity',
      'Identity of the invoicing officer',
      '办税人员身份信息',
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'limit-review',
        name: 'Invoicing limit review',
        nameZh: '最高开票限额审核',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-4', backup: 'enterprise-window-2' },
  },
});

/**
 * 社会保险登记: reviewed within 15 days (社会保险法 art. 57, calendar days),
 * promised on the spot.
 */
export const socialSecurityRegistration: ItemDefinition = defineItem({
  id: 'social-security-registration',
  name: 'Employer social insurance registration',
  nameZh: '单位社会保险登记',
  department: DEPARTMENTS.socialSecurity,
  legalBasis: '中华人民共和国社会保险法 art. 57',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 15,
      unit: 'calendar-days',
      basis: '社会保险法 art. 57: 自收到申请之日起十五日内予以审核',
    },
    promised: { days: 1, basis: '企业开办一窗通办，同步办结' },
  },
  materials: [
    applicationForm('社会保险登记表'),
    businessLicence(),
    representativeIdentity(),
    material(
      'payroll-account',
      'Bank account for contributions',
      '社会保险费缴费账户信息',
      { secondary: true },
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'registration-check',
        name: 'Registration check',
        nameZh: '登记审核',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: {
    handler: { id: 'enterprise-window-5', backup: 'enterprise-window-2' },
  },
});

/** The items of 企业开办, in the order the window takes them. */
export const STARTING_A_BUSINESS: readonly ItemDefinition[] = [
  businessRegistration,
  companySealFiling,
  firstInvoice,
  socialSecurityRegistration,
];
