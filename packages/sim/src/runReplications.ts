import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkCalendar } from '@kuaiban/calendar';
import { createChinaCalendar } from '@kuaiban/calendar';
import type { ItemDefinition } from '@kuaiban/core';
import type { ReplicationResult } from './runReplication.js';
import { runReplication } from './runReplication.js';
import type { Scenario } from './scenarioSchema.js';
import type { SimulationModel } from './simulationModel.js';
import { compileSimulation } from './simulationModel.js';

/** What a thread needs to run some replications: plain data only. */
export interface ReplicationJob {
  readonly item: ItemDefinition;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly cases: number;
  readonly warmupDays: number;
  readonly traceCases: number;
  readonly replications: readonly number[];
}

/** The calendar simulations run on: the national one, weekdays beyond its data. */
export function simulationCalendar(): WorkCalendar {
  return createChinaCalendar().withOptions({ beyondData: 'weekdays' });
}

/** Runs a job's replications in this thread, reporting each as it ends. */
export function runReplicationsHere(
  job: ReplicationJob,
  done: (result: ReplicationResult) => void,
  model: SimulationModel = compileSimulation(job.item, job.scenario, {
    calendar: simulationCalendar(),
  }),
): void {
  for (const replication of job.replications) {
    done(
      runReplication(model, {
        seed: job.seed,
        replication,
        cases: job.cases,
        warmupDays: job.warmupDays,
        traceCases: replication === 0 ? job.traceCases : 0,
      }),
    );
  }
}

/**
 * How to start a worker: from the built file next to this module, or, when
 * running from TypeScript sources (tsx, vitest), through a small bootstrap
 * that registers tsx first and resolves workspace packages to their sources.
 */
export function workerEntry(moduleUrl: string): {
  script: string | URL;
  eval: boolean;
  execArgv: string[];
} {
  if (!moduleUrl.endsWith('.ts')) {
    return {
      script: new URL('./replicationWorker.js', moduleUrl),
      eval: false,
      execArgv: [],
    };
  }
  // The ESM build of tsx's API sits beside the CommonJS one that require finds.
  const api = createRequire(moduleUrl)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const worker = new URL('./replicationWorker.ts', moduleUrl).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
    execArgv: ['--conditions=@kuaiban/source'],
  };
}

/**
 * Runs replications on `threads` worker threads (replications dealt out in
 * turn), reporting each result as it arrives. Results come back in
 * replication order whatever the threads' timing, so a run does not depend
 * on how many threads it had.
 */
export async function runInWorkers(
  job: ReplicationJob,
  threads: number,
  onResult: (result: ReplicationResult) => void,
  moduleUrl: string = import.meta.url,
): Promise<ReplicationResult[]> {
  const entry = workerEntry(moduleUrl);
  const shares = Array.from({ length: threads }, (_, i) =>
    job.replications.filter((_, k) => k % threads === i),
  ).filter((share) => share.length > 0);
  const results: ReplicationResult[] = [];
  await Promise.all(
    shares.map(
      (replications) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(entry.script, {
            eval: entry.eval,
            workerData: { ...job, replications },
            execArgv: entry.execArgv,
          });
          let received = 0;
          worker.on('message', (result: ReplicationResult) => {
            results.push(result);
            onResult(result);
            if (++received === replications.length) {
              void worker.terminate().then(() => resolve());
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (received < replications.length) {
              reject(new Error(`replication worker stopped with code ${code}`));
            }
          });
        }),
    ),
  );
  return results.sort((a, b) => a.replication - b.replication);
}
