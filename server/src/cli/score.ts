// `grounded score --pairs FILE.jsonl`: one verdict per claim, for the evaluation scripts. The input is streamed line
// by line and each verdict written as soon as it is known, so benchmark files of any size work in constant memory.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkClaimAgainstText, createEngine, type Engine } from '../engine';
import { describeFsError } from '../files/readTextFile';
import { jsonEvidence, round } from '../formats/json';
import type { ClaimVerdict } from '../model';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { loadLibraryForCli, reportMissingSourceDirs } from './library';
import { outputClosed, writeOutput } from './output';
import { errorMessage, printDebugStack, printProblem } from './stderr';

export const SCORE_OPTIONS: readonly OptionSpec[] = [
  { name: 'pairs', kind: 'value' },
  { name: 'format', kind: 'value', choices: ['jsonl'] },
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
];

export interface ScorePair {
  id: string | number;
  claim: string;
  /** An article's text: when present the claim is checked against it alone, not against the library. */
  source?: string;
}

export async function runScore(argv: readonly string[]): Promise<ExitStatus> {
  const args = parseArgs(argv, SCORE_OPTIONS);
  const pairsFile = args.values.get('pairs');
  if (pairsFile === undefined) throw new UsageError('score needs --pairs FILE.jsonl');
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);

  const fileProblem = unreadableFileProblem(pairsFile);
  if (fileProblem) {
    printProblem(pairsFile, fileProblem);
    return EXIT.inputError;
  }

  const sourceDirs = args.lists.get('sources') ?? [];
  if (!reportMissingSourceDirs(sourceDirs)) return EXIT.inputError;
  // The library is loaded on the first claim that needs it: benchmarks that bring their own articles never pay for it.
  let engine: Engine | undefined;
  const verdictOf = (pair: ScorePair): ClaimVerdict => {
    if (pair.source !== undefined) return checkClaimAgainstText(pair.claim, pair.source);
    engine ??= createEngine(loadLibraryForCli({ sourceDirs, includeBundled: !args.flags.has('no-bundled-sources') }));
    return engine.checkClaim(pair.claim);
  };

  let failed = false;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(pairsFile, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (outputClosed()) break;
      lineNumber++;
      if (line.trim() === '') continue;
      const where = `${pairsFile}:${lineNumber}`;
      // A byte-order mark (as Windows editors save UTF-8) is no part of the first line's JSON.
      const parsed = parsePair(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line);
      if ('problem' in parsed) {
        printProblem(where, parsed.problem);
        failed = true;
        continue;
      }
      let verdict: ClaimVerdict;
      try {
        verdict = verdictOf(parsed);
      } catch (error) {
        printDebugStack(error);
        printProblem(where, `internal error: ${errorMessage(error)}`);
        failed = true;
        continue;
      }
      const output = {
        id: parsed.id,
        verdict: verdict.verdict,
        confidence: round(verdict.confidence),
        evidence: jsonEvidence(verdict.evidence),
      };
      // Waiting for 'drain' keeps memory flat when the reader of stdout is slower than the engine; a reader that went
      // away (`| head`) ends the run: nobody reads the rest.
      if (!(await writeOutput(JSON.stringify(output) + '\n'))) break;
    }
  } catch (error) {
    printProblem(pairsFile, describeFsError(error));
    return EXIT.inputError;
  }
  return failed ? EXIT.inputError : EXIT.ok;
}

/** One input line as a pair, or why it is not one. */
export function parsePair(line: string): ScorePair | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { problem: `not valid JSON (${errorMessage(error)}); line skipped` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'expected a JSON object {"id", "claim"}; line skipped' };
  }
  const { id, claim, source } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return { problem: '"id" must be a string or a number; line skipped' };
  if (typeof claim !== 'string' || claim.trim() === '') return { problem: '"claim" must be a non-empty string; line skipped' };
  if (source !== undefined && typeof source !== 'string') return { problem: '"source" must be a string; line skipped' };
  return source === undefined ? { id, claim } : { id, claim, source };
}

function unreadableFileProblem(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return 'is a folder, not a JSON Lines file';
  } catch (error) {
    return describeFsError(error);
  }
  return undefined;
}
