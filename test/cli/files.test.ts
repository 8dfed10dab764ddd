import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayPath } from '../../server/src/files/displayPath';
import { findDraftFiles } from '../../server/src/files/findDraftFiles';
import { decodeText, readTextFile } from '../../server/src/files/readTextFile';

test('readTextFile returns the text, without a byte-order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-read-'));
  const path = join(dir, 'bom.md');
  writeFileSync(path, '\uFEFF# Title\n');
  assert.deepEqual(readTextFile(path), { text: '# Title\n' });
});

test('readTextFile names each way a file is unusable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-read-'));
  assert.deepEqual(readTextFile(join(dir, 'missing.md')), { error: 'no such file or folder' });
  assert.deepEqual(readTextFile(dir), { error: 'is a folder, not a file' });
  assert.deepEqual(decodeText(Buffer.from('# Title\n\0\x01')), { error: 'binary file, not text' });
  assert.deepEqual(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])), { error: 'not UTF-8 text' });
  assert.deepEqual(decodeText(Buffer.from(' \n\t\r\n')), { error: 'empty file' });
  assert.deepEqual(decodeText(Buffer.from('Café ✓\n')), { text: 'Café ✓\n' });
});

test('findDraftFiles keeps the given order, expands folders alphabetically and skips hidden folders and node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-find-'));
  for (const file of ['b.md', 'a.markdown', 'notes.txt', 'sub/c.MD', '.hidden/d.md', 'node_modules/pkg/e.md', 'empty/f.txt']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '# x\n');
  }
  const inputs = findDraftFiles([join(dir, 'notes.txt'), dir, join(dir, 'b.md'), join(dir, 'missing.md'), join(dir, 'empty')]);
  assert.deepEqual(inputs, [
    { file: join(dir, 'notes.txt') }, // named explicitly: checked whatever its extension
    { file: join(dir, 'a.markdown') },
    { file: join(dir, 'b.md') },
    { file: join(dir, 'sub', 'c.MD') },
    { path: join(dir, 'missing.md'), problem: 'no such file or folder' },
    { path: join(dir, 'empty'), problem: 'no Markdown files (.md, .markdown) in this folder' },
  ]);
});

test('displayPath is relative inside the base folder, absolute outside it', () => {
  assert.equal(displayPath('/work/p/drafts/a.md', '/work/p'), 'drafts/a.md');
  assert.equal(displayPath('drafts/a.md', '/work/p'), 'drafts/a.md');
  assert.equal(displayPath('/elsewhere/a.md', '/work/p'), '/elsewhere/a.md');
  assert.equal(displayPath('../p2/a.md', '/work/p'), '/work/p2/a.md');
});
