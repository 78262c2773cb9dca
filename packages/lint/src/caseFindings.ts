import { LAWFUL_PAUSE_REASONS } from '@kuaiban/calendar';
import type { CaseTrace, LogEvent } from './caseLog.js';
import type { ConformanceModel } from './conformanceModel.js';
import type { CaseTiming } from './caseTiming.js';
import { caseTiming, evidenceOf } from './caseTiming.js';
import type { Finding } from './Finding.js';
import { finding } from './Finding.js';
import { CASE_STATE } from './machineStates.js';

const evidence = evidenceOf;

/** States a case is in once accepted (the statutory clock runs from here). */
const ACCEPTED = new Set<string>([
  CASE_STATE.reviewing,
  CASE_STATE.deciding,
  CASE_STATE.issuing,
]);

type About = { readonly itemId: string; readonly caseId: string };

function deviation(
  event: LogEvent,
  state: string,
  next: string,
  lawfulRole: boolean,
  about: About,
): Finding {
  const { sequence, role, actor, activity } = event;
  return finding({
    rule: 'replay-fits-design',
    message: lawfulRole
      ? `event ${sequence}: ${activity} in state ${state} cannot lead to ${next} in this design`
      : `event ${sequence}: ${role} ${actor} may not send ${activity}`,
    messageZh: lawfulRole
      ? `第 ${sequence} 个事件：按设计，${state} 状态下的 ${activity} 不能到达 ${next}`
      : `第 ${sequence} 个事件：${role} ${actor} 无权执行 ${activity}`,
    evidence: [evidence(event)],
    ...about,
  });
}

/** TIME-EXCLUDED: a pause the log shows in full, for no lawful reason and no basis. */
function unlawfulPause(event: LogEvent, about: About): Finding | null {
  const pause = event.command?.pause as
    { reason?: unknown; basis?: unknown } | undefined;
  if (pause === undefined) return null;
  const reason = pause.reason;
  if (typeof reason === 'string' && reason in LAWFUL_PAUSE_REASONS) return null;
  if (typeof pause.basis === 'string' && pause.basis.trim() !== '') return null;
  return finding({
    rule: 'lawful-pause',
    message: `the clock was paused on ${event.date} for "${String(reason)}", which is neither an ALL art. 45 reason nor given a basis`,
    messageZh: `${event.date} 因“${String(reason)}”暂停计时，既非第四十五条所列事由，也未写明依据`,
    evidence: [evidence(event)],
    ...about,
  });
}

/** Replays one case against its item's design and measures its legal times. */
export function caseFindings(
  trace: CaseTrace,
  model: ConformanceModel,
): { findings: Finding[]; timing: CaseTiming | null } {
  const out: Finding[] = [];
  const about: About = { itemId: trace.itemId, caseId: trace.caseId };
  const events = trace.events;
  const first = events[0];
  if (!first) return { findings: out, timing: null };
  let state = first.state ?? model.initialState;
  let deviated = false;
  if (first.activity !== 'SUBMIT') {
    deviated = true;
    out.push(
      finding({
        rule: 'replay-fits-design',
        message: `the case starts with ${first.activity}, not with SUBMIT`,
        messageZh: `办件以 ${first.activity} 开始，而不是 SUBMIT`,
        evidence: [evidence(first)],
        ...about,
      }),
    );
  }
  let accepted: LogEvent | null = ACCEPTED.has(state) ? first : null;
  let decision: LogEvent | null = null;
  let preparedBy: LogEvent | null = null;
  let firstNotice: LogEvent | null = null;
  let noticeTimes = 0;
  let suppliedSinceNotice = true;
  let mergedNotices = 0;
  let providedSinceMerged = true;
  let proposed = false;
  let pausedDays = 0;
  let pausedOn: string | null = null;
  let extension = 0;
  let extensionStated = true;
  let certificate: LogEvent | null = null;
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as LogEvent;
    const activity = event.activity;
    const next = event.state ?? state;
    if (!deviated) {
      const roles = model.roles[activity];
      const lawfulRole = roles === undefined || roles.includes(event.role);
      if (!lawfulRole || !model.moves.get(state)?.get(activity)?.has(next)) {
        deviated = true;
        out.push(deviation(event, state, next, lawfulRole, about));
      }
    }
    if (accepted === null && ACCEPTED.has(next)) accepted = event;
    if (
      decision === null &&
      (activity === 'APPROVE' ||
        activity === 'DENY' ||
        (state === CASE_STATE.accepting && next === CASE_STATE.issuing))
    ) {
      decision = event;
      if (pausedOn !== null) {
        pausedDays += model.workingDaysBetween(pausedOn, event.date);
        pausedOn = null;
      }
    }
    switch (activity) {
      case 'REVIEW_OPINION':
      case 'OPINION':
        preparedBy = event;
        break;
      case 'ISSUE_NOTICE':
        noticeTimes++;
        if (firstNotice === null) firstNotice = event;
        else if (!suppliedSinceNotice) {
          out.push(
            finding({
              rule: 'one-notice-log',
              message: `notice ${noticeTimes} on ${event.date} follows the first (${firstNotice.date}) with no material supplied in between`,
              messageZh: `${event.date} 的第 ${noticeTimes} 次告知前，申请人未补交任何材料（首次告知 ${firstNotice.date}）`,
              evidence: [evidence(firstNotice), evidence(event)],
              ...about,
            }),
          );
        }
        suppliedSinceNotice = false;
        break;
      case 'MATERIALS_SUPPLIED':
        suppliedSinceNotice = true;
        break;
      case 'ISSUE_MERGED_NOTICE':
        mergedNotices++;
        if (mergedNotices > 1 && !providedSinceMerged) {
          out.push(
            finding({
              rule: 'one-notice-log',
              message: `merged notice ${mergedNotices} on ${event.date} with no supplement provided since the last one`,
              messageZh: `${event.date} 第 ${mergedNotices} 次合并告知前，申请人未补正`,
              evidence: [evidence(event)],
              ...about,
            }),
          );
        }
        providedSinceMerged = false;
        break;
      case 'SUPPLEMENT_PROVIDED':
        providedSinceMerged = true;
        break;
      case 'PROPOSE_REFUSAL':
        proposed = true;
        break;
      case 'OVERRULE_REFUSAL':
        proposed = false;
        break;
      case 'PAUSE':
        if (decision === null) {
          pausedOn ??= event.date;
          const problem = unlawfulPause(event, about);
          if (problem) out.push(problem);
        }
        break;
      case 'RESUME':
        if (pausedOn !== null && decision === null) {
          pausedDays += model.workingDaysBetween(pausedOn, event.date);
          pausedOn = null;
        }
        break;
      case 'EXTEND':
      case 'EXTEND_JOINT':
        if (decision === null) {
          // No more than the law allows, whatever the log claims; a log
          // without the command (toJsonl, XES) is read at the maximum.
          const days = event.command?.days;
          extensionStated = typeof days === 'number';
          extension = Math.min(
            extensionStated ? (days as number) : model.maxExtensionDays,
            model.maxExtensionDays,
          );
        }
        break;
      case 'ISSUE_CERTIFICATE':
        certificate ??= event;
        break;
    }
    if (next === CASE_STATE.refused && state !== CASE_STATE.refused) {
      if (
        activity !== 'CONFIRM_REFUSAL' ||
        event.role !== 'supervisor' ||
        !proposed
      ) {
        out.push(
          finding({
            rule: 'refusal-confirmed-log',
            message: `refused on ${event.date} by ${event.role} ${event.actor} (${activity}) without a supervisor confirming a proposed refusal`,
            messageZh: `${event.date} 由 ${event.role} ${event.actor}（${activity}）不予受理，未经负责人确认`,
            evidence: [evidence(event)],
            ...about,
          }),
        );
      }
    }
    state = next;
  }
  const receipt = first.date;
  const noticeBy = model.addWorkingDays(receipt, model.noticeDays);
  // The first answer to the application: a notice, or acceptance.
  const answer =
    firstNotice !== null &&
    (accepted === null || firstNotice.sequence < accepted.sequence)
      ? firstNotice
      : accepted;
  const deemed =
    answer !== null && answer !== firstNotice && answer.date > noticeBy;
  if (answer !== null && answer.date > noticeBy) {
    out.push(
      finding({
        rule: 'notice-within-5d-log',
        message: `received ${receipt}; ${deemed ? 'no notice, acceptance deemed' : 'notice'} on ${answer.date} (${answer.activity}), after the window ending ${noticeBy} (${model.noticeDays} working days)`,
        messageZh: `${receipt} 收到材料；${deemed ? '未告知，视为受理' : '告知'}于 ${answer.date}（${answer.activity}），晚于告知期限 ${noticeBy}（${model.noticeDays} 个工作日）`,
        evidence: [evidence(first), evidence(answer)],
        ...about,
      }),
    );
  }
  // ALL-32: a deemed acceptance counts from the day the materials were received.
  if (deemed) accepted = first;
  const times = caseTiming(
    {
      accepted,
      decision,
      preparedBy,
      certificate,
      pausedDays,
      extension,
      extensionStated,
    },
    model,
    about,
  );
  out.push(...times.findings);
  return { findings: out, timing: times.timing };
}
