import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeCounts, formatText } from '../../server/src/formats/text';
import { countReport } from '../../server/src/formats/counts';
import type { FileReport } from '../../server/src/model';
import { claim, mixedReport, resultOf, resultsOf } from './builders';

test('one line per finding, aligned, then the file summary', () => {
  assert.equal(
    formatText(resultsOf([mixedReport()]), { color: false }),
    [
      'drafts/venezuela.md:5:1  error    contradicted       Contradicted by "Norway says the talks will continue": the source says "Peru", the draft says "Chile". [ap-norway:4]',
      'drafts/venezuela.md:7:3  warning  unsupported        No source mentions "UN Security Council", "resolution". [nearest: ap-norway:2]',
      'drafts/venezuela.md:9:1  warning  citation-mismatch  The cited source bbc does not say this; ap-norway does. [ap-norway:2]',
      'drafts/venezuela.md: 4 claims: 2 supported, 1 unsupported, 1 contradicted; 1 citation mismatch; 1 sentence skipped',
      '',
    ].join('\n'),
  );
});

test('locations are padded to the widest one in the file', () => {
  const report: FileReport = {
    path: 'a.md',
    claims: [
      claim('First.', 0, 0, { verdict: 'unsupported', reason: 'No source mentions "first".' }),
      claim('Tenth.', 9, 10, { verdict: 'unsupported', reason: 'No source mentions "tenth".' }),
    ],
    skipped: [],
  };
  const lines = formatText(resultsOf([report]), { color: false }).split('\n');
  assert.equal(lines[0], 'a.md:1:1    warning  unsupported        No source mentions "first".');
  assert.equal(lines[1], 'a.md:10:11  warning  unsupported        No source mentions "tenth".');
});

test('a finding without a reason gets a plain message naming the unbacked words', () => {
  const report: FileReport = {
    path: 'a.md',
    claims: [
      claim('Twelve delegates signed.', 0, 0, { verdict: 'unsupported', unbacked: ['twelve', 'delegates'] }),
      claim('It was in Chile.', 1, 0, { verdict: 'contradicted' }),
    ],
    skipped: [],
  };
  const lines = formatText(resultsOf([report]), { color: false }).split('\n');
  assert.equal(lines[0], 'a.md:1:1  warning  unsupported        No source backs "twelve", "delegates".');
  assert.equal(lines[1], 'a.md:2:1  error    contradicted       A source states something different.');
});

test('several files end with a total; unreadable files have no lines of their own but are counted', () => {
  const clean: FileReport = { path: 'b.md', claims: [claim('Fine.', 0, 0, { verdict: 'supported' })], skipped: [] };
  const broken: FileReport = { path: 'c.md', claims: [], skipped: [], error: 'not UTF-8 text' };
  const output = formatText(resultsOf([mixedReport(), clean, broken]), { color: false });
  const blocks = output.split('\n\n');
  assert.equal(blocks.length, 3);
  // A supported claim that cites nothing is a hint, as in the editor.
  assert.equal(blocks[1], 'b.md:1:1  hint  uncited            Supported but not cited.\nb.md: 1 claim: 1 supported, 0 unsupported, 0 contradicted; 0 sentences skipped');
  assert.equal(
    blocks[2],
    'Total: 2 files, 5 claims: 3 supported, 1 unsupported, 1 contradicted; 1 citation mismatch; 1 sentence skipped; 1 file could not be read\n',
  );
  assert.doesNotMatch(output, /c\.md/);
});

test('a file with no claims says so without a verdict breakdown', () => {
  const report: FileReport = {
    path: 'q.md',
    claims: [],
    skipped: [
      { text: 'Why?', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, reason: 'question' },
      { text: 'How?', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, reason: 'question' },
    ],
  };
  assert.equal(formatText(resultsOf([report]), { color: false }), 'q.md: 0 claims; 2 sentences skipped\n');
  assert.equal(describeCounts(countReport(resultOf(report))), '0 claims; 2 sentences skipped');
});

test('colour codes appear only when asked for', () => {
  assert.doesNotMatch(formatText(resultsOf([mixedReport()]), { color: false }), /\x1b\[/);
  const coloured = formatText(resultsOf([mixedReport()]), { color: true });
  assert.match(coloured, /\x1b\[31m\x1b\[1merror/);
  assert.match(coloured, /\x1b\[33mwarning/);
  // Stripped of colour, the text is the same report.
  assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), formatText(resultsOf([mixedReport()]), { color: false }));
});

test('nothing to report prints nothing', () => {
  assert.equal(formatText(resultsOf([]), { color: false }), '');
});

test('a citation mismatch is a finding of its own, beside the verdict', () => {
  const mismatch = { cited: ['no-such-source'], message: 'Cites "no-such-source", which is not in the source library.' };
  const report: FileReport = {
    path: 'a.md',
    claims: [
      claim('It was sunny.', 0, 0, { verdict: 'unsupported', reason: 'No source mentions this.', citationMismatch: mismatch }),
      claim('Talks took place.', 1, 0, { verdict: 'supported', reason: 'Backed by "AP".', citations: [{ kind: 'footnote', label: 'bbc', sourceId: 'bbc', range: { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } } }], citationMismatch: { cited: ['bbc'], backedBy: 'ap', message: 'The cited "BBC" does not back this claim. "AP" does.' } }),
    ],
    skipped: [],
  };
  assert.equal(
    formatText(resultsOf([report]), { color: false }),
    [
      'a.md:1:1  warning  unsupported        No source mentions this.',
      'a.md:1:1  warning  citation-mismatch  Cites "no-such-source", which is not in the source library.',
      'a.md:2:1  warning  citation-mismatch  The cited "BBC" does not back this claim. "AP" does.',
      'a.md: 2 claims: 1 supported, 1 unsupported, 0 contradicted; 2 citation mismatches; 0 sentences skipped',
      '',
    ].join('\n'),
  );
});
