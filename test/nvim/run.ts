// `npm run test:nvim`: the language server in a real Neovim (Debian's 0.7.2), headless. Builds the server into a temp
// folder (bin/grounded-language-server.js and dist/server.js, as installed), copies fixture drafts there, runs `nvim --headless -u NONE -n -S test/nvim/check.lua` with a timeout, and
// relays check.lua's "ok"/"not ok" lines. Neovim's own state (LSP log, shada) goes to the temp folder too.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, makeRunFolder, stageExtension } from '../../scripts/real-editors/runFolder';

const TIMEOUT_MS = 120_000;
const DRAFTS = ['mixed.md', 'contradicted.md', 'uncited.md'];

async function main(): Promise<void> {
  const started = Date.now();
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.error('test:nvim: nvim is not installed: run scripts/real-editors/install-tools.sh (or apt-get install neovim).');
    process.exitCode = 1;
    return;
  }
  console.log(`test:nvim: ${version.stdout.split('\n')[0]}`);
  const run = makeRunFolder('grounded-nvim');
  // The server built into the run folder: the repository's dist/ is left alone.
  const extension = stageExtension(join(run.path, 'extension'));
  const drafts = join(run.path, 'drafts');
  mkdirSync(drafts);
  // A project whose every Markdown file is a draft, as a writer's would be.
  writeFileSync(join(run.path, '.grounded.yaml'), 'drafts:\n  include: ["drafts/**/*.md"]\n');
  for (const name of DRAFTS) copyFileSync(join(ROOT, 'test', 'fixtures', 'editors', 'workspace', 'drafts', name), join(drafts, name));
  const xdg = (name: string) => join(run.path, 'xdg', name);

  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-S', join(ROOT, 'test', 'nvim', 'check.lua')], {
    cwd: drafts,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GROUNDED_SERVER: join(extension, 'bin', 'grounded-language-server.js'),
      GROUNDED_DIR: drafts,
      XDG_CONFIG_HOME: xdg('config'),
      XDG_DATA_HOME: xdg('data'),
      XDG_CACHE_HOME: xdg('cache'),
      XDG_STATE_HOME: xdg('state'),
    },
  });
  let stdout = '';
  let countLine: string | undefined;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // Relay complete lines as they come.
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      const clean = line.replace(/\r$/, '');
      // check.lua's closing count line is printed last, after the runner's own.
      if (/^nvim: \d+ passed, \d+ failed/.test(clean)) countLine = clean;
      else console.log(clean);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (stdout) console.log(stdout);

  const failed = timedOut || code !== 0;
  if (timedOut) console.log(`not ok - nvim did not finish within ${TIMEOUT_MS / 1000} s`);
  if (failed && stderr.trim()) console.log(`# nvim stderr:\n${stderr.trim().replace(/^/gm, '# ')}`);
  if (failed) console.log(`# Neovim's LSP log: ${join(xdg('cache'), 'nvim', 'lsp.log')}`);
  run.dispose(failed);
  console.log(`test:nvim: ${failed ? 'FAILED' : 'passed'} (exit ${code}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(countLine ?? 'nvim: 0 passed, 1 failed');
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
