// The words of a supported claim its evidence leaves unbacked (what the `unbacked-detail` finding names): content words
// only, and only those that neither the backing passage nor the sentence beside it backs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = [
  'The mayor thanked the volunteers at the town hall on Monday.',
  '',
  "Maria Lopez, the mayor's daughter, spent the weekend painting the fence of the family home in Sevilla.",
  '',
  'Her sisters joined her on Sunday.',
  '',
  'The council meets again next month.',
].join('\n');

test('a noun and an adjective the passage lacks are named, the claim staying supported', () => {
  const coast = checkClaimAgainstText('Maria Lopez spent the weekend at the coast painting the fence of the family home in Sevilla.', article);
  assert.equal(coast.verdict, 'supported', coast.reason);
  assert.deepEqual(coast.unbacked, ['coast']);
  const old = checkClaimAgainstText("Maria Lopez, the mayor's daughter, spent the weekend painting the old fence of the family home in Sevilla.", article);
  assert.equal(old.verdict, 'supported', old.reason);
  assert.deepEqual(old.unbacked, ['old']);
});

test('a word the neighbouring sentence backs is not named', () => {
  const verdict = checkClaimAgainstText('Maria Lopez spent the weekend painting the fence of the family home in Sevilla with her sisters.', article);
  assert.equal(verdict.verdict, 'supported', verdict.reason);
  assert.equal(verdict.unbacked, undefined);
});

test('an adverb is not named: it is no detail a source states', () => {
  const verdict = checkClaimAgainstText("Maria Lopez, the mayor's daughter, quietly spent the weekend painting the fence of the family home in Sevilla.", article);
  assert.equal(verdict.verdict, 'supported', verdict.reason);
  assert.equal(verdict.unbacked, undefined);
});
