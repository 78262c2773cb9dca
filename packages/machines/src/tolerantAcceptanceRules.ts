import type { WorkCalendar } from '@kuaiban/calendar';
import { KuaibanError } from '@kuaiban/calendar';
import { parseInput } from './trustedInput.js';
import { eventGate } from './party.js';
import type {
  Finding,
  NoticeItem,
  ToleranceNotice,
  TolerantAcceptanceContext as Context,
  TolerantAcceptanceEvent,
  TolerantAcceptanceOutput,
} from './tolerantAcceptanceSchemas.js';
import {
  TolerantAcceptanceEventSchema,
  TolerantAcceptanceInputSchema,
  tolerantAcceptanceRoles,
} from './tolerantAcceptanceSchemas.js';

/** The parsed input and an empty record; `INVALID_ARGUMENT` on bad input. */
export function initialContext(
  input: unknown,
  calendar: WorkCalendar,
): Context {
  const parsed = parseInput(
    TolerantAcceptanceInputSchema,
    input,
    'tolerant acceptance input',
    '容缺受理输入',
  );
  // Field by field (the input's fields, then the record): one object shape
  // for every case, cheaper to build and to copy than a spread.
  return {
    receivedOn: parsed.receivedOn,
    materials: parsed.materials,
    tolerance: parsed.tolerance ?? null,
    promisedDays: parsed.promisedDays,
    noticeDays: parsed.noticeDays,
    applicant: parsed.applicant,
    noticeBy: calendar.addWorkingDays(parsed.receivedOn, parsed.noticeDays),
    findings: [],
    outstanding: [],
    notices: [],
    suppliedAfterNotice: [],
    toleranceNotice: null,
    supplemented: [],
    acceptedOn: null,
    supplementDue: null,
    outcome: null,
  };
}

/**
 * The event has a sound shape, comes from a role allowed to send it and is
 * not dated before the materials were received. Everything else is ignored.
 */
const tolerantGate = eventGate<TolerantAcceptanceEvent>(
  TolerantAcceptanceEventSchema,
  tolerantAcceptanceRoles,
);

export function admissible(
  context: Context,
  event: TolerantAcceptanceEvent,
): boolean {
  return tolerantGate(event) && event.at >= context.receivedOn;
}

/** The same ids, each once. */
const sameSet = (ids: readonly string[], expected: readonly string[]) =>
  new Set(ids).size === ids.length &&
  ids.length === expected.length &&
  expected.every((id) => ids.includes(id));

export const union = (a: readonly string[], b: readonly string[]): string[] => [
  ...new Set([...a, ...b]),
];

export const outstandingOf = (findings: readonly Finding[]): string[] =>
  findings.filter((f) => f.status !== 'complete').map((f) => f.materialId);

/** One finding per material, none for anything else. */
export const coversMaterials = (
  context: Context,
  findings: readonly Finding[],
): boolean =>
  sameSet(
    findings.map((f) => f.materialId),
    context.materials.map((m) => m.id),
  );

export const knownMaterials = (
  context: Context,
  materialIds: readonly string[],
): boolean =>
  materialIds.every((id) => context.materials.some((m) => m.id === id));

/**
 * The item offers 容缺, no notice was given yet, the applicant's credit allows
 * it (RQ-CREDIT) and only tolerable secondary materials are missing or
 * defective (RQ-COND).
 */
export const toleranceApplies = (
  context: Context,
  findings: readonly Finding[],
): boolean =>
  context.tolerance !== null &&
  context.notices.length === 0 &&
  context.applicant.seriousBadCredit !== true &&
  context.applicant.unrepairedFalseCommitment !== true &&
  outstandingOf(findings).every((id) =>
    context.materials.some((m) => m.id === id && m.tolerable && !m.primary),
  );

/**
 * SVC-ONE-NOTICE: the first notice lists every material found missing or
 * defective, and nothing else; a later one exactly those of them that were
 * supplied after the first notice.
 */
export function noticeIsComplete(
  context: Context,
  items: readonly NoticeItem[],
): boolean {
  const due =
    context.notices.length === 0
      ? context.outstanding
      : context.outstanding.filter((id) =>
          context.suppliedAfterNotice.includes(id),
        );
  return (
    due.length > 0 &&
    sameSet(
      items.map((item) => item.materialId),
      due,
    )
  );
}

/** A field set by an earlier step; missing only in a corrupted snapshot. */
export function required<T>(value: T | null, field: string): T {
  if (value === null) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `Corrupted tolerant acceptance snapshot: ${field} is missing`,
      messageZh: `容缺受理快照已损坏：缺少 ${field}`,
    });
  }
  return value;
}

/**
 * RQ-COMMIT: accept first, and tell the applicant once what to supply, by
 * when (RQ-DEADLINE) and what follows if it is late (RQ-FAIL).
 */
export function acceptProvisionally(
  context: Context,
  commitment: { on: string; by: string; text: string },
  calendar: WorkCalendar,
): Pick<Context, 'acceptedOn' | 'supplementDue' | 'toleranceNotice'> {
  const tolerance = required(context.tolerance, 'tolerance');
  const supplyBy = calendar.addWorkingDays(
    commitment.on,
    tolerance.supplementDays,
  );
  const findingOf = new Map(context.findings.map((f) => [f.materialId, f]));
  const materials: ToleranceNotice['materials'] = context.materials.flatMap(
    (material) => {
      const finding = findingOf.get(material.id);
      return finding && finding.status !== 'complete'
        ? [
            {
              id: material.id,
              name: material.name,
              nameZh: material.nameZh,
              status: finding.status,
              ...(finding.note === undefined ? {} : { note: finding.note }),
            },
          ]
        : [];
    },
  );
  return {
    acceptedOn: commitment.on,
    supplementDue: supplyBy,
    toleranceNotice: {
      materials,
      supplyBy,
      consequence: tolerance.onLate,
      creditRecord: tolerance.creditRecord,
      basis: tolerance.basis,
      commitment: {
        text: commitment.text.trim(),
        signedBy: commitment.by,
        signedOn: commitment.on,
      },
    },
  };
}

/** RQ-FAIL: the consequence the item set for a late supplement. */
export function lapsedOutcome(context: Context): TolerantAcceptanceOutput {
  const tolerance = required(context.tolerance, 'tolerance');
  return {
    outcome: 'lapsed',
    consequence: tolerance.onLate,
    creditRecord: tolerance.creditRecord,
  };
}
