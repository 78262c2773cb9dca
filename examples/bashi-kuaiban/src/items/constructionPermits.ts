import type { ItemDefinition, ItemDefinitionInput } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import {
  applicationForm,
  businessLicence,
  material,
  representativeIdentity,
} from '../materials.js';

// 办理建筑许可 after the reform (国办发〔2019〕11号, GC-STAGES): four stages,
// each one joint case with one lead department, its reviews in parallel
// (一家牵头、并联审批、限时办结, GC-LEAD), one form and one set of materials
// per stage, results pushed forward to the next stage.

type ParallelReview = Extract<
  ItemDefinitionInput['review'],
  { mode: 'parallel' }
>;
type ReviewUnit = ParallelReview['departments'][number];

/** One review in a stage: its own limit, escalated to a supervisor when it runs out. */
const review = (
  id: string,
  name: string,
  nameZh: string,
  limitDays: number,
  dependsOn: string[] = [],
): ReviewUnit => ({
  id,
  name,
  nameZh,
  limitDays,
  dependsOn,
  onTimeout: { action: 'escalate' },
});

/** GC-120WD: 120 working days over four stages, 30 each (the split is a local setting). */
export const STAGE_PROMISED_DAYS = 30;

const stageLimits = {
  statutory: {
    days: 45,
    basis:
      '行政许可法 art. 26, art. 42 para. 2: 联合办理 45 个工作日 (ALL-42-JOINT-45D)',
    extensionDays: 15,
  },
  promised: {
    days: STAGE_PROMISED_DAYS,
    basis:
      '国办发〔2019〕11号: 全流程审批时间 120 个工作日以内 (GC-120WD)，每阶段 30 个工作日 (local split)',
  },
} as const;

const stageTolerance = {
  supplementDays: 5,
  onLate: 'revoke-acceptance',
  creditRecord: true,
  basis:
    '示例县工程建设项目容缺受理实施办法 (seeds/002 item 16, seeds/004: 容缺受理＋告知承诺)',
} as const;

const stageItem = (
  fields: Pick<
    ItemDefinitionInput,
    'id' | 'name' | 'nameZh' | 'department' | 'legalBasis' | 'materials'
  > & { review: ParallelReview },
): ItemDefinition =>
  defineItem({
    ...fields,
    reformMode: 'optimize',
    caseKind: 'joint',
    limits: stageLimits,
    acceptance: { tolerant: stageTolerance },
    issuance: { days: 2 },
    roles: { handler: { id: 'project-window-1', backup: 'project-window-2' } },
  });

/** Stage 1 立项用地规划许可: project filing, siting and land pre-review, land-use planning permit. */
export const projectLandPlanningStage = stageItem({
  id: 'gc-stage-1-land-use-planning',
  name: 'Stage 1: project approval and land-use planning permit',
  nameZh: '立项用地规划许可阶段',
  department: DEPARTMENTS.naturalResources,
  legalBasis:
    '国办发〔2019〕11号 (GC-STAGES); 企业投资项目核准和备案管理条例; 城乡规划法 art. 38',
  materials: [
    applicationForm('立项用地规划许可阶段申请表（一张表单）'),
    businessLicence(),
    representativeIdentity(),
    material(
      'project-information',
      'Enterprise investment project information',
      '企业投资项目备案信息',
    ),
    material(
      'land-transfer-contract',
      'State-owned construction land transfer contract',
      '国有建设用地使用权出让合同',
    ),
    material('boundary-survey', 'Land boundary survey report', '勘测定界报告', {
      tolerable: true,
    }),
  ],
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.naturalResources,
    departments: [
      review(
        'project-filing',
        'Investment project filing',
        '企业投资项目备案',
        2,
      ),
      review(
        'siting-land-pre-review',
        'Siting opinion and land pre-review',
        '用地预审与选址意见书',
        10,
        ['project-filing'],
      ),
      review(
        'land-use-planning-permit',
        'Land-use planning permit',
        '建设用地规划许可证核发',
        7,
        ['siting-land-pre-review'],
      ),
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
});

/** Stage 2 工程建设许可: design scheme review, building planning permit. */
export const constructionWorksPermitStage = stageItem({
  id: 'gc-stage-2-building-planning',
  name: 'Stage 2: design scheme review and building planning permit',
  nameZh: '工程建设许可阶段',
  department: DEPARTMENTS.naturalResources,
  legalBasis: '国办发〔2019〕11号 (GC-STAGES); 城乡规划法 art. 40',
  materials: [
    applicationForm('工程建设许可阶段申请表（一张表单）'),
    businessLicence(),
    material(
      'land-use-planning-permit',
      'Land-use planning permit',
      '建设用地规划许可证',
    ),
    material(
      'design-scheme',
      'Architectural design scheme',
      '建设工程设计方案',
    ),
    material('topographic-map', 'Current topographic map', '现状地形图', {
      tolerable: true,
    }),
  ],
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.naturalResources,
    departments: [
      review(
        'design-scheme-review',
        'Design scheme review',
        '设计方案审查',
        10,
      ),
      review(
        'civil-defence-siting',
        'Civil air defence construction conditions',
        '人防工程建设条件审查',
        5,
      ),
      review(
        'building-planning-permit',
        'Building planning permit',
        '建设工程规划许可证核发',
        5,
        ['design-scheme-review'],
      ),
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
});

/** Stage 3 施工许可: fire and civil-defence design review, then the construction permit. */
export const constructionPermitStage = stageItem({
  id: 'gc-stage-3-construction-permit',
  name: 'Stage 3: construction permit',
  nameZh: '施工许可阶段',
  department: DEPARTMENTS.housing,
  legalBasis:
    '国办发〔2019〕11号 (GC-STAGES); 中华人民共和国建筑法 art. 8; 建筑工程施工许可管理办法 (2021) art. 4; 建设工程消防设计审查验收管理暂行规定',
  materials: [
    applicationForm('施工许可阶段申请表（一张表单）'),
    businessLicence(),
    material(
      'building-planning-permit',
      'Building planning permit',
      '建设工程规划许可证',
    ),
    material(
      'construction-drawings',
      'Construction drawings',
      '施工图设计文件',
    ),
    material(
      'contractor-award',
      'Contractor award notice and contract',
      '中标通知书及施工合同',
    ),
    material(
      'funding-commitment',
      'Signed commitment that construction funds are in place',
      '建设资金已经落实承诺书',
    ),
    material(
      'quality-safety-measures',
      'Quality and safety measures',
      '保证工程质量和安全的具体措施',
      { tolerable: true },
    ),
  ],
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.housing,
    departments: [
      review('fire-design-review', 'Fire design review', '消防设计审查', 15),
      review(
        'civil-defence-design-review',
        'Civil air defence design review',
        '人防设计审查',
        10,
      ),
      review(
        'construction-permit',
        'Construction permit',
        '建筑工程施工许可证核发',
        5,
        ['fire-design-review', 'civil-defence-design-review'],
      ),
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
});

/** Stage 4 竣工验收: one joint completion acceptance (联合验收). */
export const jointCompletionStage = stageItem({
  id: 'gc-stage-4-joint-completion',
  name: 'Stage 4: joint completion acceptance',
  nameZh: '竣工验收阶段（联合验收）',
  department: DEPARTMENTS.housing,
  legalBasis:
    '国办发〔2019〕11号 (GC-STAGES); 城乡规划法 art. 45; 建设工程质量管理条例 art. 49; 建设工程消防设计审查验收管理暂行规定',
  materials: [
    applicationForm('联合验收申请表（一张表单）'),
    businessLicence(),
    material(
      'building-planning-permit',
      'Building planning permit',
      '建设工程规划许可证',
    ),
    material(
      'construction-permit',
      'Construction permit',
      '建筑工程施工许可证',
    ),
    material(
      'completion-report',
      'Completion acceptance report',
      '工程竣工验收报告',
    ),
    material(
      'as-built-survey',
      'As-built survey (多测合一)',
      '竣工测绘成果（多测合一）',
    ),
    material('project-archives', 'Project archives', '工程档案资料', {
      tolerable: true,
    }),
  ],
  review: {
    mode: 'parallel',
    lead: DEPARTMENTS.housing,
    departments: [
      review('planning-verification', 'Planning verification', '规划核实', 5),
      review('land-verification', 'Land verification', '土地核验', 5),
      review('fire-acceptance', 'Fire acceptance', '消防验收', 10),
      review(
        'civil-defence-acceptance',
        'Civil air defence acceptance',
        '人防验收',
        5,
      ),
      review(
        'archives-acceptance',
        'Construction archives acceptance',
        '城建档案验收',
        5,
      ),
    ],
    join: { policy: 'all' },
    rejection: 'collect-all',
  },
});

/** The four stages, in order (GC-STAGES). */
export const CONSTRUCTION_STAGES: readonly ItemDefinition[] = [
  projectLandPlanningStage,
  constructionWorksPermitStage,
  constructionPermitStage,
  jointCompletionStage,
];
