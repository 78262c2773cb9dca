import { isKuaibanError } from '@kuaiban/calendar';
import type { KuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { itemDefinitionJsonSchema } from '../src/definitionJsonSchema.js';
import type { ItemDefinitionInput } from '../src/itemDefinition.js';
import {
  HOURS_PER_WORKING_DAY,
  ItemDefinitionSchema,
  defineItem,
  requestedMaterials,
} from '../src/itemDefinition.js';

/** 食品经营许可: a promised case (承诺件) with 容缺受理 and 告知承诺 for one proof. */
const foodPermit = (): ItemDefinitionInput => ({
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
    promised: { days: 10, basis: '某市政务服务事项承诺时限清单' },
  },
  materials: [
    {
      id: 'application',
      name: 'Application form',
      nameZh: '食品经营许可申请书',
      primary: true,
      tolerable: false,
    },
    {
      id: 'premises-proof',
      name: 'Proof of premises',
      nameZh: '经营场所证明',
      primary: true,
      tolerable: false,
      replaceableByCommitment: true,
    },
    {
      id: 'food-safety-rules',
      name: 'Food safety rules',
      nameZh: '食品安全管理制度',
      primary: false,
      tolerable: true,
    },
    {
      id: 'licence-copy',
      name: 'Business licence copy',
      nameZh: '营业执照复印件',
      primary: false,
      tolerable: true,
      sharedFrom: { item: 'business-licence', result: 'business-licence' },
    },
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
});

/** 施工许可: a joint case (联办件), three departments review in parallel (GC-LEAD). */
const constructionPermit = (): ItemDefinitionInput => ({
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
    {
      id: 'application',
      name: 'Application form',
      nameZh: '建筑工程施工许可申请表',
      primary: true,
      tolerable: false,
    },
    {
      id: 'drawing-review',
      name: 'Construction drawing review certificate',
      nameZh: '施工图审查合格书',
      primary: true,
      tolerable: false,
    },
    {
      id: 'contract-award',
      name: 'Notice of award',
      nameZh: '中标通知书',
      primary: false,
      tolerable: false,
    },
  ],
  review: {
    mode: 'parallel',
    lead: {
      id: 'housing',
      name: 'Housing and construction bureau',
      nameZh: '住建局',
    },
    departments: [
      {
        id: 'planning',
        name: 'Planning',
        nameZh: '自然资源和规划局',
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'fire',
        name: 'Fire protection design review',
        nameZh: '消防设计审查',
        limitDays: 10,
        dependsOn: ['planning'],
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'civil-defence',
        name: 'Civil air defence',
        nameZh: '人防办',
        limitDays: 5,
        onTimeout: {
          action: 'deem',
          opinion: 'approve',
          basis: '某市工程建设项目审批管理办法 art. 21',
        },
      },
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
});

/** The problems a definition has, as `path: message` lines. */
function problemsOf(definition: unknown): string[] {
  const result = ItemDefinitionSchema.safeParse(definition);
  return result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function errorOf(run: () => unknown): KuaibanError {
  try {
    run();
  } catch (error) {
    if (isKuaibanError(error)) return error;
    throw error;
  }
  throw new Error('expected a KuaibanError');
}

const pathsOf = (error: KuaibanError) => error.issues.map((i) => i.path);

describe('defineItem: real items', () => {
  it('食品经营许可: valid, with its defaults applied', () => {
    const item = defineItem(foodPermit());
    expect(item.limits.statutory.unit).toBe('working-days');
    expect(item.issuance).toEqual({ days: 10 });
    expect(item.rating).toEqual({ rectifyDays: 5 });
    expect(item.materials.map((m) => m.replaceableByCommitment)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(item.acceptance.noticeDays).toBeUndefined();
    expect(defineItem(item)).toEqual(item);
  });

  it('施工许可 with three departments: parallel approval with the machine defaults', () => {
    const item = defineItem(constructionPermit());
    expect(item.review).toMatchObject({
      mode: 'parallel',
      jointLimitDays: 45,
      jointExtensionDays: 15,
    });
    expect(
      item.review.mode === 'parallel' &&
        item.review.departments.map((d) => [d.id, d.dependsOn, d.weight]),
    ).toEqual([
      ['planning', [], 1],
      ['fire', ['planning'], 1],
      ['civil-defence', [], 1],
    ]);
    expect(item.acceptance).toEqual({});
  });

  it('ZZ-FILING: 第二类医疗器械经营备案, a filing handled on the spot', () => {
    const filing = defineItem({
      ...foodPermit(),
      id: 'class-ii-medical-device-filing',
      name: 'Class II medical device business filing',
      nameZh: '第二类医疗器械经营备案',
      reformMode: 'filing',
      caseKind: 'on-the-spot',
      acceptance: {},
      materials: [
        {
          id: 'filing-form',
          name: 'Filing form',
          nameZh: '备案表',
          primary: true,
          tolerable: false,
        },
      ],
    });
    expect(filing.reformMode).toBe('filing');
  });

  it('ZZ-COMMIT: 人力资源服务许可 under notification-commitment', () => {
    const item = defineItem({
      ...foodPermit(),
      id: 'hr-services-permit',
      name: 'Human resources services permit',
      nameZh: '人力资源服务许可',
      reformMode: 'commitment',
    });
    expect(item.acceptance.commitment?.domain).toBe('ordinary');
  });

  it('takes limits in working hours or calendar days, and roles', () => {
    const item = defineItem({
      ...foodPermit(),
      limits: {
        statutory: { days: 160, unit: 'working-hours', basis: '某条例' },
        promised: { days: 40 },
      },
      roles: { handler: { id: 'window-3', backup: 'window-4' } },
    });
    expect(item.limits.statutory.unit).toBe('working-hours');
    expect(item.roles?.handler).toEqual({ id: 'window-3', backup: 'window-4' });
    expect(HOURS_PER_WORKING_DAY).toBe(8);
  });
});

describe('defineItem: every problem, with its path, in English and Chinese', () => {
  it('lists structural and cross-field problems of one definition together', () => {
    const broken = foodPermit() as Record<string, unknown>;
    broken.name = '';
    broken.caseKind = 'joint';
    broken.issuance = { days: 12 };
    const materials = broken.materials as Record<string, unknown>[];
    (materials[0] as Record<string, unknown>).tolerable = true;
    (materials[2] as Record<string, unknown>).id = 'application';
    const error = errorOf(() => defineItem(broken as ItemDefinitionInput));
    expect(error.code).toBe('INVALID_DEFINITION');
    expect(pathsOf(error)).toEqual([
      ['name'],
      ['issuance', 'days'],
      ['caseKind'],
      ['materials', 0, 'tolerable'],
      ['materials', 2, 'id'],
    ]);
    for (const issue of error.issues) {
      expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messageZh).not.toBe(issue.message);
    }
    expect(error.message).toMatch(
      /^Invalid service item "food-business-permit": name: Must not be empty; issuance.days: ALL-44-ISSUE-10D/,
    );
    expect(error.messageZh).toContain('事项“food-business-permit”无效');
    expect(error.messageZh).toContain(
      'caseKind：SVC-CLASS：联办件采用并联审批',
    );
    expect(error.messageZh).toContain(
      'materials[0].tolerable：RQ-COND：主要材料不得容缺',
    );
  });

  it('a value that is not an object is one problem at the root', () => {
    const error = errorOf(() => defineItem(null as never));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toEqual([]);
    expect(error.message).toMatch(/^Invalid service item: \(root\)/);
  });

  it('a rule whose fields failed is not judged: no second-hand problems', () => {
    const broken = {
      ...foodPermit(),
      caseKind: 'urgent',
      limits: {
        statutory: { days: 'twenty', basis: 'x' },
        promised: { days: 10 },
      },
      materials: [null, { ...foodPermit().materials[0], primary: 'yes' }],
      acceptance: 'none',
      review: { mode: 'chain', steps: [{ id: 7 }, 'step'] },
    } as unknown as ItemDefinitionInput;
    expect(problemsOf(broken).map((p) => p.split(':')[0])).toEqual([
      'caseKind',
      'limits.statutory.days',
      'materials.0',
      'materials.1.primary',
      'acceptance',
      'review.steps.0.id',
      'review.steps.0.name',
      'review.steps.0.nameZh',
      'review.steps.0.role',
      'review.steps.1',
    ]);
  });
});

describe('cross-field rules, each with its DOMAIN code', () => {
  it('SVC-CLASS: a joint item is reviewed in parallel, and only a joint item is', () => {
    expect(problemsOf({ ...foodPermit(), caseKind: 'joint' })).toEqual([
      expect.stringMatching(/^caseKind: SVC-CLASS/),
    ]);
    expect(
      problemsOf({ ...constructionPermit(), caseKind: 'promised' }),
    ).toEqual([expect.stringMatching(/^caseKind: SVC-CLASS/)]);
  });

  it('ZZ-FILING: a filing is an on-the-spot case', () => {
    expect(problemsOf({ ...foodPermit(), reformMode: 'filing' })).toEqual([
      expect.stringMatching(/^caseKind: ZZ-FILING/),
    ]);
  });

  it('ZZ-COMMIT: the commitment reform mode needs acceptance.commitment', () => {
    const item = foodPermit();
    item.reformMode = 'commitment';
    item.acceptance = { tolerant: item.acceptance?.tolerant };
    expect(problemsOf(item)).toEqual([
      expect.stringMatching(/^acceptance.commitment: ZZ-COMMIT/),
      expect.stringMatching(
        /^materials.1.replaceableByCommitment: GZ-NOTICE: only an item that offers/,
      ),
    ]);
  });

  it('GZ-EXCLUDED: 药品零售许可 (health, life and property) cannot be reformed to commitment', () => {
    const item = foodPermit();
    item.id = 'drug-retail-permit';
    item.reformMode = 'commitment';
    item.acceptance = {
      commitment: {
        domain: 'health-life-property',
        verifyWithinDays: 60,
        verificationBasis: '某省办法',
        rectifyWithinDays: 20,
      },
      tolerant: foodPermit().acceptance?.tolerant,
    };
    const error = errorOf(() => defineItem(item));
    expect(pathsOf(error)).toEqual([['acceptance', 'commitment', 'domain']]);
    expect(error.issues[0]?.message).toMatch(
      /^GZ-EXCLUDED: .*"health-life-property".*\(ZZ-COMMIT\)$/,
    );
    expect(error.issues[0]?.messageZh).toBe(
      'GZ-EXCLUDED：涉及人身健康、生命财产安全的事项不得实行告知承诺，改革方式不能为 "commitment"（ZZ-COMMIT）',
    );
    // The same domain with an ordinary reform mode: the machine routes such
    // applications to the ordinary route itself.
    expect(problemsOf({ ...item, reformMode: 'optimize' })).toEqual([]);
  });

  it('GZ-NOTICE: a commitment replaces at least one proof', () => {
    const item = foodPermit();
    item.materials = item.materials.map((m) => ({
      ...m,
      replaceableByCommitment: false,
    }));
    expect(problemsOf(item)).toEqual([
      expect.stringMatching(
        /^acceptance.commitment: GZ-NOTICE: a commitment replaces at least one proof/,
      ),
    ]);
  });

  it('RQ-COND: never a primary material; tolerable materials need 容缺 offered, and 容缺 needs one', () => {
    const item = foodPermit();
    item.materials[0] = { ...item.materials[0]!, tolerable: true };
    expect(problemsOf(item)).toEqual([
      'materials.0.tolerable: RQ-COND: a primary material may not be missing at acceptance',
    ]);
    const noTolerance = foodPermit();
    noTolerance.acceptance = { commitment: noTolerance.acceptance?.commitment };
    expect(problemsOf(noTolerance)).toEqual([
      expect.stringMatching(
        /^materials.2.tolerable: RQ-COND: marked tolerable/,
      ),
      expect.stringMatching(
        /^materials.3.tolerable: RQ-COND: marked tolerable/,
      ),
    ]);
    const nothingTolerable = foodPermit();
    nothingTolerable.materials = nothingTolerable.materials.map((m) => ({
      ...m,
      tolerable: false,
    }));
    expect(problemsOf(nothingTolerable)).toEqual([
      expect.stringMatching(
        /^acceptance.tolerant: RQ-COND: tolerant acceptance is offered/,
      ),
    ]);
  });

  it('RQ-DEADLINE: the supplement deadline fits in the promised limit, else the statutory one', () => {
    const item = foodPermit();
    item.acceptance!.tolerant!.supplementDays = 11;
    expect(problemsOf(item)).toEqual([
      "acceptance.tolerant.supplementDays: RQ-DEADLINE: the supplement deadline (11 working days) may not exceed the item's promised limit (10 working days)",
    ]);
    expect(
      problemsOf({ ...item, limits: { statutory: { days: 20, basis: 'x' } } }),
    ).toEqual([]);
  });

  it('RQ-DEADLINE: in working hours, a working day counts 8 hours', () => {
    const item = foodPermit();
    item.limits = {
      statutory: { days: 24, unit: 'working-hours', basis: '某条例' },
      promised: { days: 16 },
    };
    item.acceptance!.tolerant!.supplementDays = 2;
    expect(problemsOf(item)).toEqual([]);
    item.acceptance!.tolerant!.supplementDays = 3;
    const error = errorOf(() => defineItem(item));
    expect(error.issues[0]?.messageZh).toBe(
      'RQ-DEADLINE：补正期限（3 个工作日）不得超过事项的承诺时限（16 个工作小时）',
    );
  });

  it('SVC-LIMITS: the promised limit may not exceed the statutory one', () => {
    const item = foodPermit();
    item.limits.promised = { days: 25 };
    expect(problemsOf(item)).toEqual([
      'limits.promised.days: SVC-LIMITS: the promised limit (25 working days) may not exceed the statutory one (20)',
    ]);
  });

  it('SVC-SHARE: at least one material is submitted by the applicant', () => {
    const item = foodPermit();
    item.materials = [
      {
        id: 'licence-copy',
        name: 'Business licence copy',
        nameZh: '营业执照复印件',
        primary: true,
        tolerable: false,
        sharedFrom: { item: 'business-licence', result: 'licence' },
      },
    ];
    item.acceptance = {};
    expect(problemsOf(item)).toEqual([
      expect.stringMatching(
        /^materials: SVC-SHARE: every material is obtained by data sharing/,
      ),
    ]);
  });

  it('ALL-44-ISSUE-10D, ALL-32-NOTICE-5D: at most 10 and 5 working days', () => {
    const item = foodPermit();
    item.issuance = { days: 11 };
    item.acceptance!.noticeDays = 6;
    expect(problemsOf(item)).toEqual([
      'acceptance.noticeDays: ALL-32-NOTICE-5D: at most 5 working days',
      'issuance.days: ALL-44-ISSUE-10D: at most 10 working days',
    ]);
  });

  it('at least one material; ids of materials and review steps are unique', () => {
    expect(problemsOf({ ...foodPermit(), materials: [] })).toEqual([
      'materials: Expected at least one material',
    ]);
    const item = foodPermit();
    const step = {
      id: 'site-review',
      name: 'Site review',
      nameZh: '现场核查',
      role: 'reviewer' as const,
    };
    item.review = { mode: 'chain', steps: [step, step] };
    expect(problemsOf(item)).toEqual([
      'review.steps.1.id: review step id "site-review" is used twice',
    ]);
  });

  it('GC-LEAD, ALL-42-JOINT-45D: the parallel-approval rules, at their paths under review', () => {
    const item = constructionPermit();
    if (item.review.mode !== 'parallel') throw new Error('parallel');
    item.review.join = { policy: 'quorum', k: 4 };
    item.review.jointLimitDays = 60;
    item.review.departments[0]!.dependsOn = ['fire'];
    item.review.departments[2]!.dependsOn = ['water'];
    const error = errorOf(() => defineItem(item));
    expect(pathsOf(error)).toEqual([
      ['review', 'departments', 2, 'dependsOn', 0],
      ['review', 'departments'],
      ['review', 'join', 'k'],
      ['review', 'jointLimitDays'],
    ]);
    expect(error.issues.map((i) => i.messageZh)).toEqual([
      'civil-defence 依赖的 water 不是本次并联审批的其他部门',
      '部门依赖关系成环：planning → fire → planning',
      '3 个部门无法达到 4 票的法定票数',
      '联合办理时限超过 45 个工作日须注明法律依据 limitBasis（ALL-42-JOINT-45D）',
    ]);
  });

  it('DEEM-APPROVAL: a deemed opinion needs its basis (the department schema)', () => {
    const item = constructionPermit();
    if (item.review.mode !== 'parallel') throw new Error('parallel');
    item.review.departments[2]!.onTimeout = {
      action: 'deem',
      opinion: 'approve',
    } as never;
    expect(problemsOf(item)).toEqual([
      expect.stringMatching(/^review.departments.2.onTimeout.basis: /),
    ]);
  });
});

describe('requestedMaterials (SVC-SHARE)', () => {
  it('leaves out shared materials and those provided', () => {
    const item = defineItem(foodPermit());
    expect(requestedMaterials(item).map((m) => m.id)).toEqual([
      'application',
      'premises-proof',
      'food-safety-rules',
    ]);
    expect(
      requestedMaterials(item, ['food-safety-rules']).map((m) => m.id),
    ).toEqual(['application', 'premises-proof']);
  });
});

/** Just enough JSON Schema to check a document's shape in a test. */
function shapeProblems(
  schema: Record<string, unknown>,
  value: unknown,
  at = '',
): string[] {
  const s = schema as {
    type?: string;
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: boolean;
    items?: Record<string, unknown>;
    enum?: unknown[];
    const?: unknown;
    oneOf?: Record<string, unknown>[];
    minItems?: number;
    minLength?: number;
    minimum?: number;
    maximum?: number;
  };
  if (s.oneOf) {
    const fits = s.oneOf.filter(
      (option) => shapeProblems(option, value, at).length === 0,
    );
    return fits.length === 1 ? [] : [`${at}: fits ${fits.length} options`];
  }
  const problems: string[] = [];
  const type = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value;
  const expected = s.type === 'integer' ? 'number' : s.type;
  if (expected && expected !== type) return [`${at}: expected ${s.type}`];
  if (s.enum && !s.enum.includes(value)) problems.push(`${at}: not in enum`);
  if ('const' in s && s.const !== value)
    problems.push(`${at}: not ${String(s.const)}`);
  if (typeof value === 'string' && value.length < (s.minLength ?? 0)) {
    problems.push(`${at}: too short`);
  }
  if (typeof value === 'number') {
    if (s.type === 'integer' && !Number.isInteger(value))
      problems.push(`${at}: not an integer`);
    if (value < (s.minimum ?? -Infinity) || value > (s.maximum ?? Infinity)) {
      problems.push(`${at}: out of range`);
    }
  }
  if (Array.isArray(value)) {
    if (value.length < (s.minItems ?? 0)) problems.push(`${at}: too few`);
    value.forEach((v, i) =>
      problems.push(...shapeProblems(s.items ?? {}, v, `${at}[${i}]`)),
    );
  }
  if (type === 'object' && s.properties) {
    const record = value as Record<string, unknown>;
    for (const key of s.required ?? []) {
      if (!(key in record)) problems.push(`${at}.${key}: required`);
    }
    for (const [key, v] of Object.entries(record)) {
      const property = s.properties[key];
      if (property)
        problems.push(...shapeProblems(property, v, `${at}.${key}`));
      else if (s.additionalProperties === false)
        problems.push(`${at}.${key}: not allowed`);
    }
  }
  return problems;
}

describe('itemDefinitionJsonSchema', () => {
  const schema = itemDefinitionJsonSchema();

  it('is a draft 2020-12 document with $id and title, for authors (defaults optional)', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:kuaiban:schema:item-definition',
      title: 'Kuaiban service item definition (事项定义)',
      type: 'object',
      additionalProperties: false,
    });
    expect(schema.required).toEqual([
      'id',
      'name',
      'nameZh',
      'department',
      'legalBasis',
      'reformMode',
      'caseKind',
      'limits',
      'materials',
      'review',
    ]);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('real definitions fit it; missing, extra and mistyped keys do not', () => {
    expect(shapeProblems(schema, foodPermit())).toEqual([]);
    expect(shapeProblems(schema, constructionPermit())).toEqual([]);
    expect(shapeProblems(schema, defineItem(foodPermit()))).toEqual([]);
    const { legalBasis: _legalBasis, ...withoutBasis } = foodPermit();
    expect(shapeProblems(schema, withoutBasis)).toEqual([
      '.legalBasis: required',
    ]);
    expect(shapeProblems(schema, { ...foodPermit(), colour: 'red' })).toEqual([
      '.colour: not allowed',
    ]);
    expect(
      shapeProblems(schema, { ...foodPermit(), issuance: { days: 12 } }),
    ).toEqual(['.issuance.days: out of range']);
  });
});
