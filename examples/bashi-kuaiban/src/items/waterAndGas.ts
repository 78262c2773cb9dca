import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import { applicationForm, businessLicence, material } from '../materials.js';

// 获得用水用气: water connected in 5 working days when the materials are
// complete (DOMAIN §9, Henan example); gas after the external works are
// approved jointly (utility-external-works, in utilities.ts).

/**
 * 用水报装: connected in 5 working days when the materials are complete
 * (DOMAIN §9 获得用水用气, Henan example); 容缺 for the plumbing drawing.
 */
export const waterConnection: ItemDefinition = defineItem({
  id: 'water-connection',
  name: 'Water connection',
  nameZh: '用水报装',
  department: DEPARTMENTS.water,
  legalBasis: '城镇供水条例; 河南省 水气报装 5 个工作日 (DOMAIN §9)',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 20,
      basis:
        '行政许可法 art. 42 as the outer bound (ALL-42-DECIDE-20D; no statute sets a connection period)',
    },
    promised: {
      days: 5,
      basis: '材料齐全 5 个工作日内接通 (DOMAIN §9, Henan example)',
    },
  },
  materials: [
    applicationForm('用水报装申请表'),
    businessLicence(),
    material(
      'property-proof',
      'Proof of the right to use the premises',
      '用水地址产权或使用权证明',
    ),
    material('plumbing-drawing', 'Indoor plumbing drawing', '室内给水设计图', {
      tolerable: true,
    }),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 3,
      onLate: 'deemed-withdrawn',
      creditRecord: false,
      basis: '供水企业报装服务规范 (local rule, seeds/002 item 16)',
    },
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'site-survey',
        name: 'Site survey',
        nameZh: '现场踏勘',
        role: 'reviewer',
      },
      {
        id: 'connection',
        name: 'Connection and meter',
        nameZh: '接水装表',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'water-window', backup: 'water-window-b' } },
});

/**
 * 用气报装 (ordinary route): gas is a public-safety matter, so no commitment
 * (GZ-EXCLUDED) and no tolerated material; 5 working days once the external
 * works are approved.
 */
export const gasConnection: ItemDefinition = defineItem({
  id: 'gas-connection',
  name: 'Gas connection',
  nameZh: '用气报装',
  department: DEPARTMENTS.gas,
  legalBasis: '城镇燃气管理条例; 河南省 水气报装 5 个工作日 (DOMAIN §9)',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 20,
      basis:
        '行政许可法 art. 42 as the outer bound (ALL-42-DECIDE-20D; no statute sets a connection period)',
    },
    promised: {
      days: 5,
      basis: '材料齐全 5 个工作日内通气 (DOMAIN §9, Henan example)',
    },
  },
  materials: [
    applicationForm('用气报装申请表'),
    businessLicence(),
    material(
      'property-proof',
      'Proof of the right to use the premises',
      '用气地址产权或使用权证明',
    ),
    material(
      'external-works-permit',
      'External works approval',
      '外线工程行政审批决定',
    ),
    material('gas-appliance-list', 'Gas appliance list', '用气设备清单'),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'design',
        name: 'Design and installation',
        nameZh: '设计施工',
        role: 'reviewer',
      },
      {
        id: 'safety-inspection',
        name: 'Safety inspection and ignition',
        nameZh: '安全检查及通气点火',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'gas-window', backup: 'gas-window-b' } },
});

/** 获得用水用气. */
export const GETTING_WATER_AND_GAS: readonly ItemDefinition[] = [
  waterConnection,
  gasConnection,
];
