import type { WorkCalendar } from '@kuaiban/calendar';
import { assign, enqueueActions, setup } from 'xstate';
import {
  acceptProvisionally,
  admissible,
  coversMaterials,
  knownMaterials,
  lapsedOutcome,
  noticeIsComplete,
  outstandingOf,
  required,
  toleranceApplies,
  union,
} from './tolerantAcceptanceRules.js';
import type {
  AcceptanceMode,
  Finding,
  NoticeItem,
  TolerantAcceptanceContext,
  TolerantAcceptanceEvent,
  TolerantAcceptanceInput,
  TolerantAcceptanceOutput,
} from './tolerantAcceptanceSchemas.js';

/**
 * The types, guards and actions of the tolerant acceptance machine; its
 * states are in `tolerantAcceptance.ts`. Every guard first checks that the
 * event is admissible (shape, role, date).
 */
export function tolerantAcceptanceSetup(calendar: WorkCalendar) {
  return setup({
    types: {
      context: {} as TolerantAcceptanceContext,
      events: {} as TolerantAcceptanceEvent,
      input: {} as TolerantAcceptanceInput,
      output: {} as TolerantAcceptanceOutput,
    },
    guards: {
      allowed: ({ context, event }) => admissible(context, event),
      noticeOverdue: ({ context, event }) =>
        admissible(context, event) &&
        context.notices.length === 0 &&
        event.at > context.noticeBy,
      supplementOverdue: ({ context, event }) =>
        admissible(context, event) &&
        context.supplementDue !== null &&
        event.at > context.supplementDue,
      findsProblems: ({ context, event }, findings: readonly Finding[]) =>
        admissible(context, event) &&
        coversMaterials(context, findings) &&
        outstandingOf(findings).length > 0,
      findsComplete: ({ context, event }, findings: readonly Finding[]) =>
        admissible(context, event) &&
        coversMaterials(context, findings) &&
        outstandingOf(findings).length === 0,
      toleranceApplies: ({ context, event }, findings: readonly Finding[]) =>
        admissible(context, event) &&
        coversMaterials(context, findings) &&
        toleranceApplies(context, findings),
      noticeComplete: ({ context, event }, items: readonly NoticeItem[]) =>
        admissible(context, event) && noticeIsComplete(context, items),
      suppliesAfterNotice: ({ context, event }, ids: readonly string[]) =>
        admissible(context, event) &&
        context.notices.length > 0 &&
        knownMaterials(context, ids),
      supplements: ({ context, event }, ids: readonly string[]) =>
        admissible(context, event) &&
        ids.every((id) => context.outstanding.includes(id)),
      supplementsAll: ({ context, event }, ids: readonly string[]) =>
        admissible(context, event) &&
        ids.every((id) => context.outstanding.includes(id)) &&
        context.outstanding.every((id) =>
          union(context.supplemented, ids).includes(id),
        ),
    },
    actions: {
      recordFindings: assign((_, findings: readonly Finding[]) => ({
        findings: findings.map((f) => ({ ...f })),
        outstanding: outstandingOf(findings),
      })),
      acceptDeemed: assign(({ context }) => ({
        acceptedOn: context.receivedOn,
        outcome: {
          outcome: 'accepted' as const,
          mode: 'deemed' as const,
          acceptedOn: context.receivedOn,
        },
      })),
      accept: assign(
        (_, params: { mode: AcceptanceMode; acceptedOn: string }) => ({
          acceptedOn: params.acceptedOn,
          outcome: { outcome: 'accepted' as const, ...params },
        }),
      ),
      recordNotice: assign(
        (
          { context },
          notice: { on: string; by: string; items: readonly NoticeItem[] },
        ) => ({
          notices: [
            ...context.notices,
            { ...notice, items: notice.items.map((item) => ({ ...item })) },
          ],
        }),
      ),
      recordSupplied: assign(({ context }, ids: readonly string[]) => ({
        suppliedAfterNotice: union(context.suppliedAfterNotice, ids),
      })),
      acceptProvisionally: assign(
        ({ context }, commitment: { on: string; by: string; text: string }) =>
          acceptProvisionally(context, commitment, calendar),
      ),
      recordSupplement: assign(({ context }, ids: readonly string[]) => ({
        supplemented: union(context.supplemented, ids),
      })),
      acceptTolerant: assign(({ context }) => ({
        outcome: {
          outcome: 'accepted' as const,
          mode: 'tolerant' as const,
          acceptedOn: required(context.acceptedOn, 'acceptedOn'),
        },
      })),
      lapse: assign(({ context }) => ({ outcome: lapsedOutcome(context) })),
      withdraw: assign({ outcome: { outcome: 'withdrawn' as const } }),
      notifyProvisional: enqueueActions(({ enqueue, self, context }) => {
        if (self._parent) {
          enqueue.sendParent({
            type: 'ACCEPTANCE.PROVISIONAL',
            acceptedOn: context.acceptedOn,
            supplementDue: context.supplementDue,
          });
        }
      }),
      notifyAccepted: enqueueActions(({ enqueue, self, context }) => {
        const { outcome } = context;
        if (self._parent && outcome?.outcome === 'accepted') {
          enqueue.sendParent({
            type: 'ACCEPTANCE.ACCEPTED',
            acceptedOn: outcome.acceptedOn,
            mode: outcome.mode,
          });
        }
      }),
    },
  });
}
