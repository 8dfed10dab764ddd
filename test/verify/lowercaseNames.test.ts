// A claim written all in lower case (a tokenised summary) has its names as plain words, so the name rules do not read
// them: a word beside one of the passage's names, where the passage has another name in its place, is that name's
// part said otherwise ("frank jordan" against "Louis Jordan"). Unsupported, naming both. The article is written for
// these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const ARTICLE = [
  'Marta Ellison, 41, sailed her small yacht out of the harbour in early March and was not heard from for three weeks.',
  'She was found drifting off the Cornish coast on Thursday by the crew of a Spanish trawler.',
  'Ellison went on to win the Atlantic Rowing Challenge two years later.',
].join(' ');

test('another first name in the passage: unsupported, naming the word and the passage\'s name', () => {
  const verdict = checkClaimAgainstText('lucy ellison , 41 , sailed her small yacht out of the harbour in early march .', ARTICLE);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /"lucy" \(the source has "Marta"\)/);
});

test("another word in a name's place before the rest of it: unsupported", () => {
  const verdict = checkClaimAgainstText('ellison went on to win the pacific rowing challenge two years later .', ARTICLE);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /"pacific" \(the source has "Atlantic"\)/);
});

test('the same names in lower case, or a claim in capitals: left to the other rules', () => {
  for (const claim of [
    'marta ellison , 41 , sailed her small yacht out of the harbour in early march .',
    'ellison went on to win the atlantic rowing challenge two years later .',
  ]) {
    const verdict = checkClaimAgainstText(claim, ARTICLE);
    assert.equal(verdict.verdict, 'supported', `${claim}: ${verdict.reason}`);
  }
  // In capitals the first name is a name, whose rules say it is missing rather than replaced.
  const cased = checkClaimAgainstText('Lucy Ellison, 41, sailed her small yacht out of the harbour in early March.', ARTICLE);
  assert.notEqual(cased.verdict, 'supported', cased.reason);
  assert.doesNotMatch(cased.reason, /the source has "Marta"/);
});
