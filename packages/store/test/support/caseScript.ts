/**
 * Realistic cases for the store tests: the food business permit (容缺,
 * 告知承诺) and the construction permit (并联审批) from core's examples, an
 * engine with a clock the test moves, and a script of days: applications,
 * officers' commands, and the wake-ups that fall due.
 */
import { createChinaCalendar } from '@kuaiban/calendar';
import type { CaseStore, Engine } from '@kuaiban/core';
import { createEngine, defineItem } from '@kuaiban/core';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../../core/test/items.js';

const calendar = createChinaCalendar();
export const items = [
  defineItem(foodPermitInput()),
  defineItem(constructionPermitInput()),
];

/** The time of day commands are sent, and the time workers run at. */
export const OFFICE_TIME = 'T10:00:00.000+08:00';
export const WORKER_TIME = 'T18:00:00.000+08:00';

export interface TestEngine {
  readonly engine: Engine;
  /** Moves the clock to `date` at `time` (office hours by default). */
  readonly at: (date: string, time?: string) => void;
  readonly clock: { now: () => string };
}

/** An engine on `store` with a clock the test moves; ids `case-0001` … */
export function setupEngine(store?: CaseStore, prefix = 'case'): TestEngine {
  let now = `2025-09-26${OFFICE_TIME}`;
  let next = 0;
  const clock = { now: () => now };
  const engine = createEngine({
    items,
    calendar,
    clock,
    ids: () => `${prefix}-${String(++next).padStart(4, '0')}`,
    ...(store ? { store } : {}),
  });
  return {
    engine,
    clock,
    at(date, time = OFFICE_TIME) {
      now = `${date}${time}`;
    },
  };
}

/** A day-worker clock for a worker process or a test. */
export function workerClock(): {
  now: () => string;
  set: (date: string) => void;
} {
  let now = `2025-09-26${WORKER_TIME}`;
  return {
    now: () => now,
    set(date) {
      now = `${date}${WORKER_TIME}`;
    },
  };
}

const officer = { id: 'officer-chen', role: 'window-officer' } as const;

/** Submits `count` cases on `date`, both items in turn; returns their ids. */
export async function submitCases(
  engine: Engine,
  count: number,
  index = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = index + i;
    const view = await engine.submit({
      itemId: n % 2 === 0 ? 'food-business-permit' : 'construction-permit',
      applicant: { id: `applicant-${n}` },
      handler: { id: officer.id },
    });
    ids.push(view.caseId);
  }
  return ids;
}

/** The officer passes the pre-review of every third case. */
export async function preReview(
  engine: Engine,
  ids: readonly string[],
): Promise<void> {
  for (const [i, caseId] of ids.entries()) {
    if (i % 3 !== 0) continue;
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
      commandId: `pre-review-${caseId}`,
    });
  }
}

/** `count` cases on 2025-09-26, a pre-review the day after; their ids. */
export async function caseScript(
  engine: Engine,
  at: TestEngine['at'],
  count: number,
): Promise<string[]> {
  at('2025-09-26');
  const ids = await submitCases(engine, count);
  at('2025-09-28');
  await preReview(engine, ids);
  return ids;
}

/** Every calendar day from `from`, `days` of them. */
export function calendarDays(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * The office work of simulated day `day` (its index in the simulation):
 * the first `submitDays` days take `perDay` applications each, and the
 * officer pre-reviews yesterday's. Returns today's new ids.
 */
export async function officeDay(
  test: TestEngine,
  day: string,
  dayIndex: number,
  plan: { perDay: number; submitDays: number },
  yesterday: readonly string[],
): Promise<string[]> {
  test.at(day);
  await preReview(test.engine, yesterday);
  if (dayIndex >= plan.submitDays) return [];
  return submitCases(test.engine, plan.perDay, dayIndex * plan.perDay);
}

/** Runs `days` on the reference engine (memory store, `advanceTo`). */
export async function referenceRun(
  days: readonly string[],
  plan: { perDay: number; submitDays: number },
): Promise<TestEngine> {
  const test = setupEngine();
  let yesterday: string[] = [];
  for (const [index, day] of days.entries()) {
    yesterday = await officeDay(test, day, index, plan, yesterday);
    test.at(day, WORKER_TIME);
    await test.engine.advanceTo(day);
  }
  return test;
}
