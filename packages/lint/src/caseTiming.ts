import type { LogEvent } from './caseLog.js';
import type { ConformanceModel } from './conformanceModel.js';
import type { Evidence, Finding } from './Finding.js';
import { finding } from './Finding.js';

/** ALL-44-ISSUE-10D: the law's issuance limit. */
const LAWFUL_ISSUANCE_DAYS = 10;

/** An event as a finding cites it. */
export const evidenceOf = (event: LogEvent): Evidence => ({
  sequence: event.sequence,
  activity: event.activity,
  at: event.at,
  actor: event.actor,
});

/** When a case was decided, and what the decision was measured against. */
export interface CaseTiming {
  readonly accepted: LogEvent;
  readonly decision: LogEvent;
  /** The last event that prepared the decision: whose work it was. */
  readonly preparedBy: LogEvent;
  readonly allowedDays: number;
  readonly usedDays: number;
}

/** What one replay learnt about a case's legal times. */
export interface CaseMoments {
  readonly accepted: LogEvent | null;
  readonly decision: LogEvent | null;
  readonly preparedBy: LogEvent | null;
  readonly certificate: LogEvent | null;
  /** Working days the clock stood still (TIME-PAUSE-SEMANTICS). */
  readonly pausedDays: number;
  /** The extension granted, in working days (0 when none). */
  readonly extension: number;
  /** False when the log names an extension but not its length. */
  readonly extensionStated: boolean;
}

type About = { readonly itemId: string; readonly caseId: string };

/**
 * ALL-42-DECIDE-20D and ALL-44-ISSUE-10D over one case: the decision within
 * the limit (pauses excluded, the extension added), the certificate within
 * the item's issuance days (a warning) and the law's 10 (an error).
 */
export function caseTiming(
  moments: CaseMoments,
  model: ConformanceModel,
  about: About,
): { findings: Finding[]; timing: CaseTiming | null } {
  const out: Finding[] = [];
  const { accepted, decision, certificate, pausedDays, extension } = moments;
  let timing: CaseTiming | null = null;
  if (accepted && decision) {
    const allowedDays = model.statutoryDays + extension;
    const due = model.addWorkingDays(accepted.date, allowedDays + pausedDays);
    const usedDays =
      decision.date > accepted.date
        ? model.workingDaysBetween(accepted.date, decision.date) - pausedDays
        : 0;
    timing = {
      accepted,
      decision,
      preparedBy: moments.preparedBy ?? decision,
      allowedDays,
      usedDays,
    };
    const limits = `${model.statutoryDays} working days${extension ? ` + ${extension} extension` : ''}${pausedDays ? ` + ${pausedDays} paused` : ''}`;
    const limitsZh = `${model.statutoryDays} 个工作日${extension ? `，延长 ${extension}` : ''}${pausedDays ? `，暂停 ${pausedDays}` : ''}`;
    const unextended = model.addWorkingDays(
      accepted.date,
      model.statutoryDays + pausedDays,
    );
    if (decision.date > due) {
      out.push(
        finding({
          rule: 'decision-on-time',
          message: `accepted ${accepted.date}, decided ${decision.date}: due ${due} (${limits})`,
          messageZh: `${accepted.date} 受理，${decision.date} 决定：应于 ${due} 前决定（${limitsZh}）`,
          evidence: [evidenceOf(accepted), evidenceOf(decision)],
          ...about,
        }),
      );
    } else if (!moments.extensionStated && decision.date > unextended) {
      // The log does not say how long the extension was: on time only if it
      // was the longest the law allows. Not a pass, not a proven breach.
      out.push(
        finding({
          rule: 'decision-on-time',
          severity: 'warning',
          message: `accepted ${accepted.date}, decided ${decision.date}: after ${unextended} and on time only if the extension was the full ${extension} working days; the log does not say how long it was`,
          messageZh: `${accepted.date} 受理，${decision.date} 决定：晚于 ${unextended}，仅当延长满 ${extension} 个工作日时才未超期；日志未载明延长天数`,
          evidence: [evidenceOf(accepted), evidenceOf(decision)],
          ...about,
        }),
      );
    }
  }
  if (decision && certificate) {
    // The definition holds issuance days to the law's 10 (ALL-44-ISSUE-10D):
    // beyond the law an error; beyond only the item's own days, a warning.
    const due = model.addWorkingDays(decision.date, model.issuanceDays);
    const lawful = model.addWorkingDays(decision.date, LAWFUL_ISSUANCE_DAYS);
    const late = certificate.date > lawful;
    if (certificate.date > due) {
      const days = model.issuanceDays;
      out.push(
        finding({
          rule: 'certificate-on-time',
          ...(late ? {} : { severity: 'warning' as const }),
          message: `decided ${decision.date}, certificate ${certificate.date}: due ${due} (${days} working days${late ? '' : `; within the law's ${LAWFUL_ISSUANCE_DAYS}`})`,
          messageZh: `${decision.date} 决定，${certificate.date} 发证：应于 ${due} 前发证（${days} 个工作日${late ? '' : `；未超过法定 ${LAWFUL_ISSUANCE_DAYS} 个工作日`}）`,
          evidence: [evidenceOf(decision), evidenceOf(certificate)],
          ...about,
        }),
      );
    }
  }
  return { findings: out, timing };
}
