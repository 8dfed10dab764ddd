// Re-reading only the edited blocks gives exactly what reading the whole draft gives: checked on generated drafts and
// generated edits (the shapes of markdownArbitrary.ts, edits that open fences, join and split blocks, add definitions,
// comments and front matter), one after another, and on the cases that must fall back to a whole parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractClaims } from '../../server/src/markdown/extractClaims';
import { extractDraft, type DraftExtraction } from '../../server/src/markdown/incrementalExtract';
import { extractInParts } from '../../server/src/markdown/slicedExtract';
import type { DraftClaims } from '../../server/src/model';
import { libraryCitationResolver } from '../../server/src/sources/citationResolver';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { draftArbitrary } from '../reliability/markdownArbitrary';
import { AP, NORWAY } from '../fixtures/examples';

const resolver = libraryCitationResolver(loadSourceLibrary({ dirs: [], includeBundled: true }).sources);

const plain = (result: DraftClaims): DraftClaims => ({ claims: result.claims, skipped: result.skipped });


/** Text an edit may insert: block structure, markup that reaches across blocks, and sentences. */
const insertion = fc.constantFrom(
  '', '\n', '\n\n', ' ', 'x', '- ', '> ', '# ', '1. ', '    ', '---', '\n---\n', '===', '```', '\n```\n', '~~~', '<!-- ', ' -->',
  '<!-- grounded-ignore -->\n', '<div>', '[^n1]', `\n\n[^n1]: ${AP}\n\n`, '\n\n[x]: https://apnews.com/article/x\n\n', '[x]', '|', '| a | b |\n|---|---|\n',
  `${NORWAY} `, 'The talks resumed on Monday. ', '*', '**', '[', '](https://apnews.com/article/x)', '\r', '\r\n',
);

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.nat({ max: 40 }), inserted: insertion });
type Edit = { at: number; removed: number; inserted: string };

function applyEdit(text: string, { at, removed, inserted }: Edit): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + inserted + text.slice(Math.min(text.length, start + removed));
}

test('an edit read incrementally gives what a whole extraction gives', () => {
  fc.assert(
    fc.property(draftArbitrary, fc.array(edit, { minLength: 1, maxLength: 6 }), (draft, edits) => {
      let text = draft.text;
      let extraction: DraftExtraction = extractDraft(text, resolver);
      assert.deepEqual(plain(extraction), extractClaims(text, resolver));
      for (const change of edits) {
        text = applyEdit(text, change);
        extraction = extractDraft(text, resolver, extraction);
        assert.deepEqual(plain(extraction), extractClaims(text, resolver), `after editing into:\n${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 400 },
  );
});

test('a draft read in parts gives what one parse gives', () => {
  let cut = 0;
  fc.assert(
    fc.property(draftArbitrary, fc.array(edit, { maxLength: 3 }), fc.integer({ min: 1, max: 200 }), (draft, edits, chunkChars) => {
      const text = edits.reduce(applyEdit, draft.text);
      const steps = extractInParts(text, resolver, chunkChars);
      let step = steps.next();
      while (!step.done) step = steps.next();
      if (step.value === undefined) return;
      cut++;
      assert.deepEqual(plain(step.value), extractClaims(text, resolver));
      // What the next edit builds on: the top-level blocks of one parse.
      assert.deepEqual(step.value.roots, extractDraft(text, resolver).roots);
    }),
    { numRuns: 600 },
  );
  assert.ok(cut >= 100, `only ${cut} drafts were cut into parts`);
});

test('backticks that open no fence ("```a``` b": inline code) are no fence to cut around', () => {
  // Found by the property above: the part scan took the first line for a fence that the third closed, and read the
  // rest as paragraphs where one parse reads the third line's fence running to the end.
  const text = '```The talks resumed on Monday. ```\r\nlet x = 1;\r\n```\r\n\r\nNorway said the talks continue.\r\n\r\n> Norway said so.\r\n';
  const steps = extractInParts(text, resolver, 1);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const read = step.value ?? extractDraft(text, resolver);
  assert.deepEqual(plain(read), extractClaims(text, resolver));
  assert.deepEqual(read.roots, extractDraft(text, resolver).roots);
});

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, k) => `Paragraph ${k} says the talks resumed on day ${k}. ${NORWAY}`).join('\n\n') + '\n';

test('an edit inside one paragraph of a long draft re-reads a few blocks, not the draft', () => {
  const text = paragraphs(200);
  const before = extractDraft(text, resolver);
  assert.equal(before.reparsable, true);
  const edited = text.replace('day 100.', 'day 101.');
  const after = extractDraft(edited, resolver, before);
  assert.deepEqual(plain(after), extractClaims(edited, resolver));
  // Claims before the edit are the very objects of the previous extraction: they were not read again.
  assert.equal(after.claims[0], before.claims[0]);
  assert.equal(after.claims[150], before.claims[150]);
  // Claims after it were moved, not re-read: same text, new object only where offsets changed (here they did not).
  assert.equal(after.claims[390]!.text, before.claims[390]!.text);
});

test('edits that reach past their block fall back to a whole parse and stay right', () => {
  const text = `${paragraphs(5)}\n[^n1]: ${AP}\n`;
  const before = extractDraft(text, resolver);
  for (const edited of [
    text.replace('day 2.', 'day 2.\n\n```\n'), // opens a fence that swallows the rest
    text.replace('day 2.', 'day 2.[^n1]'), // cites through a definition further down
    text.replace(`[^n1]: ${AP}`, '[^n1]: my own note'), // changes what every [^n1] means
    `---\ntitle: x\n---\n\n${text}`, // front matter
    text.replace('day 3.', 'day 3.\n\n<!-- grounded-disable -->\n'),
  ]) {
    assert.deepEqual(plain(extractDraft(edited, resolver, before)), extractClaims(edited, resolver), JSON.stringify(edited));
  }
});

test('a draft with comments that reach across blocks, a nested definition or a byte-order mark is always read whole', () => {
  assert.equal(extractDraft(`<!-- grounded-disable -->\n${paragraphs(3)}`, resolver).reparsable, false);
  assert.equal(extractDraft(`${paragraphs(1)}\nA paragraph <!-- grounded-ignore --> with a comment.\n\n${paragraphs(2)}`, resolver).reparsable, false);
  assert.equal(extractDraft(`<!-- grounded-ignore -->\n${paragraphs(3)}`, resolver).reparsable, true);
  assert.equal(extractDraft(`\uFEFF${paragraphs(3)}`, resolver).reparsable, false);
  assert.equal(extractDraft(`> [^n1]: ${AP}\n\n${paragraphs(3)}`, resolver).reparsable, false);
});
