// Which Markdown files are drafts to check. A project says so with `drafts.include` / `drafts.exclude` globs in its
// `.grounded.yaml`; a single document can say so itself with `grounded: true` in its front matter.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import type { ProjectConfig } from './projectConfig';

/** The same extensions folder walks pick up (findDraftFiles), letter case aside. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

type Matcher = (relativePath: string) => boolean;
// Compiled once per config: a workspace check asks for every file.
const matchers = new WeakMap<ProjectConfig, Matcher>();

/**
 * Whether the config makes `filePath` a draft: its path relative to the config's folder matches an `include` glob
 * (every Markdown file when `include` is absent) and no `exclude` glob. Files outside the folder are not covered.
 * Globs see dot files and folders (`dot`), as a glob written by hand means them.
 */
export function coversDraft(config: ProjectConfig, filePath: string): boolean {
  const path = relative(config.folder, resolve(filePath));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return false;
  let matcher = matchers.get(config);
  if (!matcher) matchers.set(config, (matcher = compile(config)));
  return matcher(path.split(sep).join('/'));
}

function compile(config: ProjectConfig): Matcher {
  const include = config.drafts?.include;
  const exclude = config.drafts?.exclude ?? [];
  const included: Matcher = include === undefined ? (path) => MARKDOWN_FILE.test(path) : globMatcher(include);
  const excluded: Matcher = exclude.length === 0 ? () => false : globMatcher(exclude);
  return (path) => included(path) && !excluded(path);
}

function globMatcher(globs: readonly string[]): Matcher {
  if (globs.length === 0) return () => false; // `include: []` includes nothing, as written
  return picomatch([...globs], { dot: true });
}

// The opening `---` must be the very first line (after a byte-order mark); the first `---` or `...` line closes it.
const OPENING_FENCE = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/gm;
// Cheap test before any YAML parse: most front matter never mentions the key.
const GROUNDED_KEY = /^grounded[ \t]*:/m;

/**
 * Whether the document's front matter says `grounded: true` (the boolean: `"true"` or `yes` do not count). Looks
 * only at the front matter block, and parses its YAML only when it mentions `grounded:`.
 */
export function frontMatterMarksDraft(markdownText: string): boolean {
  const opening = OPENING_FENCE.exec(markdownText);
  if (!opening) return false;
  CLOSING_FENCE.lastIndex = opening[0].length;
  const closing = CLOSING_FENCE.exec(markdownText);
  if (!closing) return false;
  const yamlText = markdownText.slice(opening[0].length, closing.index);
  if (!GROUNDED_KEY.test(yamlText)) return false;
  const document = parseDocument(yamlText, { prettyErrors: false });
  return document.errors.length === 0 && document.get('grounded') === true;
}
