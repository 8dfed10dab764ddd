// `npm run test:ui`: the packaged extension end to end in the real VS Code UI (code-server 4.100.3 in headless
// Chromium), driven with the keyboard and mouse as a writer would:
//   package grounded.vsix (`npm run package`, in a copy of the repository) → install it into code-server
//   (`--install-extension`) → open examples/draft.md of a temp workspace (Ctrl+P) → wait for the squiggles → open
//   Problems (Ctrl+Shift+M) and read the entries → hover a contradicted claim and read the evidence → apply the
//   "Use the source's …" quick fix with Ctrl+. and the arrow keys → see the text change and the squiggle go.
// Saves docs/problems.png and docs/hover.png (not on CI; GROUNDED_UI_SCREENSHOTS=0 to leave them alone, =<dir> to save
// elsewhere).
// Every wait is on a selector or an event, each with a timeout that says what did not appear.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { installExtension, launchChromium, startCodeServer, workbenchUrl, type Browser, type CodeServer } from '../../scripts/real-editors/codeServer';
import { ROOT, makeRunFolder, packageVsix } from '../../scripts/real-editors/runFolder';

/** Waits for the workbench and the first check, which includes starting the extension and its server. */
const START_MS = 90_000;
/** Waits for one UI reaction (a widget opening, a re-check). */
const STEP_MS = 30_000;
const VIEWPORT = { width: 1400, height: 900 };

interface Step {
  name: string;
  run: () => Promise<void>;
}

let passed = 0;
let failed = 0;

async function step(page: Page | undefined, { name, run }: Step, failureShots: string): Promise<boolean> {
  const started = Date.now();
  try {
    await run();
    passed++;
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n    ${(error instanceof Error ? error.message : String(error)).replace(/\n/g, '\n    ')}`);
    if (page) {
      const shot = join(failureShots, `failure-step-${passed + failed}.png`);
      await page.screenshot({ path: shot }).then(() => console.log(`    (screenshot of the failure: ${shot})`)).catch(() => undefined);
    }
    return false;
  }
}

/** A waitFor with a message naming what did not appear. */
async function appears(page: Page, selector: string, what: string, options: { hasText?: string | RegExp; timeout?: number } = {}): Promise<void> {
  const locator = page.locator(selector, options.hasText === undefined ? {} : { hasText: options.hasText }).first();
  try {
    await locator.waitFor({ state: 'visible', timeout: options.timeout ?? STEP_MS });
  } catch {
    throw new Error(`${what} did not appear within ${Math.round((options.timeout ?? STEP_MS) / 1000)} s (selector ${selector}${options.hasText ? ` with text ${String(options.hasText)}` : ''})`);
  }
}

interface CliFinding {
  severity: 'Error' | 'Warning';
  kind: 'contradicted' | 'unsupported' | 'citation-mismatch';
  line: number;
  character: number;
  message: string;
}

/** What `grounded check` (the packaged CLI) reports for a draft: `path:line:col  severity  kind  message` lines. */
function cliFindings(packageDir: string, draft: string): CliFinding[] {
  const result = spawnSync(process.execPath, [join(packageDir, 'bin', 'grounded.js'), 'check', draft, '--fail-on', 'none'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, `grounded check failed: ${result.stderr}`);
  return result.stdout.split('\n').flatMap((line): CliFinding[] => {
    const match = /:(\d+):(\d+)\s+(error|warning)\s+(contradicted|unsupported|citation-mismatch)\s+(.*)$/.exec(line);
    if (!match) return [];
    const [, row, column, severity, kind, message] = match;
    return [{ severity: severity === 'error' ? 'Error' : 'Warning', kind: kind as CliFinding['kind'], line: Number(row), character: Number(column), message: message! }];
  });
}

/** The message each kind of diagnostic starts with. */
const MESSAGE_START: Record<CliFinding['kind'], string> = {
  contradicted: 'Contradicted',
  unsupported: 'No source backs',
  'citation-mismatch': 'The cited',
};

function matches(entry: string, finding: CliFinding): boolean {
  return entry.startsWith(`${finding.severity}: ${MESSAGE_START[finding.kind]}`) && entry.includes(`at line ${finding.line} and character ${finding.character}.`);
}

/** The aria-labels of the Problems panel's marker rows ("Error: <message> at line L and character C. …"). */
async function problemEntries(page: Page): Promise<string[]> {
  const labels = await page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
  return labels.filter((label) => /^(Error|Warning|Info): /.test(label));
}

async function main(): Promise<void> {
  const started = Date.now();
  // docs/ by default; on CI (a throwaway clone) only when GROUNDED_UI_SCREENSHOTS names a folder.
  const wanted = process.env.GROUNDED_UI_SCREENSHOTS;
  const screenshots = wanted === '0' ? undefined : wanted ? wanted : process.env.CI ? undefined : join(ROOT, 'docs');
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  const run = makeRunFolder('grounded-ui');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let ok = true;
  try {
    const workspace = join(run.path, 'workspace');
    run.copy('examples', 'workspace/examples');
    const home = join(run.path, 'profile');
    let vsix = '';
    let expected: CliFinding[] = [];

    const steps: Step[] = [
      {
        name: 'npm run package makes grounded.vsix; code-server --install-extension installs it',
        run: async () => {
          vsix = packageVsix(join(run.path, 'package'));
          expected = cliFindings(join(run.path, 'package'), join(workspace, 'examples', 'draft.md'));
          await installExtension(home, vsix);
        },
      },
      {
        name: 'the workbench opens the temp workspace',
        run: async () => {
          server = await startCodeServer({ home, settings: { 'editor.hover.delay': 100, 'editor.hover.above': false, 'workbench.colorTheme': 'Default Light Modern' } });
          browser = await launchChromium(join(run.path, 'chromium'), VIEWPORT);
          page = browser.page;
          await page.goto(workbenchUrl(server, workspace));
          await appears(page, '.explorer-folders-view .monaco-list-row', 'the Explorer with the workspace', { hasText: 'examples', timeout: START_MS });
        },
      },
      {
        name: 'Ctrl+P opens examples/draft.md; error and warning squiggles appear',
        run: async () => {
          const p = page!;
          await p.keyboard.press('Control+P');
          await appears(p, '.quick-input-widget .monaco-inputbox input', 'the Quick Open box');
          await p.keyboard.type('draft.md');
          await appears(p, '.quick-input-list .monaco-list-row', 'draft.md in Quick Open', { hasText: 'draft.md' });
          await p.keyboard.press('Enter');
          await appears(p, '.monaco-editor .squiggly-error', 'a red squiggle (contradicted)', { timeout: START_MS });
          await appears(p, '.monaco-editor .squiggly-warning', 'a yellow squiggle (unsupported)');
          console.log(`    squiggles: ${await p.locator('.squiggly-error').count()} error, ${await p.locator('.squiggly-warning').count()} warning segments`);
        },
      },
      {
        name: 'Ctrl+Shift+M opens Problems, listing each finding with its code, position and evidence',
        run: async () => {
          const p = page!;
          await p.keyboard.press('Control+Shift+M');
          await appears(p, '.markers-panel .monaco-list-row', 'a Problems entry', { hasText: 'grounded' });
          // Maximised, so every entry and its evidence line is rendered (the list is virtual: rows out of view are not).
          await p.keyboard.press('Control+Shift+P');
          await appears(p, '.quick-input-widget .monaco-inputbox input', 'the Command Palette');
          await p.keyboard.type('View: Toggle Maximized Panel');
          await appears(p, '.quick-input-list .monaco-list-row', 'the Toggle Maximized Panel command', { hasText: 'Toggle Maximized Panel' });
          await p.keyboard.press('Enter');
          await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
          await appears(p, '.markers-panel .monaco-list-row', 'the last Problems entry', { hasText: 'Colombia' });
          const entries = await problemEntries(p);
          for (const entry of entries) console.log(`    ${entry.replace(/ This problem has references.*$/, '')}`);
          // The editor must list what `grounded check` reports for the same file (the packaged CLI, same engine).
          assert.ok(expected.length > 0, 'grounded check finds something in examples/draft.md');
          const unmatched = new Set(entries);
          for (const finding of expected) {
            const match = entries.find((entry) => matches(entry, finding));
            assert.ok(match, `Problems lists the ${finding.kind} finding at ${finding.line}:${finding.character} (${finding.message})`);
            unmatched.delete(match);
          }
          for (const extra of unmatched) console.log(`    note: Problems also lists what grounded check does not report: ${extra.replace(/ This problem has references.*$/, '')}`);
          assert.ok(entries.every((entry) => entry.includes('generated by grounded')), 'every entry comes from Grounded');
          // Uncited claims are hints: squiggle-free dots, not listed in Problems.
          assert.ok(!entries.some((entry) => entry.includes('but not cited')), 'no uncited hint in Problems');
          const rows = await p.locator('.markers-panel .monaco-list-row').allInnerTexts();
          assert.ok(rows.some((row) => /grounded\s*\(?\s*contradicted/.test(row)), "each row names the source and the code: grounded(contradicted)");
          if (screenshots) await p.screenshot({ path: join(screenshots, 'problems.png') });
          // Back to the editor alone for the hover.
          await p.keyboard.press('Control+J');
          await p.locator('.markers-panel').waitFor({ state: 'hidden', timeout: STEP_MS });
        },
      },
      {
        name: 'hovering the contradicted claim shows the verdict and the source passage that says otherwise',
        run: async () => {
          const p = page!;
          // VS Code caps a hover at a quarter of the editor's height (250 px at least): a tall window lets the
          // evidence show; the screenshot is cut below the hover.
          await p.setViewportSize({ width: VIEWPORT.width, height: 2000 });
          await p.locator('.monaco-editor .view-line', { hasText: 'Desk note' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
          const squiggle = p.locator('.monaco-editor .squiggly-error').first();
          const box = await squiggle.boundingBox();
          assert.ok(box, 'the first red squiggle has a position');
          await p.mouse.move(box.x + Math.min(120, box.width / 2), box.y + box.height / 2 - 4);
          // The problem's part of the hover shows at once; the server's part (the verdict and evidence) follows it.
          await appears(p, '.monaco-hover', 'the hover with the verdict', { hasText: /Contradicted \(confidence/ });
          const hover = await p.locator('.monaco-hover', { hasText: 'Contradicted' }).first().innerText();
          console.log(`    hover: ${hover.replace(/\s+/g, ' ').slice(0, 400)}…`);
          assert.match(hover, /Contradicted \(confidence \d+%\)/);
          assert.match(hover, /says? "more than 50", the draft says "more than 80"/);
          assert.match(hover, /more than 50 nations/, 'the evidence passage');
          assert.match(hover, /Norway says Venezuela's government and opposition will continue their talks in Barbados, AP/);
          assert.match(hover, /Open at line 13/);
          if (screenshots) {
            const shown = await p.locator('.monaco-hover', { hasText: 'Contradicted' }).first().boundingBox();
            const bottom = Math.min(2000, Math.ceil((shown?.y ?? 0) + (shown?.height ?? 0) + 40));
            await p.screenshot({ path: join(screenshots, 'hover.png'), animations: 'disabled', clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.max(bottom, 500) } });
          }
          await p.keyboard.press('Escape');
          await p.mouse.move(5, VIEWPORT.height - 5);
          await p.locator('.monaco-hover', { hasText: 'Contradicted' }).first().waitFor({ state: 'hidden', timeout: STEP_MS });
          await p.setViewportSize(VIEWPORT);
        },
      },
      {
        name: `Ctrl+. on the claim offers the quick fixes; Use the source's "50" rewrites the number and the red squiggle goes`,
        run: async () => {
          const p = page!;
          const errorsBefore = await p.locator('.monaco-editor .squiggly-error').count();
          // Go to the claim (line 9, inside "more than 80") with Ctrl+G.
          await p.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
          await p.keyboard.press('Control+G');
          await appears(p, '.quick-input-widget .monaco-inputbox input', 'the Go to Line box');
          await p.keyboard.type('9:170');
          await p.keyboard.press('Enter');
          await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
          await p.keyboard.press('Control+.');
          await appears(p, '.action-widget .monaco-list-row', 'the quick fix menu', { hasText: 'Use the source' });
          const titles = await p.locator('.action-widget .monaco-list-row.action').allInnerTexts();
          console.log(`    quick fixes: ${titles.map((t) => t.trim()).join(' | ')}`);
          assert.ok(titles.some((t) => t.includes(`Use the source's "50"`)), `Use the source's "50" is offered`);
          // The claim shares its paragraph with others, so the ignore fix names the paragraph and its claims.
          assert.ok(titles.some((t) => /^Ignore this (claim|paragraph \(\d+ claims\))$/.test(t.trim())), 'the ignore fix is offered');
          // Move the selection to the fix with the arrow keys, then Enter.
          for (let i = 0; i < titles.length; i++) {
            const focused = await p.locator('.action-widget .monaco-list-row.action.focused').first().innerText().catch(() => '');
            if (focused.includes(`Use the source's "50"`)) break;
            await p.keyboard.press('ArrowDown');
          }
          await appears(p, '.action-widget .monaco-list-row.action.focused', 'the selected fix', { hasText: `Use the source's "50"` });
          await p.keyboard.press('Enter');
          await appears(p, '.monaco-editor .view-line', 'the rewritten sentence', { hasText: 'more than 50 nations that recognize' });
          assert.equal(await p.locator('.monaco-editor .view-line', { hasText: 'more than 80 nations' }).count(), 0, 'the old number is gone');
          // The re-check removes that claim's red squiggle.
          await p.waitForFunction(`document.querySelectorAll('.monaco-editor .squiggly-error').length < ${errorsBefore}`, undefined, { timeout: STEP_MS }).catch(() => {
            throw new Error(`the red squiggles did not drop below ${errorsBefore} after the fix`);
          });
        },
      },
    ];

    for (const current of steps) {
      if (!(await step(page, current, run.path))) {
        ok = false;
        break;
      }
    }
  } catch (error) {
    ok = false;
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await browser?.close().catch(() => undefined);
    if (server && !ok) console.error(`code-server output (tail):\n${server.output().split('\n').slice(-30).join('\n')}`);
    await server?.stop();
    run.dispose(!ok);
  }
  console.log(`test:ui: ${ok && failed === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exitCode = ok && failed === 0 ? 0 : 1;
}

void main();
