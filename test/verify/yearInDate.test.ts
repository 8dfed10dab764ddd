// A date that states its year backs the year alone; another year, month or day is not backed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';

const article = 'Bader was shot down over France in August 1941 and ended up in a German prison camp.';

test('"in August 1941" backs "in 1941", not "in 1942" nor "July 1941"', () => {
  assert.equal(checkClaimAgainstText('Bader was shot down over France in 1941.', article).verdict, 'supported');
  assert.notEqual(checkClaimAgainstText('Bader was shot down over France in 1942.', article).verdict, 'supported');
  assert.equal(checkClaimAgainstText('Bader was shot down over France in July 1941.', article).verdict, 'contradicted');
});
