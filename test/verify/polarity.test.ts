// Polarity conflicts must sit where the claim's word would: not an antonym from another clause, not a negated
// occurrence of a word the passage also states plainly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = [
  'People who have never been divorced can expect a pension 13 per cent higher than a colleague who has been through a divorce.',
  '',
  'The arrows were placed at the base of the beacons, and pilots could see them from far away.',
  '',
  'The meetings with the envoys have been shrouded in total secrecy, the minister said.',
].join('\n');

test('a word the passage states both negated and plainly is no polarity conflict', () => {
  const verdict = checkClaimAgainstText('People who have never been divorced can expect a pension 13 per cent higher than a colleague who has been through a divorce.', article);
  assert.equal(verdict.verdict, 'supported', verdict.reason);
});

test('an antonym in another clause of the passage is no conflict', () => {
  const verdict = checkClaimAgainstText('The arrows were placed near the beacons.', article);
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['near']);
});

test('an antonym a few words from the matched neighbour is a conflict', () => {
  const verdict = checkClaimAgainstText('The meetings with the envoys were widely publicized, the minister said.', article);
  assert.equal(verdict.verdict, 'contradicted', verdict.reason);
  assert.equal(verdict.conflict?.slot, 'polarity');
});

test('a negation the passage lacks is a conflict', () => {
  const verdict = checkClaimAgainstText('The arrows were not placed at the base of the beacons.', article);
  assert.equal(verdict.verdict, 'contradicted', verdict.reason);
});

test('a negation is read on the occurrence of the word that belongs to the claim\'s subject', () => {
  const passage = 'Smith was not arrested on Monday, though police said Jones was arrested.';
  assert.equal(checkClaimAgainstText('Smith was arrested on Monday.', passage).verdict, 'contradicted');
  assert.equal(checkClaimAgainstText('Jones was arrested.', passage).verdict, 'supported');
});

test('"acknowledged" against "denied" (the reviewed supplement) in the same place is a contradiction', () => {
  const denied = 'The minister on Monday denied that he had met the envoy in secret, his office said.';
  const verdict = checkClaimAgainstText('The minister on Monday acknowledged that he had met the envoy in secret.', denied);
  assert.equal(verdict.verdict, 'contradicted', verdict.reason);
  assert.deepEqual(verdict.conflict && [verdict.conflict.slot, verdict.conflict.claim, verdict.conflict.source], ['polarity', 'acknowledged', 'denied']);
});
