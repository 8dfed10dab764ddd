// Certainty overstated: a claim that says a thing will (definitely) happen where its source says it may is not
// supported, and the reason names the claim's word and the source's hedge; a claim as sure as its source, or less
// sure, is left to the other rules. The article is written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const ARTICLE = [
  'The harbour board met on Monday to discuss the new ferry terminal.',
  'Its chairman, Alma Ruiz, said the terminal may open in the spring of 2031.',
  'The ferry operator Bluewake will run four crossings a day once it opens.',
  'Residents could face higher parking charges near the quay.',
].join(' ');

function check(claim: string) {
  return checkClaimAgainstText(claim, ARTICLE);
}

test('"will definitely" where the source says "may": unsupported, naming both', () => {
  const verdict = check('Alma Ruiz said the terminal will definitely open in the spring of 2031.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['will']);
  assert.match(verdict.reason, /No source backs "will": the source says "may", not that it is certain/);
});

test('"will" where the source says "could"', () => {
  const verdict = check('Residents will face higher parking charges near the quay.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /the source says "could"/);
});

test('as sure as the source, or less sure: supported', () => {
  assert.equal(check('Bluewake will run four crossings a day once the terminal opens.').verdict, 'supported');
  assert.equal(check('Alma Ruiz said the terminal may open in the spring of 2031.').verdict, 'supported');
  assert.equal(check('Bluewake may run four crossings a day once it opens.').verdict, 'supported');
});

test('"will" the noun is not a word of certainty', () => {
  const verdict = check('Against the will of residents, Alma Ruiz said the terminal may open in the spring of 2031.');
  assert.doesNotMatch(verdict.reason, /not that it is certain/);
});
