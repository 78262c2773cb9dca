import type { MachineAnalysis, Transition } from './analyzeMachine.js';
import { alwaysCycles, stuckLeaves, witnessTo } from './analyzeMachine.js';
import type { DesignModels } from './designModels.js';
import type { Finding } from './Finding.js';
import { finding } from './Finding.js';

/** A state's name as people read it: `tolerance.provisional`, `reviewing.site-review`. */
const shown = (analysis: MachineAnalysis, id: string): string => {
  const prefix = `${analysis.model.name}.`;
  const name = id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return analysis.model.name === 'case'
    ? name
    : `${analysis.model.name}: ${name}`;
};

function machineFindings(analysis: MachineAnalysis, itemId: string): Finding[] {
  const out: Finding[] = [];
  const about = { itemId };
  for (const leaf of analysis.leaves) {
    if (analysis.reached.has(leaf)) continue;
    const name = shown(analysis, leaf);
    if (analysis.intended.has(leaf)) {
      out.push(
        finding({
          rule: 'reachable-states',
          message: `${name} is offered by the design but no case can reach it`,
          messageZh: `设计提供了 ${name}，但任何办件都无法到达`,
          ...about,
        }),
      );
    } else if (!analysis.possible.has(leaf)) {
      out.push(
        finding({
          rule: 'reachable-states',
          message: `${name} has no transition leading into it`,
          messageZh: `没有任何迁移进入 ${name}`,
          ...about,
        }),
      );
    }
  }
  const dead = new Set<Transition>();
  const live = new Set<Transition>();
  for (const [leaf, edges] of analysis.edges) {
    if (!analysis.reached.has(leaf)) continue;
    for (const edge of edges) {
      if (edge.actual) live.add(edge.transition);
      else if (edge.intended && edge.to.length > 0) dead.add(edge.transition);
    }
  }
  for (const transition of dead) {
    if (live.has(transition)) continue;
    const targets = transition.targets.map((t) => shown(analysis, t));
    out.push(
      finding({
        rule: 'no-dead-transitions',
        message: `${shown(analysis, transition.source)} --${transition.event}--> ${targets.join(', ')} can never fire for this design (guard ${transition.guard ?? 'none'})`,
        messageZh: `${shown(analysis, transition.source)} 经 ${transition.event} 到 ${targets.join('、')} 的迁移在本设计中永远不会发生`,
        witness: witnessTo(analysis, transition.source).map((step) => ({
          ...step,
          from: shown(analysis, step.from),
          to: shown(analysis, step.to),
        })),
        ...about,
      }),
    );
  }
  const { deadlocks, livelocks } = stuckLeaves(analysis);
  for (const leaf of [...deadlocks, ...livelocks]) {
    const name = shown(analysis, leaf);
    const deadlock = deadlocks.includes(leaf);
    out.push(
      finding({
        rule: 'end-reachable',
        message: deadlock
          ? `deadlock: a case in ${name} can never move on`
          : `livelock: a case in ${name} can move but never reach an end`,
        messageZh: deadlock
          ? `死锁：处于 ${name} 的办件无法继续`
          : `活锁：处于 ${name} 的办件可以流转但永远无法办结`,
        witness: witnessTo(analysis, leaf).map((step) => ({
          ...step,
          from: shown(analysis, step.from),
          to: shown(analysis, step.to),
        })),
        ...about,
      }),
    );
  }
  for (const cycle of alwaysCycles(analysis)) {
    out.push(
      finding({
        rule: 'no-always-cycle',
        message: `eventless transitions loop without a guard that ends them: ${cycle.map((s) => shown(analysis, s.from)).join(' → ')}`,
        messageZh: `无事件迁移构成无终止条件的循环：${cycle.map((s) => shown(analysis, s.from)).join(' → ')}`,
        witness: cycle.map((step) => ({
          ...step,
          from: shown(analysis, step.from),
          to: shown(analysis, step.to),
        })),
        ...about,
      }),
    );
  }
  return out;
}

/** Reachability, dead transitions, deadlocks and livelocks, `always` cycles. */
export function structureFindings(
  models: DesignModels,
  itemId: string,
): Finding[] {
  return [models.case, ...models.children].flatMap((analysis) =>
    machineFindings(analysis, itemId),
  );
}
