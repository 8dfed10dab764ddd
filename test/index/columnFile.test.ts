// The index cache's byte layout: columns come back as views of the bytes, equal to what was written, and a layout
// whose header or offsets do not hold together is refused rather than read past its end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeColumns, encodeColumns } from '../../server/src/index/columnFile';

const columns = {
  bytes: Uint8Array.from([1, 2, 3]),
  shorts: Uint16Array.from([65_535, 0, 7]),
  words: Uint32Array.from([4_000_000_000, 5]),
  empty: new Uint32Array(0),
};

test('columns come back as they were written, as views of the payload', () => {
  const payload = encodeColumns({ note: 'a header value' }, columns);
  const decoded = decodeColumns(payload);
  assert.ok(decoded);
  assert.deepEqual(decoded.value, { note: 'a header value' });
  for (const [name, column] of Object.entries(columns)) {
    const read = decoded.columns.get(name);
    assert.ok(read, name);
    assert.equal(read.constructor, column.constructor, `${name}: the same width`);
    assert.deepEqual([...read], [...column], name);
    assert.equal(read.buffer, payload.buffer, `${name}: a view, not a copy`);
  }
});

test('a payload that is not such a layout is refused', () => {
  const payload = encodeColumns({}, columns);
  assert.equal(decodeColumns(payload.subarray(0, payload.length - 1)), undefined, 'truncated: a column would run past the end');
  assert.equal(decodeColumns(payload.subarray(0, 3)), undefined, 'shorter than the header length');
  const longHeader = Buffer.from(payload);
  longHeader.writeUInt32LE(payload.length, 0);
  assert.equal(decodeColumns(longHeader), undefined, 'a header longer than the payload');
  const notJson = Buffer.from(payload);
  notJson[4] = 0x78;
  assert.equal(decodeColumns(notJson), undefined, 'a header that is not JSON');
  const shifted = Buffer.alloc(payload.length + 2);
  payload.copy(shifted, 2);
  assert.equal(decodeColumns(shifted.subarray(2)), undefined, 'not at a multiple of four: no view can be taken');
});
