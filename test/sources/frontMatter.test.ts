import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitFrontMatter } from '../../server/src/sources/frontMatter';

test('front matter is parsed and the body returned untouched with its starting line', () => {
  const text = '---\nid: my-source\ntitle: "A: title"\n# a comment\ndate: 2019-08-21\n---\nFirst line.\n\nThird line.';
  const split = splitFrontMatter(text);
  assert.ok(split.ok);
  assert.deepEqual(split.fields, { id: 'my-source', title: 'A: title', date: '2019-08-21' });
  assert.equal(split.hasFrontMatter, true);
  assert.equal(split.body, 'First line.\n\nThird line.');
  assert.equal(split.bodyStartLine, 7);
});

test('a file without front matter is all body, from line 1', () => {
  const split = splitFrontMatter('Headline\n\nText.\n');
  assert.deepEqual(split, { ok: true, fields: {}, hasFrontMatter: false, body: 'Headline\n\nText.\n', bodyStartLine: 1 });
});

test('CRLF files and an empty front matter block are accepted', () => {
  const split = splitFrontMatter('---\r\n---\r\nBody.\r\n');
  assert.ok(split.ok);
  assert.deepEqual(split.fields, {});
  assert.equal(split.body, 'Body.\r\n');
  assert.equal(split.bodyStartLine, 3);
});

test('broken YAML gives a one-line problem with the file line, not a stack', () => {
  const split = splitFrontMatter('---\nid: broken\ntitle: [never closed\n---\nBody.\n');
  assert.equal(split.ok, false);
  assert.ok(!split.ok);
  assert.match(split.problem, /^broken front matter on line \d+: /);
  assert.ok(!split.problem.includes('\n') && !split.problem.includes('    at '), split.problem);
});

test('an unclosed front matter block is a problem', () => {
  const split = splitFrontMatter('---\nid: x\nBody without a closing fence.\n');
  assert.ok(!split.ok);
  assert.match(split.problem, /never closed/);
});

test('field types and the id form are validated', () => {
  const cases: Array<[string, RegExp]> = [
    ['id: Not A Slug', /id "Not A Slug" is not a valid id/],
    ['id: -starts-with-dash', /not a valid id/],
    ['title: [a, list]', /field "title" must be text, not a list/],
    ['author: {name: X}', /field "author" must be text, not a mapping/],
    ['- just\n- a list', /must be a YAML mapping/],
  ];
  for (const [yaml, expected] of cases) {
    const split = splitFrontMatter(`---\n${yaml}\n---\nBody.\n`);
    assert.ok(!split.ok, yaml);
    assert.match(split.problem, expected);
  }
});

test('numbers are read as text and empty fields as absent; unknown fields are ignored', () => {
  const split = splitFrontMatter('---\nid: 1984\ntitle: 1984\nauthor:\ntags: [a, b]\n---\nBody.\n');
  assert.ok(split.ok);
  assert.deepEqual(split.fields, { id: '1984', title: '1984' });
});
