// code-server (a real VS Code 1.100.3 server) and headless Chromium, for the real-editor tests: start code-server on
// loopback with a profile of its own, open its workbench in Chromium through playwright-core, stop both. Used by the
// extension-host suites (test/vscode) and the UI end-to-end test (test/ui). See shared/docs/real-editor-testing.md.
//
// Every wait here is on an event (a line code-server prints, a page callback, a process exit) with a timeout that
// says what did not happen.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
/** Where scripts/real-editors/install-tools.sh puts code-server. */
export const TOOLS_DIR = process.env.GROUNDED_TOOLS || join(homedir(), '.cache', 'grounded-tools');
export const CHROMIUM = process.env.GROUNDED_CHROMIUM || '/usr/bin/chromium';

/** Rejects after `ms` with "Timed out after Ns waiting for <what>", unless the promise settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The code-server launcher; throws with the install command when it is missing. */
export function codeServerBin(): string {
  const bin = join(TOOLS_DIR, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server is not installed in ${TOOLS_DIR}: run scripts/real-editors/install-tools.sh (or set GROUNDED_TOOLS).`);
  }
  return bin;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServerOptions {
  /** A fresh folder for this run: the profile (user data, extensions) and Chromium's profile go below it. */
  home: string;
  /** User settings (settings.json of the profile). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server, and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Echo code-server's output as it comes (default: only on failure). */
  verbose?: boolean;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** What code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The settings every run needs: no welcome page, no trust prompt, no update or telemetry traffic. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  ...(process.env.GROUNDED_TRACE ? { 'grounded.trace.server': 'verbose' } : {}),
};

function codeServerArgs(userDataDir: string, extensionsDir: string): string[] {
  return ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** `code-server --install-extension FILE` into the run's extensions folder. */
export async function installExtension(home: string, vsix: string): Promise<void> {
  const { userDataDir, extensionsDir } = profileDirs(home);
  const child = spawn(codeServerBin(), [...codeServerArgs(userDataDir, extensionsDir), '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await withTimeout(
    new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    }),
    120_000,
    `code-server --install-extension ${vsix}`,
  );
  if (code !== 0 || !/was successfully installed/.test(output)) throw new Error(`Installing ${vsix} failed (exit ${code}):\n${output}`);
}

function profileDirs(home: string): { userDataDir: string; extensionsDir: string } {
  return { userDataDir: join(home, 'user-data'), extensionsDir: join(home, 'extensions') };
}

/** Starts code-server on 127.0.0.1 (a free port), detached in its own process group, and waits until it listens. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { userDataDir, extensionsDir } = profileDirs(options.home);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));
  const port = await freePort();
  const child: ChildProcess = spawn(
    codeServerBin(),
    ['--bind-addr', `127.0.0.1:${port}`, ...codeServerArgs(userDataDir, extensionsDir)],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own config file and data folders, so nothing is written to the user's ~/.config/code-server.
      env: { ...process.env, XDG_CONFIG_HOME: join(options.home, 'config'), XDG_DATA_HOME: join(options.home, 'data'), ...options.env },
    },
  );
  let output = '';
  let listening: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    listening = resolve;
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`code-server exited (${signal ?? code}) before it listened:\n${output}`)));
  });
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    output += text;
    if (options.verbose) process.stderr.write(text);
    if (/HTTP server listening on/.test(output)) listening();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    try {
      await withTimeout(exited, 10_000, 'code-server to stop');
    } catch {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  };

  try {
    await withTimeout(ready, 60_000, `code-server to listen on 127.0.0.1:${port}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin: `http://127.0.0.1:${port}`, userDataDir, extensionsDir, output: () => output, stop };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium (Debian's) with a fresh profile folder, and one page. */
export async function launchChromium(profileDir: string, viewport = { width: 1400, height: 900 }): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium is not installed at ${CHROMIUM}: run scripts/real-editors/install-tools.sh (or set GROUNDED_CHROMIUM).`);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

/** A `vscode-remote://` URI for a path on the code-server machine (the workbench's way to name server files). */
export function remoteUri(server: CodeServer, path: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${path}`;
}

/** The workbench URL opening a folder, optionally with a development extension and its tests (the test-electron model). */
export function workbenchUrl(server: CodeServer, folder: string, tests?: { extensionDevelopmentPath: string; extensionTestsPath: string }): string {
  const url = new URL(server.origin);
  url.searchParams.set('folder', folder);
  if (tests) {
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, tests.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server, tests.extensionTestsPath)],
    ];
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}
