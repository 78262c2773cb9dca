import type { KuaibanError } from '@kuaiban/calendar';
import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import type { CaseLifecycleEvent, Party } from '@kuaiban/machines';
import {
  createDeadlineClockMachine,
  createNotificationCommitmentMachine,
} from '@kuaiban/machines';
import { describe, expect, it } from 'vitest';
import { and, createActor, not, setup } from 'xstate';
import { definitionOf } from '../../machines/test/support/modelCoverage.js';
import type { CaseApplication, CompiledItem } from '../src/compileItem.js';
import { compileItem } from '../src/compileItem.js';
import { defineItem } from '../src/itemDefinition.js';
import { machineGraph } from '../src/itemDefinitionGraph.js';
import { constructionPermitInput, foodPermitInput, material } from './items.js';

const calendar = createChinaCalendar();

const bakery: Party = { id: 'bakery', role: 'applicant' };
const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const reviewer: Party = { id: 'reviewer-li', role: 'reviewer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };
const dept = (department: string): Party => ({
  id: `${department}-approver`,
  role: 'department-approver',
  department,
});

const application = (
  extra: Partial<CaseApplication> = {},
): CaseApplication => ({
  caseId: 'case-2025-0001',
  submittedOn: '2025-09-26',
  applicant: { id: 'bakery' },
  handler: { id: 'officer-chen', backup: 'officer-liu' },
  ...extra,
});

const foodPermit = compileItem(defineItem(foodPermitInput()), { calendar });

function start(compiled: CompiledItem, app: CaseApplication = application()) {
  return createActor(compiled.machine, {
    input: compiled.caseInput(app),
  }).start();
}

function run(
  compiled: CompiledItem,
  events: readonly CaseLifecycleEvent[],
  app?: CaseApplication,
) {
  const kase = start(compiled, app);
  for (const event of events) kase.send(event);
  return kase;
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

const checked = (
  findings: Record<string, 'complete' | 'missing'>,
): CaseLifecycleEvent => ({
  type: 'MATERIALS_CHECKED',
  at: '2025-09-26',
  actor: officer,
  findings: Object.entries(findings).map(([materialId, status]) => ({
    materialId,
    status,
  })),
});

const decidedAndArchived: CaseLifecycleEvent[] = [
  { type: 'APPROVE', at: '2025-10-13', actor: head },
  {
    type: 'ISSUE_CERTIFICATE',
    at: '2025-10-15',
    actor: officer,
    certificateNo: 'JY13301020000001',
  },
  { type: 'RATE', at: '2025-10-15', actor: bakery, grade: 'very-satisfied' },
];

describe('compileItem: 食品经营许可 to the case machine', () => {
  it('maps the definition to the case input', () => {
    expect(foodPermit.caseInput(application())).toEqual({
      caseId: 'case-2025-0001',
      itemId: 'food-business-permit',
      kind: 'promised',
      submittedOn: '2025-09-26',
      applicant: { id: 'bakery' },
      acceptance: {
        mode: 'standard',
        standard: {
          // SVC-SHARE: the licence copy comes by data sharing.
          materials: [
            material('application', '食品经营许可申请书'),
            material('premises-proof', '经营场所证明'),
            material('food-safety-rules', '食品安全管理制度', {
              primary: false,
              tolerable: true,
            }),
          ],
          tolerance: {
            supplementDays: 5,
            onLate: 'revoke-acceptance',
            creditRecord: true,
            basis: '某市容缺受理办法 art. 8',
          },
          noticeDays: 3,
        },
      },
      review: foodPermitInput().review,
      limits: {
        statutoryDays: 20,
        basis: '行政许可法 art. 42',
        promisedDays: 10,
        maxExtensionDays: 10,
      },
      issuanceDays: 5,
      ratingRectifyDays: 15,
      handler: { id: 'officer-chen', backup: 'officer-liu' },
      firstAsked: 'officer-chen',
    });
    expect(foodPermit.definition).toEqual(defineItem(foodPermitInput()));
  });

  it('a full standard story: accepted, reviewed, approved, issued, rated, archived', () => {
    const kase = start(foodPermit);
    expect(kase.getSnapshot().status).toBe('active');
    expect(kase.getSnapshot().value).toBe('submitted');
    for (const event of [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
      checked({
        application: 'complete',
        'premises-proof': 'complete',
        'food-safety-rules': 'complete',
      }),
      {
        type: 'REVIEW_OPINION',
        at: '2025-10-10',
        actor: reviewer,
        step: 'site-review',
        opinion: 'approve',
      },
    ] satisfies CaseLifecycleEvent[]) {
      kase.send(event);
    }
    expect(kase.getSnapshot().value).toBe('deciding');
    kase.send(decidedAndArchived[0]!);
    // ALL-44-ISSUE-10D, tightened by the item to 5 working days.
    expect(kase.getSnapshot().context.issueDue).toBe('2025-10-20');
    for (const event of decidedAndArchived.slice(1)) kase.send(event);
    expect(kase.getSnapshot().value).toBe('archived');
    expect(kase.getSnapshot().context.certificate).toMatchObject({
      onTime: true,
    });
  });

  it('RQ-COMMIT: the item’s 容缺 rule reaches the acceptance', () => {
    const kase = run(foodPermit, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
      checked({
        application: 'complete',
        'premises-proof': 'complete',
        'food-safety-rules': 'missing',
      }),
      {
        type: 'ACCEPT_TOLERANCE',
        at: '2025-09-26',
        actor: bakery,
        commitment: { text: '本人承诺于 5 个工作日内补齐食品安全管理制度' },
      },
    ]);
    expect(kase.getSnapshot().value).toBe('reviewing');
    expect(kase.getSnapshot().context.acceptedOn).toBe('2025-09-26');
  });

  it('limits in working hours become working days: 8 hours a day, rounded up', () => {
    const item = foodPermitInput();
    item.limits = {
      statutory: {
        days: 160,
        unit: 'working-hours',
        basis: '某条例',
        extensionDays: 4,
      },
      promised: { days: 44 },
    };
    const input = compileItem(defineItem(item), { calendar }).caseInput(
      application(),
    );
    expect(input.limits).toEqual({
      statutoryDays: 20,
      basis: '某条例',
      promisedDays: 6,
      maxExtensionDays: 1,
    });
  });

  it('limits in calendar days: the working days they hold from the submission date', () => {
    const item = foodPermitInput();
    item.limits = {
      statutory: { days: 30, unit: 'calendar-days', basis: '某条例' },
    };
    const compiled = compileItem(defineItem(item), { calendar });
    // 2025-09-27 … 10-26: National Day (10-01 … 10-08) off, 09-28 and 10-11 worked.
    expect(compiled.caseInput(application()).limits).toEqual({
      statutoryDays: 16,
      basis: '某条例',
    });
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-26')).toBe(16);
  });

  it('RQ-DEADLINE, per application: a calendar-day promise over a holiday can be too short for 容缺', () => {
    const item = foodPermitInput();
    item.limits = {
      statutory: { days: 10, unit: 'calendar-days', basis: '某条例' },
      promised: { days: 7 },
    };
    const compiled = compileItem(defineItem(item), { calendar });
    expect(
      compiled.caseInput(application({ submittedOn: '2025-09-10' })).limits,
    ).toMatchObject({ promisedDays: 5 });
    const error = errorOf(() =>
      compiled.caseInput(application({ submittedOn: '2025-09-30' })),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues).toEqual([
      {
        path: ['submittedOn'],
        message:
          'RQ-DEADLINE: from 2025-09-30 the promised limit is 1 working days, shorter than the supplement deadline (5)',
        messageZh:
          'RQ-DEADLINE：自 2025-09-30 起承诺时限为 1 个工作日，短于补正期限（5 个工作日）',
      },
    ]);
  });
});

describe('GZ-CHOICE: the commitment route (告知承诺), where the item offers it', () => {
  const commitmentApp = application({ route: 'commitment' });
  const notice = {
    item: true,
    conditions: true,
    replacedProofs: true,
    howToCommit: true,
    rightToVerify: true,
    consequences: true,
  };
  const noticeGiven: CaseLifecycleEvent[] = [
    { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
    { type: 'GIVE_NOTICE', at: '2025-09-26', actor: officer, contents: notice },
  ];

  it('replaces the proofs marked replaceableByCommitment, with the ordinary route beside it', () => {
    const input = foodPermit.caseInput(commitmentApp);
    const standard = foodPermit.caseInput(application()).acceptance;
    expect(input.acceptance).toEqual({
      mode: 'commitment',
      commitment: {
        domain: 'ordinary',
        verifyWithinDays: 60,
        verificationBasis: '浙江省证明事项告知承诺制实施办法',
        rectifyWithinDays: 20,
        replacedProofs: [
          {
            id: 'premises-proof',
            name: 'premises-proof',
            nameZh: '经营场所证明',
          },
        ],
      },
      ordinaryRoute: standard.mode === 'standard' ? standard.standard : null,
    });
  });

  it('GZ-DECIDE: a signed commitment is decided at once and goes to issuance', () => {
    const kase = run(
      foodPermit,
      [
        ...noticeGiven,
        { type: 'CHOOSE_COMMITMENT', at: '2025-09-26', actor: bakery },
        {
          type: 'SIGN_COMMITMENT',
          at: '2025-09-26',
          actor: bakery,
          text: '本人承诺经营场所符合要求',
        },
        { type: 'DECIDE', at: '2025-09-26', actor: officer, approve: true },
      ],
      commitmentApp,
    );
    expect(kase.getSnapshot().value).toBe('issuing');
  });

  it('declined: the ordinary route, with every material', () => {
    const kase = run(
      foodPermit,
      [
        ...noticeGiven,
        { type: 'DECLINE_COMMITMENT', at: '2025-09-26', actor: bakery },
        checked({
          application: 'complete',
          'premises-proof': 'complete',
          'food-safety-rules': 'complete',
        }),
      ],
      commitmentApp,
    );
    expect(kase.getSnapshot().value).toBe('reviewing');
    expect(kase.getSnapshot().context.acceptanceMode).toBe('standard');
  });
});

describe('施工许可: a joint item with three departments', () => {
  const construction = compileItem(defineItem(constructionPermitInput()), {
    calendar,
  });

  it('compiles to parallel approval; the handler comes from the item’s roles', () => {
    const input = construction.caseInput(
      application({ handler: undefined, firstAsked: 'window-1' }),
    );
    expect(input).toMatchObject({
      kind: 'joint',
      review: {
        mode: 'parallel',
        approval: {
          lead: { id: 'housing' },
          join: { policy: 'all' },
          rejection: 'short-circuit',
          jointLimitDays: 45,
          jointExtensionDays: 15,
        },
      },
      handler: { id: 'window-7', backup: 'window-8' },
      firstAsked: 'window-1',
      issuanceDays: 10,
      ratingRectifyDays: 5,
    });
    expect('mode' in (input.review as { approval: object }).approval).toBe(
      false,
    );
  });

  it('GC-LEAD: dispatched to every department, decided on their joint result, archived', () => {
    const kase = run(
      construction,
      [
        { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
        checked({ application: 'complete', 'drawing-review': 'complete' }),
        ...['planning', 'fire', 'civil-defence'].map(
          (id): CaseLifecycleEvent => ({
            type: 'OPINION',
            at: '2025-10-10',
            actor: dept(id),
            department: id,
            opinion: 'approve',
          }),
        ),
        ...decidedAndArchived,
      ],
      application({ handler: undefined }),
    );
    expect(kase.getSnapshot().value).toBe('archived');
  });
});

describe('ZZ-FILING: an on-the-spot filing is decided by the window', () => {
  it('第二类医疗器械经营备案', () => {
    const filing = compileItem(
      defineItem({
        ...foodPermitInput(),
        id: 'class-ii-medical-device-filing',
        nameZh: '第二类医疗器械经营备案',
        reformMode: 'filing',
        caseKind: 'on-the-spot',
        materials: [material('filing-form', '备案表')],
        acceptance: {},
      }),
      { calendar },
    );
    const kase = run(filing, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
      checked({ 'filing-form': 'complete' }),
      { type: 'APPROVE', at: '2025-09-26', actor: officer },
    ]);
    expect(kase.getSnapshot().value).toBe('issuing');
  });
});

describe('caseInput: every problem of an application, with its path', () => {
  it('lists them all, in English and Chinese', () => {
    const construction = compileItem(defineItem(constructionPermitInput()), {
      calendar,
    });
    const error = errorOf(() =>
      foodPermit.caseInput({
        caseId: '',
        submittedOn: '2025-02-30',
        applicant: { id: 'bakery' },
        handler: undefined,
        providedMaterials: ['seal', 'application'],
      }),
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues.map((i) => [i.path, i.messageZh])).toEqual([
      [['caseId'], '不能为空'],
      [['submittedOn'], '应为 YYYY-MM-DD 格式的真实日期'],
      [['handler'], 'SVC-AB-POST：请指定经办人，或为事项设置 roles.handler'],
      [['providedMaterials', 0], '事项“food-business-permit”没有材料“seal”'],
    ]);
    expect(error.message).toMatch(
      /^Invalid application for "food-business-permit": caseId: Must not be empty; /,
    );
    expect(
      errorOf(() =>
        construction.caseInput(application({ route: 'commitment' })),
      ).issues,
    ).toEqual([
      {
        path: ['route'],
        message:
          'GZ-CHOICE: item "construction-permit" does not offer notification-commitment',
        messageZh: 'GZ-CHOICE：事项“construction-permit”未提供告知承诺',
      },
    ]);
  });

  it('SVC-SHARE: provided materials are not asked for, but something must be', () => {
    const input = foodPermit.caseInput(
      application({ providedMaterials: ['food-safety-rules'] }),
    );
    expect(
      input.acceptance.mode === 'standard' &&
        (input.acceptance.standard.materials as { id: string }[]).map(
          (m) => m.id,
        ),
    ).toEqual(['application', 'premises-proof']);
    const everything = ['application', 'premises-proof', 'food-safety-rules'];
    expect(
      errorOf(() =>
        foodPermit.caseInput(application({ providedMaterials: everything })),
      ).issues.map((i) => i.path),
    ).toEqual([['providedMaterials']]);
  });

  it('GZ-NOTICE: no commitment route when data sharing already provides the proofs', () => {
    const error = errorOf(() =>
      foodPermit.caseInput(
        application({
          route: 'commitment',
          providedMaterials: ['premises-proof'],
        }),
      ),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: ['route'],
        messageZh:
          'GZ-NOTICE：告知承诺可替代的证明材料均已共享提供，请按一般程序办理',
      }),
    ]);
  });
});

describe('compileItem: what it refuses', () => {
  it('ZZ-CANCEL: a cancelled approval has no case', () => {
    const error = errorOf(() =>
      compileItem(defineItem({ ...foodPermitInput(), reformMode: 'cancel' }), {
        calendar,
      }),
    );
    expect(error).toMatchObject({
      code: 'INVALID_DEFINITION',
      issues: [
        {
          path: ['reformMode'],
          message:
            'ZZ-CANCEL: the approval is cancelled; there is no case to compile',
          messageZh: 'ZZ-CANCEL：该审批已直接取消，无办件可编译',
        },
      ],
    });
    expect(error.messageZh).toBe(
      '事项“food-business-permit”无效：reformMode：ZZ-CANCEL：该审批已直接取消，无办件可编译',
    );
  });

  it('a definition that was never validated is validated here', () => {
    const raw = { ...foodPermitInput(), caseKind: 'joint' } as never;
    expect(errorOf(() => compileItem(raw, { calendar }))).toMatchObject({
      code: 'INVALID_DEFINITION',
      issues: [expect.objectContaining({ path: ['caseKind'] })],
    });
  });

  it('a calendar that is not one', () => {
    expect(
      errorOf(() =>
        compileItem(defineItem(foodPermitInput()), {
          calendar: {} as never,
        }),
      ).code,
    ).toBe('INVALID_ARGUMENT');
  });
});

describe('graph: the compiled machine, statically', () => {
  const { graph } = foodPermit;

  it('has every state and transition of the machine, as definitionOf sees them', () => {
    const definition = definitionOf(foodPermit.machine);
    expect(new Set(graph.states.map((s) => s.id))).toEqual(definition.states);
    expect(graph.transitions).toHaveLength(definition.transitions.size);
    const ids = new Set(graph.states.map((s) => s.id));
    for (const transition of graph.transitions) {
      expect(ids.has(transition.source)).toBe(true);
      for (const target of transition.targets)
        expect(ids.has(target)).toBe(true);
    }
  });

  it('names finals, parents, events and guards', () => {
    expect(graph.states[0]).toEqual({ id: 'case', final: false, parent: null });
    expect(graph.states.filter((s) => s.final).map((s) => s.id)).toEqual([
      'case.refused',
      'case.withdrawn',
      'case.lapsed',
      'case.revoked',
    ]);
    expect(graph.states.find((s) => s.id === 'case.archived')).toEqual({
      id: 'case.archived',
      final: false,
      parent: 'case',
    });
    expect(
      graph.transitions.filter(
        (t) => t.source === 'case.reviewing' && t.event === 'REVIEW_OPINION',
      ),
    ).toEqual([
      {
        source: 'case.reviewing',
        event: 'REVIEW_OPINION',
        targets: ['case.deciding'],
        guard: 'and(may, currentStep, stepApproves, lastStep)',
      },
      {
        source: 'case.reviewing',
        event: 'REVIEW_OPINION',
        targets: [],
        guard: 'and(may, currentStep, stepApproves)',
      },
      {
        source: 'case.reviewing',
        event: 'REVIEW_OPINION',
        targets: ['case.deciding'],
        guard: 'and(may, currentStep)',
      },
    ]);
    expect(graph.transitions).toContainEqual({
      source: 'case',
      event: '*',
      targets: [],
      guard: 'forwardable',
    });
  });

  it('machineGraph reads any machine: eventless transitions, parameterised, inline and negated guards', () => {
    const clock = machineGraph(createDeadlineClockMachine({ calendar }));
    expect(clock.transitions.some((t) => t.event === '')).toBe(true);
    const commitment = machineGraph(
      createNotificationCommitmentMachine({ calendar }),
    );
    expect(commitment.transitions).toContainEqual(
      expect.objectContaining({
        event: 'GIVE_NOTICE',
        guard: 'completeNotice',
      }),
    );
    const toy = setup({ guards: { ready: () => true } }).createMachine({
      id: 'toy',
      initial: 'a',
      states: {
        a: {
          on: {
            GO: [
              { guard: and([not('ready'), () => true]), target: 'b' },
              {
                guard: function early() {
                  return false;
                },
                target: 'b',
              },
              { target: 'b' },
            ],
          },
        },
        b: { type: 'final' },
      },
    });
    expect(machineGraph(toy).transitions.map((t) => t.guard)).toEqual([
      'and(not(ready), inline)',
      'early',
      null,
    ]);
  });
});
