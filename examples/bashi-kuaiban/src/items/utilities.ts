import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import {
  applicationForm,
  businessLicence,
  material,
  representativeIdentity,
} from '../materials.js';

// 获得电力, 获得用水用气: the small-connection routes without external works
// (低压小微企业"三零": no visit, no approval, no cost) and the ordinary routes,
// whose external works (road excavation, road occupation, green space) are
// approved jointly in parallel instead of one permit after another.

const ELECTRICITY_BASIS =
  '国家发展改革委 国家能源局关于全面提升"获得电力"服务水平持续优化用电营商环境的意见 (发改能源规〔2020〕1479号); 供电营业规则';

/**
 * 低压小微企业用电报装"三零": applied for online (no visit), no external-works
 * approval, no cost; at most 15 working days, 5 without external works
 * (DOMAIN §9 获得电力, 2025 target).
 */
export const electricityThreeZeros: ItemDefinition = defineItem({
  id: 'electricity-three-zeros',
  name: 'Low-voltage connection for small firms ("three zeros")',
  nameZh: '低压小微企业用电报装（"三零"服务）',
  department: DEPARTMENTS.power,
  legalBasis: ELECTRICITY_BASIS,
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 15,
      basis: `${ELECTRICITY_BASIS}: 低压小微企业接电不超过 15 个工作日`,
    },
    promised: {
      days: 5,
      basis: '无外线工程 5 个工作日 (DOMAIN §9 获得电力, 2025 target)',
    },
  },
  materials: [
    applicationForm('用电报装申请（线上）'),
    businessLicence(),
    representativeIdentity(),
    material(
      'property-proof',
      'Proof of the right to use the premises',
      '用电地址产权或使用权证明',
    ),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'site-survey',
        name: 'Site survey and supply plan',
        nameZh: '现场勘查及供电方案答复',
        role: 'reviewer',
      },
      {
        id: 'meter-connection',
        name: 'Meter installation and connection',
        nameZh: '装表接电',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'power-online-desk', backup: 'power-window' } },
});

/**
 * 市政公用设施接入外线工程并联审批: road excavation, road occupation and
 * green space, approved at the same time under one lead (GC-LEAD), promised
 * in 5 working days.
 */
export const utilityExternalWorks: ItemDefinition = defineItem({
  id: 'utility-external-works',
  name: 'Joint approval of utility external works',
  nameZh: '水电气外线工程行政审批（并联办理）',
  department: DEPARTMENTS.approval,
  legalBasis:
    '城市道路管理条例 arts. 31, 33; 城市绿化条例 (临时占用绿地); 行政许可法 art. 26 (ALL-26-JOINT)',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: {
      days: 45,
      basis: '行政许可法 art. 42 para. 2 (ALL-42-JOINT-45D)',
      extensionDays: 15,
    },
    promised: {
      days: 5,
      basis: '外线工程行政审批并联办理 5 个工作日 (local promise, SVC-LIMITS)',
    },
  },
  materials: [
    applicationForm('外线工程并联审批申请表'),
    businessLicence(),
    material('route-plan', 'Pipeline or cable route plan', '管线路由方案'),
    material('traffic-plan', 'Traffic organisation plan', '交通疏导方案', {
      tolerable: true,
    }),
  ],
  acceptance: {
    tolerant: {
      supplementDays: 3,
      onLate: 'revoke-acceptance',
      creditRecord: false,
      basis: '示例县工程建设项目容缺受理实施办法 (seeds/002 item 16)',
    },
  },
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.approval,
    departments: [
      {
        id: 'road-excavation',
        name: 'Road excavation permit',
        nameZh: '挖掘城市道路许可',
        limitDays: 3,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'road-occupation',
        name: 'Road occupation permit',
        nameZh: '占用城市道路许可',
        limitDays: 3,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'green-space',
        name: 'Green space occupation permit',
        nameZh: '临时占用城市绿地许可',
        limitDays: 3,
        onTimeout: { action: 'escalate' },
      },
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'project-window-4', backup: 'project-window-2' } },
});

/** 高压用电报装: the ordinary route, after the external works are approved. */
export const electricityOrdinary: ItemDefinition = defineItem({
  id: 'electricity-ordinary',
  name: 'High-voltage connection (ordinary route)',
  nameZh: '高压用电报装（一般程序）',
  department: DEPARTMENTS.power,
  legalBasis: ELECTRICITY_BASIS,
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 40,
      basis: `${ELECTRICITY_BASIS}: 高压用户用电报装办理时间上限 (local setting)`,
    },
    promised: {
      days: 22,
      basis: '高压单电源用户接电 22 个工作日 (local promise)',
    },
  },
  materials: [
    applicationForm('高压用电报装申请表'),
    businessLicence(),
    representativeIdentity(),
    material(
      'property-proof',
      'Proof of the right to use the premises',
      '用电地址产权或使用权证明',
    ),
    material(
      'external-works-permit',
      'External works approval',
      '外线工程行政审批决定',
    ),
    material('load-list', 'Electrical load list', '用电设备清单', {
      secondary: true,
    }),
  ],
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'supply-plan',
        name: 'Supply plan reply',
        nameZh: '供电方案答复',
        role: 'reviewer',
      },
      {
        id: 'completion-inspection',
        name: 'Completion inspection',
        nameZh: '竣工检验',
        role: 'reviewer',
      },
      {
        id: 'meter-connection',
        name: 'Meter installation and connection',
        nameZh: '装表接电',
        role: 'department-approver',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'power-window', backup: 'power-online-desk' } },
});

/** 获得电力. */
export const GETTING_ELECTRICITY: readonly ItemDefinition[] = [
  electricityThreeZeros,
  utilityExternalWorks,
  electricityOrdinary,
];
