// Memory stays flat over a long editing session: 10,000 small incremental edits to one document through the real
// server (typing a sentence character by character at the end of a paragraph, then deleting it again, with a new
// sentence each round), sent in batches, with the diagnostics of the batch's last version awaited every few batches.
// The server's resident set (VmRSS in /proc) after a warm-up and at the end must differ by less than a generous bound:
// with V8's default heap the set creeps up about 1 MB per 1,000 edits (130 → 143 MB over 10,000) and stops creeping
// when the old space is capped (--max-old-space-size=90: flat at 145 MB over 40,000 edits), so that is garbage not
// yet collected, not a leak. A leak of 4 KB per edit (an old document version or check kept) would fail the bound.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, ensureServerBuilt, largeDraft } from '../lsp/harness';

const EDITS = 10_000;
const BATCH = 250;
const WAIT_EVERY = 4; // batches
const WARM_UP = 2_000; // edits
/** Growth allowed between the warm-up and the end: 10,000 edits leaking 4 KB each would be 40 MB. */
const MAX_GROWTH_MB = 40;

before(ensureServerBuilt);

/** The server's resident set in MB, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

let client: LspClient;
before(async () => (client = await LspClient.start({ settings: (settings) => (settings.debounceMs = 50) })));
after(() => client.stop());

test('10,000 incremental edits: the server\'s memory stays flat', { timeout: 240_000, skip: !existsSync('/proc/self/status') }, async (t) => {
  const pid = client.pid;
  const uri = pathToFileURL(join(tmpdir(), 'grounded-memory-draft.md')).href;
  const base = largeDraft(61, 2);
  await client.openAndWait(uri, base);
  // Where typing happens: the end of the first paragraph (before its line break).
  const firstBreak = base.indexOf('\n\n', base.indexOf('\n\n') + 2);
  const at = { line: base.slice(0, firstBreak).split('\n').length - 1, character: firstBreak - base.lastIndexOf('\n', firstBreak - 1) - 1 };

  /** Typing a sentence after the paragraph character by character, then deleting it from the end: a new one each round. */
  function* keystrokes(): Generator<TextEdit> {
    for (let round = 1; ; round++) {
      const sentence = ` The envoys met again on day ${round} in Oslo.`;
      const position = (offset: number) => ({ line: at.line, character: at.character + offset });
      for (let k = 0; k < sentence.length; k++) yield { range: { start: position(k), end: position(k) }, newText: sentence[k]! };
      for (let k = sentence.length; k > 0; k--) yield { range: { start: position(k - 1), end: position(k) }, newText: '' };
    }
  }
  const edits = keystrokes();
  let warm: number | undefined;
  const samples: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    client.applyTextEdits(uri, [edits.next().value as TextEdit]);
    if ((edit + 1) % (BATCH * WAIT_EVERY) === 0) {
      const version = client.version(uri);
      await client.waitForDiagnostics(uri, { version });
      samples.push(Math.round(rssMb(pid)));
      if (edit + 1 === WARM_UP) warm = rssMb(pid);
    } else if ((edit + 1) % BATCH === 0) {
      // Let the server read what was sent before sending more.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const version = client.version(uri);
  await client.waitForDiagnostics(uri, { version });
  const end = rssMb(pid);
  t.diagnostic(`server RSS after ${WARM_UP} edits: ${warm!.toFixed(1)} MB; after ${EDITS}: ${end.toFixed(1)} MB (every ${BATCH * WAIT_EVERY} edits: ${samples.join(', ')} MB)`);
  assert.ok(client.text(uri).startsWith(base.slice(0, firstBreak)));
  assert.ok(end - warm! < MAX_GROWTH_MB, `the server grew from ${warm!.toFixed(1)} MB to ${end.toFixed(1)} MB over ${EDITS - WARM_UP} edits`);
});
