import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import { applicationForm, material } from '../materials.js';

// 不动产转移登记 before the reform: three windows one after another — the
// housing transaction filing, the deed tax, then the registration promised
// in 5 working days (seeds/004: 5 → 2) — each asking for the same papers.

const papers = () => [
  material('business-licence-copy', 'Business licence copy', '营业执照复印件'),
  material(
    'representative-identity-copy',
    'Legal representative identity card copy',
    '法定代表人身份证复印件',
  ),
  material('sale-contract', 'Sale contract', '不动产买卖合同'),
  material(
    'property-certificate-copy',
    'Property certificate copy',
    '不动产权证书复印件',
  ),
];

const review = (nameZh: string) => ({
  mode: 'chain' as const,
  steps: [{ id: 'review', name: 'Review', nameZh, role: 'reviewer' as const }],
});

/** The pre-reform transfer, in the order the windows had to be visited. */
export const PROPERTY_TRANSFER_BEFORE: readonly ItemDefinition[] = [
  defineItem({
    id: 'before-housing-transaction-filing',
    name: 'Before the reform: housing transaction filing',
    nameZh: '（改革前）存量房交易网签备案',
    department: DEPARTMENTS.housing,
    legalBasis: '城市房地产管理法 art. 41; 城市房地产转让管理规定',
    reformMode: 'optimize',
    caseKind: 'promised',
    limits: {
      statutory: { days: 20, basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)' },
      promised: { days: 3, basis: '房屋交易备案服务承诺 (local promise)' },
    },
    materials: [applicationForm('存量房交易备案申请表'), ...papers()],
    review: review('交易审核'),
    issuance: { days: 1 },
    roles: {
      handler: {
        id: 'housing-transaction-window',
        backup: 'registry-window-2',
      },
    },
  }),
  defineItem({
    id: 'before-deed-tax',
    name: 'Before the reform: deed tax at the tax hall',
    nameZh: '（改革前）契税申报缴纳',
    department: DEPARTMENTS.tax,
    legalBasis: '中华人民共和国契税法 art. 10',
    reformMode: 'optimize',
    caseKind: 'promised',
    limits: {
      statutory: { days: 20, basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)' },
      promised: { days: 1, basis: '契税申报当日办结 (local promise)' },
    },
    materials: [
      applicationForm('契税纳税申报表'),
      ...papers(),
      material(
        'transaction-filing-proof',
        'Transaction filing proof',
        '交易备案证明',
      ),
    ],
    review: review('计税审核'),
    issuance: { days: 1 },
    roles: { handler: { id: 'tax-hall-window', backup: 'tax-hall-window-b' } },
  }),
  defineItem({
    id: 'before-transfer-registration',
    name: 'Before the reform: transfer registration',
    nameZh: '（改革前）不动产转移登记',
    department: DEPARTMENTS.landRegistry,
    legalBasis: '不动产登记暂行条例 arts. 14, 20',
    reformMode: 'optimize',
    caseKind: 'promised',
    limits: {
      statutory: {
        days: 30,
        basis: '不动产登记暂行条例 art. 20: 30 个工作日',
      },
      promised: { days: 5, basis: 'seeds/004: 改革前 5 个工作日' },
    },
    materials: [
      applicationForm('不动产登记申请书'),
      ...papers(),
      material(
        'transaction-filing-proof',
        'Transaction filing proof',
        '交易备案证明',
      ),
      material('deed-tax-receipt', 'Deed tax receipt', '契税完税凭证'),
    ],
    review: {
      mode: 'chain',
      steps: [
        {
          id: 'review',
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
    roles: {
      handler: { id: 'registry-window-1', backup: 'registry-window-2' },
    },
  }),
];
