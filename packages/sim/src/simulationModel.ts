import type { WorkCalendar } from '@kuaiban/calendar';
import { createOfficeHours } from '@kuaiban/calendar';
import type { CompiledItem, ItemDefinition } from '@kuaiban/core';
import { compileItem, requestedMaterials } from '@kuaiban/core';
import type { Role } from '@kuaiban/machines';
import type { Distribution, Sampler } from './distributions.js';
import { sampler } from './distributions.js';
import { checkUsedTransitions } from './checkUsedTransitions.js';
import { joinTable } from './joinTable.js';
import type { Scenario } from './scenarioSchema.js';
import { scenarioError } from './scenarioError.js';

/** Officers' work the simulator schedules, each in one pool. */
export const ACTIVITY = {
  acceptance: 0,
  recheck: 1,
  commitment: 2,
  mergedNotice: 3,
  decision: 4,
  issuance: 5,
  ratingAnswer: 6,
  ratingRectify: 7,
  refusalConfirm: 8,
  /** Review step i is `firstStep + i`; department j is `firstDepartment + j`, its escalation `firstEscalation + j`. */
  firstStep: 9,
} as const;

/** A resource pool: the officers of one role in one department. */
export interface Pool {
  readonly department: string;
  readonly role: Role;
  readonly servers: number;
  /** Working days one hour of their work takes (1 / hours open per day). */
  readonly daysPerHour: number;
  /** Their sessions, in minutes after midnight, for clock times. */
  readonly sessions: readonly { readonly from: number; readonly to: number }[];
}

export interface ModelDepartment {
  readonly id: string;
  readonly limitDays: number;
  readonly weight: number;
  readonly dependsOn: readonly number[];
  readonly onTimeout: 'escalate' | 'approve' | 'reject';
}

/**
 * What one replication runs: the compiled item (the engine's machine and
 * graph), its limits and materials, the scenario's pools and samplers.
 */
export interface SimulationModel {
  readonly compiled: CompiledItem;
  readonly item: ItemDefinition;
  readonly scenario: Scenario;
  readonly calendar: WorkCalendar;
  readonly pools: readonly Pool[];
  /** Pool of each activity code. */
  readonly activityPool: Int32Array;
  /** Hours of work of each activity code. */
  readonly activityHours: readonly Sampler[];
  readonly steps: readonly { readonly id: string; readonly role: Role }[];
  readonly departments: readonly ModelDepartment[];
  readonly parallel: boolean;
  readonly lead: string | null;
  readonly firstDepartment: number;
  readonly firstEscalation: number;
  readonly materials: number;
  readonly proofs: number;
  readonly tolerableIds: readonly string[];
  readonly replaceableIds: readonly string[];
  readonly materialIds: readonly string[];
  readonly tolerance: { readonly supplementDays: number } | null;
  readonly commitment: boolean;
  readonly noticeDays: number;
  readonly issuanceDays: number;
  readonly handler: {
    readonly id: string;
    readonly backup?: string | undefined;
  };
  readonly onTheSpot: boolean;
  readonly applicant: {
    readonly correction: Sampler;
    readonly supplement: Sampler;
    readonly departmentSupplement: Sampler;
    readonly rating: Sampler;
  };
  readonly pauseDays: Sampler | null;
  /** Post-decision verification of commitments (GZ-VERIFY), when the scenario has it and the item offers 告知承诺. */
  readonly verification: {
    readonly days: Sampler;
    readonly falseShare: number;
    /** Its activity code (after the escalations). */
    readonly activity: number;
  } | null;
  /** Cumulative weights of the five rating grades. */
  readonly gradeCut: Float64Array;
  /**
   * The join of a parallel review for departments' opinions coded in base 3
   * (department j's digit: 0 open, 1 approve, 2 reject): 0 undecided, 1
   * approved, 2 rejected, as the machines' `joinOutcome` has it.
   */
  join(code: number): number;
  /** Limits (working days) for an application submitted on a date; `extension` is the most ALL-42 allows (0: none). */
  limitsOn(date: string): {
    statutory: number;
    promised: number;
    extension: number;
  };
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Compiles a design and a scenario into what the simulator runs. The item
 * goes through `compileItem`, as in the engine; the simulator moves cases
 * only along transitions the compiled machine's graph has, and a scenario
 * that names steps, departments or pools the design lacks is refused
 * (`INVALID_SCENARIO`), unless `inChain` (a chain's scenario names the
 * steps, departments and pools of all its items; the chain checks them).
 */
export function compileSimulation(
  definition: ItemDefinition,
  scenario: Scenario,
  options: { calendar: WorkCalendar; inChain?: boolean },
): SimulationModel {
  const { calendar } = options;
  const strict = options.inChain !== true;
  const compiled = compileItem(definition, { calendar });
  const item = compiled.definition;
  checkUsedTransitions(compiled, scenario.verification !== undefined);
  const review = item.review;
  const steps =
    review.mode === 'chain'
      ? review.steps.map(({ id, role }) => ({ id, role }))
      : [];
  const departments: ModelDepartment[] =
    review.mode === 'parallel'
      ? review.departments.map((d) => ({
          id: d.id,
          limitDays: d.limitDays,
          weight: d.weight,
          dependsOn: d.dependsOn.map((id) =>
            review.departments.findIndex((x) => x.id === id),
          ),
          onTimeout:
            d.onTimeout.action === 'escalate'
              ? 'escalate'
              : d.onTimeout.opinion === 'approve'
                ? 'approve'
                : 'reject',
        }))
      : [];
  const lead = review.mode === 'parallel' ? review.lead.id : null;
  for (const key of strict ? Object.keys(scenario.durations.steps) : []) {
    if (!steps.some((s) => s.id === key)) {
      throw scenarioError(
        `the design has no review step "${key}"`,
        `设计中没有审查环节“${key}”`,
        ['durations', 'steps', key],
      );
    }
  }
  for (const key of strict ? Object.keys(scenario.durations.departments) : []) {
    if (!departments.some((d) => d.id === key)) {
      throw scenarioError(
        `the design has no department "${key}" in its parallel review`,
        `设计的并联审批中没有部门“${key}”`,
        ['durations', 'departments', key],
      );
    }
  }

  const pools: Pool[] = [];
  const poolOf = (department: string, role: Role): number => {
    const found = pools.findIndex(
      (p) => p.department === department && p.role === role,
    );
    if (found >= 0) return found;
    const staff = scenario.staff.find(
      (s) => s.department === department && s.role === role,
    );
    const hours = createOfficeHours(
      calendar,
      staff?.officeHours ?? scenario.officeHours,
    );
    pools.push({
      department,
      role,
      servers: staff?.count ?? scenario.defaultStaff,
      daysPerHour: 60 / hours.minutesPerDay,
      sessions: hours.sessions.map((s) => ({
        from: minutes(s.from),
        to: minutes(s.to),
      })),
    });
    return pools.length - 1;
  };
  const home = item.department.id;
  const d = scenario.durations;
  const firstDepartment = ACTIVITY.firstStep + steps.length;
  const firstEscalation = firstDepartment + departments.length;
  const activities: [number, Distribution][] = [
    [poolOf(home, 'window-officer'), d.acceptance],
    [poolOf(home, 'window-officer'), d.recheck],
    [poolOf(home, 'window-officer'), d.commitment],
    [
      lead === null
        ? poolOf(home, 'window-officer')
        : poolOf(lead, 'lead-department'),
      d.mergedNotice,
    ],
    [poolOf(home, 'agency-head'), d.decision],
    [poolOf(home, 'window-officer'), d.issuance],
    [poolOf(home, 'window-officer'), d.ratingAnswer],
    [poolOf(home, 'supervisor'), d.ratingRectify],
    [poolOf(home, 'supervisor'), d.escalation],
    ...steps.map((s): [number, Distribution] => [
      poolOf(home, s.role),
      d.steps[s.id] ?? d.review,
    ]),
    ...departments.map((dep): [number, Distribution] => [
      poolOf(dep.id, 'department-approver'),
      d.departments[dep.id] ?? d.departmentReview,
    ]),
    ...departments.map((): [number, Distribution] => [
      poolOf(home, 'supervisor'),
      d.escalation,
    ]),
  ];
  const commitment =
    item.acceptance.commitment !== undefined &&
    requestedMaterials(item).some((m) => m.replaceableByCommitment);
  const verifies = commitment && scenario.verification !== undefined;
  if (verifies) activities.push([poolOf(home, 'reviewer'), d.verification]);
  scenario.staff.forEach((s, index) => {
    if (
      strict &&
      !pools.some((p) => p.department === s.department && p.role === s.role)
    ) {
      throw scenarioError(
        `no step of the design is done by ${s.role} of "${s.department}"`,
        `设计中没有由“${s.department}”的 ${s.role} 办理的环节`,
        ['staff', index],
      );
    }
  });

  const requested = requestedMaterials(item);
  const tolerant = item.acceptance.tolerant;
  const limitCache = new Map<
    string,
    { statutory: number; promised: number; extension: number }
  >();
  const handler = item.roles?.handler ?? { id: 'window-officer-1' };
  const grades = scenario.probabilities.grades;
  const gradeTotal = grades.reduce((a, b) => a + b, 0);
  let gradeSum = 0;
  const join = joinTable(item);
  return {
    join,
    compiled,
    item,
    scenario,
    calendar,
    pools,
    activityPool: Int32Array.from(activities.map(([pool]) => pool)),
    activityHours: activities.map(([, dist]) => sampler(dist)),
    steps,
    departments,
    parallel: review.mode === 'parallel',
    lead,
    firstDepartment,
    firstEscalation,
    materials: requested.length,
    proofs: requested.filter((m) => m.replaceableByCommitment).length,
    tolerableIds: requested.filter((m) => m.tolerable).map((m) => m.id),
    replaceableIds: requested
      .filter((m) => m.replaceableByCommitment)
      .map((m) => m.id),
    materialIds: requested.map((m) => m.id),
    tolerance: tolerant ? { supplementDays: tolerant.supplementDays } : null,
    commitment,
    noticeDays: item.acceptance.noticeDays ?? 5,
    issuanceDays: item.issuance.days,
    handler,
    onTheSpot: item.caseKind === 'on-the-spot',
    applicant: {
      correction: sampler(scenario.applicant.correction),
      supplement: sampler(scenario.applicant.supplement),
      departmentSupplement: sampler(scenario.applicant.departmentSupplement),
      rating: sampler(scenario.applicant.rating),
    },
    pauseDays: scenario.pause ? sampler(scenario.pause.days) : null,
    verification:
      verifies && scenario.verification
        ? {
            days: sampler(scenario.verification.days),
            falseShare: scenario.verification.falseShare,
            activity: firstEscalation + departments.length,
          }
        : null,
    gradeCut: Float64Array.from(
      grades.map((w) => (gradeSum += w / gradeTotal)),
    ),
    limitsOn(date) {
      const cached = limitCache.get(date);
      if (cached) return cached;
      const input = compiled.caseInput({
        caseId: 'simulated',
        submittedOn: date,
        applicant: { id: 'applicant' },
        handler,
      });
      const limits = {
        statutory: input.limits.statutoryDays,
        promised: input.limits.promisedDays ?? input.limits.statutoryDays,
        extension: input.limits.maxExtensionDays ?? 0,
      };
      limitCache.set(date, limits);
      return limits;
    },
  };
}
