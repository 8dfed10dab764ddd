// `grounded index --database URL DIR…`: reads source folders into the archive in PostgreSQL (creating or migrating its
// schema first). Run it again after the folders change: unchanged files are skipped, changed ones replaced, deleted
// ones removed. Credentials come from the URL, libpq's environment (PGUSER, PGPASSWORD…) or ~/.pgpass; this role needs
// to create tables in the database, unlike the one `grounded check --database` uses (SELECT suffices there).
import { displayPath } from '../files/displayPath';
import { createPool, describeDatabase } from '../retrieval/postgres/connection';
import { databaseUrlFrom } from '../retrieval/postgres/databaseUrl';
import { ingestFolders } from '../retrieval/postgres/ingest';
import { RetrievalError } from '../retrieval/retrieval';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { reportMissingSourceDirs } from './library';
import { printMessage, printProblem } from './stderr';

export const INDEX_OPTIONS: readonly OptionSpec[] = [
  { name: 'database', kind: 'value' },
  { name: 'quiet', kind: 'flag' },
];

/** Long statements (a batch of several hundred articles, ANALYZE) are expected while ingesting. */
const INGEST_STATEMENT_TIMEOUT_MS = 10 * 60_000;

export async function runIndex(argv: readonly string[]): Promise<ExitStatus> {
  const args = parseArgs(argv, INDEX_OPTIONS);
  const url = databaseUrlFrom(args.values.get('database'));
  if (url === undefined) throw new UsageError('index needs --database URL (or GROUNDED_DATABASE_URL)');
  if (args.positionals.length === 0) throw new UsageError('index needs at least one folder of source articles');
  if (!reportMissingSourceDirs(args.positionals)) return EXIT.inputError;
  const quiet = args.flags.has('quiet');
  const pool = createPool(url, { statementTimeoutMs: INGEST_STATEMENT_TIMEOUT_MS });
  try {
    const report = await ingestFolders(pool, args.positionals, quiet ? undefined : (line) => printMessage(`index: ${line}`));
    const cwd = process.cwd();
    for (const problem of report.problems) printProblem(displayPath(problem.path, cwd), problem.message);
    const rate = report.seconds > 0 ? Math.round((report.added + report.updated) / report.seconds) : 0;
    process.stdout.write(
      `${describeDatabase(url)}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ` +
        `${report.removed} removed; ${report.passages} passages written in ${report.seconds.toFixed(1)} s (${rate} articles/s)` +
        (report.problems.length ? `; ${report.problems.length} files skipped` : '') + '\n',
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RetrievalError)) throw error;
    printMessage(`error: ${error.message}`);
    return EXIT.inputError;
  } finally {
    await pool.end().catch(() => {});
  }
}
