/**
 * A private PostgreSQL cluster for tests: initdb and pg_ctl from
 * `KUAIBAN_PG_BIN` (or the newest /usr/lib/postgresql/<n>/bin), on
 * 127.0.0.1 at a free port, data in a temporary folder, stopped and
 * deleted after. As root the server runs as the `postgres` user.
 */
import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The directory of PostgreSQL's programs, or `null` (with a clear message)
 * when it is missing. On CI (`CI=true`) a missing PostgreSQL is an error.
 */
export function postgresBin(): string | null {
  const fromEnv = process.env.KUAIBAN_PG_BIN;
  const candidates = fromEnv
    ? [fromEnv]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  const bin = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (bin) return bin;
  const message = `PostgreSQL not found (KUAIBAN_PG_BIN=${fromEnv ?? 'unset'}, no /usr/lib/postgresql/<n>/bin/initdb)`;
  if (process.env.CI === 'true') {
    throw new Error(`${message}: CI must install PostgreSQL`);
  }
  console.warn(`${message}: skipping the PostgreSQL store tests`);
  return null;
}

export interface PostgresCluster {
  readonly port: number;
  /** A connection string for a database of the cluster. */
  url(database?: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

async function asOwner(program: string, args: readonly string[]) {
  return isRoot()
    ? run('runuser', ['-u', 'postgres', '--', program, ...args])
    : run(program, [...args]);
}

/** Starts a fresh cluster; `stop()` it in `afterAll`. */
export async function startPostgres(
  bin: string,
  attempts = 3,
): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'kuaiban-pg-'));
  try {
    return await startIn(dir, bin);
  } catch (error) {
    // A cluster that did not start leaves no server and no folder behind.
    await asOwner(join(bin, 'pg_ctl'), [
      '-D',
      join(dir, 'data'),
      '-m',
      'immediate',
      'stop',
    ]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    // The free port may have been taken meanwhile by another process.
    if (attempts > 1) return startPostgres(bin, attempts - 1);
    throw error;
  }
}

async function startIn(dir: string, bin: string): Promise<PostgresCluster> {
  if (isRoot()) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await asOwner(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ');
  await asOwner(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    settings,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  const url = (database = 'postgres') =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        await asOwner(join(bin, 'pg_ctl'), [
          '-D',
          data,
          '-m',
          'immediate',
          '-w',
          'stop',
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
