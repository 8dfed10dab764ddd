// The language server's index cache: with `initializationOptions.cacheDirectory` it writes the analysed library there,
// and the next start checks from it with the same verdicts — and sees a source edited while it was not running.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, ensureServerBuilt } from './harness';

const temporary: string[] = [];
before(ensureServerBuilt);
after(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

const DRAFT = 'The city council approved 50 new buses on Monday.\n';

/** Writes the source, dated in the past (a file modified just now is read, never cached). */
function writeSource(path: string, figure: number, minutesAgo: number): void {
  writeFileSync(path, `---\nid: buses\ntitle: Council buys buses\n---\nThe city council approved ${figure} new buses on Monday.\n`);
  const time = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(path, time, time);
}

/** Starts a server on the folder with the cache, checks the draft, and waits until the cache file is written. */
async function checkWithCache(sources: string, cacheDirectory: string, draftUri: string): Promise<Diagnostic[]> {
  const client = await LspClient.start({ initializationOptions: { cacheDirectory }, settings: (settings) => (settings.sources.paths = [sources]) });
  try {
    const diagnostics = await client.openAndWait(draftUri, DRAFT);
    // Written a moment after the load (after the first checks): wait for it, as the next start needs it.
    for (let waited = 0; !(existsSync(cacheDirectory) && readdirSync(cacheDirectory).some((name) => name.endsWith('.grounded-index'))); waited += 50) {
      assert.ok(waited < 15_000, 'the cache file is written');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return diagnostics;
  } finally {
    await client.stop();
  }
}

test('cacheDirectory: a restart checks from the cache alike, and a source edited meanwhile is read again', async () => {
  const root = mkdtempSync(join(tmpdir(), 'grounded-lsp-cache-'));
  temporary.push(root);
  const sources = join(root, 'sources');
  const cacheDirectory = join(root, 'storage', 'cache');
  const draftUri = pathToFileURL(join(root, 'draft.md')).href;
  mkdirSync(sources);
  const source = join(sources, 'buses.md');
  writeSource(source, 50, 60);

  const first = await checkWithCache(sources, cacheDirectory, draftUri);
  assert.deepEqual(first.map((d) => d.code), ['uncited'], 'supported: no finding but the citation hint');
  const second = await checkWithCache(sources, cacheDirectory, draftUri);
  assert.deepEqual(second, first);

  writeSource(source, 80, 30);
  const edited = await checkWithCache(sources, cacheDirectory, draftUri);
  assert.ok(edited.some((d) => d.code === 'contradicted'), JSON.stringify(edited));
});
