import { createActor } from 'xstate';
import { caseLifecycleMachine } from '/work/main/packages/machines/src/caseLifecycle.ts';
import type { CaseLifecycleEvent } from '/work/main/packages/machines/src/caseLifecycle.ts';
import type { CaseLifecycleInput } from '/work/main/packages/machines/src/caseLifecycleSchemas.ts';
const departments = ['planning', 'fire', 'civil-defence'];
const input: CaseLifecycleInput = {
  caseId: 'bench',
  itemId: 'construction-permit',
  kind: 'joint',
  submittedOn: '2025-09-26',
  applicant: { id: 'builder' },
  acceptance: {
    mode: 'standard',
    standard: {
      materials: [
        {
          id: 'application',
          name: 'Application',
          nameZh: '申请书',
          primary: true,
          tolerable: false,
        },
        {
          id: 'copy',
          name: 'Licence copy',
          nameZh: '营业执照复印件',
          primary: false,
          tolerable: true,
        },
      ],
      tolerance: {
        supplementDays: 5,
        onLate: 'revoke-acceptance',
        creditRecord: true,
        basis: '容缺受理办法',
      },
    },
  },
  review: {
    mode: 'parallel',
    approval: {
      lead: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
      departments: departments.map((id) => ({
        id,
        name: id,
        nameZh: id,
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      })),
      join: { policy: 'all' },
      rejection: 'short-circuit',
    },
  },
  limits: { statutoryDays: 45, basis: '行政许可法 art. 42', promisedDays: 20 },
  handler: { id: 'officer' },
  firstAsked: 'officer',
};
const officer = { id: 'officer', role: 'window-officer' } as const;
const applicant = { id: 'builder', role: 'applicant' } as const;
const story: CaseLifecycleEvent[] = [
  { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
  {
    type: 'MATERIALS_CHECKED',
    at: '2025-09-26',
    actor: officer,
    findings: [
      { materialId: 'application', status: 'complete' },
      { materialId: 'copy', status: 'missing' },
    ],
  },
  {
    type: 'ACCEPT_TOLERANCE',
    at: '2025-09-26',
    actor: applicant,
    commitment: { text: '承诺补齐' },
  },
  {
    type: 'SUPPLEMENT',
    at: '2025-09-29',
    actor: applicant,
    materialIds: ['copy'],
  },
  ...departments.map((id): CaseLifecycleEvent => ({
    type: 'OPINION',
    at: '2025-10-10',
    actor: { id, role: 'department-approver', department: id },
    department: id,
    opinion: 'approve',
  })),
  {
    type: 'APPROVE',
    at: '2025-10-13',
    actor: { id: 'head', role: 'agency-head' },
  },
  {
    type: 'ISSUE_CERTIFICATE',
    at: '2025-10-14',
    actor: officer,
    certificateNo: 'SG-1',
  },
  { type: 'RATE', at: '2025-10-14', actor: applicant, grade: 'satisfied' },
];
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const kase = createActor(caseLifecycleMachine, { input, inspect: (e) => {
  const id = (e.actorRef as any).id;
  if (e.type === '@xstate.event') bump(`event ${id} ${(e as any).event.type}`);
  if (e.type === '@xstate.action') bump(`action ${id} ${(e as any).action.type}`);
  if (e.type === '@xstate.actor') bump(`actor ${id}`);
  if (e.type === '@xstate.snapshot') { bump(`snapshot ${id}`); const c = (e as any).snapshot.context; if (c) bump(`ctxkeys ${id} ${Object.keys(c).length}`); }
} }).start();
for (const ev of story) kase.send(ev);
console.log(kase.getSnapshot().value);
for (const [k, v] of [...counts].sort()) console.log(v, k);
