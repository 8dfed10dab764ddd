// The posting lists built in two passes over numbers hold, for every stem, the passages that have it in ascending
// order with its count: compared with lists built the plain way from random terms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finishNow } from '../../server/src/workInSteps';
import { postingsInSteps } from '../../server/src/index/postings';

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

test('every stem lists the passages that hold it, ascending, with its counts', () => {
  const next = random(7);
  const stemLimit = 50;
  const expected = new Map<number, [number, number][]>();
  let passageId = 0;
  const terms = Array.from({ length: 30 }, () => {
    const passages = Math.floor(next() * 6);
    const starts = new Uint32Array(passages + 1);
    const stems: number[] = [];
    const counts: number[] = [];
    for (let p = 0; p < passages; p++, passageId++) {
      const distinct = new Set(Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * stemLimit)));
      for (const stem of distinct) {
        const count = 1 + Math.floor(next() * 3);
        stems.push(stem);
        counts.push(count);
        expected.set(stem, [...(expected.get(stem) ?? []), [passageId, count]]);
      }
      starts[p + 1] = stems.length;
    }
    return { starts, stems: Uint8Array.from(stems), counts: Uint8Array.from(counts) };
  });
  const postings = finishNow(postingsInSteps(terms, stemLimit));
  for (let stem = 0; stem < stemLimit; stem++) {
    const listed: [number, number][] = [];
    for (let k = postings.starts[stem]; k < postings.starts[stem + 1]; k++) listed.push([postings.ids[k], postings.tfs[k]]);
    assert.deepEqual(listed, expected.get(stem) ?? [], `stem ${stem}`);
  }
});
