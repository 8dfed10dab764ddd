// `grounded check [paths...]`: reads the drafts, checks them, prints the report and decides the exit status.
import { createEngine } from '../engine';
import { displayPath } from '../files/displayPath';
import { findDraftFiles } from '../files/findDraftFiles';
import { readTextFile } from '../files/readTextFile';
import { UnreadableDraftError } from '../markdown/extractClaims';
import { countReports } from '../formats/counts';
import { formatJson } from '../formats/json';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';
import type { FileReport } from '../model';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, FAIL_LEVELS, exitStatusFor, type ExitStatus, type FailLevel } from './exitStatus';
import { loadLibraryForCli, reportMissingSourceDirs } from './library';
import { errorMessage, printDebugStack, printProblem } from './stderr';
import { TOOL_VERSION } from './version';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
  { name: 'format', kind: 'value', choices: FORMATS },
  { name: 'fail-on', kind: 'value', choices: FAIL_LEVELS },
];

export function runCheck(argv: readonly string[]): ExitStatus {
  const args = parseArgs(argv, CHECK_OPTIONS);
  if (args.positionals.length === 0) throw new UsageError('check needs at least one Markdown file or folder');
  const format = args.values.get('format') ?? 'text';
  const failOn = (args.values.get('fail-on') ?? 'unsupported') as FailLevel;

  const sourceDirs = args.lists.get('sources') ?? [];
  if (!reportMissingSourceDirs(sourceDirs)) return EXIT.inputError;
  const library = loadLibraryForCli({ sourceDirs, includeBundled: !args.flags.has('no-bundled-sources') });
  const engine = createEngine(library);
  const cwd = process.cwd();

  // Unusable inputs stay in the report (JSON consumers see them too) and are also named on stderr, where people look.
  const reports: FileReport[] = [];
  for (const input of findDraftFiles(args.positionals)) {
    if ('problem' in input) {
      reports.push(unreadable(displayPath(input.path, cwd), input.problem));
      continue;
    }
    const path = displayPath(input.file, cwd);
    const read = readTextFile(input.file);
    if ('error' in read) {
      reports.push(unreadable(path, read.error));
      continue;
    }
    try {
      reports.push(engine.checkDraft(read.text, path));
    } catch (error) {
      // An engine bug on one draft must not hide the results for the others.
      printDebugStack(error);
      const message = error instanceof UnreadableDraftError ? error.message : `internal error: ${errorMessage(error)}`;
      reports.push(unreadable(path, message));
    }
  }
  for (const report of reports) if (report.error !== undefined) printProblem(report.path, report.error);

  process.stdout.write(
    format === 'json'
      ? formatJson(reports, library, { baseDir: cwd })
      : format === 'sarif'
        ? formatSarif(reports, library, { baseDir: cwd, toolVersion: TOOL_VERSION })
        : formatText(reports, { color: useColor() }),
  );

  return exitStatusFor(countReports(reports), failOn);
}

function unreadable(path: string, error: string): FileReport {
  return { path, claims: [], skipped: [], error };
}

/** https://no-color.org: colour only for a terminal, and never when NO_COLOR is set to anything. */
function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColor === undefined || noColor === '');
}
