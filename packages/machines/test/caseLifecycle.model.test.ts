import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import type { CaseLifecycleEvent } from '../src/caseLifecycle.js';
import { caseLifecycleMachine } from '../src/caseLifecycle.js';
import type { CaseLifecycleInput } from '../src/caseLifecycleSchemas.js';
import type { Party } from '../src/party.js';
import { definitionOf, explore, missing } from './support/modelCoverage.js';

const as = (role: Party['role'], department?: string): Party => ({
  id: `${role}-1`,
  role,
  ...(department ? { department } : {}),
});
const day = '2025-09-26';

const materials = [
  {
    id: 'application',
    name: 'Application',
    nameZh: '申请书',
    primary: true,
    tolerable: false,
  },
  {
    id: 'copy',
    name: 'Copy',
    nameZh: '复印件',
    primary: false,
    tolerable: true,
  },
];
const base: CaseLifecycleInput = {
  caseId: 'c',
  itemId: 'i',
  kind: 'promised',
  submittedOn: day,
  applicant: { id: 'a' },
  acceptance: {
    mode: 'standard',
    standard: {
      materials,
      tolerance: {
        supplementDays: 3,
        onLate: 'terminate',
        creditRecord: false,
        basis: 'b',
      },
    },
  },
  review: {
    mode: 'chain',
    steps: [
      { id: 'one', name: 'One', nameZh: '一', role: 'reviewer' },
      { id: 'two', name: 'Two', nameZh: '二', role: 'department-approver' },
    ],
  },
  limits: { statutoryDays: 20, basis: 'b', promisedDays: 10 },
  handler: { id: 'o' },
  firstAsked: 'o',
};
const commitment: CaseLifecycleInput = {
  ...base,
  acceptance: {
    mode: 'commitment',
    commitment: {
      domain: 'ordinary',
      replacedProofs: [{ id: 'p', name: 'P', nameZh: '证明' }],
      verifyWithinDays: 5,
      verificationBasis: 'b',
      rectifyWithinDays: 2,
    },
    ordinaryRoute: { materials },
  },
};
const joint: CaseLifecycleInput = {
  ...base,
  kind: 'joint',
  review: {
    mode: 'parallel',
    approval: {
      lead: { id: 'lead', name: 'Lead', nameZh: '牵头' },
      departments: [
        {
          id: 'fire',
          name: 'Fire',
          nameZh: '消防',
          limitDays: 5,
          onTimeout: { action: 'escalate' },
        },
      ],
      join: { policy: 'all' },
      rejection: 'short-circuit',
    },
  },
};
const onTheSpot: CaseLifecycleInput = { ...base, kind: 'on-the-spot' };

const notice = {
  item: true,
  conditions: true,
  replacedProofs: true,
  howToCommit: true,
  rightToVerify: true,
  consequences: true,
};
const complete = materials.map((m) => ({
  materialId: m.id,
  status: 'complete' as const,
}));

/** The candidate events at every step: commands of each party, some late. */
const events: CaseLifecycleEvent[] = [
  { type: 'PRE_REVIEW_PASSED', at: day, actor: as('window-officer') },
  {
    type: 'PROPOSE_REFUSAL',
    at: day,
    actor: as('window-officer'),
    reason: 'r',
    route: 'x',
  },
  { type: 'CONFIRM_REFUSAL', at: day, actor: as('supervisor') },
  { type: 'OVERRULE_REFUSAL', at: day, actor: as('supervisor'), reason: 'r' },
  {
    type: 'MATERIALS_CHECKED',
    at: day,
    actor: as('window-officer'),
    findings: complete,
  },
  {
    type: 'MATERIALS_CHECKED',
    at: day,
    actor: as('window-officer'),
    findings: [complete[0]!, { materialId: 'copy', status: 'missing' }],
  },
  {
    type: 'ACCEPT_TOLERANCE',
    at: day,
    actor: as('applicant'),
    commitment: { text: 't' },
  },
  { type: 'TICK', at: '2025-10-15', actor: as('system') },
  {
    type: 'GIVE_NOTICE',
    at: day,
    actor: as('window-officer'),
    contents: notice,
  },
  { type: 'CHOOSE_COMMITMENT', at: day, actor: as('applicant') },
  { type: 'DECLINE_COMMITMENT', at: day, actor: as('applicant') },
  { type: 'SIGN_COMMITMENT', at: day, actor: as('applicant'), text: 't' },
  { type: 'DECIDE', at: day, actor: as('window-officer'), approve: true },
  {
    type: 'DECIDE',
    at: day,
    actor: as('department-approver'),
    approve: false,
    reason: 'r',
  },
  {
    type: 'VERIFY',
    at: '2025-09-29',
    actor: as('reviewer'),
    finding: 'deliberately-false',
  },
  {
    type: 'REVIEW_OPINION',
    at: day,
    actor: as('reviewer'),
    step: 'one',
    opinion: 'approve',
  },
  {
    type: 'REVIEW_OPINION',
    at: day,
    actor: as('department-approver'),
    step: 'two',
    opinion: 'approve',
  },
  {
    type: 'REVIEW_OPINION',
    at: day,
    actor: as('reviewer'),
    step: 'one',
    opinion: 'reject',
  },
  {
    type: 'OPINION',
    at: day,
    actor: as('department-approver', 'fire'),
    department: 'fire',
    opinion: 'approve',
  },
  { type: 'APPROVE', at: day, actor: as('agency-head') },
  { type: 'APPROVE', at: day, actor: as('window-officer') },
  {
    type: 'DENY',
    at: day,
    actor: as('agency-head'),
    reasons: ['r'],
    remedies: { administrativeReview: true, lawsuit: true },
  },
  {
    type: 'ISSUE_CERTIFICATE',
    at: day,
    actor: as('window-officer'),
    certificateNo: 'n',
  },
  { type: 'RATE', at: day, actor: as('applicant'), grade: 'satisfied' },
  { type: 'RATE', at: day, actor: as('applicant'), grade: 'very-dissatisfied' },
  { type: 'ANSWER_RATING', at: day, actor: as('window-officer'), answer: 'a' },
  { type: 'RECTIFY_RATING', at: day, actor: as('supervisor'), measures: 'm' },
  { type: 'ARCHIVE', at: day, actor: as('window-officer') },
  { type: 'WITHDRAW', at: day, actor: as('applicant') },
  {
    type: 'REVOKE_PERMIT',
    at: day,
    actor: as('agency-head'),
    reason: 'r',
    basis: 'b',
  },
  { type: 'TICK', at: '2025-10-28', actor: as('system') },
  { type: 'TICK', at: '2025-11-03', actor: as('system') },
];

describe('case lifecycle: every state and transition', () => {
  it('is reached by model-based exploration over four kinds of case', () => {
    const states = new Set<string>();
    const transitions = new Set<string>();
    for (const input of [base, commitment, joint, onTheSpot]) {
      const explored = explore(caseLifecycleMachine, {
        input,
        events: () => events,
        serializeState: (snapshot) => {
          const children = snapshot.children as Record<
            string,
            AnyActorRef | undefined
          >;
          const c = snapshot.context as {
            stepIndex: number;
            children: string[];
            acceptanceMode: string;
            rating: { answeredOn?: string } | null;
            warnedOn: string | null;
            escalatedOn: string | null;
            asOf: string;
          };
          return JSON.stringify([
            snapshot.value,
            c.stepIndex,
            c.children,
            c.acceptanceMode,
            c.rating?.answeredOn ?? null,
            c.warnedOn,
            c.escalatedOn,
            c.asOf,
            Object.entries(children).map(([id, ref]): unknown[] => [
              id,
              (ref?.getSnapshot() as { value?: unknown } | undefined)?.value,
            ]),
          ]);
        },
        limit: 3_000,
      });
      explored.states.forEach((s) => states.add(s));
      explored.transitions.forEach((t) => transitions.add(t));
    }
    expect(missing(caseLifecycleMachine, { states, transitions })).toEqual({
      states: [],
      transitions: [],
    });
    expect(definitionOf(caseLifecycleMachine).states.size).toBeGreaterThan(10);
  });
});
