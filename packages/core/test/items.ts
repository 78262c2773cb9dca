import type { ItemDefinitionInput } from '../src/itemDefinition.js';

/** 食品经营许可: promised, 容缺 for the food-safety rules, 告知承诺 for the premises. */
export const material = (
  id: string,
  nameZh: string,
  extra: Partial<ItemDefinitionInput['materials'][number]> = {},
) => ({ id, name: id, nameZh, primary: true, tolerable: false, ...extra });

export const foodPermitInput = (): ItemDefinitionInput => ({
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
    material('application', '食品经营许可申请书'),
    material('premises-proof', '经营场所证明', {
      replaceableByCommitment: true,
    }),
    material('food-safety-rules', '食品安全管理制度', {
      primary: false,
      tolerable: true,
    }),
    material('licence-copy', '营业执照复印件', {
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
});

/** 施工许可: joint, planning → fire, and civil defence, in parallel (GC-LEAD). */
export const constructionPermitInput = (): ItemDefinitionInput => ({
  id: 'construction-permit',
  name: 'Construction permit',
  nameZh: '建筑工程施工许可',
  department: {
    id: 'housing',
    name: 'Housing and construction bureau',
    nameZh: '住房和城乡建设局',
  },
  legalBasis: '中华人民共和国建筑法 art. 8',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: { days: 45, basis: '行政许可法 art. 42 para. 2' },
    promised: { days: 20 },
  },
  materials: [
    material('application', '建筑工程施工许可申请表'),
    material('planning-permit', '建设工程规划许可证', {
      sharedFrom: { item: 'building-planning-permit', result: 'permit' },
    }),
    material('drawing-review', '施工图审查合格书'),
  ],
  review: {
    mode: 'parallel',
    lead: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
    departments: [
      { id: 'planning', name: 'Planning', nameZh: '规划', limitDays: 10 },
      { id: 'fire', name: 'Fire', nameZh: '消防', limitDays: 10 },
      {
        id: 'civil-defence',
        name: 'Civil defence',
        nameZh: '人防',
        limitDays: 5,
      },
    ].map((d) => ({ ...d, onTimeout: { action: 'escalate' as const } })),
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
  roles: { handler: { id: 'window-7', backup: 'window-8' } },
});
