import { addCalendarDays, createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../src/index.js';
import {
  OUTCOMES,
  compileSimulation,
  defineScenario,
  runReplication,
} from '../src/index.js';
import { constructionPermit, foodPermit } from './fixtures.js';

const calendar = createChinaCalendar().withOptions({ beyondData: 'weekdays' });
const run = (scenario: ScenarioInput, item = foodPermit, cases = 200) =>
  runReplication(
    compileSimulation(item, defineScenario(scenario), { calendar }),
    {
      seed: 4,
      replication: 0,
      cases,
      warmupDays: 0,
      traceCases: 20,
    },
  );
const straight = { refusal: 0, choosesCommitment: 0 };

describe('runReplication', () => {
  it('gives the same numbers for the same seed, and others for another replication', () => {
    const model = compileSimulation(foodPermit, defineScenario({}), {
      calendar,
    });
    const a = runReplication(model, {
      seed: 9,
      replication: 0,
      cases: 300,
      warmupDays: 5,
    });
    const b = runReplication(model, {
      seed: 9,
      replication: 0,
      cases: 300,
      warmupDays: 5,
    });
    const c = runReplication(model, {
      seed: 9,
      replication: 1,
      cases: 300,
      warmupDays: 5,
    });
    expect(a.cycleWorkingDays).toEqual(b.cycleWorkingDays);
    expect(a.poolBusy).toEqual(b.poolBusy);
    expect(a.cycleWorkingDays).not.toEqual(c.cycleWorkingDays);
    expect(a.cycleWorkingDays).toHaveLength(300);
  });

  it('RQ-FAIL: a 容缺 supplement that comes late lapses the case the day after its deadline', () => {
    const result = run({
      probabilities: {
        ...straight,
        materialsIncomplete: 1,
        onlyTolerableMissing: 1,
        choosesTolerance: 1,
        supplementLate: 1,
      },
    });
    expect([...result.outcome].every((o) => OUTCOMES[o] === 'lapsed')).toBe(
      true,
    );
    expect([...result.onTimePromised].every((x) => x === 2)).toBe(true);
    for (const trace of result.traces) {
      const acceptedOn = trace.steps
        .find((s) => 'type' in s && s.type === 'ACCEPT_TOLERANCE')!
        .at.slice(0, 10);
      const due = calendar.addWorkingDays(acceptedOn, 5);
      const lapse = trace.steps.find((s) => 'what' in s && s.what === 'lapse')!;
      expect(trace.due.supplement).toBe(due);
      expect(lapse.state).toBe('lapsed');
      expect(lapse.at).toBe(`${addCalendarDays(due, 1)}T00:00`);
    }
  });

  it('RQ-COMMIT: an applicant who supplies in time keeps the provisional acceptance', () => {
    const result = run({
      probabilities: {
        ...straight,
        materialsIncomplete: 1,
        onlyTolerableMissing: 1,
        choosesTolerance: 1,
        supplementLate: 0,
      },
    });
    expect(result.outcome.includes(OUTCOMES.indexOf('lapsed'))).toBe(false);
    const trace = result.traces[0]!;
    expect(trace.steps.map((s) => ('type' in s ? s.type : s.what))).toContain(
      'SUPPLEMENT',
    );
    expect(trace.due.supplement).toBe(
      calendar.addWorkingDays(trace.steps[0]!.at.slice(0, 10), 5),
    );
  });

  it('ALL-32-NOTICE-5D: a case the window does not check within the notice window is deemed accepted', () => {
    const result = run({
      arrivals: { kind: 'poisson', perWorkingDay: 6 },
      staff: [
        { department: 'market-regulation', role: 'window-officer', count: 1 },
      ],
      durations: { acceptance: { kind: 'constant', value: 3 } },
      probabilities: straight,
    });
    const deemed = result.traces
      .flatMap((t) => t.steps)
      .filter((s) => 'what' in s && s.what === 'deemed-acceptance');
    expect(deemed.length).toBeGreaterThan(0);
    expect(deemed.every((s) => s.state === 'reviewing')).toBe(true);
  });

  it('GZ-DECIDE: on the commitment route the case is decided on the spot, without the replaced proof', () => {
    const result = run({ probabilities: { refusal: 0, choosesCommitment: 1 } });
    expect([...result.proofs].every((p) => p === 0)).toBe(true);
    expect([...result.materials].every((m) => m === 2)).toBe(true);
    expect([...result.onTimePromised].every((x) => x === 1)).toBe(true);
    expect(
      result.traces[0]!.steps.map((s) => ('type' in s ? s.type : '')),
    ).toContain('SIGN_COMMITMENT');
  });

  it('TIME-EXCLUDED: a lawful pause moves the statutory due date by the paused working days', () => {
    const paused = run({
      probabilities: { ...straight, materialsIncomplete: 0 },
      pause: {
        probability: 1,
        reason: 'expert-review',
        days: { kind: 'constant', value: 3 },
      },
    });
    for (const trace of paused.traces.filter((t) => t.due.decision !== null)) {
      const acceptedOn = trace.steps
        .find((s) => 'type' in s && s.type === 'MATERIALS_CHECKED')!
        .at.slice(0, 10);
      expect(trace.due.decision).toBe(
        calendar.addWorkingDays(acceptedOn, 20 + 3),
      );
    }
  });

  it('ALL-32-REFUSE, SVC-NO-VETO: a refusal proposed at the window stands only once a supervisor confirms it', () => {
    const result = run({ probabilities: { refusal: 1, choosesCommitment: 0 } });
    expect([...result.outcome].every((o) => OUTCOMES[o] === 'refused')).toBe(
      true,
    );
    expect(
      result.traces[0]!.steps.map((s) =>
        'type' in s ? `${s.type}:${s.role}` : '',
      ),
    ).toEqual(['PROPOSE_REFUSAL:window-officer', 'CONFIRM_REFUSAL:supervisor']);
  });

  it('GC-LEAD: departments review at the same time, and one that asks for materials waits for the merged notice', () => {
    const result = run(
      {
        probabilities: {
          refusal: 0,
          departmentAsksSupplement: 1,
          departmentRejects: 0,
        },
      },
      constructionPermit,
    );
    const types = result.traces[0]!.steps.map((s) =>
      'type' in s ? s.type : s.what,
    );
    expect(
      types.filter((t) => t === 'REQUEST_SUPPLEMENT').length,
    ).toBeGreaterThan(0);
    expect(types.indexOf('ISSUE_MERGED_NOTICE')).toBeGreaterThan(
      types.indexOf('REQUEST_SUPPLEMENT'),
    );
    expect(types.indexOf('SUPPLEMENT_PROVIDED')).toBeGreaterThan(
      types.indexOf('ISSUE_MERGED_NOTICE'),
    );
    expect([...result.visits].every((v) => v >= 3)).toBe(true);
  });

  it('DEEM-APPROVAL: a department with a deemed opinion on timeout is decided at its limit', () => {
    const deeming = {
      ...constructionPermit,
      review: {
        ...constructionPermit.review,
        departments: (
          constructionPermit.review as { departments: object[] }
        ).departments.map((d) => ({
          ...d,
          onTimeout: {
            action: 'deem',
            opinion: 'approve',
            basis: '某市并联审批办法 art. 12',
          },
        })),
      },
    } as typeof constructionPermit;
    const result = run(
      {
        probabilities: {
          refusal: 0,
          departmentAsksSupplement: 0,
          departmentRejects: 0,
        },
        durations: { departmentReview: { kind: 'constant', value: 200 } },
      },
      deeming,
      30,
    );
    const timeouts = result.traces[0]!.steps.filter(
      (s) => 'what' in s && s.what === 'department-timeout',
    );
    expect(timeouts).toHaveLength(3);
    expect(
      result.traces[0]!.steps.some(
        (s) => 'type' in s && s.type === 'ESCALATION_RESOLVED',
      ),
    ).toBe(false);
    expect(OUTCOMES[result.outcome[0]!]).toBe('approved');
  });

  it('takes arrivals from a trace, a holiday submission counting from the next working day', () => {
    const result = run({
      // 01-04 is a Saturday; 01-28 … 02-04 is the Spring Festival; 20:00 is after hours.
      arrivals: {
        kind: 'trace',
        submissions: [
          '2025-01-02T10:00',
          '2025-01-04',
          '2025-01-28',
          '2025-02-06T20:00',
        ],
      },
      probabilities: straight,
    });
    expect(result.traces.map((t) => t.submittedOn)).toEqual([
      '2025-01-02',
      '2025-01-06',
      '2025-02-05',
      '2025-02-07',
    ]);
    expect(result.traces[0]!.submittedAt).toBe('2025-01-02T10:00');
  });
});
