// Splits a source file into its YAML front matter and its body. The body is returned untouched (a source is
// evidence, kept verbatim), with the 1-based file line it starts on so passages can point back into the file.

import { parseDocument } from 'yaml';
import { MAX_ALIAS_COUNT } from '../config/yamlLimits';
import type { SourceMetadata } from '../model';

/** What a source's front matter may set. `seed` records the original file a bundled source was made from. */
export interface FrontMatterFields extends Partial<SourceMetadata> {
  seed?: string;
}

export type FrontMatterResult =
  | {
      ok: true;
      fields: FrontMatterFields;
      /** Whether the file had a front matter block at all. */
      hasFrontMatter: boolean;
      body: string;
      /** 1-based line of the file on which the body starts. */
      bodyStartLine: number;
    }
  | { ok: false; problem: string };

export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

const STRING_FIELDS = ['id', 'title', 'outlet', 'author', 'dateline', 'date', 'url', 'seed'] as const;

// Line breaks are "\r\n", "\n" or a lone "\r" (old Mac files), as everywhere a line is counted.
const OPENING_FENCE = /^---[ \t]*(?:\r\n|\r|\n)/;
// YAML's document end marker `...` closes front matter as well as `---` does (Pandoc accepts both).
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatterResult {
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return { ok: true, fields: {}, hasFrontMatter: false, body: text, bodyStartLine: 1 };

  const afterOpening = opening[0].length;
  const closing = findClosingFence(text, afterOpening);
  if (!closing) return { ok: false, problem: 'front matter opened by "---" on line 1 is never closed by a "---" line' };

  const yamlText = text.slice(afterOpening, closing.start);
  const parsed = parseFields(yamlText);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    fields: parsed.fields,
    hasFrontMatter: true,
    body: text.slice(closing.end),
    bodyStartLine: closing.line + 1,
  };
}

/** Finds the closing fence line after `from`; `line` is its 1-based file line, `end` the offset just past it. */
function findClosingFence(text: string, from: number): { start: number; end: number; line: number } | undefined {
  let lineStart = from;
  let line = 2;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
    if (CLOSING_FENCE.test(text.slice(lineStart, lineEnd))) return { start: lineStart, end: lineEnd + breakLength, line };
    if (breakLength === 0) return undefined;
    lineStart = lineEnd + breakLength;
    line++;
  }
  return undefined;
}

function parseFields(yamlText: string): { ok: true; fields: FrontMatterFields } | { ok: false; problem: string } {
  // YAML knows no lone "\r" line break: as a "\n" the lines (and the line numbers of errors) stay the same.
  const document = parseDocument(yamlText.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    // The YAML starts on file line 2, after the opening fence. An error found at the end of the input (an unclosed
    // bracket or quote) is reported on the last YAML line rather than on the closing fence.
    const lastYamlLine = 2 + Math.max(0, countNewlines(yamlText.replace(/(?:\r\n|\r|\n)$/, '')));
    const line = Math.min(2 + countNewlines(yamlText.slice(0, error.pos[0])), lastYamlLine);
    return { ok: false, problem: `broken front matter on line ${line}: ${firstLine(error.message)}` };
  }

  let value: unknown;
  try {
    // An alias bomb (a few anchors expanding to billions of nodes) is refused, not expanded.
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, problem: `broken front matter: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
  if (value === null || value === undefined) return { ok: true, fields: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: 'front matter must be a YAML mapping of fields (id: …, title: …)' };
  }

  const record = value as Record<string, unknown>;
  const fields: FrontMatterFields = {};
  for (const key of STRING_FIELDS) {
    const field = record[key];
    // An empty field (`author:`) means "not stated", the same as leaving it out.
    if (field === null || field === undefined) continue;
    // YAML reads `title: 1984` as a number; the writer meant the text.
    if (typeof field !== 'string' && typeof field !== 'number') {
      return { ok: false, problem: `front matter field "${key}" must be text, not ${describeYamlValue(field)}` };
    }
    const text = String(field).trim();
    if (text !== '') fields[key] = text;
  }
  if (fields.id !== undefined && !SOURCE_ID_PATTERN.test(fields.id)) {
    return {
      ok: false,
      problem: `front matter id "${fields.id}" is not a valid id: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`,
    };
  }
  return { ok: true, fields };
}

function describeYamlValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function countNewlines(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
