// A number written with its unit in one token ("a three-year deal") backs and contradicts as the number and unit
// written apart do; a quarter is no count of another unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = `Locke was given a three-year deal by the club on Friday.
The club said third-quarter ticket sales rose by a tenth.`;

function verdictOf(claim: string): string {
  return checkClaimAgainstText(claim, article).verdict;
}

test('"three-year" backs "three years" and contradicts "two-year"', () => {
  assert.equal(verdictOf('Locke was given a deal for three years by the club on Friday.'), 'supported');
  assert.equal(verdictOf('Locke was given a two-year deal by the club on Friday.'), 'contradicted');
});

test('"third-quarter" is no "three" of another unit', () => {
  assert.equal(verdictOf('The club said ticket sales rose in the third quarter.'), 'supported');
  assert.notEqual(verdictOf('The club said ticket sales rose for three months.'), 'supported');
});
