// A claim that names the country where its source names a city of it, or the country's people, is backed; one that
// names a city the source does not is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = `Activists in London dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.
Officials of the United States declined to comment on the protest.`;

function verdictOf(claim: string): string {
  return checkClaimAgainstText(claim, article).verdict;
}

test('the country of the city the source names backs the claim', () => {
  assert.equal(verdictOf('U.K. activists dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.'), 'supported');
  assert.equal(verdictOf('British activists dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.'), 'supported');
  assert.equal(verdictOf('American officials declined to comment on the protest.'), 'supported');
});

test('another city, or a city the source does not name, is not backed', () => {
  assert.notEqual(verdictOf('Activists in Manchester dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.'), 'supported');
  assert.notEqual(verdictOf('Officials in Boston declined to comment on the protest.'), 'supported');
  assert.notEqual(verdictOf('Activists in Paris dumped gallons of yellow and blue paint in front of the Russian embassy on Thursday.'), 'supported');
});
