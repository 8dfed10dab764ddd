// The tests module VS Code loads in the extension host (`extensionTestsPath`): runs the mocha suites (TDD ui) against
// the real `vscode` API, under @vscode/test-electron and under code-server alike. The bundle (test/vscode/bundle.ts)
// calls `runSuites` with one loader per `suites/*.suite.ts`, so each suite file runs only after mocha set up its
// `suite`/`test` functions.
import Mocha from 'mocha';
import { format } from 'node:util';
import { OUTPUT_MARK } from './output';


/**
 * Prints a line of the test report (mocha's reporter goes through here too). Under code-server the extension host's
 * console reaches the runner mixed with the workbench's own log, so the runner asks for a mark to pick these lines out.
 */
export function report(...args: unknown[]): void {
  console.log((process.env.GROUNDED_MARK_OUTPUT === '1' ? OUTPUT_MARK : '') + format(...args));
}

export type SuiteLoader = [file: string, load: () => unknown];

export function runSuites(loaders: readonly SuiteLoader[]): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    // A single test's own waits have shorter timeouts with clearer messages; this is the backstop.
    timeout: 120_000,
    slow: 5_000,
  });
  const grep = process.env.GROUNDED_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const [file, load] of loaders) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, load(), file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, file, mocha);
  }
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const skipped = stats?.pending ? `, ${stats.pending} skipped` : '';
      // The plain closing line CI reads.
      report(`vscode: ${stats?.passes ?? 0} passed, ${failures} failed${skipped}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      else resolve();
    });
  });
}
