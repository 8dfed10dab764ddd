// "Add Source Folder…" without VS Code: how a picked folder is written (relative to the config's or the workspace
// folder's folder when inside it), and the edit of `.grounded.yaml` that adds folders to `sources.paths`. Pure:
// test/client checks it under plain Node.
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';

/**
 * How a source folder is written in a config or a folder's settings: relative to `base` with `/` separators when it
 * is inside it (`research/2026`, `.` for `base` itself), else the absolute path as it is.
 */
export function sourcePathEntry(folder: string, base: string, paths: Pick<typeof path, 'relative' | 'isAbsolute' | 'sep'> = path): string {
  const relative = paths.relative(base, folder);
  if (relative === '') return '.';
  if (relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative)) return folder;
  return relative.split(paths.sep).join('/');
}

/** The form two entries are compared in: `./research/`, `research` and `research\` are one folder. */
function comparable(entry: string): string {
  const trimmed = entry.trim().replace(/[\\/]+$/, '');
  const withoutDot = trimmed.replace(/^\.[\\/]+/, '');
  return withoutDot === '' ? '.' : withoutDot;
}

/** `existing` followed by the entries of `added` it does not hold yet (each once). */
export function mergeSourcePaths(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map(comparable));
  const merged = [...existing];
  for (const entry of added) {
    const key = comparable(entry);
    if (entry.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    merged.push(entry);
  }
  return merged;
}

export interface ConfigEdit {
  /** The new full text of the file (the same text when nothing was added). */
  text: string;
  /** The entries added, in order (those already listed are left out). */
  added: string[];
}

/**
 * A `.grounded.yaml` with `entries` added to `sources.paths` (creating `sources:` and `paths:` when absent; an entry
 * already listed is not added again). Comments and the rest of the file are kept: the YAML library prints the
 * document again, which may re-space a line here and there. The text comes back unchanged when there is nothing to
 * add.
 *
 * Throws when the file cannot be edited safely: broken YAML, or a file, `sources` or `sources.paths` that is not
 * what it must be (a mapping, a mapping, a list).
 */
export function addSourcePathsToConfig(text: string, entries: readonly string[]): ConfigEdit {
  const document = parseDocument(text, { prettyErrors: false });
  const fault = document.errors[0];
  if (fault) throw new Error(`its YAML is broken: ${fault.message.split('\n')[0]}`);
  if (document.contents !== null && !isMap(document.contents)) throw new Error('it is not a mapping of keys');

  let sources = document.get('sources', true);
  if (sources === undefined || isEmpty(sources)) {
    sources = document.createNode({});
    document.set('sources', sources);
  }
  if (!isMap(sources)) throw new Error('its "sources" is not a mapping of keys');

  const current: unknown = sources.get('paths', true);
  const list = pathsList(document, current);
  if (!list) throw new Error('its "sources.paths" is not a list');
  if (list !== current) sources.set('paths', list);

  const existing = list.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
  const added = mergeSourcePaths(existing, entries).slice(existing.length);
  if (added.length === 0) return { text, added };
  // `paths: []` becomes a block list, one folder a line.
  if (list.items.length === 0) list.flow = false;
  for (const entry of added) list.items.push(document.createNode(entry));

  // lineWidth 0: a long path stays on one line. No padding inside `[…]`, as the starter file writes its lists.
  const printed = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { text: text.includes('\r\n') ? printed.replace(/\r?\n/g, '\r\n') : printed, added };
}

/** `sources.paths` as a list to add to: the list itself, a new one for a missing or empty value, or for a single path. */
function pathsList(document: Document, value: unknown): YAMLSeq | undefined {
  if (isSeq(value)) return value;
  if (value === undefined || isEmpty(value)) return document.createNode([]);
  if (isScalar(value) && typeof value.value === 'string') return document.createNode([value.value]);
  return undefined;
}

function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}
