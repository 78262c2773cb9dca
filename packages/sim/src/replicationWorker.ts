import { parentPort, workerData } from 'node:worker_threads';
import { runReplicationsHere } from './runReplications.js';
import type { ReplicationJob } from './runReplications.js';

// A worker thread: runs the replications it is given and posts each result
// back as it finishes, with its typed arrays transferred.
const job = workerData as ReplicationJob;
runReplicationsHere(job, (result) => {
  const buffers = [
    result.cycleWorkingDays,
    result.cycleCalendarDays,
    result.outcome,
    result.onTimePromised,
    result.onTimeStatutory,
    result.extended,
    result.verification,
    result.visits,
    result.materials,
    result.proofs,
    result.steps,
    result.poolBusy,
    result.poolWait,
    result.poolTasks,
  ].map((array) => array.buffer as ArrayBuffer);
  parentPort?.postMessage(result, buffers);
});
