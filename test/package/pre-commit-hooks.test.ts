// .pre-commit-hooks.yaml declares the `grounded` hook: a node hook whose entry is `grounded check`, a bin of
// package.json, run on Markdown files. pre-commit installs a node hook from a clone with `npm pack` and
// `npm install -g` of the tarball (npm-pack.test.ts runs those), so the clone's missing dist/ must be built by prepack.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './repositoryCopy';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  description?: string;
  files?: string;
  types?: string[];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

describe('.pre-commit-hooks.yaml', () => {
  test('declares the grounded hook with the fields pre-commit needs', () => {
    assert.ok(Array.isArray(hooks), 'a list of hooks');
    assert.deepEqual(hooks.map((hook) => hook.id), ['grounded']);
    const hook = hooks[0]!;
    for (const field of ['id', 'name', 'entry', 'language', 'description'] as const) {
      assert.equal(typeof hook[field], 'string', `${field} is a string`);
      assert.ok(hook[field]!.trim(), `${field} is not empty`);
    }
    assert.equal(hook.language, 'node');
  });

  test('runs `grounded check`, a bin package.json installs', () => {
    const [bin, subcommand, ...rest] = hooks[0]!.entry.split(/\s+/);
    assert.equal(subcommand, 'check');
    assert.deepEqual(rest, [], 'options belong in args, where a project can change them');
    const path = manifest.bin[bin!];
    assert.ok(path, `${bin} is a bin of package.json (${Object.keys(manifest.bin).join(', ')})`);
    assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
  });

  test('runs on Markdown files only', () => {
    const hook = hooks[0]!;
    assert.deepEqual(hook.types, ['markdown']);
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files ?? '');
    for (const name of ['draft.md', 'drafts/2026/story.markdown']) assert.match(name, files);
    for (const name of ['notes.txt', 'draft.md.bak', 'sources.mdx']) assert.doesNotMatch(name, files);
  });

  test('npm pack builds the bundles the bin runs (a clone has no dist/)', () => {
    assert.match(manifest.scripts.prepack ?? '', /^npm run --silent build\b/);
  });
});
