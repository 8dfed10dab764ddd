// An acronym backs the words it stands for and the words their acronym, either way round; words that merely start
// with the same letters, or a run that leaves a letter out, back nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

function verdictOf(claim: string, article: string): string {
  return checkClaimAgainstText(claim, article).verdict;
}

test('a claim\'s acronym is backed by the words it stands for', () => {
  assert.equal(verdictOf('The FBI arrested the suspect in Ohio.', 'The Federal Bureau of Investigation arrested the suspect in Ohio.'), 'supported');
  assert.equal(verdictOf('The WHO declared a pandemic on March 11.', 'The World Health Organization declared a pandemic on March 11.'), 'supported');
  // A title's "officer" is often left out: "chief executive" is the CEO.
  assert.equal(verdictOf('The company\'s CEO, John Smith, resigned on Monday.', 'The company\'s chief executive, John Smith, resigned on Monday.'), 'supported');
});

test('a claim\'s words are backed by their acronym in the evidence', () => {
  assert.equal(verdictOf('The Federal Bureau of Investigation arrested the suspect in Ohio.', 'The FBI arrested the suspect in Ohio.'), 'supported');
  assert.equal(verdictOf('Acme\'s chief executive officer John Smith resigned on Monday.', 'The CEO of Acme, John Smith, resigned on Monday.'), 'supported');
});

test('words that do not spell the acronym back nothing', () => {
  // Another body with two of the three letters, and an acronym of other words.
  assert.notEqual(verdictOf('The FBI arrested the suspect in Ohio.', 'The Federal Reserve arrested the suspect in Ohio.'), 'supported');
  assert.notEqual(verdictOf('The CIA arrested the suspect in Ohio.', 'The Federal Bureau of Investigation arrested the suspect in Ohio.'), 'supported');
  assert.notEqual(verdictOf('The Central Intelligence Agency arrested the suspect in Ohio.', 'The FBI arrested the suspect in Ohio.'), 'supported');
  // Lower-case words that happen to start with the letters are no name.
  assert.notEqual(verdictOf('The SC ruled against the plan on Friday.', 'A special committee ruled against the plan on Friday.'), 'supported');
});
