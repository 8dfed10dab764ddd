// Helpers the suites share inside the extension host. Every wait is on an event (diagnostics changing, a command's
// promise) and has a timeout whose message says what was awaited and what was seen instead.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../client/src/extension';
import { AP, AP_TITLE } from '../fixtures/examples';

export const EXTENSION_ID = 'grounded.grounded';
/** Waits for the server's answer to an edit or a command. */
export const WAIT_MS = 20_000;
/** The first wait also covers the server's start (loading the lexicon and the sources). */
export const FIRST_WAIT_MS = 60_000;

export { AP, AP_TITLE };
export const BUNDLED_TITLES = [
  AP_TITLE,
  "Venezuela's foreign minister says the Maduro government is open to dialogue with the US",
  'Venezuela crisis: President Maduro says he had secret talks with US',
  'Venezuela, US met secretly for months, Maduro says',
  'Venezuelan officials, opposition leaders negotiate in Mexico',
];

export function withTimeout<T>(promise: Thenable<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s waiting for ${typeof what === 'string' ? what : what()}`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** The activated extension's API. */
export async function groundedApi(): Promise<GroundedApi> {
  const extension = vscode.extensions.getExtension<GroundedApi>(EXTENSION_ID);
  assert.ok(extension, `the extension ${EXTENSION_ID} is not loaded`);
  const api = await withTimeout(extension.activate(), FIRST_WAIT_MS, `${EXTENSION_ID} to activate`);
  await withTimeout(api.client, FIRST_WAIT_MS, 'the Grounded language server to start');
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (the runner opens a copy of test/fixtures/editors/workspace)');
  return folder.uri.fsPath;
}

/** A fixture draft of the workspace, e.g. `drafts/mixed.md`. */
export function draftUri(relative: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), relative));
}

let copies = 0;
/**
 * A fresh copy of a workspace draft in a scratch folder beside the workspace (so editing it changes no other test's
 * file, and "verify workspace" counts stay fixed).
 */
export function scratchCopy(relative: string): vscode.Uri {
  const scratch = join(dirname(workspaceRoot()), 'scratch');
  mkdirSync(scratch, { recursive: true });
  // A project of its own, whose every Markdown file is a draft (the workspace's config does not reach it).
  writeFileSync(join(scratch, '.grounded.yaml'), '# Scratch copies of the workspace drafts: all drafts.\n');
  const target = join(scratch, `${++copies}-${basename(relative)}`);
  copyFileSync(join(workspaceRoot(), relative), target);
  return vscode.Uri.file(target);
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export function groundedDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'grounded');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(codeOf).sort();
}

function describeDiagnostics(uri: vscode.Uri): string {
  const diagnostics = groundedDiagnostics(uri);
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} (${vscode.DiagnosticSeverity[d.severity]})`).join(', ');
}

/**
 * Resolves with the Grounded diagnostics of `uri` once `accept` holds for them: at once if it already does, else at
 * the first `onDidChangeDiagnostics` for that URI after which it does.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  let listener: vscode.Disposable | undefined;
  const settled = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = (): boolean => {
      const diagnostics = groundedDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      resolve(diagnostics);
      return true;
    };
    listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    check();
  });
  return withTimeout(settled, ms, () => `${what} on ${basename(uri.fsPath)}; its Grounded diagnostics are: ${describeDiagnostics(uri)}`).finally(
    () => listener?.dispose(),
  );
}

/** Waits for the next diagnostics change of `uri`, whatever it holds (a republish after a settings change). */
export function nextDiagnosticsChange(uri: vscode.Uri, what: string, ms = WAIT_MS): { done: Promise<vscode.Diagnostic[]> } {
  let first = true;
  // The predicate runs once at once (skip that), then at each change of this URI.
  return { done: waitForDiagnostics(uri, (diagnostics) => (first ? ((first = false), false) : Boolean(diagnostics)), what, ms) };
}

/** Opens a draft and waits until its diagnostics have exactly the given codes (sorted comparison). */
export async function openAndWait(uri: vscode.Uri, codes: string[], ms = WAIT_MS): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const editor = await show(uri);
  const wanted = [...codes].sort();
  const diagnostics = await waitForDiagnostics(uri, (d) => codesOf(d).join() === wanted.join(), `diagnostics [${wanted.join(', ')}]`, ms);
  return { editor, diagnostics };
}

/** The position of the first occurrence of `needle` in the document (offset `plus` characters into it). */
export function positionOf(document: vscode.TextDocument, needle: string, plus = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in ${basename(document.uri.fsPath)}`);
  return document.positionAt(offset + plus);
}

/** The range of the whole line holding `needle`, as a claim's range is when the sentence fills the line. */
export function lineRange(document: vscode.TextDocument, needle: string): vscode.Range {
  return document.lineAt(positionOf(document, needle).line).range;
}

export async function quickFixes(uri: vscode.Uri, at: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await withTimeout(
    vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value),
    WAIT_MS,
    'the code actions',
  );
  // A provider may answer with bare commands; Grounded's are all code actions.
  return (actions ?? []).filter((action): action is vscode.CodeAction => typeof (action as vscode.Command).command !== 'string');
}

/**
 * The quick fixes at a position once they include `title`. VS Code cancels a code-action request when the set of
 * code-action providers changes while it runs (getCodeActions listens to the registry), and the language client then
 * answers with nothing: that happens once, when the first Markdown file activates VS Code's built-in Markdown
 * extension and it registers its providers. So a request that lacks the action is asked again, a few times at most.
 */
export async function quickFixesWith(uri: vscode.Uri, at: vscode.Position, title: string, attempts = 5): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    actions = await quickFixes(uri, at);
    if (actions.some((action) => action.title === title)) return actions;
  }
  assert.fail(`no code action "${title}" at ${at.line + 1}:${at.character + 1} after ${attempts} requests; the last gave ${JSON.stringify(actions.map((a) => a.title))}`);
}

export function titled(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no code action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Hover texts (Markdown) at a position, from every provider. */
export async function hoverTexts(uri: vscode.Uri, at: vscode.Position): Promise<string[]> {
  const hovers = await withTimeout(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at), WAIT_MS, 'the hovers');
  return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** Updates a `grounded` setting in the workspace (.vscode/settings.json of the temp workspace). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('grounded').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Closes every editor (between suites, so the active editor is known). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Status bar text through both ways the tests can read it; asserts they agree. */
export async function statusText(api: GroundedApi): Promise<string> {
  const fromCommand = await vscode.commands.executeCommand<string>('grounded.status.text');
  assert.equal(fromCommand, api.statusText(), 'the hidden command grounded.status.text and the API agree');
  return fromCommand;
}
