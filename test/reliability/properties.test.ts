// Properties of claims and fixes over generated Markdown (markdownArbitrary.ts): whatever the draft's shape, line
// breaks or characters, a claim's range is where its sentence is, and a fix changes what it names and nothing else.
//
// What "slices back" means, from the model (ClaimSentence): `startOffset`/`endOffset` give the sentence in the
// original text, Markdown markup and citation markers included; `text` is its plain text (markup and markers
// removed, link text kept, whitespace collapsed). So, with `slice = text.slice(startOffset, endOffset)`:
//   - the characters of `text` other than whitespace are, in order, among those of `slice` (plain text only removes
//     markup, and these drafts hold no entity or escape that would turn into another character);
//   - `slice` starts and ends with no whitespace and holds no blank line (a sentence lies in one block);
//   - `range` is `startOffset`/`endOffset` as positions, and neither end splits a surrogate pair.
// Every run is seeded: a failure prints its seed and path, and `fc.assert(…, { seed, path })` replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine } from '../../server/src/engine';
import { checkDraftText, type CheckedDraft } from '../../server/src/findings/checkedDraft';
import type { CitationFormat, CitationStyle } from '../../server/src/findings/codes';
import { applyOffsetEdits, lineEnding, type OffsetEdit } from '../../server/src/findings/edits';
import { citeAllEdits, fixesFor, type Fix } from '../../server/src/findings/fixes';
import { IGNORE_COMMENT } from '../../server/src/findings/ignoreClaim';
import { extractClaims } from '../../server/src/markdown/extractClaims';
import { LineIndex } from '../../server/src/markdown/positions';
import type { ClaimSentence, DraftClaims } from '../../server/src/model';
import { libraryCitationResolver } from '../../server/src/sources/citationResolver';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { draftArbitrary, type GeneratedDraft } from './markdownArbitrary';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';

const citing = (citationStyle: CitationStyle): CitationFormat => ({ citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE });

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
const resolver = libraryCitationResolver(engine.library.sources);
const STYLES: CitationStyle[] = ['footnote', 'pandoc'];
const check = (text: string): CheckedDraft => checkDraftText(engine, text, 'draft.md');
const claimTextsCache = new Map<string, string[]>();
/** The plain texts of a draft's claims (remembered: the fixes of one draft often give the same text). */
function claimTexts(text: string): string[] {
  let texts = claimTextsCache.get(text);
  if (!texts) claimTextsCache.set(text, (texts = extractClaims(text, resolver).claims.map((claim) => claim.text)));
  return texts;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Whether `offset` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number) => offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));

/** Whether the characters of `needle` are, in order, among those of `haystack`. */
function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)/;

/** The slice-back invariants of every claim, and claims and skipped sentences in order without overlap. */
function assertRangesSliceBack(text: string, result: DraftClaims): void {
  const lines = new LineIndex(text);
  const spans: { start: number; end: number; what: string }[] = [];
  for (const claim of result.claims) {
    const { startOffset: start, endOffset: end } = claim;
    assert.ok(start >= 0 && start < end && end <= text.length, `offsets ${start}-${end} of "${claim.text}"`);
    assert.deepEqual(claim.range, lines.rangeAt(start, end), `range of "${claim.text}"`);
    assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `a surrogate pair split by "${claim.text}"`);
    const slice = text.slice(start, end);
    assert.equal(slice, slice.trim(), `whitespace around ${JSON.stringify(slice)}`);
    assert.doesNotMatch(slice, BLANK_LINE, `a blank line in ${JSON.stringify(slice)}`);
    assert.ok(isSubsequence(claim.text.replace(/\s+/g, ''), slice), `${JSON.stringify(claim.text)} is not in ${JSON.stringify(slice)}`);
    assert.ok(claim.blockStartOffset <= start, `block start after the claim "${claim.text}"`);
    spans.push({ start, end, what: claim.text });
  }
  for (const skipped of result.skipped) {
    const start = lines.offsetAt(skipped.range.start);
    const end = lines.offsetAt(skipped.range.end);
    assert.ok(start >= 0 && start < end && end <= text.length, `offsets ${start}-${end} of skipped "${skipped.text}"`);
    assert.ok(isSubsequence(skipped.text.replace(/\s+/g, ''), text.slice(start, end)), `skipped ${JSON.stringify(skipped.text)}`);
    spans.push({ start, end, what: skipped.text });
  }
  // Claims come in document order; with the skipped sentences merged in, no two overlap.
  for (let k = 1; k < result.claims.length; k++) assert.ok(result.claims[k - 1]!.endOffset <= result.claims[k]!.startOffset, 'claims out of order or overlapping');
  spans.sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) assert.ok(spans[k - 1]!.end <= spans[k]!.start, `"${spans[k - 1]!.what}" overlaps "${spans[k]!.what}"`);
}

/** The line breaks of a text, as a set of kinds. */
function lineBreakKinds(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

/** Edits lie inside the text and do not overlap one another (insertions at one offset may share it). */
function assertEditsWellFormed(text: string, edits: readonly OffsetEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const edit of sorted) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `edit ${JSON.stringify(edit)}`);
  for (let k = 1; k < sorted.length; k++) assert.ok(sorted[k - 1]!.end <= sorted[k]!.start, `overlapping edits ${JSON.stringify(sorted)}`);
}

const FOOTNOTE_REFERENCE = /^\[\^[^\]\s]+\]$/;
const PANDOC_CITATION = /^(?: ?\[@[^\]\s;]+(?:; @[^\]\s;]+)*\]|(?:; @[^\]\s;]+)+)$/;

/**
 * A Cite edit inserts a reference inside its claim's sentence, or footnote definitions (whole lines starting `[^`)
 * at the end of the document or before the block it ends inside; nothing is replaced.
 */
function assertCiteEdits(draft: GeneratedDraft, claim: ClaimSentence, edits: readonly OffsetEdit[], style: CitationStyle): void {
  const { text } = draft;
  let references = 0;
  for (const edit of edits) {
    assert.equal(edit.start, edit.end, `a Cite edit replaces text: ${JSON.stringify(edit)}`);
    if ((style === 'footnote' ? FOOTNOTE_REFERENCE : PANDOC_CITATION).test(edit.newText)) {
      assert.ok(edit.start >= claim.startOffset && edit.start <= claim.endOffset, `reference outside the sentence: ${JSON.stringify(edit)}`);
      references++;
      continue;
    }
    assert.equal(style, 'footnote', `unexpected Pandoc edit ${JSON.stringify(edit)}`);
    const lines = edit.newText.split(lineEnding(text));
    assert.ok(lines.every((line) => line === '' || line.startsWith('[^')), `definitions ${JSON.stringify(edit.newText)}`);
    assert.ok(edit.start === text.length || edit.start > claim.endOffset, `definitions before the claim ${JSON.stringify(edit)}`);
  }
  assert.equal(references, 1, `one reference per Cite: ${JSON.stringify(edits)}`);
}

/** What each kind of fix may do, and that applying it leaves the text's other sentences as they were. */
function assertFixChangesOnlyWhatItNames(draft: GeneratedDraft, checked: CheckedDraft, index: number, fix: Fix, style: CitationStyle, reparse: boolean): void {
  const { text } = draft;
  const claim = checked.report.claims[index]!;
  assertEditsWellFormed(text, fix.edits);
  const fixed = applyOffsetEdits(text, fix.edits);
  if (fix.edits.length > 0) {
    // The document's line breaks, its byte-order mark, and nothing outside the edits changed.
    for (const kind of lineBreakKinds(fixed)) assert.ok(lineBreakKinds(text).size === 0 || lineBreakKinds(text).has(kind), `a new kind of line break ${JSON.stringify(kind)}`);
    assert.equal(fixed.startsWith('\uFEFF'), draft.bom);
  }
  if (fix.kind === 'accept') {
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.acceptedSentence, claim.text);
    return;
  }
  if (fix.kind === 'cite') assertCiteEdits(draft, claim, fix.edits, style);
  if (!reparse) return;
  // The document parsed again after the fix (a few milliseconds each: done for one claim and style per draft).
  const before = claimTexts(text);
  switch (fix.kind) {
    case 'cite': {
      // Every sentence is still there with the same plain text: a citation marker is no text.
      assert.deepEqual(claimTexts(fixed), before, `Cite changed the sentences:\n${JSON.stringify(fixed)}`);
      return;
    }
    case 'replace': {
      assert.equal(fix.edits.length, 1);
      const [edit] = fix.edits;
      assert.ok(edit!.start >= claim.startOffset && edit!.end <= claim.endOffset && edit!.start < edit!.end, `replacement outside the sentence ${JSON.stringify(edit)}`);
      const after = claimTexts(fixed);
      const replaced = text.slice(edit!.start, edit!.end);
      assert.deepEqual(after.filter((_, k) => k !== index), before.filter((_, k) => k !== index), 'a replacement changed another sentence');
      assert.equal(after[index], claim.text.replace(replaced, edit!.newText));
      return;
    }
    case 'ignore': {
      assert.equal(fix.edits.length, 1);
      const [edit] = fix.edits;
      assert.equal(edit!.start, edit!.end, 'Ignore replaces text');
      assert.ok(edit!.start <= claim.startOffset, 'the ignore comment goes below the claim');
      assert.ok(edit!.newText.includes(IGNORE_COMMENT));
      assert.match(edit!.newText.replace(IGNORE_COMMENT, ''), /^[\s>]*$/, `Ignore writes more than the comment: ${JSON.stringify(edit!.newText)}`);
      // The claims switched off are a run holding this one, as many as the title says; the others stay.
      const after = claimTexts(fixed);
      const switchedOff = before.length - after.length;
      const count = Number(/\((\d+) claims\)/.exec(fix.title)?.[1] ?? 1);
      assert.equal(switchedOff, count, `"${fix.title}" switched off ${switchedOff}:\n${JSON.stringify(fixed)}`);
      const runs = Array.from({ length: count }, (_, k) => index - k).filter((first) => first >= 0);
      const same = (first: number) => JSON.stringify([...before.slice(0, first), ...before.slice(first + count)]) === JSON.stringify(after);
      assert.ok(runs.some(same), `"${fix.title}" switched off other claims than a run holding this one:\n${JSON.stringify(fixed)}`);
      return;
    }
  }
}

const RUNS = { numRuns: 150, seed: 1212, includeErrorInReport: true } as const;

test('claim ranges lie inside the document, never overlap and slice back to the claim text', () => {
  fc.assert(
    fc.property(draftArbitrary, (draft) => {
      assertRangesSliceBack(draft.text, extractClaims(draft.text, resolver));
    }),
    { ...RUNS, numRuns: 300 },
  );
});

test('every quick fix of every claim changes only what it names and keeps everything else byte for byte', () => {
  fc.assert(
    fc.property(draftArbitrary, fc.nat(), fc.constantFrom(...STYLES), (draft, pick, reparsedStyle) => {
      const checked = check(draft.text);
      const reparsed = pick % Math.max(1, checked.report.claims.length);
      checked.report.claims.forEach((_, index) => {
        for (const style of STYLES) {
          for (const fix of fixesFor(checked, index, citing(style))) {
            assertFixChangesOnlyWhatItNames(draft, checked, index, fix, style, index === reparsed && style === reparsedStyle);
          }
        }
      });
    }),
  );
});

test('Cite all changes only where it cites, and applied twice (recheck, recompute, apply) leaves the text as after once', () => {
  fc.assert(
    fc.property(draftArbitrary, fc.constantFrom(...STYLES), (draft, style) => {
      const edits = citeAllEdits(check(draft.text), citing(style));
      assertEditsWellFormed(draft.text, edits);
      assert.ok(edits.every((edit) => edit.start === edit.end), 'Cite all replaces text');
      const once = applyOffsetEdits(draft.text, edits);
      assert.deepEqual(claimTexts(once), claimTexts(draft.text), `Cite all changed the sentences:\n${JSON.stringify(once)}`);
      const twice = applyOffsetEdits(once, citeAllEdits(check(once), citing(style)));
      assert.equal(twice, once);
    }),
    RUNS,
  );
});

test('one Cite fix applied twice (recheck, recompute the same fix, apply) leaves the text as after once', () => {
  fc.assert(
    fc.property(draftArbitrary, fc.constantFrom(...STYLES), (draft, style) => {
      const checked = check(draft.text);
      checked.report.claims.forEach((claim, index) => {
        for (const fix of fixesFor(checked, index, citing(style)).filter((f) => f.kind === 'cite')) {
          const once = applyOffsetEdits(draft.text, fix.edits);
          const again = check(once);
          const sameClaim = again.report.claims.findIndex((c) => c.text === claim.text && c.startOffset >= claim.startOffset);
          assert.ok(sameClaim >= 0, 'the cited claim is gone');
          const repeat = fixesFor(again, sameClaim, citing(style)).find((f) => f.title === fix.title);
          if (repeat) assert.equal(applyOffsetEdits(once, repeat.edits), once, `"${fix.title}" offered and changing the text again`);
        }
      });
    }),
    { ...RUNS, numRuns: 100 },
  );
});
