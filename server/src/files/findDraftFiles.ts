// Expands the paths given on the command line into the Markdown files to check.
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError } from './readTextFile';

/** A file to read, or an input that yielded nothing to check (a missing path, a folder without Markdown). */
export type DraftInput = { file: string } | { path: string; problem: string };

export interface FindDraftOptions {
  /** Leave out what `.gitignore` files ignore in folder walks (default true): build output, vendored docs. */
  gitignore?: boolean;
}

const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;
// Dependency and tool folders hold other people's Markdown (READMEs, changelogs), never the user's drafts.
const SKIPPED_FOLDERS = new Set(['node_modules']);
// A .gitignore is a few lines; a huge one is not worth the time to read.
const MAX_GITIGNORE_BYTES = 1024 * 1024;
// Git compares names with letter case aside where the file system does (core.ignorecase).
const IGNORE_CASE = process.platform === 'win32' || process.platform === 'darwin';

/**
 * Inputs in a stable order: as given, folders expanded alphabetically, each file once.
 * A file named explicitly is checked whatever its extension and whatever .gitignore says (the user asked for it; it
 * may be a pipe, `<(…)`); a folder contributes its regular `.md` / `.markdown` files, recursively, skipping hidden
 * folders, `node_modules` and what its `.gitignore` files (and those above it, up to the git root) ignore.
 */
export function findDraftFiles(paths: readonly string[], options: FindDraftOptions = {}): DraftInput[] {
  const inputs: DraftInput[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      inputs.push({ file });
    }
  };

  for (const path of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (err) {
      inputs.push({ path, problem: describeFsError(err) });
      continue;
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const walk = new FolderWalk(options.gitignore ?? true);
    const found = walk.markdownFilesUnder(path, walk.rulesAbove(path));
    // A folder inside that cannot be read may hold drafts: said, never skipped silently.
    inputs.push(...walk.problems);
    if (found.length === 0 && walk.problems.length === 0) {
      // Said when it is so, or the writer looks for Markdown files that are plainly there.
      const unignored = walk.ignoredAny ? ' that .gitignore does not ignore' : '';
      inputs.push({ path, problem: `no Markdown files (.md, .markdown) in this folder${unignored}` });
    }
    found.forEach(add);
  }
  return inputs;
}

/** The rules of one .gitignore, which apply to paths relative to its folder. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

class FolderWalk {
  /** Whether .gitignore rules left out a Markdown file or a folder. */
  ignoredAny = false;
  /** Folders (and entries) that could not be read: what they hold is unknown. */
  readonly problems: { path: string; problem: string }[] = [];
  // Symbolic links can make a folder contain itself; real paths break the cycle.
  private readonly visited = new Set<string>();

  constructor(private readonly useGitignore: boolean) {}

  /**
   * The .gitignore rules of the folders above `folder`, from the git root down (none outside a repository). A folder
   * that these rules ignore was still named by the user: it is walked, under its own rules only.
   */
  rulesAbove(folder: string): IgnoreRules[] {
    if (!this.useGitignore) return [];
    const absolute = resolve(folder);
    const root = gitRoot(absolute);
    if (root === undefined) return [];
    const above: string[] = [];
    for (let at = absolute; at !== root; at = dirname(at)) above.unshift(dirname(at));
    // The repository's own exclude file first: the lowest precedence, as in git.
    const files = [{ base: root, file: join(root, '.git', 'info', 'exclude') }, ...above.map((at) => ({ base: at, file: join(at, '.gitignore') }))];
    const rules = files.flatMap(({ base, file }) => readRules(base, file) ?? []);
    return isIgnored(rules, absolute, true) ? [] : rules;
  }

  markdownFilesUnder(folder: string, rulesAbove: IgnoreRules[]): string[] {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return [];
    }
    if (this.visited.has(real)) return [];
    this.visited.add(real);

    let entries: string[];
    try {
      entries = readdirSync(folder).sort();
    } catch (err) {
      this.problems.push({ path: folder, problem: `folder cannot be read (${describeFsError(err)}): its Markdown files are not checked` });
      return [];
    }
    const absoluteFolder = resolve(folder);
    const own = this.useGitignore && entries.includes('.gitignore') ? readRules(absoluteFolder, join(absoluteFolder, '.gitignore')) : undefined;
    const rules = own ? [...rulesAbove, own] : rulesAbove;

    const found: string[] = [];
    for (const name of entries) {
      const path = join(folder, name);
      let stats: Stats;
      try {
        stats = statSync(path); // follows links: a link to a folder is walked, a link to a device is seen as one
      } catch (err) {
        // A dangling link or a file removed meanwhile: nothing to check. Anything else (a link loop, no permission
        // to look) may hide drafts.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.push({ path, problem: `cannot be read (${describeFsError(err)}): not checked` });
        continue;
      }
      if (stats.isDirectory()) {
        if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
        if (isIgnored(rules, join(absoluteFolder, name), true)) this.ignoredAny = true;
        else found.push(...this.markdownFilesUnder(path, rules));
      } else if (stats.isFile() && MARKDOWN_EXTENSION.test(name)) {
        // Only regular files: a named pipe would block the read forever, a link to /dev/zero never end it.
        if (isIgnored(rules, join(absoluteFolder, name), false)) this.ignoredAny = true;
        else found.push(path);
      }
    }
    return found;
  }
}

/**
 * Whether git would ignore `path`: the rules of each .gitignore from the top down, a deeper file's match (or its
 * `!pattern` exception) overriding a higher one's, as in git.
 */
function isIgnored(rules: readonly IgnoreRules[], path: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const { base, rules: set } of rules) {
    const relativePath = relative(base, path).split(sep).join('/');
    if (relativePath === '' || relativePath.startsWith('../')) continue;
    try {
      const result = set.test(isFolder ? `${relativePath}/` : relativePath);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    } catch {
      // A name the ignore package refuses cannot be matched by any rule either.
    }
  }
  return ignored;
}

/** The rules of a .gitignore-format file applying to `base`; undefined when it is missing, not a file or unreadable. */
function readRules(base: string, file: string): IgnoreRules | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size > MAX_GITIGNORE_BYTES) return undefined;
    return { base, rules: ignore({ ignorecase: IGNORE_CASE }).add(readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `folder` holding `.git` (a folder, or a file in a worktree or submodule). */
function gitRoot(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    try {
      statSync(join(at, '.git'));
      return at;
    } catch {
      // not here: look further up
    }
    if (dirname(at) === at) return undefined;
  }
}
