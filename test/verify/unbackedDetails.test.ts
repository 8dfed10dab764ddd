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

const trade = [
  'The ministry said revenue from the sale of oil fell sharply last year.',
  '',
  'Inspectors from the road agency visited the site in March.',
  '',
  'The troubled start-up was sold to a rival in June.',
].join('\n');

test('another noun where the passage has one, before a head both share or after it with "of", keeps a claim from support', () => {
  for (const [claim, word, other] of [
    ['The ministry said revenue from gold sales fell sharply last year.', 'gold', 'oil'],
    ['The ministry said revenue from the sale of gold fell sharply last year.', 'gold', 'oil'],
  ]) {
    const verdict = checkClaimAgainstText(claim, trade);
    assert.equal(verdict.verdict, 'unsupported', verdict.reason);
    assert.match(verdict.reason, new RegExp(`"${word}" \\(the source has "${other}"\\)`));
  }
});

test('a describing word in place of another is left to the model: most such are paraphrases the lexicon lacks', () => {
  const verdict = checkClaimAgainstText('The ailing start-up was sold to a rival in June.', trade);
  assert.doesNotMatch(verdict.reason, /the source has "troubled"/);
});
