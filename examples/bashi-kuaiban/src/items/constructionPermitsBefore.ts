import type { ItemDefinition, ItemDefinitionInput } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import type { DepartmentKey } from '../departments.js';
import { DEPARTMENTS } from '../departments.js';
import { applicationForm, material } from '../materials.js';

// 办理建筑许可 before the reform: one permit after another, each at its own
// department and window, each with its own 20 working days (ALL-42-DECIDE-20D),
// each asking again for copies of the licence, the identity papers and the
// earlier permits, and for a bank proof of funds — 200+ working days in all
// (GC-120WD). Nothing is shared, tolerated or replaced by a commitment.

type MaterialInput = ItemDefinitionInput['materials'][number];

const copies = (...earlier: [string, string][]): MaterialInput[] => [
  material('business-licence-copy', 'Business licence copy', '营业执照复印件'),
  material(
    'representative-identity-copy',
    'Legal representative identity card copy',
    '法定代表人身份证复印件',
  ),
  ...earlier.map(([id, nameZh]) =>
    material(
      `${id}-copy`,
      `Copy of the ${id.replaceAll('-', ' ')}`,
      `${nameZh}复印件`,
    ),
  ),
];

const serialPermit = (
  id: string,
  name: string,
  nameZh: string,
  department: DepartmentKey,
  legalBasis: string,
  materials: MaterialInput[],
  statutory: ItemDefinitionInput['limits']['statutory'] = {
    days: 20,
    basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)',
    extensionDays: 10,
  },
): ItemDefinition =>
  defineItem({
    id: `before-${id}`,
    name: `Before the reform: ${name}`,
    nameZh: `（改革前）${nameZh}`,
    department: DEPARTMENTS[department],
    legalBasis,
    reformMode: 'optimize',
    caseKind: 'promised',
    limits: { statutory },
    materials: [applicationForm(`${nameZh}申请表`), ...materials],
    review: {
      mode: 'chain',
      steps: [
        { id: 'review', name: 'Review', nameZh: '审查', role: 'reviewer' },
        {
          id: 'approval',
          name: 'Approval by the section chief',
          nameZh: '科室负责人审核',
          role: 'department-approver',
        },
      ],
    },
    issuance: { days: 5 },
    roles: {
      handler: { id: `${department}-window`, backup: `${department}-window-b` },
    },
  });

const fundsProof = material(
  'funds-proof',
  'Bank proof of construction funds',
  '银行出具的建设资金到位证明',
);

/** The pre-reform permits, in the order they had to be obtained. */
export const CONSTRUCTION_PERMITS_BEFORE: readonly ItemDefinition[] = [
  serialPermit(
    'project-filing',
    'Investment project filing',
    '企业投资项目备案',
    'developmentReform',
    '企业投资项目核准和备案管理条例',
    [
      ...copies(),
      material('project-information', 'Project information', '项目情况说明'),
    ],
  ),
  serialPermit(
    'siting-opinion',
    'Siting opinion',
    '建设项目选址意见书',
    'naturalResources',
    '城乡规划法 art. 36',
    [
      ...copies(['project-filing', '项目备案证明']),
      material('siting-map', 'Siting map', '选址红线图'),
    ],
  ),
  serialPermit(
    'land-pre-review',
    'Land-use pre-review',
    '建设项目用地预审',
    'naturalResources',
    '土地管理法 art. 52',
    [
      ...copies(
        ['project-filing', '项目备案证明'],
        ['siting-opinion', '选址意见书'],
      ),
      material('boundary-survey', 'Boundary survey', '勘测定界报告'),
    ],
  ),
  serialPermit(
    'land-use-planning-permit',
    'Land-use planning permit',
    '建设用地规划许可证',
    'naturalResources',
    '城乡规划法 art. 38',
    [
      ...copies(
        ['project-filing', '项目备案证明'],
        ['land-pre-review', '用地预审意见'],
      ),
      material(
        'land-transfer-contract',
        'Land transfer contract',
        '国有建设用地使用权出让合同',
      ),
    ],
  ),
  serialPermit(
    'design-scheme-review',
    'Design scheme review',
    '建设工程设计方案审查',
    'naturalResources',
    '城乡规划法 art. 40',
    [
      ...copies(['land-use-planning-permit', '建设用地规划许可证']),
      material('design-scheme', 'Design scheme', '建设工程设计方案'),
    ],
  ),
  serialPermit(
    'building-planning-permit',
    'Building planning permit',
    '建设工程规划许可证',
    'naturalResources',
    '城乡规划法 art. 40',
    [
      ...copies(
        ['land-use-planning-permit', '建设用地规划许可证'],
        ['design-scheme-review', '设计方案审查意见'],
      ),
      material('topographic-map', 'Topographic map', '现状地形图'),
    ],
  ),
  serialPermit(
    'fire-design-review',
    'Fire design review',
    '建设工程消防设计审核',
    'fire',
    '消防法 art. 11 (2009 text)',
    [
      ...copies(['building-planning-permit', '建设工程规划许可证']),
      material('fire-drawings', 'Fire drawings', '消防设计文件'),
    ],
  ),
  serialPermit(
    'civil-defence-design-review',
    'Civil air defence design review',
    '人防工程设计审查',
    'civilDefence',
    '人民防空法 art. 22',
    [
      ...copies(['building-planning-permit', '建设工程规划许可证']),
      material(
        'civil-defence-drawings',
        'Civil defence drawings',
        '人防设计文件',
      ),
    ],
  ),
  serialPermit(
    'construction-permit',
    'Construction permit',
    '建筑工程施工许可证',
    'housing',
    '中华人民共和国建筑法 art. 8; 建筑工程施工许可管理办法 (2014) art. 5',
    [
      ...copies(
        ['building-planning-permit', '建设工程规划许可证'],
        ['fire-design-review', '消防设计审核意见'],
        ['civil-defence-design-review', '人防设计审查意见'],
      ),
      material(
        'construction-drawings',
        'Construction drawings',
        '施工图设计文件及审查合格书',
      ),
      material('contractor-award', 'Contractor award', '中标通知书及施工合同'),
      fundsProof,
    ],
    {
      days: 15,
      unit: 'calendar-days',
      basis: '建筑工程施工许可管理办法 (2014) art. 5: 十五日内',
    },
  ),
  serialPermit(
    'planning-verification',
    'Planning verification',
    '建设工程规划条件核实',
    'naturalResources',
    '城乡规划法 art. 45',
    [
      ...copies(
        ['building-planning-permit', '建设工程规划许可证'],
        ['construction-permit', '施工许可证'],
      ),
      material('as-built-survey', 'as-built survey', '竣工测量报告'),
    ],
  ),
  serialPermit(
    'fire-acceptance',
    'Fire acceptance',
    '建设工程消防验收',
    'fire',
    '消防法 art. 13 (2009 text)',
    [
      ...copies(
        ['fire-design-review', '消防设计审核意见'],
        ['construction-permit', '施工许可证'],
      ),
      material('fire-test-report', 'Fire test report', '消防设施检测报告'),
    ],
  ),
  serialPermit(
    'civil-defence-acceptance',
    'Civil air defence acceptance',
    '人防工程竣工验收',
    'civilDefence',
    '人民防空法 art. 22',
    [
      ...copies(
        ['civil-defence-design-review', '人防设计审查意见'],
        ['construction-permit', '施工许可证'],
      ),
      material(
        'civil-defence-report',
        'Civil defence report',
        '人防工程竣工报告',
      ),
    ],
  ),
  serialPermit(
    'archives-acceptance',
    'Construction archives acceptance',
    '城建档案验收',
    'archives',
    '城市建设档案管理规定',
    [
      ...copies(['construction-permit', '施工许可证']),
      material('project-archives', 'Project archives', '工程档案资料'),
    ],
  ),
  serialPermit(
    'completion-filing',
    'Completion acceptance filing',
    '竣工验收备案',
    'housing',
    '建设工程质量管理条例 art. 49',
    [
      ...copies(
        ['planning-verification', '规划核实意见'],
        ['fire-acceptance', '消防验收意见'],
        ['civil-defence-acceptance', '人防验收意见'],
        ['archives-acceptance', '档案验收意见'],
      ),
      material('completion-report', 'Completion report', '工程竣工验收报告'),
    ],
  ),
];
