// The bibliography file a project config names (`bibliography: refs.json`) in the editor: the Cite fixes carry the
// edit that brings it up to date, beside the draft's edit (one undoable workspace edit, never a write of the
// server's), and nothing more once it is up to date. The real server over stdio.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { formatBibliography } from '../../server/src/bibliography/bibliography';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { AP_TITLE, NORWAY } from '../fixtures/examples';
import { LspClient, ensureServerBuilt, positionOf, rangeAt } from './harness';

let workspace: string;
let client: LspClient;
before(async () => {
  ensureServerBuilt();
  workspace = mkdtempSync(join(tmpdir(), 'grounded-bibliography-file-'));
  writeFileSync(join(workspace, '.grounded.yaml'), 'drafts: { include: ["*.md"] }\nbibliography: refs.json\n');
  client = await LspClient.start({ workspaceFolders: [workspace] });
});
after(async () => {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
});

function changedFiles(action: CodeAction | undefined): string[] {
  assert.ok(action);
  return (action.edit!.documentChanges as TextDocumentEdit[]).map((change) => change.textDocument.uri);
}

test('a Cite fix rewrites the out-of-date bibliography file along with the draft; an up-to-date one is left alone', async () => {
  const refs = join(workspace, 'refs.json');
  writeFileSync(refs, '[]\n');
  const text = `${NORWAY}\n`;
  const uri = pathToFileURL(join(workspace, 'draft.md')).href;
  await client.openAndWait(uri, text);
  const cite = async () => (await client.codeActions(uri, rangeAt(positionOf(text, 'ministry')), ['quickfix'])).find((a) => a.title === `Cite "${AP_TITLE}"`);

  const stale = await cite();
  assert.deepEqual(changedFiles(stale), [uri, pathToFileURL(refs).href]);
  const rewrite = (stale!.edit!.documentChanges as TextDocumentEdit[])[1]!.edits[0] as TextEdit;
  const wanted = formatBibliography(loadSourceLibrary({ dirs: [], includeBundled: true }).sources, 'csl-json');
  assert.equal(rewrite.newText, wanted);
  assert.deepEqual(rewrite.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, 'the whole file');

  const citeAll = (await client.codeActions(uri, rangeAt(positionOf(text, 'ministry')), ['source.grounded.citeAll']))[0];
  assert.deepEqual(changedFiles(citeAll), [uri, pathToFileURL(refs).href]);

  writeFileSync(refs, wanted);
  assert.deepEqual(changedFiles(await cite()), [uri]);
  client.close(uri);
});
