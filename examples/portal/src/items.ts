import type { ItemDefinition, ItemDefinitionInput } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';

const material = (
  id: string,
  name: string,
  nameZh: string,
  extra: Partial<ItemDefinitionInput['materials'][number]> = {},
) => ({ id, name, nameZh, primary: true, tolerable: false, ...extra });

/**
 * 食品经营许可: a promised case with 容缺受理 for the food-safety rules, 告知承诺
 * for the premises proof and the business licence copy shared from an
 * earlier item.
 */
export const foodBusinessPermit: ItemDefinition = defineItem({
  id: 'food-business-permit',
  name: 'Food business permit',
  nameZh: '食品经营许可',
  department: {
    id: 'market-regulation',
    name: 'Market regulation bureau',
    nameZh: '市场监督管理局',
  },
  legalBasis: '中华人民共和国食品安全法 art. 35',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: { days: 20, basis: '行政许可法 art. 42', extensionDays: 10 },
    promised: { days: 10 },
  },
  materials: [
    material('application', 'Application form', '食品经营许可申请书'),
    material('premises-proof', 'Proof of premises', '经营场所证明', {
      replaceableByCommitment: true,
    }),
    material('food-safety-rules', 'Food safety rules', '食品安全管理制度', {
      primary: false,
      tolerable: true,
    }),
    material('licence-copy', 'Business licence copy', '营业执照复印件', {
      primary: false,
      sharedFrom: { item: 'business-licence', result: 'business-licence' },
    }),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 5,
      onLate: 'revoke-acceptance',
      creditRecord: true,
      basis: '某市容缺受理办法 art. 8',
    },
    commitment: {
      domain: 'ordinary',
      verifyWithinDays: 60,
      verificationBasis: '浙江省证明事项告知承诺制实施办法',
      rectifyWithinDays: 20,
    },
    noticeDays: 3,
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'site-review',
        name: 'Site review',
        nameZh: '现场核查',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 5 },
  rating: { rectifyDays: 15 },
  roles: { handler: { id: 'officer-chen', backup: 'officer-liu' } },
});

/** 摊贩登记: one material, one review step, no tolerance. */
export const streetVendorFiling: ItemDefinition = defineItem({
  id: 'street-vendor-filing',
  name: 'Street vendor filing',
  nameZh: '摊贩登记',
  department: {
    id: 'city-management',
    name: 'City management bureau',
    nameZh: '城市管理局',
  },
  legalBasis: '某市摊贩管理办法 art. 6',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: { statutory: { days: 10, basis: '某市摊贩管理办法 art. 9' } },
  materials: [material('application', 'Application form', '登记申请表')],
  review: {
    mode: 'chain',
    steps: [{ id: 'review', name: 'Review', nameZh: '审核', role: 'reviewer' }],
  },
  roles: { handler: { id: 'officer-chen', backup: 'officer-liu' } },
});

/** The service items the demo portal offers. */
export const demoItems: readonly ItemDefinition[] = [
  foodBusinessPermit,
  streetVendorFiling,
];
