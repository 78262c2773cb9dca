import type { WorkCalendar } from '@kuaiban/calendar';
import { addCalendarDays, KuaibanError } from '@kuaiban/calendar';
import type { CaseStore, ChainDefinition } from '@kuaiban/core';
import { createEngine, providedMaterials } from '@kuaiban/core';
import type { CasePlan, WaitingPeriod } from './casePlan.js';
import type { CaseRecord } from './driveCase.js';
import { driveCase } from './driveCase.js';
import type { ChainLink } from './links.js';

/** A waiting period the timeline shows before an item, with its dates. */
export interface Wait extends WaitingPeriod {
  readonly itemId: string;
  readonly from: string;
  readonly until: string;
  readonly workingDays: number;
}

/** One link's time on the timeline. */
export interface LinkSummary {
  readonly link: ChainLink;
  readonly items: readonly CaseRecord[];
  readonly from: string;
  readonly until: string;
  /**
   * Working days on which a case of the link is open (from the day after
   * submission to the certificate, TIME-NEXT-DAY) or a period the link counts
   * runs (a statutory notice); cases side by side count once, and building
   * the plant is not approval time (GC-120WD).
   */
  readonly workingDays: number;
  /** Materials brought, and spared by earlier results (SVC-SHARE). */
  readonly asked: number;
  readonly spared: number;
}

export interface Timeline {
  readonly startOn: string;
  readonly endOn: string;
  readonly cases: readonly CaseRecord[];
  readonly waits: readonly Wait[];
  readonly links: readonly LinkSummary[];
}

/** Where the timeline is, for progress output. */
export interface TimelineProgress {
  readonly done: number;
  readonly total: number;
  readonly record: CaseRecord;
}

export interface TimelineOptions {
  readonly chain: ChainDefinition;
  readonly links: readonly ChainLink[];
  readonly plan: Readonly<Record<string, CasePlan>>;
  readonly calendar: WorkCalendar;
  readonly startOn: string;
  readonly applicantId: string;
  /** The engine's store; the in-memory one when absent. */
  readonly store?: CaseStore;
  readonly onProgress?: (progress: TimelineProgress) => void;
}

/**
 * Runs one enterprise through a chain on the engine: each item once its
 * earlier items are done (`after`), with the materials their results provide
 * not asked again (SVC-SHARE), every command dated by a clock the timeline
 * moves. Returns every case, every waiting period and each link's time.
 *
 * @example
 * const timeline = await runTimeline({
 *   chain: ENTERPRISE_CHAIN, links: LINKS, plan: ENTERPRISE_PLAN,
 *   calendar: createChinaCalendar(), startOn: DEMO_START_DATE,
 *   applicantId: DEMO_ENTERPRISE.id,
 * });
 * timeline.links[0]?.workingDays; // 企业开办: 0, the same visit
 */
export async function runTimeline(options: TimelineOptions): Promise<Timeline> {
  const { chain, plan, calendar, startOn } = options;
  let now = startOn;
  let nextCaseId = '';
  const engine = createEngine({
    items: chain.items.map((entry) => entry.item),
    calendar,
    clock: { now: () => `${now}T10:00:00.000+08:00` },
    ids: () => nextCaseId,
    ...(options.store ? { store: options.store } : {}),
  });
  const context = {
    engine,
    calendar,
    applicantId: options.applicantId,
    setDate: (date: string) => {
      now = date;
    },
    setNextCaseId: (caseId: string) => {
      nextCaseId = caseId;
    },
  };

  const done = new Map<string, CaseRecord>();
  const waits: Wait[] = [];
  const pending = [...chain.items];
  while (pending.length > 0) {
    const index = pending.findIndex((entry) =>
      entry.after.every((id) => done.has(id)),
    );
    const entry = pending.splice(index, 1)[0]!;
    const { item } = entry;
    const casePlan = plan[item.id];
    if (!casePlan) {
      throw new KuaibanError({
        code: 'INVALID_ARGUMENT',
        message: `No case plan for item "${item.id}" of chain "${chain.id}"`,
        messageZh: `链条“${chain.id}”的事项“${item.id}”没有办理计划`,
        details: { chain: chain.id, item: item.id },
      });
    }
    const earlier = entry.after
      .map((id) => done.get(id)!.issuedOn)
      .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
    let submittedOn =
      earlier === null
        ? calendar.isWorkingDay(startOn)
          ? startOn
          : calendar.nextWorkingDay(startOn)
        : calendar.addWorkingDays(earlier, casePlan.startAfterDays ?? 1);
    if (casePlan.waitBefore) {
      const from = earlier ?? startOn;
      const until = addCalendarDays(from, casePlan.waitBefore.calendarDays);
      submittedOn = calendar.nextWorkingDay(until);
      waits.push({
        ...casePlan.waitBefore,
        itemId: item.id,
        from,
        until,
        workingDays: calendar.workingDaysBetween(from, submittedOn),
      });
    }
    const record = await driveCase(context, item, casePlan, {
      caseId: `${options.applicantId}:${item.id}`,
      submittedOn,
      providedMaterials: providedMaterials(chain, item.id),
    });
    done.set(item.id, record);
    options.onProgress?.({
      done: done.size,
      total: chain.items.length,
      record,
    });
  }

  const cases = chain.items.map((entry) => done.get(entry.item.id)!);
  const links = options.links
    .map((link) => summarise(link, cases, waits, calendar))
    .filter((summary): summary is LinkSummary => summary !== null);
  return {
    startOn,
    endOn: cases.reduce((a, c) => (c.issuedOn > a ? c.issuedOn : a), startOn),
    cases,
    waits,
    links,
  };
}

/** The working days in `(from, until]`. */
function workingDaysIn(
  calendar: WorkCalendar,
  from: string,
  until: string,
): string[] {
  const days: string[] = [];
  for (
    let day = calendar.addWorkingDays(from, 1);
    day <= until;
    day = calendar.addWorkingDays(day, 1)
  ) {
    days.push(day);
  }
  return days;
}

function summarise(
  link: ChainLink,
  cases: readonly CaseRecord[],
  waits: readonly Wait[],
  calendar: WorkCalendar,
): LinkSummary | null {
  const ids = new Set(link.items.map((item) => item.id));
  const items = cases.filter((record) => ids.has(record.item.id));
  if (items.length === 0) return null;
  const from = items.reduce(
    (a, c) => (c.submittedOn < a ? c.submittedOn : a),
    items[0]!.submittedOn,
  );
  const until = items.reduce((a, c) => (c.issuedOn > a ? c.issuedOn : a), from);
  // The days some case of the link is open, or a period the link counts runs
  // (a statutory notice); cases side by side count once.
  const busy = new Set<string>();
  for (const record of items) {
    for (const day of workingDaysIn(
      calendar,
      record.submittedOn,
      record.issuedOn,
    )) {
      busy.add(day);
    }
  }
  for (const wait of waits) {
    if (!ids.has(wait.itemId) || !wait.countsTowardLink) continue;
    for (const day of workingDaysIn(calendar, wait.from, wait.until)) {
      busy.add(day);
    }
  }
  return {
    link,
    items,
    from,
    until,
    workingDays: busy.size,
    asked: items.reduce((sum, c) => sum + c.asked.length, 0),
    spared: items.reduce((sum, c) => sum + c.provided.length, 0),
  };
}
