// The arguments the client commands accept from hover links (JSON in a `command:` URI), the Sources view and other
// extensions, read defensively. Pure: test/client checks it without VS Code.
import type { Position } from '../../server/src/model';
import type { OpenSourceArguments } from '../../server/src/protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPosition(value: unknown): value is Position {
  return isRecord(value) && isIndex(value.line) && isIndex(value.character);
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * `grounded.openSource` arguments: `{ sourceId, line? }`, a source id string (and optionally a line), or the same
 * wrapped in an array (a hover link written as `command:grounded.openSource?[[…]]`). Undefined means "ask".
 */
export function parseOpenSourceArgs(args: readonly unknown[]): OpenSourceArguments | undefined {
  let [first, second] = args;
  if (Array.isArray(first)) [first, second] = first;
  if (typeof first === 'string' && first.trim() !== '') {
    const line = positiveInteger(second);
    return line === undefined ? { sourceId: first } : { sourceId: first, line };
  }
  if (isRecord(first) && typeof first.sourceId === 'string' && first.sourceId.trim() !== '') {
    const line = positiveInteger(first.line);
    return line === undefined ? { sourceId: first.sourceId } : { sourceId: first.sourceId, line };
  }
  return undefined;
}

/** `grounded.insertCitation` arguments once read: every part optional (the active editor and cursor fill gaps). */
export interface InsertCitationRequest {
  /** Document URI, as a string (a vscode.Uri argument is handled by the caller). */
  uri?: string;
  position?: Position;
  /** Cite this source straight away instead of offering the ranked list. */
  sourceId?: string;
  /** The document version the citation was offered for. */
  version?: number;
}

/**
 * `grounded.insertCitation` arguments: nothing (active editor, cursor), `{ uri, position, sourceId?, version? }`
 * (a CiteArguments, as a hover's "Cite" link sends), or positional `uri, position[, sourceId]`.
 */
export function parseInsertCitationArgs(args: readonly unknown[]): InsertCitationRequest {
  let [first, second, third] = args;
  if (Array.isArray(first)) [first, second, third] = first;
  const request: InsertCitationRequest = {};
  if (isRecord(first) && !('scheme' in first)) {
    if (typeof first.uri === 'string') request.uri = first.uri;
    if (isPosition(first.position)) request.position = { line: first.position.line, character: first.position.character };
    if (typeof first.sourceId === 'string' && first.sourceId.trim() !== '') request.sourceId = first.sourceId;
    if (typeof first.version === 'number' && Number.isInteger(first.version)) request.version = first.version;
    return request;
  }
  if (typeof first === 'string') request.uri = first;
  if (isPosition(second)) request.position = { line: second.line, character: second.character };
  if (typeof third === 'string' && third.trim() !== '') request.sourceId = third;
  return request;
}
