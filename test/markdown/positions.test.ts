import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex, offsetToPosition, positionToOffset } from '../../server/src/markdown/positions';

test('LF lines', () => {
  const text = 'ab\ncd\n\nef';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(9), { line: 3, character: 2 });
  assert.equal(index.offsetAt({ line: 3, character: 1 }), 8);
});

test('CRLF counts as one line break', () => {
  const text = 'ab\r\ncd\r\nef';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 3);
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 2, character: 0 });
  assert.equal(index.offsetAt({ line: 2, character: 2 }), 10);
  // A character past the end of a line stops before its line break.
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(index.lineEnd(1), 6);
});

test('a lone CR is a line break too', () => {
  const index = new LineIndex('a\rb');
  assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
});

test('characters are UTF-16 code units: an emoji counts two', () => {
  const text = 'x 😀 y\n😀z';
  const index = new LineIndex(text);
  assert.deepEqual(index.positionAt(text.indexOf('y')), { line: 0, character: 5 });
  assert.deepEqual(index.positionAt(text.indexOf('z')), { line: 1, character: 2 });
  assert.equal(index.offsetAt({ line: 1, character: 2 }), text.indexOf('z'));
});

test('offsets and positions round-trip and clamp', () => {
  const text = 'één\r\n😀 two\nthree';
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    if (text[offset - 1] === '\r') continue; // between CR and LF is not a position
    assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
  }
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(999), index.positionAt(text.length));
  assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
  assert.deepEqual(offsetToPosition(text, 5), { line: 1, character: 0 });
  assert.equal(positionToOffset(text, { line: 1, character: 0 }), 5);
});

test('an index made after an edit from the one before (afterEdit) is the index of the new text, line breaks of every kind cut or joined', () => {
  const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n'), maxLength: 30 });
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), text, (old, at, length, inserted) => {
      const start = at % (old.length + 1);
      const oldEnd = start + (length % (old.length - start + 1));
      const edited = old.slice(0, start) + inserted + old.slice(oldEnd);
      const moved = new LineIndex(old).afterEdit(edited, start, oldEnd, start + inserted.length);
      const whole = new LineIndex(edited);
      assert.equal(moved.lineCount, whole.lineCount, JSON.stringify({ old, edited }));
      for (let line = 0; line < whole.lineCount; line++) assert.equal(moved.lineStart(line), whole.lineStart(line), JSON.stringify({ old, edited, line }));
    }),
    { numRuns: 3000 },
  );
});
