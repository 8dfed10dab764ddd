// What a verdict says beyond its label: the detail at fault, and for a supported claim what its passage lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

test('a claim that puts another word where its passage has one is not supported, and says which', () => {
  // The source: "It has also moved to choke off revenue from the sale of oil by Venezuela". Gold is not oil, and no
  // kind of detail whose difference the label rules call a contradiction: unsupported.
  const verdict = engine.checkClaim("The US has moved to choke off Venezuela's revenue from gold sales.");
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['gold']);
  assert.match(verdict.reason, /"gold" \(the source has "oil"\)/);
});

test('a supported claim whose passage lacks a word says which', () => {
  // The source: "Guaido has called for US military support"; the title is the writer's.
  const verdict = engine.checkClaim('Opposition leader Juan Guaido has called for US military support.');
  assert.equal(verdict.verdict, 'supported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['leader']);
  assert.match(verdict.reason, /Not in that passage: "leader"\./);
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
