// Accepted claims: sentences the writer vouched for with "Accept this claim", listed under `accepted` in
// `.grounded.yaml` so that the CLI in CI honours them too. An entry is matched by the hash of the sentence's text, so
// a sentence that is edited afterwards is checked again: the writer accepted those words, not any words in that place.

import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';
import type { ProjectConfig } from './projectConfig';
import { MAX_ALIAS_COUNT } from './yamlLimits';

/** What claimHash returns: 16 lower-case hexadecimal digits. */
export const CLAIM_HASH_PATTERN = /^[0-9a-f]{16}$/;

/** The sentence as compared: whitespace runs (line breaks of a wrapped paragraph) as one space, composed Unicode. */
export function normalizeClaimText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The first 16 hex digits of the SHA-256 of the normalized sentence: `a1b2c3d4e5f60718`. */
export function claimHash(text: string): string {
  return createHash('sha256').update(normalizeClaimText(text)).digest('hex').slice(0, 16);
}

// Each config's hashes as a set, made on first use: a draft asks once per claim.
const hashSets = new WeakMap<ProjectConfig, Set<string>>();

/** Whether the sentence, as it reads now, was accepted. */
export function isAccepted(config: ProjectConfig, sentenceText: string): boolean {
  if (config.accepted.length === 0) return false;
  let hashes = hashSets.get(config);
  if (!hashes) hashSets.set(config, (hashes = new Set(config.accepted.map((entry) => entry.hash))));
  return hashes.has(claimHash(sentenceText));
}

/**
 * The new full text of the config file with the sentence added under `accepted` (the key, or the file when
 * `configText` is undefined, is created). The rest of the file is kept byte for byte where the entry can be spliced
 * in (the usual layouts: no `accepted` yet, an empty one, a block list), else re-written by the YAML library, which
 * keeps the comments but may re-space some lines. A sentence already accepted leaves the text as it is.
 *
 * Throws when the file cannot be edited safely: broken YAML, or `accepted` (or the file) that is not what it must be.
 */
export function acceptClaimEdit(configText: string | undefined, sentenceText: string): string {
  const text = configText ?? '';
  const document = parseDocument(text, { prettyErrors: false });
  const fault = document.errors[0];
  if (fault) throw new Error(`cannot add to the config file, its YAML is broken: ${fault.message.split('\n')[0]}`);
  if (document.contents !== null && !isMap(document.contents)) throw new Error('cannot add to the config file: it is not a mapping of keys');
  const accepted = document.get('accepted', true);
  if (accepted !== undefined && !isSeq(accepted) && !isNull(accepted)) throw new Error('cannot add to the config file: its "accepted" is not a list');

  const entry = { text: normalizeClaimText(sentenceText), hash: claimHash(sentenceText) };
  if (isSeq(accepted) && accepted.items.some((item) => entryHash(item) === entry.hash)) return text;

  const spliced = spliceEntry(text, document, entry);
  if (spliced !== undefined && isSameWithEntry(text, spliced, entry)) return spliced;
  return rewriteWithEntry(document, entry);
}

function entryHash(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const hash = item.get('hash');
  if (typeof hash === 'string') return hash;
  const text = item.get('text');
  return typeof text === 'string' ? claimHash(text) : undefined;
}

function isNull(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}

/**
 * Inserts the entry as text, touching nothing else: after the last item of a block list, in place of an empty
 * value (`accepted:`, `accepted: []`), or as a new `accepted:` key at the end of the file. Undefined for other layouts.
 */
function spliceEntry(text: string, document: Document, entry: { text: string; hash: string }): string | undefined {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const block = (indent: number) =>
    stringify([entry], { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((line) => ' '.repeat(indent) + line)
      .join(newline) + newline;
  const contents = document.contents;

  if (contents === null || (isMap(contents) && !contents.flow && !contents.has('accepted'))) {
    const indent = isMap(contents) && contents.range ? column(text, contents.range[0]) : 0;
    const start = text === '' || text.endsWith('\n') ? text : text + newline;
    return `${start}${' '.repeat(indent)}accepted:${newline}${block(indent + 2)}`;
  }
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'accepted');
  const value = pair?.value;
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const keyIndent = column(text, pair.key.range[0]);

  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const last = value.items[value.items.length - 1] as { range?: [number, number, number] };
    if (!last.range) return undefined;
    const at = lineEnd(text, last.range[1] - 1);
    return insertLine(text, at, block(column(text, value.range[0])), newline);
  }
  const isEmpty = isNull(value) || (isSeq(value) && value.items.length === 0);
  if (!isEmpty) return undefined;
  // `accepted: []` or `accepted: ~` loses its value; `accepted:` has none. A comment on that line stays.
  const range = (value as { range?: [number, number, number] } | null)?.range;
  const cut = range && range[1] > range[0] ? text.slice(0, range[0]).trimEnd() + text.slice(range[1]) : text;
  const at = lineEnd(cut, pair.key.range[0]);
  return insertLine(cut, at, block(keyIndent + 2), newline);
}

/** Re-parses the spliced text: it must be the old config plus the entry, nothing else. */
function isSameWithEntry(before: string, after: string, entry: { text: string; hash: string }): boolean {
  const parsed = parseDocument(after, { prettyErrors: false });
  if (parsed.errors.length > 0) return false;
  try {
    const old = (parseDocument(before).toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
    const expected = { ...old, accepted: [...(Array.isArray(old.accepted) ? old.accepted : []), entry] };
    return isDeepStrictEqual(parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), expected);
  } catch {
    return false;
  }
}

/** The general route: the YAML library adds the entry and prints the document again, comments included. */
function rewriteWithEntry(document: Document, entry: { text: string; hash: string }): string {
  const accepted = document.get('accepted', true);
  if (isSeq(accepted)) {
    if (accepted.items.length === 0) accepted.flow = false;
    accepted.items.push(document.createNode(entry));
  } else {
    document.set('accepted', document.createNode([entry]));
  }
  // lineWidth 0: a long sentence stays on one line, where a search for it finds it.
  return document.toString({ lineWidth: 0 });
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the line break ending the line that holds `offset` (text length on the last line). */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** Inserts `lines` (ending in a line break) on a new line after the line ending at `at`. */
function insertLine(text: string, at: number, lines: string, newline: string): string {
  if (at >= text.length) return `${text}${text.endsWith('\n') || text === '' ? '' : newline}${lines}`;
  return text.slice(0, at + 1) + lines + text.slice(at + 1);
}
