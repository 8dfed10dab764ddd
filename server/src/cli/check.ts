// `grounded check [paths...]`: reads the drafts, checks each against the library its project config names, prints
// the findings (the same, with the same severities and messages, as the editor shows) and decides the exit status.
// With `--fix` it applies the citation fixes the editor offers ("Cite all supported claims") to the files.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ProjectConfigs } from '../config/projectConfig';
import { draftPolicy, type DraftPolicy, type HostDefaults } from '../config/policy';
import { coversDraft } from '../config/drafts';
import { checkDraftText } from '../findings/checkedDraft';
import { DEFAULT_SEVERITY } from '../findings/codes';
import { findingsOf } from '../findings/findings';
import { displayPath } from '../files/displayPath';
import { findDraftFiles, type DraftInput } from '../files/findDraftFiles';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from '../files/readTextFile';
import { UnreadableDraftError } from '../markdown/extractClaims';
import { countReports } from '../formats/counts';
import type { FileResult } from '../formats/fileResult';
import { formatGithub } from '../formats/github';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import type { FileReport } from '../model';
import { DEFAULT_SETTINGS } from '../protocol';
import { realpathOrSelf } from '../sources/findSourceFiles';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, FAIL_LEVELS, exitStatusFor, type ExitStatus, type FailLevel } from './exitStatus';
import { fixDraft } from './fix';
import { Libraries, reportConfigProblems, reportMissingSourceDirs } from './library';
import { LibraryCache } from '../index/libraryCache';
import { errorMessage, printDebugStack, printMessage, printProblem } from './stderr';
import { TOOL_VERSION } from './version';
import { createEngine, type Engine } from '../engine';
import { databaseUrlFrom } from '../retrieval/postgres/databaseUrl';
import { RetrievalError, type RemoteRetrieval } from '../retrieval/retrieval';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
  { name: 'format', kind: 'value', choices: FORMATS },
  { name: 'fail-on', kind: 'value', choices: FAIL_LEVELS },
  { name: 'fix', kind: 'flag' },
  { name: 'dry-run', kind: 'flag' },
  { name: 'database', kind: 'value' },
  { name: 'max-file-size', kind: 'value' },
  { name: 'cache', kind: 'value' },
];

export async function runCheck(argv: readonly string[]): Promise<ExitStatus> {
  const args = parseArgs(argv, CHECK_OPTIONS);
  if (args.positionals.length === 0) throw new UsageError('check needs at least one Markdown file or folder');
  if (args.flags.has('dry-run') && !args.flags.has('fix')) throw new UsageError('--dry-run goes with --fix');
  const format = args.values.get('format') ?? 'text';
  const failOn = (args.values.get('fail-on') ?? 'unsupported') as FailLevel;
  const fix = args.flags.has('fix') ? { dryRun: args.flags.has('dry-run') } : undefined;
  const maxFileSize = byteCount(args.values.get('max-file-size') ?? String(DEFAULT_MAX_FILE_BYTES));

  const sourceDirs = args.lists.get('sources') ?? [];
  if (!reportMissingSourceDirs(sourceDirs)) return EXIT.inputError;
  const cwd = process.cwd();
  // The command line speaks for this run: its --sources add to a config's folders, --no-bundled-sources wins.
  const defaults: HostDefaults = {
    severity: DEFAULT_SEVERITY,
    citationStyle: DEFAULT_SETTINGS.citationStyle,
    sourcePaths: sourceDirs.map((dir) => resolve(dir)),
    includeBundled: !args.flags.has('no-bundled-sources'),
  };
  const configs = new ProjectConfigs();
  const databaseOption = databaseUrlFrom(args.values.get('database'));
  const cacheDir = args.values.get('cache');
  const libraries = new Libraries(databaseOption !== undefined, new LibraryCache(cacheDir === undefined ? undefined : resolve(cacheDir)));
  // The archive in PostgreSQL (--database or GROUNDED_DATABASE_URL, else the draft's config's `sources.database`)
  // stands beside each selection's local sources.
  const retrievals = new Map<string, RemoteRetrieval>();
  const retrievalFor = async (url: string): Promise<RemoteRetrieval> => {
    let retrieval = retrievals.get(url);
    // node-postgres loads only for a check that uses an archive: a check without one starts as fast as before.
    if (!retrieval) retrievals.set(url, (retrieval = new (await import('../retrieval/postgres/pgRetrieval')).PostgresRetrieval(url)));
    return retrieval;
  };
  const withDatabase = new Map<Engine, Map<string, Engine>>();
  const engineOf = async (local: Engine, url: string | undefined): Promise<Engine> => {
    if (url === undefined) return local;
    let byUrl = withDatabase.get(local);
    if (!byUrl) withDatabase.set(local, (byUrl = new Map()));
    let engine = byUrl.get(url);
    if (!engine) byUrl.set(url, (engine = createEngine(local.library, { retrieval: await retrievalFor(url) })));
    return engine;
  };
  try {
    return await checkAll();
  } catch (error) {
    if (!(error instanceof RetrievalError)) throw error;
    // One message, exit 2: a library that cannot be asked never turns into "unsupported" findings.
    printMessage(`error: ${error.message}`);
    return EXIT.inputError;
  } finally {
    for (const retrieval of retrievals.values()) await retrieval.close();
  }

  async function checkAll(): Promise<ExitStatus> {
    const reportedConfigs = new Set<string>();
    const policyFor = (file: string): DraftPolicy => {
      const found = configs.forFile(file);
      if (found) reportConfigProblems(found, reportedConfigs);
      const policy = draftPolicy(found?.config, defaults);
      if (found?.config.sources?.paths && sourceDirs.length > 0) {
        policy.sources.paths = [...new Set([...policy.sources.paths, ...defaults.sourcePaths])];
      }
      if (!defaults.includeBundled) policy.sources.includeBundled = false;
      return policy;
    };

    // Unusable inputs stay in the report (JSON consumers see them too) and are also named on stderr, where people look.
    const results: FileResult[] = [];
    for (const input of draftInputs(args.positionals, (file) => policyFor(file), libraries)) {
      if ('problem' in input) {
        results.push(unreadable(displayPath(input.path, cwd), input.problem));
        continue;
      }
      const path = displayPath(input.file, cwd);
      const read = readTextFile(input.file, maxFileSize);
      if ('error' in read) {
        results.push(unreadable(path, read.error));
        continue;
      }
      const policy = policyFor(input.file);
      const engine = await engineOf(libraries.engineFor(policy.sources), databaseOption ?? policy.sources.database);
      try {
        await engine.prepareDraft?.(read.text);
        let checked = checkDraftText(engine, read.text, path);
        if (fix) {
          const fixed = fixDraft(input.file, path, checked, policy, fix);
          if (fixed !== undefined && !fix.dryRun) {
            await engine.prepareDraft?.(fixed);
            checked = checkDraftText(engine, fixed, path);
          }
        }
        results.push({ report: checked.report, findings: findingsOf(checked, policy) });
      } catch (error) {
        if (error instanceof RetrievalError) throw error;
        // An engine bug on one draft must not hide the results for the others.
        printDebugStack(error);
        const message = error instanceof UnreadableDraftError ? error.message : `internal error: ${errorMessage(error)}`;
        results.push(unreadable(path, message));
      }
    }
    for (const { report } of results) {
      if (report.error !== undefined) printProblem(report.path, report.error);
      for (const sentence of report.unchecked ?? []) {
        const { line, character } = sentence.range.start;
        printProblem(`${report.path}:${line + 1}:${character + 1}`, `this sentence could not be checked (internal error: ${sentence.error})`);
      }
    }

    // A dry run's output is the diff it printed; the report would only repeat the findings as they stand.
    if (!fix?.dryRun) {
      const library = libraries.combined();
      process.stdout.write(
        format === 'json'
          ? formatJson(results, library, { baseDir: cwd })
          : format === 'sarif'
            ? formatSarif(results, library, { baseDir: cwd, toolVersion: TOOL_VERSION })
            : format === 'github'
              ? formatGithub(results)
              : formatText(results, { color: useColor() }),
      );
    }
    return exitStatusFor(countReports(results), failOn);
  }
}

/**
 * The drafts the paths name: a file named on the command line is always checked; a folder is walked, and of its
 * Markdown files those a project config covers are checked where one applies (its `drafts` globs), all of them
 * where none does. Source articles of the library are never checked as drafts.
 */
function draftInputs(paths: readonly string[], policyFor: (file: string) => DraftPolicy, libraries: Libraries): DraftInput[] {
  const inputs: DraftInput[] = [];
  for (const path of paths) {
    const walked = isFolder(path);
    for (const input of findDraftFiles([path])) {
      if ('problem' in input || !walked) {
        inputs.push(input);
        continue;
      }
      const policy = policyFor(input.file);
      if (policy.config && !coversDraft(policy.config, input.file)) continue;
      if (libraries.sourcePaths(policy.sources).has(realpathOrSelf(input.file))) continue;
      inputs.push(input);
    }
  }
  return inputs;
}

const SIZE_FACTORS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9 };

/** `--max-file-size`: bytes, or a number with k, M or G (powers of 1,000, as file sizes are shown). */
function byteCount(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kMG]?)B?$/.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size must be a size such as 5000000, 800k or 5M (got "${value}")`);
  return Math.round(Number(match[1]) * (SIZE_FACTORS[match[2] ?? ''] ?? 1));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function unreadable(path: string, error: string): FileResult {
  const report: FileReport = { path, claims: [], skipped: [], error };
  return { report, findings: [] };
}

/** https://no-color.org: colour only for a terminal, and never when NO_COLOR is set to anything. */
function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColor === undefined || noColor === '');
}
