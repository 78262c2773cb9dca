import type { ItemDefinition } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { DEPARTMENTS } from '../departments.js';
import { applicationForm, businessLicence, material } from '../materials.js';

/**
 * 社会投资简易低风险项目: building and construction permits merged and granted
 * on a signed commitment that replaces the drawing-review certificate
 * (GZ-DECIDE; GC-120WD: 15 days or less to registration).
 */
export const lowRiskConstructionPermit: ItemDefinition = defineItem({
  id: 'gc-low-risk-permit',
  name: 'Low-risk project: merged building and construction permit',
  nameZh: '社会投资简易低风险项目工程建设许可和施工许可合并办理',
  department: DEPARTMENTS.housing,
  legalBasis:
    '国办发〔2019〕11号 (简易低风险项目); 中华人民共和国建筑法 art. 8',
  reformMode: 'optimize',
  caseKind: 'promised',
  limits: {
    statutory: {
      days: 20,
      basis: '行政许可法 art. 42 (ALL-42-DECIDE-20D)',
      extensionDays: 10,
    },
    promised: {
      days: 5,
      basis: '低风险项目全流程 15 天以内 (GC-120WD, Beijing example)',
    },
  },
  materials: [
    applicationForm('低风险项目合并办理申请表'),
    businessLicence(),
    material(
      'land-title',
      'Land-use right certificate',
      '不动产权证书（土地）',
    ),
    material(
      'drawing-review-certificate',
      'Construction drawing review certificate',
      '施工图审查合格书',
      { commitment: true },
    ),
    material(
      'funding-commitment',
      'Signed commitment that construction funds are in place',
      '建设资金已经落实承诺书',
    ),
  ],
  acceptance: {
    commitment: {
      domain: 'ordinary',
      verifyWithinDays: 60,
      verificationBasis:
        '国办发〔2020〕42号; 示例县社会投资简易低风险项目审批实施办法：施工图 60 个工作日内事后抽查 (local rule)',
      rectifyWithinDays: 20,
    },
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'merged-review',
        name: 'Merged planning and construction review',
        nameZh: '规划和施工许可合并审查',
        role: 'reviewer',
      },
    ],
  },
  issuance: { days: 1 },
  roles: { handler: { id: 'project-window-3', backup: 'project-window-2' } },
});
