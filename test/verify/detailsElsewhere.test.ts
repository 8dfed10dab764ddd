// A number or date missing from the passage that backs the rest of a claim may stand elsewhere in the same article,
// tied to the same word; without that tie it stays missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = [
  'Copeland, 31, and his wife were talking in the street just before 4am when a man interrupted them.',
  '',
  'Police said the couple had argued for several minutes.',
  '',
  'The suspect pulled out a knife and stabbed the player outside a club on Wednesday.',
  '',
  'Witnesses called an ambulance.',
  '',
  'The club opened in 2009 and holds 300 guests.',
].join('\n');

test('an age stated beside the same name in another passage backs the claim', () => {
  const verdict = checkClaimAgainstText('The suspect stabbed Copeland, 31, outside a club on Wednesday.', article);
  assert.equal(verdict.verdict, 'supported', verdict.reason);
  assert.match(verdict.reason, /"31".*line 1/);
  assert.ok(verdict.evidence.some((e) => e.line === 1), 'the other passage is shown as evidence');
  const shown = verdict.evidence.map((e) => `${e.sourceId}:${e.text}`);
  assert.equal(new Set(shown).size, shown.length, 'each passage is shown once');
});

test('a number from elsewhere in the article, not tied to the same word, stays missing', () => {
  // The article states no age of Copeland's at all: an added detail, not a different one.
  const verdict = checkClaimAgainstText('The suspect stabbed Copeland, 300, outside a club on Wednesday.', article);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['300']);
});

test('the tie must be of the same kind: an age set off by commas is not a count that runs on', () => {
  const stabbings = 'Copeland was stabbed 31 times, police said.\n\nWitnesses called an ambulance.\n\nThe suspect stabbed the player outside a club on Wednesday.';
  const verdict = checkClaimAgainstText('The suspect stabbed Copeland, 31, outside a club on Wednesday.', stabbings);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['31']);
});

test('a year is never carried over from another passage', () => {
  // The stabbing's date the article gives is a weekday, which no year contradicts: the year is added, not different.
  const verdict = checkClaimAgainstText('The suspect stabbed the player outside a club in 2009.', article);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['2009']);
});
