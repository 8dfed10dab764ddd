// The `grounded` command (bundled to dist/cli.js, started by bin/grounded.js). Picks the command and turns every
// failure into a one-line message and an exit status: people and CI logs never see a stack trace unless they ask.
import { UsageError } from './args';
import { runCheck } from './check';
import { EXIT, type ExitStatus } from './exitStatus';
import { runInit } from './init';
import { finalStatus, guardOutput } from './output';
import { isIngestWorker, runIngestWorker } from '../retrieval/postgres/ingestWorkers';
import { runScore } from './score';
import { errorMessage, printDebugStack, printMessage } from './stderr';
import { USAGE, USAGE_HINT } from './usage';
import { TOOL_VERSION } from './version';

async function run(argv: readonly string[]): Promise<ExitStatus> {
  const [command, ...rest] = argv;
  if (command === '--version') {
    process.stdout.write(TOOL_VERSION + '\n');
    return EXIT.ok;
  }
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'init':
      return runInit(rest);
    // Loaded when used: citation-js and node-postgres would slow every other command's start.
    case 'bibliography':
      return (await import('./bibliography')).runBibliography(rest);
    case 'index':
      return (await import('./index')).runIndex(rest);
    case 'score':
      return runScore(rest);
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
  }
}

if (isIngestWorker()) {
  // `grounded index` reads its files in worker threads started from this bundle (retrieval/postgres/ingestWorkers.ts).
  runIngestWorker();
} else {
  guardOutput();
  run(process.argv.slice(2)).then(
    (status) => {
      // exitCode rather than exit(): a report piped to another program is flushed before the process ends.
      process.exitCode = finalStatus(status);
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        printMessage(error.message);
        process.stderr.write(USAGE_HINT + '\n');
      } else {
        printMessage(`internal error: ${errorMessage(error)}`);
        printDebugStack(error);
      }
      process.exitCode = EXIT.inputError;
    },
  );
}
