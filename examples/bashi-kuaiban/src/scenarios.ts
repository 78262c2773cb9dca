import { KuaibanError } from '@kuaiban/calendar';
import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import type { ScenarioInput } from '@kuaiban/sim';
import { CONSTRUCTION_PERMITS_BEFORE } from './items/constructionPermitsBefore.js';
import { PROPERTY_TRANSFER_BEFORE } from './items/propertyRegistrationBefore.js';
import { ALL_ITEMS } from './links.js';

// The county's workload for each item (assumptions, README "Assumptions"):
// applications per working day, officers per post, officers' hours of work
// per step, how often applicants use 容缺 and 告知承诺, and the visits each
// step costs. Figures are plausible for a county of about 300,000 people
// (seeds/004: 203 investment projects in half a year), not measurements.

type Staff = NonNullable<ScenarioInput['staff']>[number];
type Hours = NonNullable<NonNullable<ScenarioInput['durations']>['review']>;

const triangular = (min: number, mode: number, max: number): Hours => ({
  kind: 'triangular',
  min,
  mode,
  max,
});

/** The workload of one item: the knobs that differ from item to item. */
interface Workload {
  /** Applications per working day. */
  readonly perWorkingDay: number;
  /** Window officers at the item's department. */
  readonly windows: number;
  /** Officers per review post (chain steps' roles, parallel departments). */
  readonly reviewers?: number;
  /** Officers who sign decisions (the head or registrars), when more than 1. */
  readonly heads?: number;
  /** Hours of a review step or a department's review. */
  readonly reviewHours: Hours;
  readonly choosesCommitment?: number;
  /** Applied for and collected online: no visit (三零, 免申即享, 银税互动). */
  readonly online?: boolean;
}

/** Every pool the simulator makes for the item, with its officers. */
function staffFor(item: ItemDefinition, load: Workload): Staff[] {
  const home = item.department.id;
  const reviewers = load.reviewers ?? 2;
  // ALL-34-ONSPOT-DECIDE: a 即办件 is decided at the window, so every window
  // officer holds the signing authority the simulator books as the head's.
  const onTheSpot = item.caseKind === 'on-the-spot';
  const staff: Staff[] = [
    { department: home, role: 'window-officer', count: load.windows },
    {
      department: home,
      role: 'agency-head',
      count: onTheSpot ? load.windows : (load.heads ?? 1),
    },
    { department: home, role: 'supervisor', count: 1 },
  ];
  if (item.review.mode === 'chain') {
    for (const role of new Set(item.review.steps.map((s) => s.role))) {
      staff.push({ department: home, role, count: reviewers });
    }
  } else {
    staff.push({
      department: item.review.lead.id,
      role: 'lead-department',
      count: 1,
    });
    for (const department of item.review.departments) {
      staff.push({
        department: department.id,
        role: 'department-approver',
        count: reviewers,
      });
    }
  }
  return staff;
}

/** A scenario for `item` under `load`, the county's common habits around it. */
export function scenarioFor(
  item: ItemDefinition,
  load: Workload,
): ScenarioInput {
  const review = item.review;
  return {
    name: `${item.nameZh}: county workload`,
    start: '2025-03-03',
    arrivals: {
      kind: 'poisson',
      perWorkingDay: load.perWorkingDay,
      // Mondays busiest, a little before Spring Festival and at year end.
      weekday: [1.3, 1.1, 1, 1, 0.8, 0.5, 0.5],
      month: [1.1, 0.7, 1.1, 1, 1, 1, 0.9, 0.9, 1, 0.8, 1.1, 1.3],
    },
    staff: staffFor(item, load),
    durations: {
      // Online applications are checked by the system in minutes.
      acceptance: load.online
        ? triangular(0.02, 0.05, 0.15)
        : triangular(0.25, 0.5, 1),
      commitment: triangular(0.25, 0.4, 0.75),
      ...(review.mode === 'chain'
        ? { review: load.reviewHours }
        : { departmentReview: load.reviewHours }),
      decision:
        item.caseKind === 'on-the-spot'
          ? { kind: 'constant', value: 0.1 }
          : triangular(0.25, 0.5, 1),
      issuance: { kind: 'constant', value: 0.25 },
    },
    probabilities: {
      materialsIncomplete: 0.25,
      onlyTolerableMissing: 0.6,
      choosesTolerance: 0.85,
      choosesCommitment: load.choosesCommitment ?? 0.6,
      supplementLate: 0.04,
      // 帮办代办 and pre-review make refusals and denials rare.
      refusal: 0.01,
      stepRejects: 0.01,
      departmentRejects: 0.01,
      departmentAsksSupplement: review.mode === 'parallel' ? 0.15 : 0,
    },
    visits: load.online
      ? { submission: 0, correction: 0, supplement: 0, collection: 0 }
      : { submission: 1, correction: 1, supplement: 1, collection: 0 },
  };
}

const WORKLOADS: Readonly<Record<string, Workload>> = {
  'business-registration': {
    perWorkingDay: 6,
    windows: 3,
    reviewHours: triangular(0.25, 0.5, 1),
    choosesCommitment: 0.7,
  },
  'company-seal-filing': {
    perWorkingDay: 6,
    windows: 2,
    reviewHours: triangular(0.1, 0.2, 0.5),
  },
  'first-invoice': {
    perWorkingDay: 6,
    windows: 2,
    reviewHours: triangular(0.25, 0.5, 1),
  },
  'social-security-registration': {
    perWorkingDay: 6,
    windows: 2,
    reviewHours: triangular(0.1, 0.25, 0.5),
  },
  'gc-stage-1-land-use-planning': {
    perWorkingDay: 0.8,
    windows: 1,
    reviewHours: triangular(2, 6, 16),
  },
  'gc-stage-2-building-planning': {
    perWorkingDay: 0.6,
    windows: 1,
    reviewHours: triangular(2, 8, 24),
  },
  'gc-stage-3-construction-permit': {
    perWorkingDay: 0.6,
    windows: 1,
    reviewHours: triangular(4, 10, 30),
  },
  'gc-stage-4-joint-completion': {
    perWorkingDay: 0.5,
    windows: 1,
    reviewHours: triangular(4, 8, 20),
  },
  'gc-low-risk-permit': {
    perWorkingDay: 0.3,
    windows: 1,
    reviewHours: triangular(1, 3, 8),
    choosesCommitment: 0.8,
  },
  'electricity-three-zeros': {
    perWorkingDay: 3,
    windows: 1,
    reviewHours: triangular(1, 2, 6),
    online: true,
  },
  'utility-external-works': {
    perWorkingDay: 0.5,
    windows: 1,
    reviewHours: triangular(1, 2, 6),
  },
  'electricity-ordinary': {
    perWorkingDay: 0.4,
    windows: 1,
    reviewers: 3,
    reviewHours: triangular(4, 12, 32),
  },
  'water-connection': {
    perWorkingDay: 2,
    windows: 1,
    reviewHours: triangular(1, 2, 6),
  },
  'gas-connection': {
    perWorkingDay: 1,
    windows: 1,
    reviewHours: triangular(2, 4, 10),
  },
  'property-first-registration': {
    perWorkingDay: 1,
    windows: 2,
    reviewHours: triangular(1, 3, 8),
  },
  'property-transfer': {
    perWorkingDay: 20,
    windows: 4,
    reviewers: 4,
    heads: 3,
    reviewHours: triangular(0.25, 0.5, 1.5),
  },
  'property-mortgage-bank-point': {
    perWorkingDay: 10,
    windows: 3,
    reviewHours: triangular(0.1, 0.25, 0.5),
  },
  'tax-incentive-no-application': {
    perWorkingDay: 30,
    windows: 4,
    reviewHours: triangular(0.05, 0.1, 0.2),
    online: true,
  },
  'tax-relief-commitment': {
    perWorkingDay: 0.5,
    windows: 1,
    reviewHours: triangular(1, 2, 6),
    choosesCommitment: 0.7,
  },
  'credit-tax-data-loan': {
    perWorkingDay: 5,
    windows: 2,
    reviewHours: triangular(0.5, 1, 3),
    online: true,
  },
  'credit-guaranteed-loan': {
    perWorkingDay: 1,
    windows: 1,
    reviewHours: triangular(2, 6, 16),
  },
  'simplified-deregistration-notice': {
    perWorkingDay: 2,
    windows: 1,
    reviewHours: triangular(0.1, 0.2, 0.5),
    online: true,
  },
  'simplified-deregistration': {
    perWorkingDay: 2,
    windows: 1,
    reviewHours: triangular(0.25, 0.5, 1),
  },
  'bankruptcy-acceptance': {
    perWorkingDay: 0.05,
    windows: 1,
    reviewHours: triangular(8, 16, 40),
  },
  'bankruptcy-deregistration': {
    perWorkingDay: 0.05,
    windows: 1,
    reviewHours: triangular(0.25, 0.5, 1),
  },
};

/** Before the reform: separate windows, each item at its own pace. */
const BEFORE_WORKLOAD: Workload = {
  perWorkingDay: 0.8,
  windows: 1,
  reviewHours: triangular(2, 6, 16),
};

/** Before the reform, property transfers: three busy windows in turn. */
const PROPERTY_BEFORE_WORKLOAD: Workload = {
  perWorkingDay: 20,
  windows: 4,
  reviewers: 6,
  heads: 3,
  reviewHours: triangular(0.25, 0.75, 2),
};

/** One scenario per item, by item id: the eight links and the pre-reform items. */
export function scenarios(): Record<string, ScenarioInput> {
  const entries = ALL_ITEMS.map((item) => {
    const load = WORKLOADS[item.id];
    if (!load) {
      throw new KuaibanError({
        code: 'INVALID_ARGUMENT',
        message: `No workload for item "${item.id}"`,
        messageZh: `事项“${item.id}”没有工作量设定`,
        details: { item: item.id },
      });
    }
    return [item.id, scenarioFor(item, load)] as const;
  });
  const before = [
    ...CONSTRUCTION_PERMITS_BEFORE.map(
      (item) => [item, BEFORE_WORKLOAD] as const,
    ),
    ...PROPERTY_TRANSFER_BEFORE.map(
      (item) => [item, PROPERTY_BEFORE_WORKLOAD] as const,
    ),
  ].map(([item, load]) => [item.id, scenarioFor(item, load)] as const);
  return Object.fromEntries([...entries, ...before]);
}

/** The chain's scenario and each of its items' own (their arrivals are the chain's). */
export interface ChainScenarios {
  readonly scenario: ScenarioInput;
  readonly items: Record<string, ScenarioInput>;
}

/**
 * Scenarios for simulating a chain: `perWorkingDay` enterprises entering it
 * (Mondays busiest, as for the items), each item under its own scenario.
 */
export function chainScenarios(
  chain: ChainDefinition,
  perWorkingDay: number,
): ChainScenarios {
  const all = scenarios();
  return {
    scenario: {
      name: `${chain.nameZh}: ${perWorkingDay} enterprises a working day`,
      start: '2025-03-03',
      arrivals: {
        kind: 'poisson',
        perWorkingDay,
        weekday: [1.3, 1.1, 1, 1, 0.8, 0.5, 0.5],
      },
    },
    items: Object.fromEntries(
      chain.items.flatMap(({ item }) => {
        const scenario = all[item.id];
        return scenario ? [[item.id, scenario]] : [];
      }),
    ),
  };
}
