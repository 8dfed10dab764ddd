// Citation keys in the editor, over stdio: completion after `[@` and `[^` ranked by how well each source backs the
// sentence, go to definition (the source at the backing passage), find references (every claim citing a source, in
// open documents and the workspace's drafts), hover on a key, document links, and the grounded/bibliography request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, DocumentLink, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { BibliographyRequest, type BibliographyResult } from '../../server/src/protocol';
import { LspClient, ROOT, ensureServerBuilt, positionOf } from './harness';

// Supported by ap-norway-barbados-talks (see examples/draft.md).
const NORWAY = 'Norway said the talks between the government and the opposition would continue in Barbados.';
const MADURO = 'Maduro said Venezuela and the US had met secretly for months.';
const AP_SOURCE = pathToFileURL(join(ROOT, 'sources', 'ap-norway-barbados-talks.md')).href;

before(ensureServerBuilt);

describe('citation keys', () => {
  let client: LspClient;
  let workspace: string;
  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'grounded-citations-'));
    // A draft on disk, not open: find references reads it.
    writeFileSync(join(workspace, 'on-disk.md'), `# On disk\n\n${NORWAY} [@ap-norway-barbados-talks]\n`);
    client = await LspClient.start({ workspaceFolders: [workspace] });
  });
  after(() => client.stop());

  test('the server declares completion (triggered by @ and ^), definition, references and document links', async () => {
    const uri = pathToFileURL(join(workspace, 'capabilities.md')).href;
    await client.openAndWait(uri, `# C\n\n${NORWAY}\n`);
    // The initialize result is not kept by the harness: ask each feature instead (an undeclared one is an error).
    await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await client.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: false } });
    await client.request('textDocument/documentLink', { textDocument: { uri } });
  });

  test('[@ offers the source ids, the one backing the sentence first, with its passage; cited ones last', async () => {
    const uri = pathToFileURL(join(workspace, 'complete-pandoc.md')).href;
    const text = `# Draft\n\n${NORWAY.slice(0, -1)} [@]. ${MADURO} [@maduro-secret-meetings-us]\n`;
    await client.openAndWait(uri, text);
    const position = positionOf(text, '[@]', 2);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '@' } });
    const ids = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label);
    assert.equal(ids[0], 'ap-norway-barbados-talks');
    assert.equal(ids.length, 5);
    const first = list.items.find((item) => item.label === 'ap-norway-barbados-talks')!;
    assert.equal(first.detail, "Norway says Venezuela's government and opposition will continue their talks in Barbados");
    const documentation = (first.documentation as MarkupContent).value;
    assert.match(documentation, /^\*Norway says Venezuela's government and opposition will continue their talks in Barbados\* — AP/);
    assert.match(documentation, /Backs the sentence/);
    assert.match(documentation, /\n> /);
    // The key goes between the brackets already there.
    assert.deepEqual((first.textEdit as { newText: string }).newText, 'ap-norway-barbados-talks');

    // In the second sentence, the source it already cites comes last.
    const second = positionOf(text, '[@maduro', 2);
    const list2 = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: second });
    const ids2 = [...list2.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label);
    assert.equal(ids2[ids2.length - 1], 'maduro-secret-meetings-us');
    assert.match((list2.items.find((i) => i.label === 'maduro-secret-meetings-us')!.documentation as MarkupContent).value, /Already cited/);
  });

  test('[@ typed into a sentence just edited ranks the sources for the sentence as it now reads', async () => {
    const uri = pathToFileURL(join(workspace, 'complete-after-edit.md')).href;
    const text = `# Draft\n\n${NORWAY}\n\nA second paragraph.\n`;
    await client.openAndWait(uri, text);
    // The first paragraph becomes the Maduro sentence, and "[@]" is typed after it, before any check of the edit.
    const paragraph = { start: { line: 2, character: 0 }, end: { line: 2, character: NORWAY.length } };
    client.applyTextEdits(uri, [{ range: paragraph, newText: `${MADURO.slice(0, -1)} [@].` }]);
    const position = positionOf(client.text(uri), '[@]', 2);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const ids = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((item) => item.label);
    assert.equal(ids[0], 'maduro-secret-meetings-us');
  });

  test('[^ offers footnote keys; a source no definition names brings its definition along', async () => {
    const uri = pathToFileURL(join(workspace, 'complete-footnote.md')).href;
    const text = `# Draft\n\n${NORWAY}[^\n`;
    await client.openAndWait(uri, text);
    const position = positionOf(text, '[^', 2);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '^' } });
    const first = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, 'ap-norway-barbados-talks');
    assert.equal((first.textEdit as { newText: string }).newText, 'ap-norway-barbados-talks]');
    assert.equal(first.additionalTextEdits?.length, 1);
    assert.match(first.additionalTextEdits![0]!.newText, /^\n\[\^ap-norway-barbados-talks\]: “Norway says Venezuela’s government/);
    // Not after a lone @ or ^.
    const none = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'Norway', 0) });
    assert.equal(none, null);
  });

  test('[^ with a client that resolves additional edits: the definition is written for the item resolved, not for the whole list', async () => {
    const lazy = await LspClient.start({ workspaceFolders: [workspace], resolvesCompletionEdits: true });
    try {
      const uri = pathToFileURL(join(workspace, 'complete-footnote-lazy.md')).href;
      const text = `# Draft\n\n${NORWAY}[^\n`;
      await lazy.openAndWait(uri, text);
      const position = positionOf(text, '[^', 2);
      const list = await lazy.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '^' } });
      assert.ok(list.items.length > 1);
      assert.ok(list.items.every((item) => item.additionalTextEdits === undefined && item.data !== undefined), 'no definition formatted for the list');
      const first = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
      assert.equal((first.textEdit as { newText: string }).newText, 'ap-norway-barbados-talks]');
      const resolved = await lazy.request<CompletionItem>('completionItem/resolve', first);
      assert.equal(resolved.additionalTextEdits?.length, 1);
      assert.match(resolved.additionalTextEdits![0]!.newText, /^\n\[\^ap-norway-barbados-talks\]: “Norway says Venezuela’s government/);
      // The same definition a client that takes it in the list gets.
      const eagerUri = pathToFileURL(join(workspace, 'complete-footnote-eager.md')).href;
      await client.openAndWait(eagerUri, text);
      const eager = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: eagerUri }, position, context: { triggerKind: 2, triggerCharacter: '^' } });
      assert.deepEqual(resolved.additionalTextEdits, eager.items.find((item) => item.label === first.label)?.additionalTextEdits);
    } finally {
      await lazy.stop();
    }
  });

  test('go to definition, hover and document links on a key; references of a source', async () => {
    const uri = pathToFileURL(join(workspace, 'cited.md')).href;
    const text = `# Draft\n\n${NORWAY} [@ap-norway-barbados-talks]\n\n${MADURO}[^m]\n\n[^m]: maduro-secret-meetings-us\n`;
    await client.openAndWait(uri, text);

    const key = positionOf(text, '@ap-norway', 3);
    const definition = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: key });
    assert.equal(definition.uri, AP_SOURCE);
    assert.ok(definition.range.start.line > 0, 'at the backing passage, not the top');

    const footnote = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '[^m]', 2) });
    assert.equal(footnote.uri, pathToFileURL(join(ROOT, 'sources', 'maduro-secret-meetings-us.md')).href);

    const hover = await client.hover(uri, key);
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /^\*Norway says Venezuela's government and opposition will continue their talks in Barbados\* — AP/);
    assert.match(value, /\*\*Backs this sentence\*\*/);
    assert.deepEqual(hover!.range, { start: positionOf(text, '@ap-norway'), end: positionOf(text, '@ap-norway', '@ap-norway-barbados-talks'.length) });
    // Elsewhere in the sentence, the claim's hover.
    assert.match(((await client.hover(uri, positionOf(text, 'Barbados')))!.contents as MarkupContent).value, /^\*\*Supported\*\*/);

    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((link) => link.target!.replace(/#L\d+$/, '')).sort(), [AP_SOURCE, pathToFileURL(join(ROOT, 'sources', 'maduro-secret-meetings-us.md')).href]);
    assert.match(links.find((link) => link.target!.startsWith(AP_SOURCE))!.target!, /#L\d+$/);

    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: key, context: { includeDeclaration: false } });
    const where = references.map((location) => `${location.uri.slice(location.uri.lastIndexOf('/') + 1)}:${location.range.start.line}`).sort();
    assert.deepEqual(where, ['cited.md:2', 'on-disk.md:2']);
    // From the source file itself.
    const fromSource = await client.request<Location[]>('textDocument/references', { textDocument: { uri: AP_SOURCE }, position: { line: 10, character: 0 }, context: { includeDeclaration: false } });
    assert.equal(fromSource.length, 2);
  });

  test('grounded/bibliography: the library as CSL-JSON or BibTeX', async () => {
    const csl = await client.request<BibliographyResult>(BibliographyRequest.method, { format: 'csl-json' });
    assert.equal(csl.count, 5);
    assert.deepEqual(JSON.parse(csl.text).map((item: { id: string }) => item.id), [
      'ap-norway-barbados-talks',
      'arreaza-open-to-us-dialogue',
      'bbc-maduro-secret-talks-us',
      'maduro-secret-meetings-us',
      'venezuela-mexico-negotiations',
    ]);
    const bibtex = await client.request<BibliographyResult>(BibliographyRequest.method, { format: 'bibtex' });
    assert.match(bibtex.text, /^@article\{ap-norway-barbados-talks,$/m);
    await assert.rejects(client.request(BibliographyRequest.method, { format: 'ris' }), /Expected \{ format/);
  });
});
