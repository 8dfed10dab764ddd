import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionPoint } from '../../server/src/index/partitionPoint';

test('the first index where the predicate fails', () => {
  const sorted = [1, 3, 3, 5, 8];
  assert.equal(partitionPoint(sorted.length, (i) => sorted[i] < 3), 1);
  assert.equal(partitionPoint(sorted.length, (i) => sorted[i] <= 3), 3);
  assert.equal(partitionPoint(sorted.length, (i) => sorted[i] < 0), 0);
  assert.equal(partitionPoint(sorted.length, (i) => sorted[i] < 100), 5);
  assert.equal(partitionPoint(0, () => true), 0);
});
