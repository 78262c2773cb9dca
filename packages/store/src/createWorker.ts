import { dateInChina, isKuaibanError } from '@kuaiban/calendar';
import type { Clock, Engine } from '@kuaiban/core';
import type { DurableStore, WakeUp } from './createSqlStore.js';

export interface WorkerOptions {
  /** This node's name in claims, e.g. the host name; unique per process. */
  readonly nodeId: string;
  readonly store: Pick<
    DurableStore,
    'claimWakeUps' | 'markFired' | 'releaseClaim'
  >;
  /** The worker processes wake-ups due on or before today by this clock. */
  readonly clock: Clock;
  /** Wake-ups claimed at once (default 20). */
  readonly batchSize?: number;
  /**
   * How long a claim holds (default 60 000 ms): a node that dies holding
   * claims delays those wake-ups by at most this long.
   */
  readonly leaseMs?: number;
  /** Pause between polls of a started worker when nothing is due (default 1 000 ms). */
  readonly pollMs?: number;
  /** Called after each wake-up fired, with the TICKs it ran. */
  readonly onFired?: (wakeUp: WakeUp, ticks: number) => void;
  /**
   * Called when processing a wake-up fails (its claim is kept until it
   * expires, so it is retried after `leaseMs`) or `onFired` throws, or with
   * `null` when a started worker cannot claim (the store is unavailable).
   */
  readonly onError?: (error: unknown, wakeUp: WakeUp | null) => void;
}

/** What a worker did: wake-ups claimed and fired, TICKs that changed a case. */
export interface WorkerRun {
  readonly claimed: number;
  readonly fired: number;
  readonly ticks: number;
  readonly failed: number;
}

export interface Worker {
  /** Claims one batch of due wake-ups and processes it. */
  runOnce(): Promise<WorkerRun>;
  /** Runs batches until nothing due is left to claim. */
  drain(): Promise<WorkerRun>;
  /**
   * Polls in the background until `stop()`. Errors never end the polling:
   * they go to `onError`. Ignored while the worker runs or is stopping.
   */
  start(): void;
  /** Stops polling; resolves when the batch in hand is done. */
  stop(): Promise<void>;
}

/** Retries after a CONFLICT: a command or another node changed the case. */
const CONFLICT_RETRIES = 5;

const add = (a: WorkerRun, b: WorkerRun): WorkerRun => ({
  claimed: a.claimed + b.claimed,
  fired: a.fired + b.fired,
  ticks: a.ticks + b.ticks,
  failed: a.failed + b.failed,
});

const NOTHING: WorkerRun = { claimed: 0, fired: 0, ticks: 0, failed: 0 };

/**
 * The durable timer worker of a node: claims due wake-ups from the store
 * (`FOR UPDATE SKIP LOCKED`, so nodes never take the same one), runs each
 * case's due wake-ups through `engine.wake`, and marks them fired. Claims of
 * a node that died expire after `leaseMs` and are taken over; wake-ups
 * missed while every node was down fire on the next run, once, earliest
 * first.
 *
 * @example
 * const worker = createWorker(engine, { nodeId: 'node-1', store, clock });
 * worker.start();
 * // on shutdown:
 * await worker.stop();
 * await store.close();
 */
export function createWorker(
  engine: Pick<Engine, 'wake'>,
  options: WorkerOptions,
): Worker {
  const { nodeId, store, clock } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;

  async function wakeCase(caseId: string, date: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await engine.wake(caseId, date);
      } catch (error) {
        const retry =
          isKuaibanError(error) &&
          error.code === 'CONFLICT' &&
          attempt < CONFLICT_RETRIES;
        if (!retry) throw error;
      }
    }
  }

  async function runOnce(): Promise<WorkerRun> {
    const date = dateInChina(clock.now());
    const claimed = await store.claimWakeUps({
      nodeId,
      date,
      limit: batchSize,
      leaseMs,
    });
    let run: WorkerRun = { ...NOTHING, claimed: claimed.length };
    for (const wakeUp of claimed) {
      let ticks: number;
      try {
        ticks = await wakeCase(wakeUp.caseId, date);
        await store.markFired(wakeUp);
      } catch (error) {
        run = add(run, { ...NOTHING, failed: 1 });
        reportError(error, wakeUp);
        continue;
      }
      run = add(run, { ...NOTHING, fired: 1, ticks });
      try {
        options.onFired?.(wakeUp, ticks);
      } catch (error) {
        reportError(error, wakeUp);
      }
    }
    return run;
  }

  /** A listener that throws must not stop the worker or undo a fired wake-up. */
  function reportError(error: unknown, wakeUp: WakeUp | null): void {
    try {
      options.onError?.(error, wakeUp);
    } catch {
      // Nowhere left to report to; the worker goes on.
    }
  }

  let running: Promise<void> | null = null;
  let stopping = false;
  let wakeSleep: (() => void) | null = null;

  async function loop(): Promise<void> {
    while (!stopping) {
      let run = NOTHING;
      try {
        run = await runOnce();
      } catch (error) {
        reportError(error, null);
      }
      if (run.claimed === 0 && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeSleep = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeSleep = null;
      }
    }
  }

  return {
    runOnce,
    async drain() {
      let total = NOTHING;
      for (;;) {
        const run = await runOnce();
        total = add(total, run);
        if (run.claimed === 0) return total;
      }
    },
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wakeSleep?.();
      await running;
      running = null;
    },
  };
}
