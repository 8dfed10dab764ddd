// The project config file, `.grounded.yaml`: the nearest one above a draft applies to it, so the CLI in CI and the
// editor read the same settings. Every key is optional; where the file is silent the caller falls back to the editor
// settings or the CLI defaults. A faulty key is reported (file, line, one message per fault) and dropped, and the rest
// of the file still applies: a typo in one severity must not turn the whole project back to the defaults.
//
// Parsing touches no file system, so an unsaved editor buffer can be parsed and the tests run in memory; the checks
// that need the disk (does a source folder exist?) live in loadProjectConfig / missingSourceFolders.

import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { resolveUserPath } from '../files/paths';
import picomatch from 'picomatch';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import {
  CITATION_STYLES,
  DIAGNOSTIC_CODES,
  SEVERITY_SETTINGS,
  type CitationStyle,
  type DiagnosticCode,
  type SeveritySetting,
} from '../protocol';
import { readRegularFile } from '../files/readTextFile';
import { bibliographyFormatOf, FOOTNOTE_STYLES, type FootnoteStyle } from '../bibliography/formats';
import { claimHash, CLAIM_HASH_PATTERN } from './accepted';
import { closestWord } from './closestWord';
import { MAX_ALIAS_COUNT } from './yamlLimits';

export const CONFIG_FILE_NAME = '.grounded.yaml';

/** What a `.grounded.yaml` says. Optional fields are those the file is silent about. */
export interface ProjectConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its folder: relative paths and draft globs start here. */
  folder: string;
  sources?: {
    /** Absolute (resolved against `folder`; `~` is the home folder). */
    paths?: string[];
    includeBundled?: boolean;
    /** A newsroom archive in PostgreSQL (a URL without a password: credentials come from PG* or ~/.pgpass). */
    database?: string;
  };
  /** Globs relative to `folder`, posix separators. */
  drafts?: { include?: string[]; exclude?: string[] };
  severity?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  citationStyle?: CitationStyle;
  /** The CSL style of the footnote definitions the Cite fixes write. */
  footnoteStyle?: FootnoteStyle;
  /**
   * The bibliography file Grounded keeps up to date (absolute; `.json` CSL-JSON or `.bib` BibTeX): `grounded
   * bibliography --write` writes it, and the editor's Cite fixes rewrite it along with the draft.
   */
  bibliography?: string;
  /** Claims the writer accepted ("Accept this claim"): never reported while their text is unchanged. */
  accepted: AcceptedClaim[];
  /** 1-based line each kept value was written on, by dotted key: `citationStyle`, `sources.paths.0`, `accepted.2`. */
  lines: Record<string, number>;
}

export interface AcceptedClaim {
  /** The sentence as accepted, for the reader of the file. */
  text: string;
  /** claimHash of the sentence: what is matched. */
  hash: string;
}

export interface ConfigProblem {
  /** The config file. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column?: number;
  message: string;
}

export interface ProjectConfigResult {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/**
 * The keys the parser reads, by section (`null`: the key holds a value, not a section). The readers below are typed
 * against it (a key added on one side only does not compile), and test/config/schema.test.ts holds the JSON Schema to it.
 */
export const CONFIG_KEYS = {
  sources: ['paths', 'includeBundled', 'database'],
  drafts: ['include', 'exclude'],
  severity: DIAGNOSTIC_CODES,
  citationStyle: null,
  footnoteStyle: null,
  bibliography: null,
  accepted: ['text', 'hash'],
} as const satisfies Record<string, readonly string[] | null>;

// A config is a few dozen lines; a long accepted list may reach some thousands. Anything bigger is not a config.
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function emptyProjectConfig(path: string): ProjectConfig {
  const absolute = resolve(path);
  return { path: absolute, folder: dirname(absolute), accepted: [], lines: {} };
}

/** `path:line:column: message`, the form editors and terminals make clickable. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.path}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}: ${problem.message}`;
}

/** Parses the text of a config file at `path`. Never throws; never reads the disk. */
export function parseProjectConfig(text: string, path: string): ProjectConfigResult {
  const config = emptyProjectConfig(path);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const reader = new ConfigReader(config, document, lineCounter);

  // Broken YAML has no trustworthy structure left: report it and apply nothing.
  if (document.errors.length > 0) {
    for (const error of document.errors) reader.problemAt(error.pos[0], `broken YAML: ${firstLine(error.message)}`);
    return { config: emptyProjectConfig(path), problems: dedupeByLine(reader.problems) };
  }
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    let firstAlias: Node | undefined;
    visit(document, { Alias: (_, node) => ((firstAlias = node), visit.BREAK) });
    reader.problem(firstAlias, `too many YAML aliases (*name): they would expand beyond ${MAX_ALIAS_COUNT} copies; the file is ignored`);
    return { config: emptyProjectConfig(path), problems: reader.problems };
  }
  for (const warning of document.warnings) reader.problemAt(warning.pos[0], firstLine(warning.message));

  reader.readMap(document.contents, '', {
    sources: (node) => reader.readSources(node),
    drafts: (node) => reader.readDrafts(node),
    severity: (node) => reader.readSeverity(node),
    citationStyle: (node, key) => {
      const style = reader.readChoice(node, key, CITATION_STYLES);
      if (style !== undefined) config.citationStyle = reader.kept(key, node, style);
    },
    footnoteStyle: (node, key) => {
      const style = reader.readChoice(node, key, FOOTNOTE_STYLES);
      if (style !== undefined) config.footnoteStyle = reader.kept(key, node, style);
    },
    bibliography: (node, key) => {
      const path = reader.readString(node, `"${key}"`);
      if (path === undefined) return;
      const problem = bibliographyPathProblem(path.trim());
      if (problem) reader.problem(node, `"${key}" ${problem}`);
      else config.bibliography = reader.kept(key, node, resolveConfigPath(path.trim(), config.folder));
    },
    accepted: (node) => reader.readAccepted(node),
  } satisfies ReadersOf<keyof typeof CONFIG_KEYS>);
  return { config, problems: reader.problems };
}

type FieldReader = (value: Node | null, key: string) => void;
type FieldReaders = Record<string, FieldReader>;
type ReadersOf<Key extends string> = Record<Key, FieldReader>;
type SectionKey<Section extends keyof typeof CONFIG_KEYS> = NonNullable<(typeof CONFIG_KEYS)[Section]>[number];

/** Walks the parsed document, filling `config` with the values that are right and `problems` with the others. */
class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(
    private readonly config: ProjectConfig,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  readSources(node: Node | null): void {
    const sources: NonNullable<ProjectConfig['sources']> = {};
    this.readMap(node, 'sources', {
      paths: (value, key) => {
        const paths = this.readStringList(value, key, (path) => (path.trim() === '' ? 'is empty' : undefined));
        if (paths) sources.paths = this.kept(key, value, paths.map((path) => resolveConfigPath(path.trim(), this.config.folder)));
      },
      includeBundled: (value, key) => {
        const include = this.readBoolean(value, key);
        if (include !== undefined) sources.includeBundled = this.kept(key, value, include);
      },
      database: (value, key) => {
        const url = this.readString(value, key);
        if (url === undefined) return;
        const problem = databaseUrlProblem(url.trim());
        if (problem) this.problem(value, `"${key}" ${problem}`);
        else sources.database = this.kept(key, value, url.trim());
      },
    } satisfies ReadersOf<SectionKey<'sources'>>);
    if (Object.keys(sources).length > 0) this.config.sources = sources;
  }

  readDrafts(node: Node | null): void {
    const drafts: NonNullable<ProjectConfig['drafts']> = {};
    const readGlobs = (value: Node | null, key: string) => {
      const globs = this.readStringList(value, key, globProblem);
      return globs && this.kept(key, value, globs);
    };
    this.readMap(node, 'drafts', {
      include: (value, key) => {
        const globs = readGlobs(value, key);
        if (globs) drafts.include = globs;
      },
      exclude: (value, key) => {
        const globs = readGlobs(value, key);
        if (globs) drafts.exclude = globs;
      },
    } satisfies ReadersOf<SectionKey<'drafts'>>);
    if (Object.keys(drafts).length > 0) this.config.drafts = drafts;
  }

  readSeverity(node: Node | null): void {
    const severity: NonNullable<ProjectConfig['severity']> = {};
    const readers: Partial<ReadersOf<DiagnosticCode>> = {};
    for (const code of CONFIG_KEYS.severity) {
      readers[code] = (value, key) => {
        const setting = this.readChoice(value, key, SEVERITY_SETTINGS);
        if (setting !== undefined) severity[code] = this.kept(key, value, setting);
      };
    }
    this.readMap(node, 'severity', readers as ReadersOf<SectionKey<'severity'>>);
    if (Object.keys(severity).length > 0) this.config.severity = severity;
  }

  readAccepted(node: Node | null): void {
    this.readList(node, 'accepted')?.forEach((item, index) => {
      const label = `accepted claim ${index + 1}`;
      const entry: Partial<AcceptedClaim> = {};
      let hasText = false;
      const readers = {
        text: (value: Node | null) => {
          hasText = true;
          const text = this.readString(value, `the "text" of ${label}`);
          if (text !== undefined && text.trim() !== '') entry.text = text;
          else if (text !== undefined) this.problem(value, `the "text" of ${label} is empty: write the accepted sentence`);
        },
        hash: (value: Node | null) => {
          const hash = this.readString(value, `the "hash" of ${label}`);
          if (hash !== undefined && CLAIM_HASH_PATTERN.test(hash)) entry.hash = hash;
          else if (hash !== undefined) this.problem(value, `the "hash" of ${label} must be 16 hexadecimal digits, as "Accept this claim" writes it, not "${hash}"`);
        },
      } satisfies ReadersOf<SectionKey<'accepted'>>;
      const isMapping = this.readMap(item, `accepted.${index}`, readers, label);
      if (isMapping && !hasText && this.valueOf(item) !== null) this.problem(item, `${label} needs the "text" of the sentence`);
      if (entry.text === undefined) return;
      // An entry written by hand may leave the hash out: it is the hash of the text.
      const claim = { text: entry.text, hash: entry.hash ?? claimHash(entry.text) };
      this.config.accepted.push(this.kept(`accepted.${this.config.accepted.length}`, item, claim));
    });
  }

  /**
   * Reads a mapping whose keys are `readers`' names; an unknown key is reported (with the closest known one) and
   * skipped. `where` is the dotted key of the mapping ('' for the top level); `label` names a mapping that has no
   * key of its own (a list item) in messages. Returns whether it was a mapping (or nothing).
   */
  readMap(node: Node | null | undefined, where: string, readers: FieldReaders, label?: string): boolean {
    const resolved = this.resolve(node);
    if (this.valueOf(resolved) === null) return true; // `sources:` with nothing under it says nothing
    if (!isMap(resolved)) {
      const name = label ?? (where === '' ? 'the file' : `"${where}"`);
      this.problem(resolved, `${name} must be a mapping of keys (key: value), not ${describeNode(resolved)}`);
      return false;
    }
    const known = Object.keys(readers);
    for (const pair of resolved.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const dotted = where === '' ? (name ?? '') : `${where}.${name}`;
      if (name === undefined || !Object.hasOwn(readers, name)) {
        const prefix = where === '' || label !== undefined ? '' : `${where}.`;
        const written = name === undefined ? 'a key that is not text' : `unknown key "${prefix}${name}"${label ? ` in ${label}` : ''}`;
        const suggestion = name === undefined ? undefined : closestWord(name, known);
        const hint = suggestion === undefined ? `; known keys: ${known.join(', ')}` : ` (did you mean "${prefix}${suggestion}"?)`;
        this.problem(keyNode ?? (pair.value as Node | null), `${written}${hint}`);
        continue;
      }
      readers[name](this.resolve(pair.value as Node | null), dotted);
    }
    return true;
  }

  /** Notes the line of a value kept under `key`, and returns it. */
  kept<T>(key: string, node: Node | null, value: T): T {
    this.config.lines[key] = this.lineOf(node);
    return value;
  }

  readList(node: Node | null, key: string): (Node | null)[] | undefined {
    const resolved = this.resolve(node);
    if (this.valueOf(resolved) === null) return undefined;
    if (!isSeq(resolved)) {
      this.problem(resolved, `"${key}" must be a list ([a, b] or "- a" lines), not ${describeNode(resolved)}`);
      return undefined;
    }
    return resolved.items.map((item) => this.resolve(item as Node | null));
  }

  /** A list of text; an item that is not text, or that `check` faults (`is empty`), is reported and left out. */
  readStringList(node: Node | null, key: string, check: (text: string) => string | undefined): string[] | undefined {
    const items = this.readList(node, key);
    if (!items) return undefined;
    const kept: string[] = [];
    items.forEach((item, index) => {
      const text = this.readString(item, `item ${index + 1} of "${key}"`);
      if (text === undefined) return;
      const fault = check(text);
      if (fault !== undefined) return this.problem(item, `item ${index + 1} of "${key}" ${fault}`);
      kept.push(this.kept(`${key}.${kept.length}`, item, text));
    });
    return kept;
  }

  /** `label` names the value in a message: `"citationStyle"`, `item 2 of "drafts.include"`. */
  readString(node: Node | null, label: string): string | undefined {
    const value = this.valueOf(node);
    if (typeof value === 'string') return value;
    // YAML reads `2024` or `true` as a number or a boolean; the writer may have meant text, but saying so beats guessing.
    const hint = isScalar(node) && value !== null ? ` (put it in quotes: "${String(value)}")` : '';
    this.problem(node, `${label} must be text, not ${describeNode(node)}${hint}`);
    return undefined;
  }

  readBoolean(node: Node | null, key: string): boolean | undefined {
    const value = this.valueOf(node);
    if (value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(node, `"${key}" must be true or false, not ${describeNode(node)}`);
    return undefined;
  }

  readChoice<T extends string>(node: Node | null, key: string, allowed: readonly T[]): T | undefined {
    const value = this.valueOf(node);
    if (value === null) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const suggestion = typeof value === 'string' ? closestWord(value, allowed) : undefined;
    const written = typeof value === 'string' ? `"${value}"` : describeNode(node);
    this.problem(node, `"${key}" must be one of ${allowed.join(', ')}, not ${written}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    return undefined;
  }

  problem(node: Node | null | undefined, message: string): void {
    this.problemAt(node?.range?.[0] ?? 0, message);
  }

  problemAt(offset: number, message: string): void {
    const { line, col } = this.lineCounter.linePos(offset);
    this.problems.push({ path: this.config.path, line: Math.max(1, line), column: Math.max(1, col), message });
  }

  private lineOf(node: Node | null): number {
    return Math.max(1, this.lineCounter.linePos(node?.range?.[0] ?? 0).line);
  }

  /** Follows an alias (`*name`) to its anchored node; parseProjectConfig has already refused alias bombs. */
  private resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    return isAlias(node) ? ((node.resolve(this.document) as Node | undefined) ?? null) : node;
  }

  /** The plain value of a scalar (null for an absent or empty value); collections are returned as themselves. */
  private valueOf(node: Node | null): unknown {
    if (!node) return null;
    return isScalar(node) ? (node.value ?? null) : node;
  }
}

/** `~` is the home folder; a relative path starts at the config file's folder. */
export function resolveConfigPath(path: string, folder: string): string {
  return resolveUserPath(path, folder);
}

/** Why a `bibliography` value cannot be used, if it cannot: the file's extension names its format. */
function bibliographyPathProblem(path: string): string | undefined {
  if (path === '') return 'is empty: name a file such as refs.json';
  if (bibliographyFormatOf(path) === undefined) return `must name a .json (CSL-JSON) or .bib (BibTeX) file, not "${path}"`;
  return undefined;
}

/** Why a draft glob cannot be used, if it cannot: it does not parse, or it points outside the config's folder. */
function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty';
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
  } catch (error) {
    return `is not a valid glob, "${glob}": ${firstLine(error instanceof Error ? error.message : String(error))}`;
  }
  const base = picomatch.scan(glob).base;
  if (isAbsolute(glob) || base === '..' || base.startsWith('../')) {
    return `points outside the folder of ${CONFIG_FILE_NAME}, "${glob}": globs start at that folder and match only files under it`;
  }
  return undefined;
}

function describeNode(node: Node | null): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = isScalar(node) ? node.value : null;
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length <= 40 ? `text ("${value}")` : 'text';
  return `${typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`} (${String(value)})`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

// A broken file can make the YAML parser report one fault several times on the same line.
function dedupeByLine(problems: ConfigProblem[]): ConfigProblem[] {
  const lines = new Set<number>();
  return problems.filter((problem) => !lines.has(problem.line) && lines.add(problem.line));
}

// ---- Finding and reading the file ------------------------------------------------------------------

/**
 * The nearest `.grounded.yaml` at or above `fromPath` (a file, whose folder is the start, or a folder), up to the
 * file-system root; only a regular file (or a link to one) counts. A path that does not exist (an unsaved document)
 * starts at its parent folder.
 */
export function findProjectConfigPath(fromPath: string): string | undefined {
  const start = resolve(fromPath);
  let folder = isFolder(start) ? start : dirname(start);
  for (;;) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if (statOrUndefined(candidate)?.isFile()) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * Reads and parses a config file, then checks that its source folders exist. A file that cannot be read (missing,
 * not a regular file, too big, not UTF-8) gives one problem and an empty config. Never throws.
 */
export function loadProjectConfig(path: string): ProjectConfigResult {
  const read = readConfigText(path);
  if ('error' in read) {
    const config = emptyProjectConfig(path);
    return { config, problems: [{ path: config.path, line: 1, message: `cannot read ${CONFIG_FILE_NAME}: ${read.error}` }] };
  }
  const result = parseProjectConfig(read.text, path);
  return { config: result.config, problems: [...result.problems, ...missingSourceFolders(result.config)] };
}

/**
 * A problem for each source path of the config that does not exist. Kept apart from parsing: the parser reads no
 * disk, and a folder the writer has yet to create is a warning about the disk, not a fault of the file (the path is
 * kept, and is used once the folder appears).
 */
export function missingSourceFolders(config: ProjectConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.sources?.paths?.forEach((path, index) => {
    if (statOrUndefined(path)) return;
    const line = config.lines[`sources.paths.${index}`] ?? config.lines['sources.paths'] ?? 1;
    problems.push({ path: config.path, line, message: `source folder ${path} does not exist` });
  });
  return problems;
}

function readConfigText(path: string): { text: string } | { error: string } {
  const read = readRegularFile(path, MAX_CONFIG_BYTES);
  if ('error' in read) return read;
  // Unlike a draft, an empty config is a config: it says nothing.
  if (read.bytes.includes(0)) return { error: 'binary file, not text' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { error: 'not UTF-8 text' };
  }
}

// ---- The cache the server and the CLI share ----------------------------------------------------------

interface CachedConfig {
  mtimeMs: number;
  size: number;
  result: ProjectConfigResult;
}

/**
 * The config of each draft, each config file read once and read again when its modification time or size changes
 * (an edited config applies to the next check without a restart). A source folder created later is noticed only
 * when the config changes or `invalidate` is called.
 */
export class ProjectConfigs {
  private readonly cache = new Map<string, CachedConfig>();

  /** The config that applies to `filePath` (a draft or a folder), with its problems; undefined when none does. */
  forFile(filePath: string): ProjectConfigResult | undefined {
    const path = findProjectConfigPath(filePath);
    if (path === undefined) return undefined;
    const stats = statOrUndefined(path);
    const cached = this.cache.get(path);
    if (cached && stats && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.result;
    const result = loadProjectConfig(path);
    if (stats) this.cache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, result });
    return result;
  }

  /** Forgets one config file (by its path), or all of them. */
  invalidate(path?: string): void {
    if (path === undefined) this.cache.clear();
    else this.cache.delete(resolve(path));
  }
}

function isFolder(path: string): boolean {
  return statOrUndefined(path)?.isDirectory() ?? false;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why a `sources.database` value cannot be used, or undefined. A config file is shared and committed: a password
 * never belongs in it (libpq reads it from PGPASSWORD or ~/.pgpass).
 */
function databaseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a PostgreSQL URL such as postgresql://reader@db.example/archive';
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') return 'must be a postgresql:// URL';
  if (parsed.password !== '') return 'holds a password: put it in PGPASSWORD or ~/.pgpass, never in the config file (the value is not used)';
  return undefined;
}
