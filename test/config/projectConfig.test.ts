import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONFIG_FILE_NAME,
  findProjectConfigPath,
  formatConfigProblem,
  loadProjectConfig,
  MAX_CONFIG_BYTES,
  parseProjectConfig,
  ProjectConfigs,
  type ConfigProblem,
} from '../../server/src/config/projectConfig';

const CONFIG = '/project/.grounded.yaml';
const lines = (...rows: string[]) => rows.join('\n') + '\n';
/** `line: message` of each problem, for short assertions. */
const where = (problems: ConfigProblem[]) => problems.map((p) => `${p.line}: ${p.message}`);

const root = mkdtempSync(join(tmpdir(), 'grounded-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a full config is read, paths resolved against its folder and ~', () => {
  const { config, problems } = parseProjectConfig(
    lines(
      '# a comment',
      'sources: { paths: [sources/, ~/library, /abs/src], includeBundled: false }',
      'drafts: { include: ["drafts/**/*.md"], exclude: ["drafts/notes/**"] }',
      'severity: { contradicted: error, unsupported: warning, citation-mismatch: warning, uncited: "off" }',
      'citationStyle: pandoc',
      'accepted:',
      '  - text: The sky is blue.',
      '    hash: 0123456789abcdef',
    ),
    CONFIG,
  );
  assert.deepEqual(problems, []);
  assert.equal(config.path, CONFIG);
  assert.equal(config.folder, '/project');
  assert.deepEqual(config.sources, { paths: ['/project/sources', join(homedir(), 'library'), '/abs/src'], includeBundled: false });
  assert.deepEqual(config.drafts, { include: ['drafts/**/*.md'], exclude: ['drafts/notes/**'] });
  assert.deepEqual(config.severity, { contradicted: 'error', unsupported: 'warning', 'citation-mismatch': 'warning', uncited: 'off' });
  assert.equal(config.citationStyle, 'pandoc');
  assert.deepEqual(config.accepted, [{ text: 'The sky is blue.', hash: '0123456789abcdef' }]);
  assert.equal(config.lines['citationStyle'], 5);
  assert.equal(config.lines['sources.paths.1'], 2);
  assert.equal(config.lines['accepted.0'], 7);
});

test('footnoteStyle names a bundled CSL style; bibliography a .json or .bib file, resolved against the folder', () => {
  const { config, problems } = parseProjectConfig(lines('footnoteStyle: apa', 'bibliography: build/refs.bib'), CONFIG);
  assert.deepEqual(problems, []);
  assert.equal(config.footnoteStyle, 'apa');
  assert.equal(config.bibliography, '/project/build/refs.bib');
  assert.equal(config.lines['bibliography'], 2);

  const faulty = parseProjectConfig(lines('citationStyle: footnote', 'footnoteStyle: chicago', 'bibliography: refs.txt'), CONFIG);
  assert.deepEqual(where(faulty.problems), [
    '2: "footnoteStyle" must be one of chicago-note, apa, vancouver, harvard1, not "chicago" (did you mean "chicago-note"?)',
    '3: "bibliography" must name a .json (CSL-JSON) or .bib (BibTeX) file, not "refs.txt"',
  ]);
  assert.ok(faulty.problems.every((problem) => problem.path === CONFIG));
  assert.equal(faulty.config.footnoteStyle, undefined);
  assert.equal(faulty.config.bibliography, undefined);
  assert.equal(faulty.config.citationStyle, 'footnote');
});

test('an empty file, or one of comments, says nothing and is no problem', () => {
  for (const text of ['', '# nothing yet\n', '\n\n']) {
    const { config, problems } = parseProjectConfig(text, CONFIG);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { path: CONFIG, folder: '/project', accepted: [], lines: {} });
  }
});

test('empty sections say nothing: `sources:` with every key commented out', () => {
  const { config, problems } = parseProjectConfig(lines('sources:', '  # paths: [sources/]', 'drafts:', 'severity: ~', 'accepted:'), CONFIG);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { path: CONFIG, folder: '/project', accepted: [], lines: {} });
});

test('each kind of fault gets one message on its line; the good keys still apply', () => {
  const { config, problems } = parseProjectConfig(
    lines(
      'sevrity: { uncited: hint }', // 1 unknown key, with a suggestion
      'colour: blue', // 2 unknown key, nothing close
      'sources:',
      '  paths: [sources/, 2024, ""]', // 4 not text; empty
      '  includeBundled: yes', // 5 not a boolean (YAML 1.2: text)
      'drafts:',
      '  include: ["drafts/[a.md", "../elsewhere/**", "drafts/**"]', // 7 glob that does not parse; outside the folder
      '  exclude: drafts/notes/**', // 8 not a list
      'severity:',
      '  contradicted: eror', // 10 not among the values
      '  unsupported: warning',
      '  uncited: [hint]', // 12 a list
      'citationStyle: chicago', // 13
      'accepted:',
      '  - text: Kept.',
      '  - hash: 0123456789abcdef', // 16 no text
      '  - text: Also kept.',
      '    hash: not-a-hash', // 18
      '  - A plain sentence.', // 19 not a mapping
      '  - text: Third.',
      '    by: me', // 21 unknown key in an entry
    ),
    CONFIG,
  );
  assert.deepEqual(where(problems), [
    '1: unknown key "sevrity" (did you mean "severity"?)',
    '2: unknown key "colour"; known keys: sources, drafts, severity, citationStyle, footnoteStyle, bibliography, accepted',
    '4: item 2 of "sources.paths" must be text, not a number (2024) (put it in quotes: "2024")',
    '4: item 3 of "sources.paths" is empty',
    '5: "sources.includeBundled" must be true or false, not text ("yes")',
    '7: item 1 of "drafts.include" is not a valid glob, "drafts/[a.md": Missing closing: "]" - use "\\\\]" to match literal characters',
    '7: item 2 of "drafts.include" points outside the folder of .grounded.yaml, "../elsewhere/**": globs start at that folder and match only files under it',
    '8: "drafts.exclude" must be a list ([a, b] or "- a" lines), not text ("drafts/notes/**")',
    '10: "severity.contradicted" must be one of error, warning, information, hint, off, not "eror" (did you mean "error"?)',
    '12: "severity.uncited" must be one of error, warning, information, hint, off, not a list',
    '13: "citationStyle" must be one of footnote, pandoc, not "chicago"',
    '16: accepted claim 2 needs the "text" of the sentence',
    '18: the "hash" of accepted claim 3 must be 16 hexadecimal digits, as "Accept this claim" writes it, not "not-a-hash"',
    '19: accepted claim 4 must be a mapping of keys (key: value), not text ("A plain sentence.")',
    '21: unknown key "by" in accepted claim 5; known keys: text, hash',
  ]);
  assert.ok(problems.every((p) => p.path === CONFIG && p.column !== undefined));
  // What was right is kept: the good list items, the good severity, the good accepted entries.
  assert.deepEqual(config.sources, { paths: ['/project/sources'] });
  assert.deepEqual(config.drafts, { include: ['drafts/**'] });
  assert.deepEqual(config.severity, { unsupported: 'warning' });
  assert.equal(config.citationStyle, undefined);
  assert.deepEqual(
    config.accepted.map((entry) => entry.text),
    ['Kept.', 'Also kept.', 'Third.'],
  );
});

test('unknown keys inside sections are named with their section', () => {
  const { problems } = parseProjectConfig(lines('sources:', '  path: [a]', 'severity:', '  unsuported: error', 'drafts: { includes: [] }'), CONFIG);
  assert.deepEqual(where(problems), [
    '2: unknown key "sources.path" (did you mean "sources.paths"?)',
    '4: unknown key "severity.unsuported" (did you mean "severity.unsupported"?)',
    '5: unknown key "drafts.includes" (did you mean "drafts.include"?)',
  ]);
});

test('a file that is not a mapping is one problem', () => {
  assert.deepEqual(where(parseProjectConfig('- a\n- b\n', CONFIG).problems), ['1: the file must be a mapping of keys (key: value), not a list']);
  assert.deepEqual(where(parseProjectConfig('just text\n', CONFIG).problems), [
    '1: the file must be a mapping of keys (key: value), not text ("just text")',
  ]);
});

test('broken YAML is reported with its line, and nothing of the file applies', () => {
  const broken = parseProjectConfig(lines('citationStyle: pandoc', 'sources: { paths: [a, b }', 'drafts: {}'), CONFIG);
  assert.equal(broken.problems.length >= 1, true);
  assert.equal(broken.problems[0].line, 2);
  assert.match(broken.problems[0].message, /^broken YAML: /);
  assert.deepEqual(broken.config, { path: CONFIG, folder: '/project', accepted: [], lines: {} });

  const duplicate = parseProjectConfig(lines('citationStyle: pandoc', 'citationStyle: footnote'), CONFIG);
  assert.deepEqual(where(duplicate.problems), ['2: broken YAML: Map keys must be unique']);

  const tab = parseProjectConfig('sources:\n\tpaths: [a]\n', CONFIG);
  assert.equal(tab.problems[0].line, 2);
});

test('an alias bomb is refused, not expanded', () => {
  const bomb = lines(
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'drafts: { include: *f }',
  );
  const { config, problems } = parseProjectConfig(bomb, CONFIG);
  assert.deepEqual(where(problems), ['2: too many YAML aliases (*name): they would expand beyond 100 copies; the file is ignored']);
  assert.deepEqual(config.drafts, undefined);
});

test('a few aliases are fine', () => {
  const { config, problems } = parseProjectConfig(lines('drafts:', '  include: &md ["**/*.md"]', '  exclude: *md'), CONFIG);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.drafts, { include: ['**/*.md'], exclude: ['**/*.md'] });
});

test('formatConfigProblem makes a clickable file:line:column', () => {
  assert.equal(formatConfigProblem({ path: CONFIG, line: 3, column: 5, message: 'x' }), '/project/.grounded.yaml:3:5: x');
  assert.equal(formatConfigProblem({ path: CONFIG, line: 1, message: 'x' }), '/project/.grounded.yaml:1: x');
});

test('findProjectConfigPath walks up from a file or a folder; the nearest config wins', () => {
  const project = join(root, 'walk');
  mkdirSync(join(project, 'drafts', 'deep', 'er'), { recursive: true });
  mkdirSync(join(project, 'other', CONFIG_FILE_NAME), { recursive: true }); // a folder of that name does not count
  writeFileSync(join(project, CONFIG_FILE_NAME), 'citationStyle: pandoc\n');
  writeFileSync(join(project, 'drafts', CONFIG_FILE_NAME), 'citationStyle: footnote\n');

  assert.equal(findProjectConfigPath(join(project, 'drafts', 'deep', 'er', 'a.md')), join(project, 'drafts', CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'drafts', 'deep')), join(project, 'drafts', CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'drafts', 'a.md')), join(project, 'drafts', CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'top.md')), join(project, CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'other', 'b.md')), join(project, CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'unsaved', 'new.md')), join(project, CONFIG_FILE_NAME));
});

test('loadProjectConfig reports missing source folders on their line, and unreadable files', () => {
  const project = join(root, 'load');
  mkdirSync(join(project, 'sources'), { recursive: true });
  const path = join(project, CONFIG_FILE_NAME);
  writeFileSync(path, lines('sources:', '  paths:', '    - sources/', '    - missing/', '  includeBundled: false'));
  const { config, problems } = loadProjectConfig(path);
  assert.deepEqual(where(problems), [`4: source folder ${join(project, 'missing')} does not exist`]);
  // The path is kept: the folder may be created later.
  assert.deepEqual(config.sources, { paths: [join(project, 'sources'), join(project, 'missing')], includeBundled: false });

  assert.deepEqual(where(loadProjectConfig(join(project, 'nothing.yaml')).problems), ['1: cannot read .grounded.yaml: no such file or folder']);
  assert.deepEqual(where(loadProjectConfig(join(project, 'sources')).problems), ['1: cannot read .grounded.yaml: is a folder, not a file']);
  const big = join(project, 'big.yaml');
  writeFileSync(big, `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
  assert.match(loadProjectConfig(big).problems[0].message, /bytes, over the size limit of 1,048,576 bytes: not read$/);
  const latin1 = join(project, 'latin1.yaml');
  writeFileSync(latin1, Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
  assert.deepEqual(where(loadProjectConfig(latin1).problems), ['1: cannot read .grounded.yaml: not UTF-8 text']);
});

test('loadProjectConfig refuses a named pipe without waiting for a writer', (t) => {
  const pipe = join(root, 'pipe.yaml');
  try {
    execFileSync('mkfifo', [pipe], { stdio: 'ignore' });
  } catch {
    return t.skip('no mkfifo on this system');
  }
  assert.deepEqual(where(loadProjectConfig(pipe).problems), ['1: cannot read .grounded.yaml: not a regular file (a pipe, a device or a socket)']);
});

test('loadProjectConfig follows a link to a config file', () => {
  const project = join(root, 'linked');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'shared.yaml'), 'citationStyle: pandoc\n');
  symlinkSync(join(project, 'shared.yaml'), join(project, CONFIG_FILE_NAME));
  assert.equal(findProjectConfigPath(join(project, 'a.md')), join(project, CONFIG_FILE_NAME));
  assert.equal(loadProjectConfig(join(project, CONFIG_FILE_NAME)).config.citationStyle, 'pandoc');
});

test('ProjectConfigs reads a config once, and again when it changes', () => {
  const project = join(root, 'cache');
  mkdirSync(join(project, 'drafts'), { recursive: true });
  const path = join(project, CONFIG_FILE_NAME);
  writeFileSync(path, 'citationStyle: pandoc\n');
  const configs = new ProjectConfigs();

  const first = configs.forFile(join(project, 'drafts', 'a.md'));
  assert.equal(first?.config.citationStyle, 'pandoc');
  assert.equal(configs.forFile(join(project, 'drafts', 'b.md')), first, 'the same config file is not read twice');

  writeFileSync(path, 'citationStyle: footnote\n');
  utimesSync(path, new Date(), new Date(Date.now() + 5000)); // the same size: the modification time tells
  assert.equal(configs.forFile(join(project, 'drafts', 'a.md'))?.config.citationStyle, 'footnote');

  const cached = configs.forFile(join(project, 'a.md'));
  configs.invalidate(path);
  assert.notEqual(configs.forFile(join(project, 'a.md')), cached);
  configs.invalidate();
});

test('ProjectConfigs has nothing for a file no config is above', { skip: findProjectConfigPath(root) !== undefined && 'a config above the temporary folder' }, () => {
  assert.equal(new ProjectConfigs().forFile(join(root, 'lonely', 'a.md')), undefined);
});

describe('sources.database', () => {
  test('a postgresql:// URL without a password is kept', () => {
    const { config, problems } = parseProjectConfig('sources:\n  database: postgresql://reader@db.example/archive\n', '/p/.grounded.yaml');
    assert.deepEqual(problems, []);
    assert.equal(config.sources?.database, 'postgresql://reader@db.example/archive');
  });

  test('a password in the URL is refused, named with its line, and the value not used', () => {
    const { config, problems } = parseProjectConfig('drafts:\n  include: ["*.md"]\nsources:\n  database: postgresql://reader:secret@db.example/archive\n', '/p/.grounded.yaml');
    assert.equal(config.sources?.database, undefined);
    assert.deepEqual(problems.map((p) => [p.line, /PGPASSWORD or ~\/\.pgpass/.test(p.message)]), [[4, true]]);
    assert.deepEqual(config.drafts?.include, ['*.md'], 'the rest of the file applies');
  });

  test('something other than a PostgreSQL URL is refused', () => {
    const { config, problems } = parseProjectConfig('sources:\n  database: mysql://db.example/archive\n', '/p/.grounded.yaml');
    assert.equal(config.sources?.database, undefined);
    assert.match(problems[0]?.message ?? '', /must be a postgresql:\/\/ URL/);
  });
});
