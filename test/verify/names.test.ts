// Names against the bundled sources: a name is backed by the name, not by a word it falls under, and a place the
// claim sets an event in must be in the passage itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

test('a university the source does not name is not backed by a hypernym of one of its words', () => {
  // The source: "Director of Political Studies and Government of the Andrés Bello Catholic University".
  const verdict = engine.checkClaim('Alarcón is director of political studies and government at the Central University of Venezuela.');
  assert.notEqual(verdict.verdict, 'supported', verdict.reason);
  assert.match(verdict.reason, /"Central"/);
});

test('a place named elsewhere in the article does not back where an event happened', () => {
  const verdict = engine.checkClaim('Representatives of Norway met with both sides last week in Caracas.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /"Caracas"/);
  assert.equal(engine.checkClaim('Representatives of Norway met with both sides last week in Venezuela.').verdict, 'supported');
});

test('a turning verb the passage lacks ("refused to speak") keeps the claim from support', () => {
  // The source: Maduro "declined to say more" about talks and spoke of contacts; nowhere did he refuse to speak to Trump.
  const verdict = engine.checkClaim('Maduro refused to speak directly with President Donald Trump about Venezuela.');
  assert.notEqual(verdict.verdict, 'supported', verdict.reason);
  assert.match(verdict.reason, /"refused"/);
});
