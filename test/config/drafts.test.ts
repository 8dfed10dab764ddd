import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coversDraft, frontMatterMarksDraft } from '../../server/src/config/drafts';
import { parseProjectConfig } from '../../server/src/config/projectConfig';

const configOf = (text: string) => {
  const { config, problems } = parseProjectConfig(text, '/project/.grounded.yaml');
  assert.deepEqual(problems, []);
  return config;
};

test('without drafts globs, every Markdown file under the config folder is a draft', () => {
  const config = configOf('citationStyle: pandoc\n');
  assert.equal(coversDraft(config, '/project/a.md'), true);
  assert.equal(coversDraft(config, '/project/deep/er/b.markdown'), true);
  assert.equal(coversDraft(config, '/project/UPPER.MD'), true);
  assert.equal(coversDraft(config, '/project/notes.txt'), false);
});

test('include and exclude globs, relative to the config folder; exclude wins', () => {
  const config = configOf('drafts: { include: ["drafts/**/*.md", "./intro.md"], exclude: ["drafts/notes/**"] }\n');
  assert.equal(coversDraft(config, '/project/drafts/a.md'), true);
  assert.equal(coversDraft(config, '/project/drafts/2024/b.md'), true);
  assert.equal(coversDraft(config, '/project/drafts/notes/c.md'), false);
  assert.equal(coversDraft(config, '/project/intro.md'), true);
  assert.equal(coversDraft(config, '/project/README.md'), false);
  assert.equal(coversDraft(config, '/project/drafts/../README.md'), false);
});

test('globs see dot folders', () => {
  const config = configOf('drafts: { include: ["**/*.md"] }\n');
  assert.equal(coversDraft(config, '/project/.drafts/a.md'), true);
});

test('an exclude alone keeps the default include', () => {
  const config = configOf('drafts: { exclude: ["README.md", "vendor/**"] }\n');
  assert.equal(coversDraft(config, '/project/post.md'), true);
  assert.equal(coversDraft(config, '/project/README.md'), false);
  assert.equal(coversDraft(config, '/project/vendor/x.md'), false);
});

test('an empty include list includes nothing', () => {
  assert.equal(coversDraft(configOf('drafts: { include: [] }\n'), '/project/a.md'), false);
});

test('a file outside the config folder, or the folder itself, is not covered', () => {
  const config = configOf('drafts: { include: ["**"] }\n');
  assert.equal(coversDraft(config, '/elsewhere/a.md'), false);
  assert.equal(coversDraft(config, '/project-two/a.md'), false);
  assert.equal(coversDraft(config, '/a.md'), false);
  assert.equal(coversDraft(config, '/project'), false);
});

test('front matter marks a draft with `grounded: true`', () => {
  assert.equal(frontMatterMarksDraft('---\ntitle: Post\ngrounded: true\n---\n# Post\n'), true);
  assert.equal(frontMatterMarksDraft('\uFEFF---\ngrounded: true\n---\nBody.\n'), true, 'after a byte-order mark');
  assert.equal(frontMatterMarksDraft('---\r\ngrounded: true\r\n---\r\nBody.\r\n'), true, 'with Windows line ends');
  assert.equal(frontMatterMarksDraft('---\ngrounded: true\n...\nBody.\n'), true, 'closed by ...');
  assert.equal(frontMatterMarksDraft('---\ngrounded: true\n---'), true, 'no final line break');
});

test('anything else does not', () => {
  assert.equal(frontMatterMarksDraft('---\ngrounded: false\n---\n'), false);
  assert.equal(frontMatterMarksDraft('---\ngrounded: "true"\n---\n'), false, 'text, not the boolean');
  assert.equal(frontMatterMarksDraft('---\ngrounded: yes\n---\n'), false, 'YAML 1.2: yes is text');
  assert.equal(frontMatterMarksDraft('---\ntitle: Post\n---\n'), false, 'absent');
  assert.equal(frontMatterMarksDraft('# Post\n\ngrounded: true\n'), false, 'no front matter');
  assert.equal(frontMatterMarksDraft('\n---\ngrounded: true\n---\n'), false, 'the block must open the file');
  assert.equal(frontMatterMarksDraft('---\ngrounded: true\n'), false, 'never closed');
  assert.equal(frontMatterMarksDraft('---\nmeta:\n  grounded: true\n---\n'), false, 'nested, not the document key');
  assert.equal(frontMatterMarksDraft('---\ngrounded: true\n  - broken: [\n---\n'), false, 'broken YAML');
  assert.equal(frontMatterMarksDraft('---\n---\ngrounded: true\n'), false, 'empty front matter, key in the body');
  assert.equal(frontMatterMarksDraft(''), false);
});
