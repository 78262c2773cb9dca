import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createActor } from 'xstate';
import type {
  NotificationCommitmentEvent,
  NotificationCommitmentInput,
  NotificationCommitmentMachine,
} from '../src/notificationCommitment.js';
import {
  NotificationCommitmentContextSchema,
  NotificationCommitmentOutputSchema,
  nextNotificationCommitmentWakeUp,
  notificationCommitmentMachine,
} from '../src/notificationCommitment.js';
import type { Party, Role } from '../src/party.js';
import { explore, missing } from './support/modelCoverage.js';
import { runWithRestarts } from './support/persistence.js';

const as = (role: Role): Party => ({ id: `${role}-1`, role });

const input: NotificationCommitmentInput = {
  domain: 'ordinary',
  replacedProofs: [
    {
      id: 'premises-use',
      name: 'Proof of use of premises',
      nameZh: '经营场所使用证明',
    },
  ],
  verifyWithinDays: 60,
  verificationBasis: 'Zhejiang: 60 working days after the decision',
  rectifyWithinDays: 20,
  applicant: { id: 'applicant-1' },
};

const notice = {
  item: true,
  conditions: true,
  replacedProofs: true,
  howToCommit: true,
  rightToVerify: true,
  consequences: true,
};

/** The day before and the day after `date`, by calendar (not working) days. */
function around(date: string): [string, string] {
  const day = Date.parse(`${date}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [iso(day - 86_400_000), iso(day + 86_400_000)];
}

const day = '2025-03-03';

/**
 * What can happen next: every event type, from allowed and forbidden roles,
 * well- and ill-formed, and on the last day of a deadline and the day after.
 */
function candidates(deadline: string): NotificationCommitmentEvent[] {
  const [, after] = around(deadline);
  return [
    {
      type: 'GIVE_NOTICE',
      actor: as('window-officer'),
      at: day,
      contents: notice,
    },
    {
      type: 'GIVE_NOTICE',
      actor: as('window-officer'),
      at: day,
      contents: { ...notice, consequences: false },
    },
    { type: 'GIVE_NOTICE', actor: as('applicant'), at: day, contents: notice },
    { type: 'CHOOSE_COMMITMENT', actor: as('applicant'), at: day },
    { type: 'CHOOSE_COMMITMENT', actor: as('window-officer'), at: day },
    { type: 'DECLINE_COMMITMENT', actor: as('applicant'), at: day },
    {
      type: 'SIGN_COMMITMENT',
      actor: as('applicant'),
      at: day,
      text: '本人承诺所填信息真实',
    },
    { type: 'SIGN_COMMITMENT', actor: as('applicant'), at: day, text: ' ' },
    { type: 'DECIDE', actor: as('window-officer'), at: day, approve: true },
    {
      type: 'DECIDE',
      actor: as('department-approver'),
      at: day,
      approve: false,
      reason: '不符合条件',
    },
    { type: 'DECIDE', actor: as('applicant'), at: day, approve: true },
    {
      type: 'VERIFY',
      actor: as('reviewer'),
      at: '2025-04-15',
      finding: 'conditions-met',
    },
    {
      type: 'VERIFY',
      actor: as('reviewer'),
      at: '2025-04-15',
      finding: 'conditions-unmet',
    },
    {
      type: 'VERIFY',
      actor: as('reviewer'),
      at: '2025-04-15',
      finding: 'deliberately-false',
    },
    {
      type: 'VERIFY',
      actor: as('window-officer'),
      at: '2025-04-15',
      finding: 'deliberately-false',
    },
    { type: 'RECTIFIED', actor: as('reviewer'), at: deadline },
    { type: 'RECTIFIED', actor: as('reviewer'), at: after },
    {
      type: 'REVOKE',
      actor: as('agency-head'),
      at: '2025-04-20',
      reason: '骗取许可',
      basis: 'ALL art. 69',
    },
    {
      type: 'REVOKE',
      actor: as('reviewer'),
      at: '2025-04-20',
      reason: '骗取许可',
      basis: 'ALL art. 69',
    },
    { type: 'TICK', actor: as('system'), at: deadline },
    { type: 'TICK', actor: as('system'), at: after },
    { type: 'TICK', actor: as('applicant'), at: after },
    { type: 'TICK', actor: as('system'), at: '2025-02-30' },
  ];
}

describe('notification-commitment model (OBE-40)', () => {
  it('explores every state and every guarded transition', () => {
    const runs = [
      input,
      { ...input, domain: 'public-safety' },
      { ...input, applicant: { id: 'a', seriousBadCredit: true } },
    ].map((start) =>
      explore(notificationCommitmentMachine, {
        input: start,
        events: (snapshot: SnapshotFrom<NotificationCommitmentMachine>) => {
          const { verifyBy, rectifyBy } = snapshot.context;
          return candidates(rectifyBy ?? verifyBy ?? day);
        },
      }),
    );
    const transitions = new Set(runs.flatMap((run) => [...run.transitions]));
    // `explore` records the states of resting snapshots; the transient
    // `eligibility` never rests, but a transition taken from it shows it was
    // entered.
    const sources = [...transitions].map((key) => key.split(' ')[0] ?? key);
    const union = {
      states: new Set([...runs.flatMap((run) => [...run.states]), ...sources]),
      transitions,
    };
    expect(missing(notificationCommitmentMachine, union)).toEqual({
      states: [],
      transitions: [],
    });
    expect(runs[0]!.vertices).toBeGreaterThan(10);
  });

  it.each([
    [
      'GZ-VERIFY verified, then ALL-69-REVOKE',
      [
        {
          type: 'VERIFY',
          actor: as('reviewer'),
          at: '2025-04-15',
          finding: 'conditions-met',
        },
        {
          type: 'REVOKE',
          actor: as('agency-head'),
          at: '2025-09-01',
          reason: '骗取许可',
          basis: 'ALL art. 69',
        },
      ],
      'revoked',
    ],
    [
      'GZ-FALSE rectified',
      [
        { type: 'TICK', actor: as('system'), at: '2025-05-30' },
        {
          type: 'VERIFY',
          actor: as('reviewer'),
          at: '2025-06-03',
          finding: 'conditions-unmet',
        },
        { type: 'RECTIFIED', actor: as('reviewer'), at: '2025-06-20' },
      ],
      { granted: 'verified' },
    ],
    [
      'GZ-FALSE revoked late',
      [
        {
          type: 'VERIFY',
          actor: as('reviewer'),
          at: '2025-04-15',
          finding: 'conditions-unmet',
        },
        { type: 'TICK', actor: as('system'), at: '2025-05-16' },
      ],
      'revoked',
    ],
  ] satisfies [string, NotificationCommitmentEvent[], unknown][])(
    'survives a restart before every event: %s',
    (_, after, value) => {
      const events: NotificationCommitmentEvent[] = [
        {
          type: 'GIVE_NOTICE',
          actor: as('window-officer'),
          at: day,
          contents: notice,
        },
        { type: 'CHOOSE_COMMITMENT', actor: as('applicant'), at: day },
        {
          type: 'SIGN_COMMITMENT',
          actor: as('applicant'),
          at: day,
          text: '本人承诺',
        },
        { type: 'DECIDE', actor: as('window-officer'), at: day, approve: true },
        ...after,
      ];
      const { straight, restarted } = runWithRestarts(
        notificationCommitmentMachine,
        input,
        events,
      );
      expect(restarted).toEqual(straight);
      expect(straight).toMatchObject({ value });
    },
  );

  it('keeps its promises under any sequence of events', () => {
    // Deadlines of the sequences below: verification ends 2025-05-29,
    // rectification ordered on 2025-04-15 ends 2025-05-15.
    const pool = [...candidates('2025-05-29'), ...candidates('2025-05-15')];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pool), { maxLength: 12 }),
        (events) => {
          const actor = createActor(notificationCommitmentMachine, {
            input,
          }).start();
          for (const event of events) {
            if (actor.getSnapshot().status === 'active') actor.send(event);
          }
          const snapshot = actor.getSnapshot();
          // The context is plain data and valid against its schema.
          const context: unknown = JSON.parse(JSON.stringify(snapshot.context));
          expect(NotificationCommitmentContextSchema.parse(context)).toEqual(
            snapshot.context,
          );
          if (snapshot.status === 'done') {
            const output = NotificationCommitmentOutputSchema.parse(
              snapshot.output,
            );
            if (output.outcome === 'revoked') {
              expect(output.treatAsUnlicensed).toBe(
                output.cause === 'deliberately-false',
              );
            }
            expect(nextNotificationCommitmentWakeUp(snapshot)).toBeNull();
          } else {
            expect(snapshot.context.outcome).toBeNull();
          }
          // Time only moves forward through a wake-up: a TICK dated the day
          // before it changes nothing.
          const wakeUp = nextNotificationCommitmentWakeUp(snapshot);
          if (wakeUp !== null) {
            const before = actor.getSnapshot();
            actor.send({
              type: 'TICK',
              actor: as('system'),
              at: around(wakeUp)[0],
            });
            expect(actor.getSnapshot()).toBe(before);
            actor.send({ type: 'TICK', actor: as('system'), at: wakeUp });
            expect(actor.getSnapshot()).not.toBe(before);
          }
        },
      ),
    );
  });
});
