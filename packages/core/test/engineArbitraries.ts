import { addCalendarDays } from '@kuaiban/calendar';
import type { Party, Role } from '@kuaiban/machines';
import { RATING_GRADES, ROLES, caseCommandRoles } from '@kuaiban/machines';
import fc from 'fast-check';

// Random command sequences for the engine's property tests. A scenario starts
// with some of a realistic path through the item (so that decisions, issuance
// and rating are reached), then each step is a command (a realistic type for
// the item, sent by a random role: usually one that may send it, sometimes
// not, and sometimes by another applicant), a guided command (a type that
// makes sense in the case's state when the step runs), a malformed input, or
// a step of the test clock (0–5 calendar days). All dates stay in 2025–2026.

/** The items the engine property tests run, with what their cases are asked. */
export interface ItemProfile {
  readonly itemId: string;
  readonly applicant: string;
  /** Materials the applicant is asked for (shared ones are not). */
  readonly materials: readonly string[];
  /** Review steps of a chain review (REVIEW_OPINION `step`). */
  readonly steps: readonly string[];
  /** Departments of a parallel review (OPINION `department`). */
  readonly departments: readonly string[];
  readonly lead: string | null;
  /** Whether the item offers 告知承诺 (the commitment route). */
  readonly commitment: boolean;
  /** Command types that belong to this item's flow, and how often to send them. */
  readonly weights: Readonly<Record<string, number>>;
}

const common: Readonly<Record<string, number>> = {
  PRE_REVIEW_PASSED: 6,
  MATERIALS_CHECKED: 6,
  ISSUE_NOTICE: 2,
  MATERIALS_SUPPLIED: 2,
  PROPOSE_REFUSAL: 1,
  CONFIRM_REFUSAL: 1,
  OVERRULE_REFUSAL: 1,
  PAUSE: 2,
  RESUME: 2,
  EXTEND: 1,
  HANDLER_ABSENT: 1,
  REASSIGN: 1,
  APPROVE: 5,
  DENY: 4,
  ISSUE_CERTIFICATE: 3,
  RATE: 3,
  ANSWER_RATING: 1,
  RECTIFY_RATING: 1,
  ARCHIVE: 1,
  WITHDRAW: 1,
  REVOKE_PERMIT: 1,
  STOP: 1,
};

/** 食品经营许可: 容缺, 告知承诺 for the premises, one chain review step. */
export const foodProfile: ItemProfile = {
  itemId: 'food-business-permit',
  applicant: 'bakery',
  materials: ['application', 'premises-proof', 'food-safety-rules'],
  steps: ['site-review'],
  departments: [],
  lead: null,
  commitment: true,
  weights: {
    ...common,
    ACCEPT_TOLERANCE: 4,
    DECLINE_TOLERANCE: 1,
    SUPPLEMENT: 3,
    REVIEW_OPINION: 7,
    GIVE_NOTICE: 2,
    CHOOSE_COMMITMENT: 2,
    DECLINE_COMMITMENT: 1,
    SIGN_COMMITMENT: 2,
    DECIDE: 2,
    VERIFY: 1,
    RECTIFIED: 1,
    REVOKE: 1,
    OPINION: 1,
  },
};

/** 施工许可: planning, fire and civil defence in parallel, led by housing. */
export const constructionProfile: ItemProfile = {
  itemId: 'construction-permit',
  applicant: 'builder',
  materials: ['application', 'drawing-review'],
  steps: [],
  departments: ['planning', 'fire', 'civil-defence'],
  lead: 'housing',
  commitment: false,
  weights: {
    ...common,
    OPINION: 12,
    REQUEST_SUPPLEMENT: 2,
    ISSUE_MERGED_NOTICE: 2,
    SUPPLEMENT_PROVIDED: 2,
    EXTEND_JOINT: 1,
    ESCALATION_RESOLVED: 2,
    REVIEW_OPINION: 1,
    SUPPLEMENT: 1,
  },
};

export const profiles: Readonly<Record<string, ItemProfile>> = {
  [foodProfile.itemId]: foodProfile,
  [constructionProfile.itemId]: constructionProfile,
};

/**
 * A command as the test sends it. Date fields are kept as days before the
 * test's "today" (`dated`) and written in when the step runs, so that a
 * sequence stays meaningful wherever the clock has got to.
 */
export interface CommandDraft {
  readonly type: string;
  readonly actor: Party;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly dated: Readonly<Record<string, number>>;
  readonly commandId?: string;
}

export type Step =
  | { readonly kind: 'command'; readonly command: CommandDraft }
  /** A command chosen when the step runs, for the case's state: see {@link guidedCommand}. */
  | { readonly kind: 'guided'; readonly pick: number; readonly seed: number }
  /** Something that is not a well-formed command at all. */
  | { readonly kind: 'malformed'; readonly input: unknown }
  /** Move the test clock on by `days` calendar days and run `advanceTo`. */
  | { readonly kind: 'clock'; readonly days: number };

export interface Scenario {
  /** The item's id: its profile is {@link profiles}[item]. */
  readonly item: string;
  /** Submission date, YYYY-MM-DD. */
  readonly submittedOn: string;
  readonly route: 'standard' | 'commitment';
  readonly steps: readonly Step[];
}

/** The test's officers, one per role; department approvers per department. */
export function partyOf(
  role: Role,
  profile: ItemProfile,
  options: { otherApplicant?: boolean; department?: string } = {},
): Party {
  switch (role) {
    case 'applicant':
      return {
        id: options.otherApplicant ? 'other-applicant' : profile.applicant,
        role,
      };
    case 'department-approver':
    case 'lead-department':
      return {
        id: `${role}-${options.department ?? 'none'}`,
        role,
        ...(options.department ? { department: options.department } : {}),
      };
    case 'window-officer':
      return { id: 'officer-chen', role };
    case 'reviewer':
      return { id: 'reviewer-li', role };
    case 'agency-head':
      return { id: 'head-wang', role };
    case 'supervisor':
      return { id: 'supervisor-zhao', role };
    case 'system':
      return { id: 'scheduler', role };
  }
}

const allDepartments = ['planning', 'fire', 'civil-defence', 'housing', 'tax'];

/** A department: usually one of the item's own, sometimes any. */
const departmentArb = (profile: ItemProfile): fc.Arbitrary<string> =>
  profile.departments.length > 0
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...profile.departments) },
        { weight: 1, arbitrary: fc.constantFrom(...allDepartments) },
      )
    : fc.constantFrom(...allDepartments);

/**
 * Who sends a command: mostly a role that may send it (and, for a
 * department's command, a member of that department), sometimes any role,
 * and an applicant that is sometimes another one.
 */
function actorArb(
  type: string,
  profile: ItemProfile,
  department: string | undefined,
): fc.Arbitrary<Party> {
  const allowed = (
    caseCommandRoles as Readonly<Record<string, readonly Role[]>>
  )[type] ?? [...ROLES];
  const role = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...allowed) },
    { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
  );
  const own: fc.Arbitrary<string | null> = fc.constant(
    department ?? profile.lead,
  );
  const any: fc.Arbitrary<string | null> = fc.option(departmentArb(profile));
  const memberOf = fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 1, arbitrary: any },
  );
  return fc
    .record({
      role,
      // One applicant in six is not the case's own.
      other: fc.integer({ min: 0, max: 5 }),
      department: memberOf,
    })
    .map(({ role: r, other, department: d }) =>
      partyOf(r, profile, {
        otherApplicant: other === 0,
        ...(d ? { department: d } : {}),
      }),
    );
}

const reasonArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom('材料不齐', '不符合法定条件', 'site unsafe'),
  },
  { weight: 1, arbitrary: fc.constantFrom('   ', '') },
);
const materialArb = (profile: ItemProfile) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...profile.materials) },
    { weight: 1, arbitrary: fc.constantFrom('licence-copy', 'unknown-paper') },
  );
const materialIdsArb = (profile: ItemProfile) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.subarray([...profile.materials], { minLength: 1 }),
    },
    { weight: 2, arbitrary: fc.constant([...profile.materials]) },
    {
      weight: 1,
      arbitrary: fc.uniqueArray(materialArb(profile), {
        minLength: 1,
        maxLength: 3,
      }),
    },
    { weight: 1, arbitrary: fc.constant([]) },
  );
const statusArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('complete' as const) },
  { weight: 2, arbitrary: fc.constant('missing' as const) },
  { weight: 1, arbitrary: fc.constant('defective' as const) },
);
/** MATERIALS_CHECKED findings: one per material (random), sometimes partial. */
const findingsArb = (profile: ItemProfile) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.tuple(
        ...profile.materials.map((materialId) =>
          statusArb.map((status) => ({ materialId, status })),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({ materialId: materialArb(profile), status: statusArb }),
        { maxLength: 3 },
      ),
    },
  );
/** Notice items: mostly one per material of a subset, sometimes anything. */
const noticeItemsArb = (profile: ItemProfile) => {
  const problem = fc.constantFrom('缺少签章', 'missing page');
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .subarray([...profile.materials], { minLength: 1 })
        .chain((ids) =>
          fc.tuple(
            ...ids.map((materialId) =>
              problem.map((p) => ({ materialId, problem: p })),
            ),
          ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({ materialId: materialArb(profile), problem }),
        { maxLength: 3 },
      ),
    },
  );
};
/** Text that is usually sound, and now and then blank (INVALID_COMMAND). */
const textArb = (...texts: [string, ...string[]]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...texts) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  );
const bool = fc.boolean();
/** Days before today a date field carries: mostly today. */
const daysBack = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.constant(-2) },
);

interface Payload {
  readonly fields: Record<string, unknown>;
  readonly dated?: Record<string, number>;
  /** The department the command is about, for its sender. */
  readonly department?: string;
}

/** Each command type's payload (the rest of the command beside type and actor). */
function payloadArb(type: string, profile: ItemProfile): fc.Arbitrary<Payload> {
  const plain = (fields: fc.Arbitrary<Record<string, unknown>>) =>
    fields.map((f) => ({ fields: f }));
  const none = plain(fc.constant({}));
  switch (type) {
    case 'PROPOSE_REFUSAL':
      return plain(
        fc.record({
          reason: reasonArb,
          route: fc.constantFrom('区局', '市局'),
        }),
      );
    case 'OVERRULE_REFUSAL':
      return plain(fc.record({ reason: reasonArb }));
    case 'MATERIALS_CHECKED':
      return plain(fc.record({ findings: findingsArb(profile) }));
    case 'ISSUE_NOTICE':
      return plain(fc.record({ items: noticeItemsArb(profile) }));
    case 'MATERIALS_SUPPLIED':
    case 'SUPPLEMENT':
      return plain(fc.record({ materialIds: materialIdsArb(profile) }));
    case 'ACCEPT_TOLERANCE':
      return plain(
        fc.record({
          commitment: fc.record({
            text: textArb('承诺五个工作日内补齐'),
          }),
        }),
      );
    case 'REVIEW_OPINION':
      return plain(
        fc.record(
          {
            step: fc.oneof(
              {
                weight: 6,
                arbitrary: fc.constantFrom(...profile.steps, 'site-review'),
              },
              { weight: 1, arbitrary: fc.constant('other-step') },
            ),
            opinion: fc.constantFrom('approve', 'reject'),
            reason: reasonArb,
          },
          { requiredKeys: ['step', 'opinion'] },
        ),
      );
    case 'OPINION':
      return departmentArb(profile).chain((department) =>
        fc
          .record(
            {
              opinion: fc.oneof(
                { weight: 4, arbitrary: fc.constant('approve') },
                { weight: 1, arbitrary: fc.constant('reject') },
              ),
              reason: reasonArb,
            },
            { requiredKeys: ['opinion'] },
          )
          .map((f) => ({ fields: { department, ...f }, department })),
      );
    case 'REQUEST_SUPPLEMENT':
      return departmentArb(profile).chain((department) =>
        noticeItemsArb(profile).map((items) => ({
          fields: { department, items },
          department,
        })),
      );
    case 'ESCALATION_RESOLVED':
      return departmentArb(profile).chain((department) =>
        fc.constantFrom('approve', 'reject').map((opinion) => ({
          fields: { department, opinion },
          department,
        })),
      );
    case 'EXTEND_JOINT':
      return plain(
        fc.record({ days: fc.integer({ min: 1, max: 20 }), reason: reasonArb }),
      );
    case 'PAUSE':
      return fc
        .record(
          {
            expectedDays: fc.integer({ min: 1, max: 10 }),
            writtenNoticeOn: daysBack,
          },
          { requiredKeys: ['writtenNoticeOn'] },
        )
        .map(({ writtenNoticeOn, ...rest }) => ({
          fields: { ...rest, pause: { reason: 'expert-review' } },
          dated: { writtenNoticeOn },
        }));
    case 'EXTEND':
      return fc
        .record({
          days: fc.integer({ min: 1, max: 12 }),
          reason: reasonArb,
          toldApplicantOn: daysBack,
        })
        .map(({ toldApplicantOn, ...fields }) => ({
          fields,
          dated: { toldApplicantOn },
        }));
    case 'REASSIGN':
      return plain(
        fc.record(
          {
            to: fc.constantFrom('officer-liu', 'officer-wu'),
            backup: fc.constant('officer-ma'),
          },
          { requiredKeys: ['to'] },
        ),
      );
    case 'DENY':
      return plain(
        fc.record({
          reasons: fc.oneof(
            {
              weight: 6,
              arbitrary: fc.array(reasonArb, { minLength: 1, maxLength: 2 }),
            },
            { weight: 1, arbitrary: fc.constant([]) },
          ),
          remedies: fc.oneof(
            {
              weight: 5,
              arbitrary: fc.constant({
                administrativeReview: true,
                lawsuit: true,
              }),
            },
            {
              weight: 1,
              arbitrary: fc.record({
                administrativeReview: bool,
                lawsuit: bool,
              }),
            },
          ),
        }),
      );
    case 'ISSUE_CERTIFICATE':
      return plain(
        fc.record({ certificateNo: fc.constantFrom('JY-0001', 'SG-2025-7') }),
      );
    case 'RATE':
      return plain(
        fc.record(
          {
            grade: fc.constantFrom(...RATING_GRADES),
            comment: fc.constant('办事快'),
          },
          { requiredKeys: ['grade'] },
        ),
      );
    case 'ANSWER_RATING':
      return plain(fc.record({ answer: fc.constant('已联系申请人') }));
    case 'RECTIFY_RATING':
      return plain(fc.record({ measures: fc.constant('优化窗口流程') }));
    case 'REVOKE_PERMIT':
    case 'REVOKE':
      return plain(
        fc.record({
          reason: reasonArb,
          basis: fc.constant('行政许可法 art. 69'),
        }),
      );
    case 'GIVE_NOTICE':
      return plain(
        fc.record({
          contents: fc.oneof(
            {
              weight: 4,
              arbitrary: fc.constant({
                item: true,
                conditions: true,
                replacedProofs: true,
                howToCommit: true,
                rightToVerify: true,
                consequences: true,
              }),
            },
            {
              weight: 1,
              arbitrary: fc.record({
                item: bool,
                conditions: bool,
                replacedProofs: bool,
                howToCommit: bool,
                rightToVerify: bool,
                consequences: bool,
              }),
            },
          ),
        }),
      );
    case 'SIGN_COMMITMENT':
      return plain(fc.record({ text: textArb('本人承诺符合条件') }));
    case 'DECIDE':
      return plain(
        fc.record(
          { approve: fc.boolean(), reason: fc.constant('经审查') },
          { requiredKeys: ['approve'] },
        ),
      );
    case 'VERIFY':
      return plain(
        fc.record({
          finding: fc.constantFrom(
            'conditions-met',
            'conditions-unmet',
            'deliberately-false',
          ),
        }),
      );
    default:
      return none;
  }
}

/** A command of the given type for the item, with its sender and an optional id. */
export function commandOfTypeArb(
  type: string,
  profile: ItemProfile,
): fc.Arbitrary<CommandDraft> {
  return payloadArb(type, profile).chain(({ fields, dated, department }) =>
    fc
      .record({
        actor: actorArb(type, profile, department),
        // Now and then an id from a small pool: some are sent again.
        commandId: fc.oneof(
          { weight: 5, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('click-1', 'click-2', 'click-3'),
          },
        ),
      })
      .map(({ actor, commandId }) => ({
        type,
        actor,
        fields,
        dated: dated ?? {},
        ...(commandId !== undefined ? { commandId } : {}),
      })),
  );
}

/** One command of the item's pool, whatever the case's state. */
export function commandArb(profile: ItemProfile): fc.Arbitrary<CommandDraft> {
  const types = Object.entries(profile.weights).map(([type, weight]) => ({
    weight,
    arbitrary: fc.constant(type),
  }));
  return fc.oneof(...types).chain((type) => commandOfTypeArb(type, profile));
}

type Weights = Readonly<Record<string, number>>;

const timeCommands: Weights = { PAUSE: 2, RESUME: 2, EXTEND: 1 };

/**
 * The command types that make sense for a case in `state`, weighted: what a
 * guided step picks from, so that sequences reach review, decision, issuance
 * and rating. (Only a bias of the generator: no property relies on it.)
 */
export function plausibleTypes(
  profile: ItemProfile,
  route: Scenario['route'],
  state: unknown,
): Weights {
  const parallel = profile.departments.length > 0;
  switch (state) {
    case 'submitted':
      return { PRE_REVIEW_PASSED: 8, PROPOSE_REFUSAL: 2, WITHDRAW: 1 };
    case 'refusalPending':
      return { CONFIRM_REFUSAL: 1, OVERRULE_REFUSAL: 3 };
    case 'accepting':
      return {
        MATERIALS_CHECKED: 6,
        ISSUE_NOTICE: 3,
        MATERIALS_SUPPLIED: 3,
        ...(profile.commitment
          ? { ACCEPT_TOLERANCE: 3, DECLINE_TOLERANCE: 1, SUPPLEMENT: 3 }
          : {}),
        ...(route === 'commitment'
          ? {
              GIVE_NOTICE: 3,
              CHOOSE_COMMITMENT: 3,
              DECLINE_COMMITMENT: 1,
              SIGN_COMMITMENT: 3,
              DECIDE: 3,
            }
          : {}),
        WITHDRAW: 1,
      };
    case 'reviewing':
      return {
        ...(parallel
          ? {
              OPINION: 12,
              REQUEST_SUPPLEMENT: 2,
              ISSUE_MERGED_NOTICE: 2,
              SUPPLEMENT_PROVIDED: 2,
              EXTEND_JOINT: 1,
              ESCALATION_RESOLVED: 2,
            }
          : { REVIEW_OPINION: 8, SUPPLEMENT: 2 }),
        ...timeCommands,
        HANDLER_ABSENT: 1,
        WITHDRAW: 1,
      };
    case 'deciding':
      return { APPROVE: 5, DENY: 4, ...timeCommands, WITHDRAW: 1 };
    case 'issuing':
      return {
        ISSUE_CERTIFICATE: 6,
        VERIFY: 1,
        RECTIFIED: 1,
        REVOKE: 1,
        APPROVE: 1,
        DENY: 1,
      };
    case 'rating':
      return { RATE: 6, ARCHIVE: 2, APPROVE: 1, DENY: 1 };
    case 'ratingFollowUp':
      return { ANSWER_RATING: 3, RECTIFY_RATING: 3 };
    case 'archived':
      return {
        REVOKE_PERMIT: 2,
        VERIFY: 2,
        RECTIFIED: 1,
        REVOKE: 1,
        APPROVE: 1,
        DENY: 1,
      };
    default:
      return profile.weights;
  }
}

/** The type at `pick` (modulo the total weight) of weighted types. */
function weightedPick(weights: Weights, pick: number): string {
  const entries = Object.entries(weights);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let rest = pick % total;
  for (const [type, weight] of entries) {
    if (rest < weight) return type;
    rest -= weight;
  }
  return entries[0]![0];
}

/**
 * The command a guided step sends in `state`: a plausible type (by `pick`),
 * its payload and sender drawn from the same arbitraries with `seed`.
 */
export function guidedCommand(
  profile: ItemProfile,
  route: Scenario['route'],
  state: unknown,
  pick: number,
  seed: number,
): CommandDraft {
  const type = weightedPick(plausibleTypes(profile, route, state), pick);
  return fc.sample(commandOfTypeArb(type, profile), { seed, numRuns: 1 })[0]!;
}

const officer: Party = { id: 'officer-chen', role: 'window-officer' };

/** Inputs that are not commands: the engine must say INVALID_COMMAND, never crash. */
export const malformedArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    42,
    'PRE_REVIEW_PASSED',
    [],
    {},
    { type: '' },
    { type: 'FLY', actor: officer },
    { type: 'TICK', actor: { id: 'scheduler', role: 'system' } },
    { type: 'APPROVE' },
    { type: 'APPROVE', actor: { id: ' ', role: 'agency-head' } },
    { type: 'APPROVE', actor: { id: 'head-wang', role: 'mayor' } },
    { type: 'PRE_REVIEW_PASSED', actor: officer, extra: true },
    { type: 'PRE_REVIEW_PASSED', actor: officer, commandId: '' },
    {
      type: 'PAUSE',
      actor: officer,
      writtenNoticeOn: '2025-02-30',
      pause: { reason: 'expert-review' },
    },
    {
      type: 'PAUSE',
      actor: officer,
      writtenNoticeOn: '2025-03-03',
      pause: { reason: 'nap' },
    },
    {
      type: 'EXTEND',
      actor: { id: 'head-wang', role: 'agency-head' },
      days: 0,
      reason: 'x',
      toldApplicantOn: '2025-03-03',
    },
    {
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [{ materialId: 'application', status: 'lost' }],
    },
    { type: 'toString', actor: officer },
    { type: '__proto__', actor: officer },
    { type: 'constructor', actor: officer },
  ),
  fc.record({
    type: fc.string({ maxLength: 12 }),
    actor: fc.constant(officer),
  }),
  fc.anything({ maxDepth: 2 }),
);

/** A clock step: 0 to 5 calendar days on. */
const clockArb: fc.Arbitrary<Step> = fc
  .integer({ min: 0, max: 5 })
  .map((days) => ({ kind: 'clock', days }));

export function stepArb(
  profile: ItemProfile,
  weights: {
    guided?: number;
    command?: number;
    clock?: number;
    malformed?: number;
  } = {},
): fc.Arbitrary<Step> {
  return fc.oneof(
    {
      weight: weights.guided ?? 10,
      arbitrary: fc
        .record({ pick: fc.nat(), seed: fc.nat() })
        .map(({ pick, seed }): Step => ({ kind: 'guided', pick, seed })),
    },
    {
      weight: weights.command ?? 4,
      arbitrary: commandArb(profile).map((command): Step => ({
        kind: 'command',
        command,
      })),
    },
    { weight: weights.clock ?? 4, arbitrary: clockArb },
    {
      weight: weights.malformed ?? 1,
      arbitrary: malformedArb.map((input): Step => ({
        kind: 'malformed',
        input,
      })),
    },
  );
}

/** 2025-01-01 … 2026-03-31: with ≤ 25 steps of ≤ 5 days, and the limits, all in the calendar's years. */
const submittedOnArb = fc
  .integer({ min: 0, max: 454 })
  .map((n) => addCalendarDays('2025-01-01', n));

/** A command step sent by the party who should send it. */
const send = (
  profile: ItemProfile,
  type: string,
  role: Role,
  fields: Record<string, unknown> = {},
  department?: string,
): Step => ({
  kind: 'command',
  command: {
    type,
    actor: partyOf(role, profile, department ? { department } : {}),
    fields,
    dated: {},
  },
});

const opinionArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('approve') },
  { weight: 1, arbitrary: fc.constant('reject') },
);

/**
 * A realistic way through acceptance and review for the item and route, each
 * command from the right sender: scenarios start with some of it, so that
 * decisions, issuance and rating are reached, and go on at random from there.
 */
export function pathArb(
  profile: ItemProfile,
  route: Scenario['route'],
): fc.Arbitrary<Step[]> {
  const officer = (type: string, fields?: Record<string, unknown>) =>
    send(profile, type, 'window-officer', fields);
  const applicant = (type: string, fields?: Record<string, unknown>) =>
    send(profile, type, 'applicant', fields);
  const findings = (missing: string | null) => ({
    findings: profile.materials.map((materialId) => ({
      materialId,
      status: materialId === missing ? 'missing' : 'complete',
    })),
  });
  const pre = officer('PRE_REVIEW_PASSED');
  if (route === 'commitment') {
    // A grant by the window, or a denial, with its reason, by a department
    // approver (SVC-NO-VETO: the window cannot refuse alone).
    const decide = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constant(officer('DECIDE', { approve: true })),
      },
      {
        weight: 1,
        arbitrary: fc.constant(
          send(profile, 'DECIDE', 'department-approver', {
            approve: false,
            reason: '不符合许可条件',
          }),
        ),
      },
    );
    return decide.map((decision) => [
      pre,
      officer('GIVE_NOTICE', {
        contents: {
          item: true,
          conditions: true,
          replacedProofs: true,
          howToCommit: true,
          rightToVerify: true,
          consequences: true,
        },
      }),
      applicant('CHOOSE_COMMITMENT'),
      applicant('SIGN_COMMITMENT', { text: '本人承诺符合条件' }),
      decision,
    ]);
  }
  const [first, second] = profile.materials as [string, string, ...string[]];
  const corrected = [
    officer('MATERIALS_CHECKED', findings(second)),
    officer('ISSUE_NOTICE', {
      items: [{ materialId: second, problem: '缺少签章' }],
    }),
    applicant('MATERIALS_SUPPLIED', { materialIds: [second] }),
    officer('MATERIALS_CHECKED', findings(null)),
  ];
  const accepted = fc.oneof(
    fc.constant([officer('MATERIALS_CHECKED', findings(null))]),
    fc.constant(corrected),
    ...(profile.commitment
      ? [
          fc.constant([
            officer('MATERIALS_CHECKED', findings('food-safety-rules')),
            applicant('ACCEPT_TOLERANCE', {
              commitment: { text: '承诺五个工作日内补齐' },
            }),
            applicant('SUPPLEMENT', { materialIds: ['food-safety-rules'] }),
          ]),
        ]
      : []),
  );
  const review =
    profile.departments.length > 0
      ? fc
          .shuffledSubarray([...profile.departments], {
            minLength: profile.departments.length,
          })
          .chain((order) =>
            fc.tuple(
              ...order.map((department) =>
                opinionArb.map((opinion) =>
                  send(
                    profile,
                    'OPINION',
                    'department-approver',
                    { department, opinion },
                    department,
                  ),
                ),
              ),
            ),
          )
      : opinionArb.map((opinion) => [
          send(profile, 'REVIEW_OPINION', 'reviewer', {
            step: profile.steps[0] ?? first,
            opinion,
          }),
        ]);
  return fc
    .tuple(accepted, review)
    .map(([acceptance, opinions]) => [pre, ...acceptance, ...opinions]);
}

export function scenarioArb(
  profile: ItemProfile,
  options: {
    maxSteps?: number;
    weights?: Parameters<typeof stepArb>[1];
    /** How often the whole path is taken, against only its beginning (2 : 1). */
    wholePath?: number;
  } = {},
): fc.Arbitrary<Scenario> {
  const maxSteps = options.maxSteps ?? 25;
  const route: fc.Arbitrary<Scenario['route']> = profile.commitment
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant('standard' as const) },
        { weight: 1, arbitrary: fc.constant('commitment' as const) },
      )
    : fc.constant('standard' as const);
  return route.chain((r) =>
    fc
      .record({
        submittedOn: submittedOnArb,
        path: pathArb(profile, r),
        // Mostly the whole path, sometimes only its beginning.
        taken: fc.oneof(
          {
            weight: options.wholePath ?? 2,
            arbitrary: fc.constant(Number.MAX_SAFE_INTEGER),
          },
          { weight: 1, arbitrary: fc.nat({ max: 8 }) },
        ),
        rest: fc.array(stepArb(profile, options.weights), {
          minLength: 1,
          maxLength: maxSteps,
          size: 'max',
        }),
      })
      .map(({ submittedOn, path, taken, rest }): Scenario => {
        const prefix = path.slice(0, taken);
        return {
          item: profile.itemId,
          submittedOn,
          route: r,
          steps: [...prefix, ...rest].slice(0, maxSteps),
        };
      }),
  );
}
