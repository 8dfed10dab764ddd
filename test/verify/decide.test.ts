// What a verdict says beyond its label: the detail at fault, and for a supported claim what its passage lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

test('a supported claim whose passage lacks a word says which', () => {
  const verdict = engine.checkClaim("The US has moved to choke off Venezuela's revenue from gold sales.");
  // Whatever the model makes of it, the writer is told that "gold" is not in the passage.
  if (verdict.verdict === 'supported') {
    assert.deepEqual(verdict.unbacked, ['gold']);
    assert.match(verdict.reason, /Not in that passage: "gold"\./);
  } else {
    assert.ok(verdict.unbacked?.includes('gold'), verdict.reason);
  }
});

test('a claim the passage backs word for word lists nothing missing', () => {
  const verdict = engine.checkClaim('Guaido has called for US military support.');
  assert.equal(verdict.verdict, 'supported');
  assert.equal(verdict.unbacked, undefined);
  assert.doesNotMatch(verdict.reason, /Not in that passage/);
});

test('an unsupported claim names the words no source backs, and what the source has in their place', () => {
  const verdict = engine.checkClaim('The official said that if Maduro does not accept an exit plan, the United States will mount unbearable pressure on him from Geneva.');
  assert.equal(verdict.verdict, 'unsupported');
  assert.match(verdict.reason, /"unbearable" \(the source has "insurmountable"\), "Geneva"/);
});
