// A PostgreSQL for the database tests: GROUNDED_TEST_DATABASE_URL when set (.ci/run starts a cluster and exports it),
// else a throwaway cluster started here (initdb in a temporary folder, a unix socket only, no TCP port), stopped and
// removed at the end. As root (CI) the cluster runs as the `postgres` user the Debian package creates: initdb
// refuses root. Without PostgreSQL the tests skip, except under CI=true, where they fail: CI must run them.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { Client, type Pool } from 'pg';
import { createPool } from '../../server/src/retrieval/postgres/connection';

export interface TestDatabase {
  url: string;
  stop(): Promise<void>;
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a)).find((v) => existsSync(join(root, v, 'bin', 'initdb')));
  return version ? join(root, version, 'bin') : undefined;
}

/** Why the database tests cannot run here, or undefined when they can. */
export function unavailable(): string | undefined {
  if (process.env.GROUNDED_TEST_DATABASE_URL) return undefined;
  return postgresBin() ? undefined : 'PostgreSQL is not installed (apt-get install postgresql) and GROUNDED_TEST_DATABASE_URL is not set';
}

/** The skip option for node:test: never skipped under CI (the test then fails in startDatabase). */
export function skipUnlessDatabase(): string | false {
  const reason = unavailable();
  return reason && process.env.CI !== 'true' ? reason : false;
}

/** A fresh, empty database of its own for one test file. */
export async function startDatabase(): Promise<TestDatabase> {
  const server = process.env.GROUNDED_TEST_DATABASE_URL ? { url: process.env.GROUNDED_TEST_DATABASE_URL, stop: async () => {} } : startCluster();
  const name = `grounded_test_${process.pid}_${Date.now() % 100000}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(server.url, name);
  return {
    url,
    async stop() {
      const client = new Client({ connectionString: server.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await server.stop();
    },
  };
}

export interface Scratch {
  db: TestDatabase;
  pool: Pool;
  /** An empty folder of its own, for the block's source files. */
  folder: string;
}

/** For a describe block: a database of its own, a pool on it and a scratch folder, made before its tests, removed after. */
export function scratchArchive(folderPrefix: string): Scratch {
  const scratch = {} as Scratch;
  before(async () => {
    scratch.db = await startDatabase();
    scratch.pool = createPool(scratch.db.url);
    scratch.folder = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  after(async () => {
    await scratch.pool?.end();
    await scratch.db?.stop();
    if (scratch.folder) rmSync(scratch.folder, { recursive: true, force: true });
  });
  return scratch;
}

/** Everything an ingest writes, as comparable rows (keys are the database's, so sources are named by id). */
export async function archiveRows(pool: Pool): Promise<unknown[]> {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return [
    await query('SELECT id, path, size, mtime_ms, hash, metadata, url_key, excluded, passage_count FROM grounded.sources ORDER BY key'),
    await query(`SELECT s.id, p.ord, p.line, p.paragraph, p.text, p.length, p.stems::text, p.names, p.initials
                 FROM grounded.passages p JOIN grounded.sources s ON s.key = p.source_key ORDER BY p.id`),
    await query('SELECT stem, df, name_passages FROM grounded.terms ORDER BY stem'),
    await query('SELECT passages, total_length FROM grounded.corpus'),
  ];
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function startCluster(): TestDatabase {
  const bin = postgresBin();
  if (!bin) throw new Error(unavailable());
  const folder = mkdtempSync(join(tmpdir(), 'grounded-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : userInfo().username;
  if (asRoot) {
    const ids = execFileSync('sh', ['-c', 'echo "$(id -u postgres) $(id -g postgres)"']).toString().trim().split(' ').map(Number);
    chownSync(folder, ids[0]!, ids[1]!);
  }
  chmodSync(folder, 0o700);
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
  const data = join(folder, 'data');
  const port = 20000 + (process.pid % 20000);
  run(join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(folder, 'log'), '-w', '-o',
    `-c listen_addresses='' -k ${folder} -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, 'start']);
  return {
    url: `postgresql://${user}@localhost:${port}/postgres?host=${encodeURIComponent(folder)}`,
    async stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
