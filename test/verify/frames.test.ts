// Opposed frames (server/data/opposites-supplement.txt, after the "|"): phrases that say opposite things of what
// follows them are a polarity conflict where the claim's neighbouring words place them, read with the same polarity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';
import { opposedFrames } from '../../server/src/text/lexicon';

const talks = 'The prime minister ruled out any talks with the rebels on Monday, his office said.\n\nThe army said it would keep up its offensive.';
const summit = 'Mr Lee turned down an invitation to the summit in Seoul.\n\nOfficials said the talks would resume in May.';
const plan = 'The senator has consistently opposed the plan to expand the port.\n\nThe vote is due next week.';

function conflictOf(claim: string, article: string): [string, string] | undefined {
  const verdict = checkClaimAgainstText(claim, article);
  assert.equal(verdict.verdict, 'contradicted', verdict.reason);
  assert.equal(verdict.conflict?.slot, 'polarity');
  return verdict.conflict && [verdict.conflict.claim, verdict.conflict.source];
}

test('the frames come from the reviewed supplement, each both ways round', () => {
  const frames = opposedFrames().map(([own, opposite]) => `${own.join(' ')} | ${opposite.join(' ')}`);
  assert.ok(frames.includes('agre to | rule out'));
  assert.ok(frames.includes('rule out | agre to'));
});

test('"agreed to talks" against "ruled out any talks", either way round', () => {
  assert.deepEqual(conflictOf('The prime minister agreed to talks with the rebels on Monday.', talks), ['agreed to', 'ruled out']);
  const agreed = 'The prime minister agreed to talks with the rebels on Monday, his office said.';
  assert.deepEqual(conflictOf('The prime minister ruled out any talks with the rebels on Monday.', agreed), ['ruled out', 'agreed to']);
});

test('"attended the summit" against "turned down an invitation to the summit"', () => {
  assert.deepEqual(conflictOf('Mr Lee attended the summit in Seoul.', summit), ['attended', 'turned down an invitation to']);
});

test('"always supported the plan" against "consistently opposed the plan": how often is a light word, the verbs decide', () => {
  assert.deepEqual(conflictOf('The senator has always supported the plan to expand the port.', plan), ['supported', 'opposed']);
});

test('a frame read with the other polarity, or about something else, is no conflict', () => {
  // "did not agree to talks" says what "ruled out" does.
  assert.notEqual(checkClaimAgainstText('The prime minister did not agree to talks with the rebels on Monday.', talks).verdict, 'contradicted');
  // The army's offensive is not what the prime minister ruled out.
  assert.notEqual(checkClaimAgainstText('The army agreed to keep up its offensive.', talks).verdict, 'contradicted');
});

test('a collocation WordNet gives one side of an antonym pair opposes the other side, its object between', () => {
  // "put behind bars" is WordNet's imprison (the reviewed supplement opposes it to release); "in public" its publicly.
  const frames = opposedFrames().map(([own, opposite]) => `${own.join(' ')} | ${opposite.join(' ')}`);
  assert.ok(frames.includes('put behind bar | releas'));
  assert.ok(frames.includes('in public | in secret'));
  const released = 'On Friday the court released the two men, who had been held since March.';
  assert.deepEqual(conflictOf('The court put the two men behind bars on Friday.', released), ['put the two men behind bars', 'released']);
});

test('"gave in to calls" against "resisted calls" (the reviewed supplement)', () => {
  const resisted = 'The president has resisted calls to resign for months, his party said.';
  assert.deepEqual(conflictOf('The president gave in to calls to resign, his party said.', resisted), ['gave in to', 'resisted']);
});

test('a verb with its frame\'s particle only past a preposition, or its own word in place, is no opposed frame', () => {
  // "facing fines of up to" is no "face up" (against "avoid"): the words between are no object.
  const avoid = 'The club will try to avoid fines for the breaches, its chairman said.';
  assert.notEqual(checkClaimAgainstText('The club is facing fines of up to 50 million pounds for the breaches.', avoid).verdict, 'contradicted');
  const both = 'On Friday the court put the two men behind bars and released a third.';
  assert.equal(checkClaimAgainstText('The court put the two men behind bars on Friday.', both).verdict, 'supported');
});
