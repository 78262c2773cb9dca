import type { WorkCalendar } from '@kuaiban/calendar';
import { createChinaCalendar } from '@kuaiban/calendar';
import type { AuditEntry, ItemDefinition } from '@kuaiban/core';
import { createEngine, defineItem } from '@kuaiban/core';
import type { Party } from '@kuaiban/machines';
import type { CaseTrace } from './caseTrace.js';
import { SIMULATED_OFFICERS } from './caseCodes.js';
import { runReplication } from './runReplication.js';
import type { ScenarioInput } from './scenarioSchema.js';
import { defineScenario } from './scenarioSchema.js';
import { compileSimulation } from './simulationModel.js';

/** One place where the engine did not do what the simulator said. */
export interface FidelityMismatch {
  readonly caseId: string;
  /** Index of the step in the case's trace (-1 for the end). */
  readonly step: number;
  readonly what: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface FidelityReport {
  readonly cases: number;
  readonly commands: number;
  readonly mismatches: readonly FidelityMismatch[];
  /** The engine's audit trails of the replayed cases. */
  readonly histories: readonly {
    caseId: string;
    itemId: string;
    entries: readonly AuditEntry[];
  }[];
}

/** The party who sends a traced command. */
export function partyFor(
  item: ItemDefinition,
  step: {
    type: string;
    role: Party['role'];
    fields: Readonly<Record<string, unknown>>;
  },
): Party {
  const department = step.fields.department;
  if (step.role === 'department-approver' && typeof department === 'string') {
    return { id: `${department}-approver`, role: step.role, department };
  }
  if (step.role === 'lead-department' && item.review.mode === 'parallel') {
    return {
      id: `${item.review.lead.id}-lead`,
      role: step.role,
      department: item.review.lead.id,
    };
  }
  return { id: SIMULATED_OFFICERS[step.role], role: step.role };
}

/**
 * Replays simulated cases through the real engine (`createEngine` with a
 * clock set to each command's simulated moment, and the in-memory store):
 * every command must be accepted, every state must be the one the simulator
 * had, and the statutory due dates (supplement, decision, issuance) must be
 * the same.
 */
export async function replayTraces(
  definition: ItemDefinition,
  traces: readonly CaseTrace[],
  options: { calendar: WorkCalendar },
): Promise<FidelityReport> {
  const mismatches: FidelityMismatch[] = [];
  const histories: FidelityReport['histories'][number][] = [];
  let commands = 0;
  for (const trace of traces) {
    let now = `${trace.submittedOn}T09:00`;
    const engine = createEngine({
      items: [definition],
      calendar: options.calendar,
      clock: { now: () => `${now}:00.000+08:00` },
      ids: () => trace.caseId,
    });
    const miss = (
      step: number,
      what: string,
      expected: unknown,
      actual: unknown,
    ) =>
      mismatches.push({ caseId: trace.caseId, step, what, expected, actual });
    const handler = definition.roles?.handler ?? {
      id: SIMULATED_OFFICERS['window-officer'],
    };
    await engine.submit({
      itemId: definition.id,
      applicant: { id: SIMULATED_OFFICERS.applicant },
      handler,
      route: trace.route,
    });
    let diverged = false;
    for (const [index, step] of trace.steps.entries()) {
      now = step.at;
      await engine.advanceTo(step.at.slice(0, 10));
      let state: unknown;
      if ('type' in step) {
        commands++;
        try {
          const view = await engine.dispatch(trace.caseId, {
            type: step.type,
            actor: partyFor(definition, step),
            ...step.fields,
          });
          state = view.state;
          if (
            step.type === 'ACCEPT_TOLERANCE' &&
            view.facts.dueDates.supplement !== trace.due.supplement
          ) {
            miss(
              index,
              'supplement due date',
              trace.due.supplement,
              view.facts.dueDates.supplement,
            );
          }
        } catch (error) {
          miss(
            index,
            `command ${step.type}`,
            'accepted',
            (error as Error).message,
          );
          diverged = true;
          break;
        }
      } else {
        state = (await engine.get(trace.caseId)).state;
      }
      if (state !== step.state) {
        miss(
          index,
          `state after ${'type' in step ? step.type : step.what}`,
          step.state,
          state,
        );
        diverged = true;
        break;
      }
    }
    // The due dates at the end mean something only when the whole path was taken.
    const end = diverged ? null : await engine.get(trace.caseId);
    if (
      end &&
      trace.due.decision !== null &&
      end.facts.dueDates.decision !== trace.due.decision
    ) {
      miss(
        -1,
        'decision due date',
        trace.due.decision,
        end.facts.dueDates.decision,
      );
    }
    if (
      end &&
      trace.due.issuance !== null &&
      end.facts.dueDates.issuance !== trace.due.issuance
    ) {
      miss(
        -1,
        'issuance due date',
        trace.due.issuance,
        end.facts.dueDates.issuance,
      );
    }
    histories.push({
      caseId: trace.caseId,
      itemId: definition.id,
      entries: await engine.history(trace.caseId),
    });
  }
  return { cases: traces.length, commands, mismatches, histories };
}

/**
 * The fidelity check for one design: simulates a sample of cases under a
 * scenario and replays each through the real engine ({@link replayTraces}).
 * An empty `mismatches` list means the simulator and the engine agree on
 * every path and every statutory due date in the sample.
 *
 * @example
 * const report = await checkFidelity(foodPermit, { cases: 50, seed: 7 });
 * report.mismatches; // []
 */
export async function checkFidelity(
  definition: unknown,
  options: {
    scenario?: ScenarioInput;
    cases?: number;
    seed?: number;
    calendar?: WorkCalendar;
  } = {},
): Promise<FidelityReport> {
  const item = defineItem(definition as never);
  const calendar =
    options.calendar ??
    createChinaCalendar().withOptions({ beyondData: 'weekdays' });
  const scenario = defineScenario(options.scenario ?? {});
  const model = compileSimulation(item, scenario, { calendar });
  const cases = options.cases ?? 40;
  const { traces } = runReplication(model, {
    seed: options.seed ?? 1,
    replication: 0,
    cases,
    warmupDays: 0,
    traceCases: cases,
  });
  return replayTraces(item, traces, { calendar });
}
