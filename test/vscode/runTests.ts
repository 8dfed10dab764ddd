// `npm run test:vscode`: runs the mocha suites of test/vscode/suites inside a real VS Code extension host, by one of
// two routes, and says which:
//   - electron: @vscode/test-electron (2.5.x) with a desktop VS Code: `VSCODE_EXECUTABLE=/path/to/code`, or (not on
//     CI) a download of the current stable, tried first and given up at once when there is no internet;
//   - code-server: code-server 4.100.3 (VS Code 1.100.3) in headless Chromium, the route on machines without a desktop
//     VS Code (this one, CI). Needs scripts/real-editors/install-tools.sh once.
// Force one with GROUNDED_VSCODE_ROUTE=electron|code-server. GROUNDED_TEST_GREP=<text> runs the matching tests only.
// Each run opens a fresh temp copy of test/fixtures/editors/workspace with a fresh profile.
import { lookup } from 'node:dns/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { ConsoleMessage } from 'playwright-core';
import {
  BASE_SETTINGS,
  launchChromium,
  startCodeServer,
  withTimeout,
  workbenchUrl,
  type Browser,
  type CodeServer,
} from '../../scripts/real-editors/codeServer';
import { ROOT, makeRunFolder, stageExtension, type RunFolder } from '../../scripts/real-editors/runFolder';
import { bundleSuites } from './bundle';
import { OUTPUT_MARK } from './output';

/** The whole extension-host run (VS Code start, every suite); a backstop, the tests have their own timeouts. */
const RUN_TIMEOUT_MS = 15 * 60_000;
/** Whether VS Code's download host resolves is known within this (no internet: at once). */
const DOWNLOAD_PROBE_MS = 10_000;
const DOWNLOAD_HOST = 'update.code.visualstudio.com';

type Route = { kind: 'electron'; executable?: string } | { kind: 'code-server'; why: string };

function testEnv(): Record<string, string> {
  return process.env.GROUNDED_TEST_GREP ? { GROUNDED_TEST_GREP: process.env.GROUNDED_TEST_GREP } : {};
}

async function chooseRoute(): Promise<Route> {
  const forced = process.env.GROUNDED_VSCODE_ROUTE;
  if (forced === 'code-server') return { kind: 'code-server', why: 'GROUNDED_VSCODE_ROUTE=code-server' };
  if (process.env.VSCODE_EXECUTABLE) return { kind: 'electron', executable: process.env.VSCODE_EXECUTABLE };
  if (forced === 'electron') return { kind: 'electron' };
  if (process.env.CI) return { kind: 'code-server', why: 'CI is set and VSCODE_EXECUTABLE is not' };
  // A download is worth trying only where VS Code's download host can be reached; without internet that fails at once.
  try {
    await withTimeout(lookup(DOWNLOAD_HOST), DOWNLOAD_PROBE_MS, `a DNS answer for ${DOWNLOAD_HOST}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'code-server', why: `no desktop VS Code (VSCODE_EXECUTABLE unset; no download: ${reason})` };
  }
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    return { kind: 'electron', executable: await downloadAndUnzipVSCode({ cachePath: join(ROOT, '.vscode-test') }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { kind: 'code-server', why: `no desktop VS Code (VSCODE_EXECUTABLE unset; the download failed: ${reason})` };
  }
}

async function runWithElectron(run: RunFolder, extension: string, workspace: string, testsPath: string, executable: string | undefined): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  const userDataDir = join(run.path, 'profile', 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(BASE_SETTINGS, null, 2));
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: extension,
      extensionTestsPath: testsPath,
      extensionTestsEnv: testEnv(),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', userDataDir, '--extensions-dir', join(run.path, 'profile', 'extensions')],
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** The text of a console message of the workbench page (the extension host's console is forwarded there). */
async function messageText(message: ConsoleMessage): Promise<string> {
  let args: unknown[];
  try {
    args = await Promise.all(message.args().map((arg) => arg.jsonValue()));
  } catch {
    return message.text();
  }
  if (args.length === 0) return message.text();
  // Log lines come styled: "%c INFO", "color: …", then the original arguments.
  const [first, ...rest] = args;
  if (typeof first === 'string' && first.includes('%c')) {
    const styles = (first.match(/%c/g) ?? []).length;
    const prefix = first.replace(/%c/g, '').trim();
    return rest.length > styles ? `${prefix} ${format(...rest.slice(styles))}` : prefix;
  }
  return format(...args);
}

/** mocha's closing count line, held back so it is the runner's last line (CI reads it). */
let countLine: string | undefined;
const COUNT_LINE = /^vscode: \d+ passed, \d+ failed/;

async function runWithCodeServer(run: RunFolder, extension: string, workspace: string, testsPath: string): Promise<number> {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ home: join(run.path, 'profile'), env: { ...testEnv(), GROUNDED_MARK_OUTPUT: '1' } });
    browser = await launchChromium(join(run.path, 'chromium'));
    const { page } = browser;
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    const printing: Promise<void>[] = [];
    page.on('console', (message) => {
      printing.push(
        messageText(message).then((text) => {
          // Only the tests' lines (mocha's report); the workbench's own log is noise unless asked for.
          const marked = text.indexOf(OUTPUT_MARK);
          if (marked < 0) {
            if (process.env.GROUNDED_VERBOSE) console.log(`[page] ${text}`);
            return;
          }
          const line = text.slice(marked + OUTPUT_MARK.length);
          if (COUNT_LINE.test(line)) countLine = line;
          else console.log(line);
        }),
      );
    });
    page.on('pageerror', (error) => {
      if (process.env.GROUNDED_VERBOSE) console.log(`[page error] ${error.message}`);
    });
    await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: extension, extensionTestsPath: testsPath }));
    const code = await withTimeout(exitCode, RUN_TIMEOUT_MS, 'the extension-host tests to finish (VS Code calls codeAutomationExit)');
    await Promise.allSettled(printing);
    return code;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    if (server) console.error(`code-server output:\n${server.output()}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const run = makeRunFolder('grounded-vscode');
  let code = 1;
  try {
    // The extension built into the run folder (the repository's dist/ is left alone), and the suites bundled beside it.
    const extension = stageExtension(join(run.path, 'extension'));
    const testsPath = await bundleSuites(join(run.path, 'tests'));
    const workspace = run.copy('test/fixtures/editors/workspace', 'workspace');
    run.copy('test/fixtures/editors/extra-sources', 'extra-sources');
    const route = await chooseRoute();
    if (route.kind === 'electron') {
      console.log(`test:vscode: route electron (@vscode/test-electron, ${route.executable ?? 'downloaded VS Code'})`);
      code = await runWithElectron(run, extension, workspace, testsPath, route.executable);
    } else {
      console.log(`test:vscode: route code-server (code-server in headless Chromium): ${route.why}`);
      code = await runWithCodeServer(run, extension, workspace, testsPath);
    }
  } finally {
    run.dispose(code !== 0);
  }
  console.log(`test:vscode: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (countLine) console.log(countLine);
  process.exitCode = code === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
