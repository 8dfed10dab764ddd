// The subject slot filled by someone else: a claim that takes a passage's verb and predicate but puts another name
// before them (as summaries that fuse two clauses do) is not supported, and the reason names both names. The same
// name, a name within the same subject phrase, a pronoun or a description in the passage's slot, or the other voice,
// leave the claim to the other rules. The articles are written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const ARTICLE = [
  'Harbour Town manager Dale Pritchard is looking forward to the derby on Sunday.',
  // A caption run-on: two statements with no stop between them, as news captions often have.
  'Pritchard was the assistant to former manager Lionel Okafor in 2009 Okafor controversially decided not to start striker Tom Reyes in the cup final.',
  'Reyes, who scored twice in the semi-final, later joined Cardiff.',
  'Okafor (centre) is now a radio pundit and lives in Leeds.',
  'Pritchard and his brother Sam were both honoured by the club in 2015.',
].join(' ');

function check(claim: string) {
  return checkClaimAgainstText(claim, ARTICLE);
}

test("another name in the passage's subject slot: unsupported, naming the claim's and the passage's", () => {
  const verdict = check('Dale Pritchard controversially decided not to start striker Tom Reyes in the cup final.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['Pritchard']);
  assert.match(verdict.reason, /No source backs "Pritchard" as the one who does this: the source has "Okafor" in that place/);
});

test('the slot read over a bracketed caption word and the claim\'s own words before the anchor', () => {
  const verdict = check('Pritchard is now a radio pundit.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /the source has "Okafor"/);
});

test('a claim written all in lower case has its names read from the passage', () => {
  const verdict = check('dale pritchard controversially decided not to start striker tom reyes in the cup final .');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /the source has "Okafor"/);
});

test("the relative clause's antecedent is the slot's filler", () => {
  const verdict = check('Pritchard scored twice in the semi-final.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /the source has "Reyes"/);
});

test('the right name, a name in the same subject phrase or a description: left to the other rules', () => {
  for (const claim of [
    'Lionel Okafor controversially decided not to start striker Tom Reyes in the cup final.',
    'Okafor is now a radio pundit.',
    // "Pritchard and his brother Sam were honoured": Sam stands before the verb, Pritchard in the same phrase.
    'Dale Pritchard was honoured by the club in 2015.',
    'Reyes later joined Cardiff.',
  ]) {
    const verdict = check(claim);
    assert.equal(verdict.verdict, 'supported', `${claim}: ${verdict.reason}`);
  }
});
