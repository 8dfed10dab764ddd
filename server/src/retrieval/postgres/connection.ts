// Connections to the archive's PostgreSQL. The URL comes from `--database` or GROUNDED_DATABASE_URL; whatever it leaves
// out (user, password, host, database) comes from libpq's environment (PGHOST, PGUSER, PGPASSWORD, PGDATABASE…) or
// ~/.pgpass, never from a project file. Checking needs only SELECT on the schema: a read-only role suffices.
import type { Pool, PoolConfig } from 'pg';
import { RetrievalError } from '../retrieval';
export { describeDatabase } from './databaseUrl';

/** Long enough for a draft of a few hundred claims on a busy server; short enough that an editor is not left waiting. */
export const QUERY_TIMEOUT_MS = 15_000;
export const CONNECT_TIMEOUT_MS = 5_000;
const POOL_SIZE = 4;

export function createPool(url: string, options: { statementTimeoutMs?: number } = {}): Pool {
  const config: PoolConfig = {
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: options.statementTimeoutMs ?? QUERY_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMs ?? QUERY_TIMEOUT_MS,
    application_name: 'grounded',
    // The retrieval statement's estimates are large (a lateral search per claim): with JIT on, PostgreSQL spends a
    // second compiling a plan that runs in milliseconds.
    options: '-c jit=off',
    idleTimeoutMillis: 10_000,
  };
  // Required here, not imported: only a library with an archive needs the driver, and every start would run it.
  const { Pool: PgPool } = require('pg') as typeof import('pg');
  const pool = new PgPool(config);
  // An idle connection the server drops must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

/** A driver or server error as one line that says what to do. */
export function retrievalError(error: unknown, where: string): RetrievalError {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? String(error);
  let hint = '';
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOENT' || /ECONNREFUSED|ENOENT/.test(message)) hint = ' (is the server running, and the host and port right?)';
  else if (e?.code === '28P01' || e?.code === '28000') hint = ' (check the user and password: PGUSER, PGPASSWORD or ~/.pgpass)';
  else if (e?.code === '3D000') hint = ' (the database does not exist)';
  else if (e?.code === '42P01' || e?.code === '3F000') hint = ' (no Grounded archive there yet: run `grounded index --database URL DIR…` first)';
  else if (e?.code === '57014' || /timeout/i.test(message)) hint = ' (the query timed out)';
  else if (e?.code === '42501') hint = ' (the role lacks a privilege on the grounded schema)';
  return new RetrievalError(`${where}: ${message.split('\n')[0]}${hint}`, { cause: error });
}
