// No pattern run on the writer's text may backtrack super-linearly: a Pandoc code action on a 100 KB sentence full
// of markers must not take minutes. Each scan is run on adversarial input of growing size; doubling the input must
// roughly double the time, not quadruple it. Ratios within one run, generous bounds (linear gives 4 over a fourfold
// size, quadratic 16; the test fails above 8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../server/src/engine';
import {
  buildCitationEdits,
  closingPunctuationAt,
  maybeFootnoteDefinition,
  withoutTrailingDecoration,
  withoutTrailingMarkers,
} from '../../server/src/findings/citations';
import { findTextCitations, pandocKeys } from '../../server/src/markdown/citations';
import { libraryCitationResolver } from '../../server/src/sources/citationResolver';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { AP } from '../fixtures/examples';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';
import type { CitationFormat, CitationStyle } from '../../server/src/findings/codes';

const citing = (citationStyle: CitationStyle): CitationFormat => ({ citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE });

const SIZES = [10_000, 20_000, 40_000];
const MAX_RATIO = 8;

/** Seconds per call: the best of three rounds, each repeating the call for at least 20 ms. */
function secondsPerCall(run: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 20);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

function assertLinear(name: string, input: (size: number) => string, scan: (text: string) => unknown): void {
  const texts = SIZES.map(input);
  const measure = () => texts.map((text) => secondsPerCall(() => scan(text)));
  let times = measure();
  // A busy machine can stall one measurement (a collection, another process): up to two more runs keep each size's
  // best (one more was not always enough at load 10). A super-linear scan fails every run.
  for (let retry = 0; retry < 2 && times[times.length - 1]! / times[0]! >= MAX_RATIO; retry++) {
    times = measure().map((time, k) => Math.min(time, times[k]!));
  }
  const ratio = times[times.length - 1]! / times[0]!;
  assert.ok(ratio < MAX_RATIO, `${name}: ${times.map((t) => t.toFixed(3)).join(' ms, ')} ms for ${SIZES.join(', ')} characters (×${ratio.toFixed(1)})`);
}

const repeat = (unit: string, size: number, tail = ''): string => unit.repeat(Math.ceil(size / unit.length)) + tail;

test('a line of "[^" without a definition', () => {
  assertLinear('maybeFootnoteDefinition', (size) => repeat('[^', size), maybeFootnoteDefinition);
});

test('a sentence of markers that does not end with them, or that does', () => {
  assertLinear('withoutTrailingMarkers, then text', (size) => repeat(' [@a]', size, ' x'), (text) => withoutTrailingMarkers(text));
  assertLinear('withoutTrailingMarkers, all markers', (size) => repeat(' [@a] [^b]', size), (text) => withoutTrailingMarkers(text));
  assertLinear('withoutTrailingMarkers, open brackets', (size) => repeat('[@', size, ']'), (text) => withoutTrailingMarkers(text));
});

test('runs of stops, closers, spaces and emoji', () => {
  assertLinear('closingPunctuationAt, stops then text', (size) => repeat('.', size, 'x'), (text) => closingPunctuationAt(text));
  assertLinear('closingPunctuationAt, stops and closers', (size) => repeat('.)', size), (text) => closingPunctuationAt(text));
  assertLinear('withoutTrailingDecoration, spaces then text', (size) => repeat(' 🎉', size, 'x'), (text) => withoutTrailingDecoration(text));
  assertLinear('withoutTrailingDecoration, all decoration', (size) => repeat(' 🎉\\', size), (text) => withoutTrailingDecoration(text));
});

test('title lookup in a definition and URL matching', () => {
  const resolver = libraryCitationResolver([{ id: 'a', title: `${'.'.repeat(400)}x`, url: 'https://example.com/a' }]);
  assertLinear('sourceIdForTitle', (size) => repeat('. ', size, 'x'), (text) => resolver.sourceIdForTitle!(text));
  assertLinear('sourceIdForUrl', (size) => `https://example.com/${repeat('/', size, 'x')}`, (text) => resolver.sourceIdForUrl(text));
});

test('the Pandoc code action on a long sentence full of markers', () => {
  const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
  const cite = (text: string) =>
    buildCitationEdits(text, [{ claim: { startOffset: 0, endOffset: text.length, citations: [] }, sourceId: AP }], engine, citing('pandoc'));
  assertLinear('pandoc edit, markers then text', (size) => `Maduro met Guaidó${repeat(' [@a].', size, ' x')}`, cite);
  assertLinear('pandoc edit, markers and stops', (size) => `Maduro met Guaidó${repeat('.[@a] ', size)}`, cite);
  // 100 KB, the size of the report: well under a second.
  const start = performance.now();
  cite(`Maduro met Guaidó${repeat(' [@a] [^b].', 100_000, ' x')}`);
  assert.ok(performance.now() - start < 1000);
});

test('citations written in the text: a bracket of "@" that never closes, brackets of keys', () => {
  assertLinear('findTextCitations, an open bracket of @', (size) => `[${'@'.repeat(size)}`, findTextCitations);
  assertLinear('findTextCitations, many brackets', (size) => repeat('[@a; @b] [^c] ', size), findTextCitations);
  assertLinear('pandocKeys, a long key list', (size) => repeat('@a.b-c; ', size), pandocKeys);
});
