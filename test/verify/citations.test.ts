// Citation findings from the engine: a key that names no source, or a supported claim citing the wrong source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
const only = (markdown: string) => engine.checkDraft(markdown, 'draft.md').claims[0];

test('a supported claim citing the source that backs it has no citation finding', () => {
  const claim = only('Guaido has called for US military support.[^a]\n\n[^a]: arreaza-open-to-us-dialogue\n');
  assert.equal(claim.verdict, 'supported');
  assert.equal(claim.citationMismatch, undefined);
});

test('a supported claim citing another source names the one that backs it', () => {
  const claim = only('Guaido has called for US military support.[@venezuela-mexico-negotiations]\n');
  assert.equal(claim.verdict, 'supported');
  assert.deepEqual(claim.citationMismatch?.cited, ['venezuela-mexico-negotiations']);
  assert.equal(claim.citationMismatch?.backedBy, 'arreaza-open-to-us-dialogue');
  assert.match(claim.citationMismatch!.message, /does not back this claim\. "Venezuela's foreign minister/);
});

test('a citation key that names no source is reported, whatever the verdict', () => {
  const claim = only('The UN Security Council passed a resolution supporting the talks.[@un-2019]\n');
  assert.equal(claim.verdict, 'unsupported');
  assert.deepEqual(claim.citationMismatch?.cited, ['un-2019']);
  assert.match(claim.citationMismatch!.message, /"un-2019", which is not in the source library/);
});

test('an unsupported claim citing a real source gets no second finding that repeats the verdict', () => {
  const claim = only('The UN Security Council passed a resolution supporting the talks.[@bbc-maduro-secret-talks-us]\n');
  assert.equal(claim.verdict, 'unsupported');
  assert.equal(claim.citationMismatch, undefined);
});
