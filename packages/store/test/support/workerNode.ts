/**
 * One portal node in its own process, for the multi-node tests: an engine
 * on the PostgreSQL store and its worker, driven by the parent over IPC.
 *
 * Environment: KUAIBAN_TEST_PG_URL, KUAIBAN_NODE_ID, and optionally
 * KUAIBAN_LEASE_MS, KUAIBAN_BATCH and KUAIBAN_STALL_AFTER (after that many
 * wake-ups the node reports `stalled` and hangs, to be killed mid-batch).
 *
 * Messages in: { type: 'drain', date }, { type: 'dispatch', caseId, command,
 * date, gated }, { type: 'open' }, { type: 'exit' }. Out: ready, drained,
 * stalled, at-commit, dispatched.
 */
import { isKuaibanError } from '@kuaiban/calendar';
import { createPostgresStore } from '../../src/createPostgresStore.js';
import { createWorker } from '../../src/createWorker.js';
import { WORKER_TIME, setupEngine } from './caseScript.js';
import { gatedStore } from './gatedStore.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const nodeId = env('KUAIBAN_NODE_ID');
const stallAfter = Number(process.env.KUAIBAN_STALL_AFTER ?? 0);
const send = (message: object) => process.send?.(message);

const store = await createPostgresStore({
  connectionString: env('KUAIBAN_TEST_PG_URL'),
  max: 3,
});
const node = setupEngine(store, nodeId);
let wakes = 0;
const worker = createWorker(
  {
    async wake(caseId, date) {
      const ticks = await node.engine.wake(caseId, date);
      if (++wakes === stallAfter) {
        send({ type: 'stalled', caseId });
        await new Promise(() => undefined);
      }
      return ticks;
    },
  },
  {
    nodeId,
    store,
    clock: node.clock,
    batchSize: Number(process.env.KUAIBAN_BATCH ?? 20),
    leaseMs: Number(process.env.KUAIBAN_LEASE_MS ?? 60_000),
  },
);

let openGate: (() => void) | null = null;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

interface Message {
  type: string;
  date: string;
  caseId: string;
  command: unknown;
  gated: boolean;
}

process.on('message', (message: Message) => {
  void (async () => {
    switch (message.type) {
      case 'drain': {
        node.at(message.date, WORKER_TIME);
        send({ type: 'drained', run: await worker.drain() });
        break;
      }
      case 'dispatch': {
        const gate = gatedStore(store);
        const sender = setupEngine(message.gated ? gate.store : store);
        sender.at(message.date);
        if (message.gated) {
          openGate = gate.open;
          void gate.arrived(1).then(() => send({ type: 'at-commit' }));
        }
        const code = await codeOf(
          sender.engine.dispatch(message.caseId, message.command),
        );
        send({ type: 'dispatched', code });
        break;
      }
      case 'open':
        openGate?.();
        break;
      case 'exit':
        await store.close();
        process.exit(0);
    }
  })();
});
// A test runner that dies must not leave its nodes running.
process.on('disconnect', () => process.exit(1));
send({ type: 'ready' });
