import {
  addCalendarDays,
  createChinaCalendar,
  isKuaibanError,
} from '@kuaiban/calendar';
import type { Role } from '@kuaiban/machines';
import { caseCommandRoles } from '@kuaiban/machines';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../src/auditTrail.js';
import { verifyHistory } from '../src/auditTrail.js';
import type { CaseView } from '../src/createEngine.js';
import { createEngine } from '../src/createEngine.js';
import { defineItem } from '../src/itemDefinition.js';
import type {
  CommandDraft,
  ItemProfile,
  Scenario,
  Step,
} from './engineArbitraries.js';
import {
  constructionProfile,
  foodProfile,
  guidedCommand,
  profiles,
  scenarioArb,
} from './engineArbitraries.js';
import { constructionPermitInput, foodPermitInput } from './items.js';

// Property tests of the engine: random sequences of commands (right and wrong
// senders, another applicant, malformed input) and clock steps, on a fresh
// engine per run, with the engine's reliability rules checked after every
// step. Seeded in tests/setup.ts (FC_SEED); FC_RUNS sets the run count.

const calendar = createChinaCalendar();
const definitions = {
  [foodProfile.itemId]: defineItem(foodPermitInput()),
  [constructionProfile.itemId]: defineItem(constructionPermitInput()),
};

/** The case as seen from outside after a step: its view and its trail. */
interface Seen {
  readonly view: CaseView;
  readonly history: readonly AuditEntry[];
}

interface StepRecord {
  readonly index: number;
  readonly step: Step;
  /** The test clock's date when the step ran. */
  readonly today: string;
  /** What was dispatched (command and malformed steps). */
  readonly sent?: unknown;
  readonly outcome: 'accepted' | 'rejected' | 'repeated' | 'clock';
  /** The KuaibanError code of a rejected command. */
  readonly code?: string;
  /** What dispatch returned. */
  readonly returned?: CaseView;
  /** For a repeated command id: what dispatch returned the first time. */
  readonly first?: CaseView;
  /** For a clock step: what `advanceTo(today)` returned, twice running. */
  readonly ticks?: readonly [number, number];
  readonly before: Seen;
  readonly after: Seen;
  /** `replay(caseId)` after the step, when asked for. */
  readonly replay?: { matches: boolean; state: unknown };
}

/** An accepted command sent again, with its commandId, after the run. */
interface Resent {
  readonly original: StepRecord;
  readonly returned?: CaseView;
  readonly code?: string;
  readonly before: Seen;
  readonly after: Seen;
}

interface Run {
  readonly scenario: Scenario;
  readonly records: readonly StepRecord[];
  readonly final: Seen;
  readonly replay: { matches: boolean; state: unknown };
  readonly resent: readonly Resent[];
}

/** The command a draft stands for, its dates written in from `today`. */
function commandOf(draft: CommandDraft, today: string): unknown {
  const { type, actor, fields, dated, commandId } = draft;
  const dates = Object.fromEntries(
    Object.entries(dated).map(([key, back]) => [
      key,
      addCalendarDays(today, -back),
    ]),
  );
  return {
    type,
    actor,
    ...fields,
    ...dates,
    ...(commandId !== undefined ? { commandId } : {}),
  };
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Rule 6: the engine answers, or throws a KuaibanError; anything else fails. */
function crashed(error: unknown, what: string): Error {
  return new Error(
    `never crashes: ${what} threw a non-Kuaiban error: ${String(error)}`,
    { cause: error },
  );
}

/** Runs a scenario on a fresh engine and records what each step did. */
async function run(
  scenario: Scenario,
  options: {
    replayEveryStep?: boolean;
    /** Give every command an id, and send every accepted one again at the end. */
    resend?: boolean;
  } = {},
): Promise<Run> {
  const profile: ItemProfile = profiles[scenario.item]!;
  let today = scenario.submittedOn;
  const engine = createEngine({
    items: [definitions[scenario.item]!],
    calendar,
    clock: { now: () => `${today}T09:30:00.000+08:00` },
    ids: () => 'case-1',
  });
  const { caseId } = await engine.submit({
    itemId: scenario.item,
    applicant: { id: profile.applicant },
    handler: { id: 'officer-chen', backup: 'officer-liu' },
    route: scenario.route,
  });
  const seen = async (): Promise<Seen> => ({
    view: await engine.get(caseId),
    history: await engine.history(caseId),
  });
  const replay = async () => {
    try {
      return await engine.replay(caseId);
    } catch (error) {
      if (!isKuaibanError(error)) throw crashed(error, 'replay');
      return { matches: false, state: `${error.code}: ${error.message}` };
    }
  };
  const firstResults = new Map<string, CaseView>();
  const records: StepRecord[] = [];
  let before = await seen();
  for (const [index, step] of scenario.steps.entries()) {
    let record: StepRecord;
    if (step.kind === 'clock') {
      today = addCalendarDays(today, step.days);
      let ticks: [number, number];
      try {
        ticks = [await engine.advanceTo(today), await engine.advanceTo(today)];
      } catch (error) {
        throw isKuaibanError(error)
          ? new Error(
              `advanceTo(${today}) at step ${index} threw ${error.code}: ${error.message}`,
              { cause: error },
            )
          : crashed(error, `advanceTo(${today}) at step ${index}`);
      }
      record = {
        index,
        step,
        today,
        outcome: 'clock',
        ticks,
        before,
        after: await seen(),
      };
    } else {
      const draft =
        step.kind === 'guided'
          ? guidedCommand(
              profile,
              scenario.route,
              before.view.state,
              step.pick,
              step.seed,
            )
          : step.kind === 'command'
            ? step.command
            : undefined;
      const own =
        draft && options.resend && draft.commandId === undefined
          ? { ...draft, commandId: `auto-${index}` }
          : draft;
      const sent = own
        ? commandOf(own, today)
        : (step as { input: unknown }).input;
      const commandId = own?.commandId;
      const base = { index, step, today, sent, before };
      try {
        const returned = await engine.dispatch(caseId, sent);
        const first =
          commandId !== undefined ? firstResults.get(commandId) : undefined;
        if (commandId !== undefined && !first) {
          firstResults.set(commandId, returned);
        }
        record = {
          ...base,
          outcome: first ? 'repeated' : 'accepted',
          returned,
          ...(first ? { first } : {}),
          after: await seen(),
        };
      } catch (error) {
        if (!isKuaibanError(error)) {
          throw crashed(error, `dispatch at step ${index} of ${show(sent)}`);
        }
        record = {
          ...base,
          outcome: 'rejected',
          code: error.code,
          after: await seen(),
        };
      }
    }
    if (options.replayEveryStep) record = { ...record, replay: await replay() };
    records.push(record);
    before = record.after;
  }
  const final = before;
  const resent: Resent[] = [];
  if (options.resend) {
    for (const original of records) {
      if (original.outcome !== 'accepted') continue;
      try {
        const returned = await engine.dispatch(caseId, original.sent);
        resent.push({ original, returned, before, after: await seen() });
      } catch (error) {
        if (!isKuaibanError(error)) throw crashed(error, 'dispatch again');
        resent.push({
          original,
          code: error.code,
          before,
          after: await seen(),
        });
      }
      before = resent.at(-1)!.after;
    }
  }
  return { scenario, records, final, replay: await replay(), resent };
}

/** The run, step by step, to read a counterexample by. */
function transcript({ scenario, records }: Run): string {
  return [
    `submitted ${scenario.item} on ${scenario.submittedOn} (${scenario.route}) → v1`,
    ...records.map((r) => {
      const what =
        r.step.kind === 'clock'
          ? `clock +${r.step.days}d, advanceTo → ${show(r.ticks)}`
          : show(r.sent);
      const code = r.code ? ` ${r.code}` : '';
      return `#${r.index} ${r.today} ${r.outcome}${code}: ${what} → v${r.after.view.version} ${show(r.after.view.state)}`;
    }),
  ].join('\n');
}

/** Runs a scenario and checks it; a failure shows the whole run. */
async function check(
  scenario: Scenario,
  rule: (result: Run) => void,
  options?: Parameters<typeof run>[1],
): Promise<void> {
  const result = await run(scenario, options);
  try {
    rule(result);
  } catch (error) {
    if (error instanceof Error) {
      error.message += `\n--- the run:\n${transcript(result)}`;
    }
    throw error;
  }
}

const where = (record: StepRecord) =>
  `step ${record.index} on ${record.today} (${record.outcome}${record.code ? ` ${record.code}` : ''}): ${show(record.sent ?? record.step)}`;

const lastHash = (seen: Seen) => seen.history.at(-1)?.hash ?? null;

/** Every YYYY-MM-DD string anywhere in a value. */
function datesIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value] : [];
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(datesIn);
  }
  return [];
}

/** The decision an accepted command made: APPROVE, DENY, or a 告知承诺 grant. */
function decisionOf(entry: AuditEntry): 'approved' | 'denied' | null {
  const command = entry.command as { type: string; approve?: unknown };
  if (command.type === 'APPROVE') return 'approved';
  if (command.type === 'DECIDE' && command.approve === true) return 'approved';
  if (command.type === 'DENY') return 'denied';
  return null;
}

const roles = caseCommandRoles as Readonly<Record<string, readonly Role[]>>;

// xstate warns on stderr when a command reaches a case that has ended (the
// engine then refuses it: NOT_ALLOWED_IN_STATE); keep that noise out.
beforeAll(() => {
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('was sent to stopped actor')) return;
    warn(...args);
  });
});
afterAll(() => vi.restoreAllMocks());

// Modest run counts: each run is a case of up to 25 steps.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 50) };
const TIMEOUT = 30_000;
const items = [
  ['食品经营许可 (chain review, 容缺, 告知承诺)', foodProfile],
  ['施工许可 (3 departments in parallel)', constructionProfile],
] as const;

describe.each(items)('engine properties: %s', (_name, profile) => {
  // Time-heavy runs: more clock steps, and often only the beginning of the
  // item's path, so that wake-ups run (deemed acceptance, warnings, overdue,
  // lapsed 容缺 supplements, department limits).
  const slowScenarios = scenarioArb(profile, {
    weights: { guided: 4, command: 2, clock: 10, malformed: 1 },
    wholePath: 1,
  });
  const scenarios = fc.oneof(scenarioArb(profile), slowScenarios);

  it(
    'nothing is lost: a rejected command changes nothing; an accepted one adds exactly one version and one audit entry',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, (scenario) =>
          check(scenario, ({ records }) => {
            for (const record of records) {
              const { before, after } = record;
              const at = where(record);
              // A command id already accepted is not run again ('repeated').
              switch (record.outcome) {
                case 'rejected':
                case 'repeated':
                  expect(after.view, at).toEqual(before.view);
                  expect(after.history.length, at).toBe(before.history.length);
                  expect(lastHash(after), at).toBe(lastHash(before));
                  break;
                case 'accepted': {
                  expect(after.view.version, at).toBe(before.view.version + 1);
                  expect(after.history.length, at).toBe(
                    before.history.length + 1,
                  );
                  expect(record.returned, at).toEqual(after.view);
                  const entry = after.history.at(-1)!;
                  const sent = record.sent as { type: string; actor: unknown };
                  expect(entry.command.type, at).toBe(sent.type);
                  expect(entry.actor, at).toEqual(sent.actor);
                  expect(entry.state, at).toEqual(after.view.state);
                  break;
                }
                case 'clock':
                  expect(after.history.length - before.history.length, at).toBe(
                    after.view.version - before.view.version,
                  );
                  break;
              }
            }
          }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'nothing is lost: the hash-chained trail verifies after every step, with one entry per version and earlier entries untouched',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, (scenario) =>
          check(scenario, ({ records }) => {
            for (const record of records) {
              const at = where(record);
              const { history, view } = record.after;
              expect(verifyHistory(history), at).toEqual({
                ok: true,
                entries: view.version,
              });
              expect(history.length, at).toBe(view.version);
              expect(
                history.slice(0, record.before.history.length),
                at,
              ).toEqual(record.before.history);
            }
          }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'nothing is lost: replaying the trail on a fresh machine reproduces the stored state, after every step and at the end',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, (scenario) =>
          check(
            scenario,
            ({ records, replay, final }) => {
              for (const record of records) {
                expect(record.replay, where(record)).toEqual({
                  matches: true,
                  state: record.after.view.state,
                });
              }
              expect(replay).toEqual({
                matches: true,
                state: final.view.state,
              });
            },
            { replayEveryStep: true },
          ),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'one decision: never both approved and denied (after an accepted APPROVE no DENY is accepted, nor the reverse; at most one decision)',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, (scenario) =>
          check(scenario, ({ final }) => {
            const decisions = final.history
              .map(decisionOf)
              .filter((d): d is 'approved' | 'denied' => d !== null);
            expect(decisions.length, show(decisions)).toBeLessThanOrEqual(1);
          }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'deadlines: no wake-up or due date precedes submission; advanceTo runs every due wake-up once (none left due, none on a second call)',
    async () => {
      await fc.assert(
        fc.asyncProperty(slowScenarios, (scenario) =>
          check(scenario, ({ records }) => {
            for (const record of records) {
              const at = where(record);
              const { facts } = record.after.view;
              for (const date of datesIn(facts)) {
                expect(date >= scenario.submittedOn, `${at}: ${date}`).toBe(
                  true,
                );
              }
              if (record.outcome !== 'clock') continue;
              const [first, second] = record.ticks!;
              expect(second, at).toBe(0);
              const next = facts.nextWakeUp;
              expect(
                next === null || next > record.today,
                `${at}: ${next}`,
              ).toBe(true);
              const ran = record.after.history.slice(
                record.before.history.length,
              );
              expect(ran.length, at).toBe(first);
              for (const entry of ran) {
                const tick = entry.command as { type: string; at: string };
                expect(tick.type, at).toBe('TICK');
                expect(tick.at >= scenario.submittedOn, at).toBe(true);
                expect(tick.at <= record.today, at).toBe(true);
              }
            }
          }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'never crashes, and who may act: malformed input and wrong senders are refused with a KuaibanError; an accepted command came from a role that may send it',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          scenarioArb(profile, {
            maxSteps: 20,
            weights: { guided: 6, command: 6, clock: 1, malformed: 4 },
          }),
          (scenario) =>
            check(scenario, ({ records }) => {
              for (const record of records) {
                const at = where(record);
                if (record.step.kind === 'malformed') {
                  expect(record.code, at).toBe('INVALID_COMMAND');
                }
                if (record.outcome === 'rejected') {
                  expect(
                    ['FORBIDDEN', 'INVALID_COMMAND', 'NOT_ALLOWED_IN_STATE'],
                    at,
                  ).toContain(record.code);
                }
                if (record.step.kind === 'clock') continue;
                if (record.step.kind === 'malformed') continue;
                const { type, actor } = record.sent as {
                  type: string;
                  actor: { id: string; role: Role };
                };
                const mayAct =
                  Object.hasOwn(roles, type) &&
                  roles[type]!.includes(actor.role) &&
                  (actor.role !== 'applicant' ||
                    actor.id === profile.applicant);
                if (record.outcome === 'accepted') {
                  expect(mayAct, at).toBe(true);
                }
                if (!mayAct) {
                  expect(['FORBIDDEN', 'INVALID_COMMAND'], at).toContain(
                    record.code,
                  );
                }
              }
            }),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'idempotency: an accepted command sent again with its commandId is not run again: nothing changes',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, (scenario) =>
          check(
            scenario,
            ({ resent }) => {
              for (const again of resent) {
                const at = `again: ${where(again.original)}`;
                expect(again.code, at).toBeUndefined();
                expect(again.after.view, at).toEqual(again.before.view);
                expect(again.after.history, at).toEqual(again.before.history);
              }
            },
            { resend: true },
          ),
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it('idempotency: an accepted command sent again with its commandId returns its first result', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, (scenario) =>
        check(
          scenario,
          ({ resent }) => {
            for (const again of resent) {
              const first = again.original.returned;
              expect(
                {
                  version: again.returned?.version,
                  state: again.returned?.state,
                },
                `again: ${where(again.original)}`,
              ).toEqual({ version: first?.version, state: first?.state });
            }
          },
          { resend: true },
        ),
      ),
      RUNS,
    );
  });
});
