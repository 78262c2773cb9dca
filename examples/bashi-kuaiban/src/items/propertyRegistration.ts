import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import {
  applicationForm,
  businessLicence,
  material,
  representativeIdentity,
} from '../materials.js';

// 不动产登记: statutory 30 working days (不动产登记暂行条例 art. 20); the
// common promise of 5 working days, transfers in 1 working day through one
// window where the housing transaction, the tax and the registration are
// handled at the same time, and mortgages in an hour at a bank service point
// (DOMAIN §9, seeds/004).

const statutory30 = {
  days: 30,
  basis: '不动产登记暂行条例 art. 20: 自受理登记申请之日起 30 个工作日内办结',
} as const;

/** 首次登记 of the new plant (ordinary route): promised 5 working days. */
export const propertyFirstRegistration: ItemDefinition = defineItem({
  id: 'property-first-registration',
  name: 'First registration of a new building',
  nameZh: '国有建设用地使用权及房屋所有权首次登记',
  department: DEPARTMENTS.landRegistry,
  legalBasis: '不动产登记暂行条例 arts. 14, 16, 20; 民法典 art. 209',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: statutory30,
    promised: { days: 5, basis: '不动产登记一般登记 5 个工作日 (DOMAIN §9)' },
  },
  materials: [
    applicationForm('不动产登记申请书'),
    businessLicence(),
    representativeIdentity(),
    material(
      'land-use-planning-permit',
      'Land-use planning permit',
      '建设用地规划许可证',
    ),
    material(
      'completion-acceptance',
      'Joint completion acceptance record',
      '联合验收意见书（竣工验收备案）',
    ),
    material(
      'as-built-survey',
      'Building survey report (多测合一)',
      '房屋测绘报告（多测合一）',
    ),
    material(
      'land-price-receipt',
      'Land transfer price receipt',
      '土地出让价款缴纳凭证',
      { tolerable: true },
    ),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 3,
      onLate: 'terminate',
      creditRecord: false,
      basis: '示例县不动产登记容缺受理办法 (seeds/002 item 16)',
    },
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'registration-review',
        name: 'Registration review',
        nameZh: '登记审核',
        role: 'reviewer',
      },
      {
        id: 'entry-in-register',
        name: 'Entry in the register',
        nameZh: '登簿',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'registry-window-1', backup: 'registry-window-2' } },
});

/**
 * 转移登记, 一窗受理、集成服务: the transaction check, the tax and the
 * registration in parallel behind one window (GC-LEAD), promised in 1
 * working day (leading cities; the county of seeds/004 promises 2).
 */
export const propertyTransfer: ItemDefinition = defineItem({
  id: 'property-transfer',
  name: 'Transfer registration through one window',
  nameZh: '不动产转移登记（一窗受理、集成服务）',
  department: DEPARTMENTS.landRegistry,
  legalBasis: '不动产登记暂行条例 arts. 14, 20; 民法典 art. 214',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: statutory30,
    promised: {
      days: 1,
      basis: '转移登记 1 个工作日 (DOMAIN §9, leading cities)',
    },
  },
  materials: [
    applicationForm('不动产登记、交易、税收一表申请'),
    businessLicence(),
    representativeIdentity(),
    material('sale-contract', 'Sale contract', '不动产买卖合同'),
    material(
      'property-certificate',
      'Property certificate of the seller',
      '不动产权证书',
    ),
  ],
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.landRegistry,
    departments: [
      {
        id: 'transaction-check',
        name: 'Housing transaction check',
        nameZh: '房屋交易审核（住建）',
        limitDays: 1,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'deed-tax',
        name: 'Deed tax assessment',
        nameZh: '契税征收（税务）',
        limitDays: 1,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'registration-review',
        name: 'Registration review and entry',
        nameZh: '登记审核及登簿',
        limitDays: 1,
        onTimeout: { action: 'escalate' },
      },
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'registry-window-1', backup: 'registry-window-2' } },
});

/**
 * 抵押登记 at a bank service point: the electronic certificate within an hour
 * (seeds/004: 县信用联社便民服务点); 30 working days = 240 working hours.
 */
export const propertyMortgage: ItemDefinition = defineItem({
  id: 'property-mortgage-bank-point',
  name: 'Mortgage registration at a bank service point',
  nameZh: '不动产抵押登记（银行便民服务点）',
  department: DEPARTMENTS.landRegistry,
  legalBasis: '民法典 art. 402; 不动产登记暂行条例 art. 20',
  reformMode: 'optimize',
  caseKind: 'on-the-spot',
  limits: {
    statutory: {
      days: 240,
      unit: 'working-hours',
      basis: '不动产登记暂行条例 art. 20: 30 个工作日 (240 个工作小时)',
    },
    promised: {
      days: 1,
      basis: 'seeds/004: 银行便民服务点 1 小时内出具电子不动产登记证明',
    },
  },
  materials: [
    applicationForm('不动产抵押登记申请书'),
    businessLicence(),
    representativeIdentity(),
    material('property-certificate', 'Property certificate', '不动产权证书'),
    material('loan-contract', 'Loan contract', '主债权合同（借款合同）'),
    material('mortgage-contract', 'Mortgage contract', '抵押合同'),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'mortgage-review',
        name: 'Mortgage review',
        nameZh: '抵押登记审核',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'bank-service-point', backup: 'registry-window-2' } },
});

/** 不动产登记. */
export const PROPERTY_REGISTRATION: readonly ItemDefinition[] = [
  propertyFirstRegistration,
  propertyTransfer,
  propertyMortgage,
];
