import { describe, expect, it } from 'vitest';
import { createChinaCalendar } from '@kuaiban/calendar';
import { compileSimulation, defineScenario } from '../src/index.js';
import { constructionPermit, foodPermit } from './fixtures.js';

const calendar = createChinaCalendar().withOptions({ beyondData: 'weekdays' });

describe('defineScenario', () => {
  it('gives the documented default scenario for {}', () => {
    const scenario = defineScenario({});
    expect(scenario.arrivals).toEqual({ kind: 'poisson', perWorkingDay: 6 });
    expect(scenario.defaultStaff).toBe(3);
    expect(scenario.start).toBe('2025-01-02');
    expect(scenario.probabilities.grades).toEqual([70, 20, 6, 3, 1]);
    expect(scenario.visits).toEqual({
      submission: 1,
      correction: 1,
      supplement: 1,
      collection: 1,
    });
  });

  it('refuses a bad scenario with INVALID_SCENARIO, every problem with its path, in English and Chinese', () => {
    let error: unknown;
    try {
      defineScenario({
        arrivals: { kind: 'poisson', perWorkingDay: -1 },
        probabilities: { refusal: 2 },
        staff: [{ department: 'fire', role: 'mayor', count: 1 }],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'INVALID_SCENARIO' });
    const { issues, messageZh } = error as {
      issues: { path: unknown[] }[];
      messageZh: string;
    };
    expect(issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining([
        'arrivals.perWorkingDay',
        'probabilities.refusal',
        'staff.0.role',
      ]),
    );
    expect(messageZh).toContain('仿真情景');
  });
});

describe('compileSimulation', () => {
  it('makes one pool per department and role the design needs, with the named staff', () => {
    const model = compileSimulation(
      constructionPermit,
      defineScenario({
        staff: [{ department: 'fire', role: 'department-approver', count: 5 }],
      }),
      { calendar },
    );
    expect(
      model.pools.map((p) => `${p.department}/${p.role}/${p.servers}`),
    ).toEqual([
      'housing/window-officer/3',
      'housing/lead-department/3',
      'housing/agency-head/3',
      'housing/supervisor/3',
      'planning/department-approver/3',
      'fire/department-approver/5',
      'civil-defence/department-approver/3',
    ]);
    expect(model.pools[0]!.daysPerHour).toBeCloseTo(1 / 7);
  });

  it('looks up the join as the machines compute it (会签, short-circuit)', () => {
    const model = compileSimulation(constructionPermit, defineScenario({}), {
      calendar,
    });
    expect(model.join(0)).toBe(0);
    expect(model.join(1 + 3 + 9)).toBe(1);
    expect(model.join(2)).toBe(2);
    expect(model.join(1 + 3)).toBe(0);
  });

  it('refuses a scenario that names what the design does not have', () => {
    const refuse = (input: object) => () =>
      compileSimulation(foodPermit, defineScenario(input), { calendar });
    expect(
      refuse({
        durations: {
          steps: { 'no-such-step': { kind: 'constant', value: 1 } },
        },
      }),
    ).toThrow(/no review step "no-such-step"/);
    expect(
      refuse({
        durations: { departments: { fire: { kind: 'constant', value: 1 } } },
      }),
    ).toThrow(/no department "fire"/);
    expect(
      refuse({ staff: [{ department: 'fire', role: 'reviewer', count: 1 }] }),
    ).toThrow(/no step of the design is done by reviewer of "fire"/);
  });

  it('uses a pool’s own office hours for the length of its work', () => {
    const model = compileSimulation(
      foodPermit,
      defineScenario({
        staff: [
          {
            department: 'market-regulation',
            role: 'reviewer',
            count: 1,
            officeHours: { sessions: [{ from: '09:00', to: '13:00' }] },
          },
        ],
      }),
      { calendar },
    );
    expect(
      model.pools.find((p) => p.role === 'reviewer')!.daysPerHour,
    ).toBeCloseTo(1 / 4);
  });
});
