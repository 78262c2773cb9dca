import type { CompiledItem, ItemDefinition } from '@kuaiban/core';
import { JOINT_EXTENSION_DAYS, JOINT_LIMIT_DAYS } from '@kuaiban/machines';
import type { Finding, WitnessStep } from './Finding.js';
import { finding } from './Finding.js';

/** Any working day will do for converting limits given in other units. */
const REFERENCE_DAY = '2025-03-03';

/** The item's limits in working days, as the compiler gives them to the case clock. */
export function limitsInWorkingDays(compiled: CompiledItem): {
  statutoryDays: number;
  promisedDays: number | undefined;
} {
  const item = compiled.definition;
  try {
    const { limits } = compiled.caseInput({
      caseId: 'lint',
      submittedOn: REFERENCE_DAY,
      applicant: { id: 'lint' },
      handler: item.roles?.handler ?? { id: 'lint' },
    });
    return {
      statutoryDays: limits.statutoryDays,
      promisedDays: limits.promisedDays,
    };
  } catch {
    // An application the item itself rejects (reported by other rules).
    return {
      statutoryDays: item.limits.statutory.days,
      promisedDays: item.limits.promised?.days,
    };
  }
}

type Parallel = Extract<ItemDefinition['review'], { mode: 'parallel' }>;

/**
 * The longest chain of department reviews, each waiting for its
 * prerequisites (GC-LEAD) and taking its whole limit: the worst a design
 * allows while every department keeps its own clock. Supplement pauses are
 * not counted (TIME-EXCLUDED).
 */
export function criticalPath(review: Parallel): {
  days: number;
  path: WitnessStep[];
} {
  const byId = new Map(review.departments.map((d) => [d.id, d]));
  const memo = new Map<string, { days: number; chain: string[] }>();
  const longest = (
    id: string,
    depth: number,
  ): { days: number; chain: string[] } => {
    const known = memo.get(id);
    if (known) return known;
    const department = byId.get(id);
    if (!department || depth > byId.size) return { days: 0, chain: [] };
    let best = { days: 0, chain: [] as string[] };
    for (const needed of department.dependsOn) {
      const before = longest(needed, depth + 1);
      if (before.days > best.days) best = before;
    }
    const result = {
      days: best.days + department.limitDays,
      chain: [...best.chain, id],
    };
    memo.set(id, result);
    return result;
  };
  let worst = { days: 0, chain: [] as string[] };
  for (const department of review.departments) {
    const candidate = longest(department.id, 0);
    if (candidate.days > worst.days) worst = candidate;
  }
  let from = 'accepted';
  const path: WitnessStep[] = worst.chain.map((id) => {
    const department = byId.get(id);
    const step: WitnessStep = {
      from,
      event: `${id} reviews to the end of its limit`,
      to: `${id} decided`,
      days: department?.limitDays ?? 0,
    };
    from = `${id} decided`;
    return step;
  });
  path.push({ from, event: 'join decides', to: 'deciding', days: 0 });
  return { days: worst.days, path };
}

/**
 * The worst case from acceptance to decision against the statutory and the
 * promised limits, the joint limits, and the parallel review against the
 * joint clock.
 */
export function timeFindings(compiled: CompiledItem): Finding[] {
  const item = compiled.definition;
  const out: Finding[] = [];
  const about = { itemId: item.id };
  const { statutoryDays, promisedDays } = limitsInWorkingDays(compiled);
  let worst = 0;
  let path: WitnessStep[] = [];
  if (item.review.mode === 'parallel') {
    ({ days: worst, path } = criticalPath(item.review));
  }
  const supplement = item.acceptance.tolerant?.supplementDays;
  if (supplement !== undefined && supplement > worst) {
    worst = supplement;
    path = [
      {
        from: 'accepted (容缺, provisional)',
        event: `SUPPLEMENT on the last allowed day (${supplement} working days)`,
        to: 'acceptance settled: the decision may be made',
        days: supplement,
      },
    ];
  }
  const limits: [number | undefined, string, string][] = [
    [statutoryDays, 'decision-within-statutory', 'statutory'],
    [promisedDays, 'decision-within-promised', 'promised'],
  ];
  for (const [limit, rule, kind] of limits) {
    if (limit === undefined || worst <= limit) continue;
    out.push(
      finding({
        rule,
        message: `the worst case from acceptance to decision takes ${worst} working days, beyond the ${kind} limit of ${limit}`,
        messageZh: `受理至决定的最长路径需 ${worst} 个工作日，超过${kind === 'statutory' ? '法定' : '承诺'}时限 ${limit} 个工作日`,
        path: ['limits', kind, 'days'],
        witness: path,
        ...about,
      }),
    );
  }
  if (item.review.mode === 'parallel') {
    const review = item.review;
    review.departments.forEach((department, index) => {
      if (department.limitDays <= statutoryDays) return;
      out.push(
        finding({
          rule: 'human-step-clock',
          message: `department "${department.id}" has ${department.limitDays} working days, more than the item's statutory ${statutoryDays}: its clock fires only after the law's limit has passed`,
          messageZh: `部门“${department.id}”的时限为 ${department.limitDays} 个工作日，超过事项法定时限 ${statutoryDays} 个工作日：其计时在法定时限届满后才会触发`,
          path: ['review', 'departments', index, 'limitDays'],
          ...about,
        }),
      );
    });
    if (worst > review.jointLimitDays) {
      out.push(
        finding({
          rule: 'joint-limit',
          message: `the departments' longest chain takes ${worst} working days, beyond the joint limit of ${review.jointLimitDays}`,
          messageZh: `部门审查最长链需 ${worst} 个工作日，超过联合办理时限 ${review.jointLimitDays} 个工作日`,
          path: ['review', 'jointLimitDays'],
          witness: path,
          ...about,
        }),
      );
    }
    const { days, extensionDays } = item.limits.statutory;
    if (
      review.limitBasis === undefined &&
      (days > JOINT_LIMIT_DAYS || (extensionDays ?? 0) > JOINT_EXTENSION_DAYS)
    ) {
      out.push(
        finding({
          rule: 'joint-limit',
          message: `a joint item's limit is at most ${JOINT_LIMIT_DAYS} working days plus one extension of ${JOINT_EXTENSION_DAYS} (here ${days} + ${extensionDays ?? 0}) unless review.limitBasis cites the law that sets it`,
          messageZh: `联办件时限最长 ${JOINT_LIMIT_DAYS} 个工作日、延长一次不超过 ${JOINT_EXTENSION_DAYS} 个工作日（本事项 ${days} + ${extensionDays ?? 0}），除非 review.limitBasis 注明法律依据`,
          path: ['limits', 'statutory'],
          ...about,
        }),
      );
    }
  }
  return out;
}
