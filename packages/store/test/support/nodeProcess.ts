import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./workerNode.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export interface NodeMessage {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** A portal node in a child process (see workerNode.ts). */
export interface NodeProcess {
  readonly child: ChildProcess;
  send(message: object): void;
  /** The next message of `type` (earlier ones are kept until asked for). */
  next(type: string): Promise<NodeMessage>;
  /** Sends `message` and waits for the reply of `type`. */
  request(message: object, type: string): Promise<NodeMessage>;
  /** SIGKILL, as a crash: resolves when the process is gone. */
  kill(): Promise<void>;
  /** Asks the node to close its store and exit (SIGKILL after 10 s). */
  exit(): Promise<void>;
}

/**
 * Starts a node: `node --import tsx --conditions=@kuaiban/source`, so the
 * workspace packages load from their TypeScript sources as in the tests.
 */
export async function startNode(
  env: Record<string, string>,
): Promise<NodeProcess> {
  const child = fork(script, [], {
    cwd: packageDir,
    execArgv: ['--import', 'tsx', '--conditions=@kuaiban/source'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: NodeMessage[] = [];
  const waiting: {
    type: string;
    resolve: (m: NodeMessage) => void;
    reject: (e: Error) => void;
  }[] = [];
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const w of waiting.splice(0)) {
        w.reject(
          new Error(
            `Node ${env.KUAIBAN_NODE_ID ?? '?'} exited (${String(code ?? signal)}) while a test waited for "${w.type}"`,
          ),
        );
      }
      resolve();
    });
  });
  child.on('message', (message: NodeMessage) => {
    const index = waiting.findIndex((w) => w.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(message);
    else inbox.push(message);
  });
  const next = (type: string) => {
    const index = inbox.findIndex((m) => m.type === type);
    if (index >= 0)
      return Promise.resolve(inbox.splice(index, 1)[0] as NodeMessage);
    if (child.exitCode !== null || child.signalCode !== null) {
      return Promise.reject(new Error(`Node exited before "${type}"`));
    }
    return new Promise<NodeMessage>((resolve, reject) =>
      waiting.push({ type, resolve, reject }),
    );
  };
  const send = (message: object) => child.send(message);
  await next('ready');
  return {
    child,
    send,
    next,
    request(message, type) {
      const reply = next(type);
      send(message);
      return reply;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async exit() {
      if (child.exitCode === null && child.signalCode === null) {
        send({ type: 'exit' });
      }
      // A node that hangs (e.g. stalled on purpose) is killed after a while.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
