// A place named at another level: a demonym names its country, a city places a thing in its country, never the
// other way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/text/analyze';
import { placeBacks } from '../../server/src/text/places';

/** The key analysis gives the one name of a short text. */
function keyOf(text: string): string {
  const names = analyze(text).units.filter((u) => u.kind === 'name');
  assert.equal(names.length, 1, `one name in "${text}"`);
  return names[0].key;
}

test('a demonym and its country name the same place, both ways', () => {
  assert.ok(placeBacks(keyOf('the British envoy'), keyOf('the envoy of the UK')));
  assert.ok(placeBacks(keyOf('the envoy of the U.K.'), keyOf('the British envoy')));
  assert.ok(placeBacks(keyOf('officials in Britain'), keyOf('officials of the United Kingdom')));
  assert.ok(placeBacks(keyOf('the American envoy'), keyOf('the envoy of the U.S.')));
  assert.ok(placeBacks(keyOf('the Chinese envoy'), keyOf('the envoy of China')));
});

test('a city backs its country, its nation and their demonyms; a country never backs a city', () => {
  assert.ok(placeBacks(keyOf('activists in the U.K.'), keyOf('activists in London')));
  assert.ok(placeBacks(keyOf('the British activists'), keyOf('activists in London')));
  assert.ok(placeBacks(keyOf('activists in England'), keyOf('activists in London')));
  assert.ok(placeBacks(keyOf('activists in the UK'), keyOf('activists in Scotland')));
  assert.ok(!placeBacks(keyOf('activists in London'), keyOf('activists in the UK')));
  assert.ok(!placeBacks(keyOf('activists in Scotland'), keyOf('activists in England')));
});

test('a city of another country, or another city, backs nothing', () => {
  assert.ok(!placeBacks(keyOf('activists in France'), keyOf('activists in London')));
  assert.ok(!placeBacks(keyOf('the French activists'), keyOf('activists in Berlin')));
  assert.ok(!placeBacks(keyOf('activists in Manchester'), keyOf('activists in London')));
  assert.ok(!placeBacks(keyOf('the American envoy'), keyOf('the envoy of the UK')));
});
