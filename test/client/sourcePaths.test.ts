// "Add Source Folder…" without VS Code: the entry written for a picked folder, and the `.grounded.yaml` edit that adds
// it to `sources.paths` (comments kept, keys created when absent, no duplicates), checked by parsing the result the
// way the server does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { addSourcePathsToConfig, mergeSourcePaths, sourcePathEntry } from '../../client/src/sourcePaths';
import { parseProjectConfig } from '../../server/src/config/projectConfig';
import { STARTER_CONFIG } from '../../server/src/config/starter';

const CONFIG_PATH = '/project/.grounded.yaml';

/** The source folders the server reads from the edited text (absolute), and the problems it finds. */
function readBack(text: string): { paths: string[] | undefined; problems: string[] } {
  const { config, problems } = parseProjectConfig(text, CONFIG_PATH);
  return { paths: config.sources?.paths, problems: problems.map((problem) => problem.message) };
}

describe('sourcePathEntry', () => {
  test('relative with / inside the base folder, absolute outside it', () => {
    assert.equal(sourcePathEntry('/project/research', '/project'), 'research');
    assert.equal(sourcePathEntry('/project/research/2026', '/project'), 'research/2026');
    assert.equal(sourcePathEntry('/project', '/project'), '.');
    assert.equal(sourcePathEntry('/elsewhere/sources', '/project'), '/elsewhere/sources');
    assert.equal(sourcePathEntry('/project-b/sources', '/project'), '/project-b/sources');
    assert.equal(sourcePathEntry('/..hidden/x', '/'), '..hidden/x');
  });

  test('Windows paths get / separators inside the base folder and stay as they are outside it', () => {
    assert.equal(sourcePathEntry('C:\\work\\project\\research\\2026', 'C:\\work\\project', path.win32), 'research/2026');
    assert.equal(sourcePathEntry('D:\\sources', 'C:\\work\\project', path.win32), 'D:\\sources');
  });
});

describe('mergeSourcePaths', () => {
  test('appends the new entries once, whatever their spelling of the same folder', () => {
    assert.deepEqual(mergeSourcePaths(['research/'], ['./research', 'research', 'more', 'more/', '  ']), ['research/', 'more']);
    assert.deepEqual(mergeSourcePaths([], ['.', './']), ['.']);
  });
});

describe('addSourcePathsToConfig', () => {
  test('the starter config: `paths` is created under `sources`, every comment and other key kept', () => {
    const { text, added } = addSourcePathsToConfig(STARTER_CONFIG, ['research', '/shared/sources']);
    assert.deepEqual(added, ['research', '/shared/sources']);
    assert.deepEqual(readBack(text), { paths: ['/project/research', '/shared/sources'], problems: [] });
    for (const line of STARTER_CONFIG.split('\n')) assert.ok(text.includes(line), `lost: ${line}`);
    assert.match(text, /^sources:\n(?: {2}#.*\n)+ {2}includeBundled: true\n {2}paths:\n {4}- research\n {4}- \/shared\/sources\n/m);
  });

  test('appends to a block list, keeping its comments, and adds nothing twice', () => {
    const before = ['# my project', 'sources:', '  paths:', '    - sources # the AP wire', '  # more to come', 'citationStyle: pandoc', ''].join('\n');
    const { text, added } = addSourcePathsToConfig(before, ['./sources/', 'research', 'research']);
    assert.deepEqual(added, ['research']);
    assert.equal(text, ['# my project', 'sources:', '  paths:', '    - sources # the AP wire', '    - research', '  # more to come', 'citationStyle: pandoc', ''].join('\n'));
  });

  test('appends to a flow list in its style; an empty one becomes a block list', () => {
    assert.equal(addSourcePathsToConfig('sources:\n  paths: [a] # mine\n', ['b']).text, 'sources:\n  paths: [a, b] # mine\n');
    assert.equal(addSourcePathsToConfig('sources:\n  paths: []\n', ['b']).text, 'sources:\n  paths:\n    - b\n');
    assert.equal(addSourcePathsToConfig('sources:\n  paths:\n', ['b']).text, 'sources:\n  paths:\n    - b\n');
    assert.equal(addSourcePathsToConfig('sources: {includeBundled: false}\n', ['b']).text, 'sources: {includeBundled: false, paths: [b]}\n');
  });

  test('creates `sources:` in an empty file, a file of comments, or beside other keys', () => {
    assert.equal(addSourcePathsToConfig('', ['a']).text, 'sources:\n  paths:\n    - a\n');
    const commented = addSourcePathsToConfig('# nothing yet\n', ['a']).text;
    assert.match(commented, /^# nothing yet\n/);
    assert.deepEqual(readBack(commented).paths, ['/project/a']);
    assert.equal(addSourcePathsToConfig('citationStyle: pandoc\n', ['a']).text, 'citationStyle: pandoc\nsources:\n  paths:\n    - a\n');
    assert.equal(addSourcePathsToConfig('sources:\ncitationStyle: pandoc\n', ['a']).text, 'sources:\n  paths:\n    - a\ncitationStyle: pandoc\n');
  });

  test('a single path becomes a list holding it', () => {
    const { text } = addSourcePathsToConfig('sources:\n  paths: sources\n', ['b']);
    assert.deepEqual(readBack(text), { paths: ['/project/sources', '/project/b'], problems: [] });
  });

  test('nothing to add leaves the text as it was, byte for byte', () => {
    const before = 'sources:\n  paths:   [ "research" ]   # spaced out\n';
    assert.deepEqual(addSourcePathsToConfig(before, ['research/', './research']), { text: before, added: [] });
    assert.deepEqual(addSourcePathsToConfig(STARTER_CONFIG, []), { text: STARTER_CONFIG, added: [] });
  });

  test('paths that YAML would misread are quoted', () => {
    const { text } = addSourcePathsToConfig('', ['notes: 2026', '#drafts', 'true', '~/sources']);
    assert.deepEqual(readBack(text).paths?.slice(0, 3), ['/project/notes: 2026', '/project/#drafts', '/project/true']);
    assert.equal(readBack(text).problems.length, 0);
  });

  test('CRLF line breaks stay CRLF', () => {
    const { text } = addSourcePathsToConfig('sources:\r\n  includeBundled: false\r\n', ['a']);
    assert.equal(text, 'sources:\r\n  includeBundled: false\r\n  paths:\r\n    - a\r\n');
  });

  test('refuses a file it cannot edit safely', () => {
    assert.throws(() => addSourcePathsToConfig('sources: [a\n', ['b']), /YAML is broken/);
    assert.throws(() => addSourcePathsToConfig('- a\n- b\n', ['b']), /not a mapping/);
    assert.throws(() => addSourcePathsToConfig('sources: research\n', ['b']), /"sources" is not a mapping/);
    assert.throws(() => addSourcePathsToConfig('sources:\n  paths:\n    dir: a\n', ['b']), /"sources.paths" is not a list/);
  });
});
