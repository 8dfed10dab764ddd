import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINDING_CODES } from '../../server/src/findings/codes';
import { formatJson } from '../../server/src/formats/json';
import schema from '../../server/src/formats/report.schema.json';
import type { SourceLibrary } from '../../server/src/model';
import { LIBRARY, mixedReport, source, resultsOf } from './builders';
import { validate } from './jsonSchema';

const OPTIONS = { baseDir: '/work/project' };

function parse(text: string) {
  return JSON.parse(text);
}

test('the report conforms to report.schema.json', () => {
  const report = parse(formatJson(resultsOf([mixedReport(), { path: 'x.md', claims: [], skipped: [], error: 'empty file' }]), LIBRARY, OPTIONS));
  assert.deepEqual(validate(report, schema), []);
});

test('the schema names every finding code', () => {
  assert.deepEqual(schema.$defs.finding.properties.code.enum, [...FINDING_CODES]);
});

test('the validator catches what the schema forbids', () => {
  const report = parse(formatJson(resultsOf([mixedReport()]), LIBRARY, OPTIONS));
  report.files[0].claims[0].verdict = 'maybe';
  report.files[0].claims[1].range.start.line = -1;
  delete report.files[0].skipped[0].reason;
  report.sources[0].extra = true;
  assert.deepEqual(validate(report, schema), [
    '$.sources[0]: unexpected property extra',
    '$.files[0].claims[0].verdict: must be one of supported, unsupported, contradicted',
    '$.files[0].claims[1].range.start.line: must be >= 0',
    '$.files[0].skipped[0]: missing reason',
  ]);
});

test('top level, sources and files have a fixed key order', () => {
  const report = parse(formatJson(resultsOf([mixedReport()]), LIBRARY, OPTIONS));
  assert.deepEqual(Object.keys(report), ['version', 'sources', 'files']);
  assert.equal(report.version, 1);
  assert.deepEqual(report.sources, [
    { id: 'ap-norway', title: 'Norway says the talks will continue', path: 'sources/ap-norway.md', bundled: false, passages: 3 },
  ]);
  assert.deepEqual(Object.keys(report.files[0]), ['path', 'claims', 'skipped', 'findings']);
  assert.deepEqual(
    report.files[0].findings.map((f: { code: string; severity: string }) => [f.code, f.severity]),
    [['contradicted', 'error'], ['unsupported', 'warning'], ['citation-mismatch', 'warning']],
  );
});

test('claims keep LSP ranges and list their fields in order, optional ones only when present', () => {
  const [file] = parse(formatJson(resultsOf([mixedReport()]), LIBRARY, OPTIONS)).files;
  const [supported, contradicted, unsupported, mismatched] = file.claims;
  assert.deepEqual(Object.keys(supported), ['text', 'range', 'verdict', 'confidence', 'evidence', 'citations', 'reason']);
  assert.deepEqual(Object.keys(contradicted), [...Object.keys(supported), 'conflict']);
  assert.deepEqual(Object.keys(unsupported), [...Object.keys(supported), 'unbacked']);
  assert.deepEqual(Object.keys(mismatched), [...Object.keys(supported), 'citationMismatch']);

  assert.deepEqual(unsupported.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 67 } });
  assert.equal(supported.confidence, 0.912, 'scores are rounded to three decimals');
  assert.deepEqual(supported.evidence, [
    { sourceId: 'ap-norway', line: 2, text: 'The ministry said both parties “continue in their search for solutions”.', score: 0.91 },
  ]);
  assert.deepEqual(supported.citations, [
    { kind: 'footnote', label: 'ap', sourceId: 'ap-norway', range: { start: { line: 2, character: 84 }, end: { line: 2, character: 89 } } },
  ]);
  assert.deepEqual(contradicted.conflict, { slot: 'place', claim: 'Chile', source: 'Peru', sourceId: 'ap-norway' });
  assert.deepEqual(mismatched.citationMismatch, {
    cited: ['bbc'],
    backedBy: 'ap-norway',
    message: 'The cited source bbc does not say this; ap-norway does.',
  });
  assert.equal('startOffset' in supported, false, 'engine-internal offsets stay out of the public format');
  assert.deepEqual(file.skipped, [
    { text: 'Will the talks ever succeed?', range: { start: { line: 10, character: 0 }, end: { line: 10, character: 28 } }, reason: 'question' },
  ]);
});

test('an unreadable file is listed with its error and nothing checked', () => {
  const report = parse(formatJson(resultsOf([{ path: 'x.md', claims: [], skipped: [], error: 'not UTF-8 text' }]), LIBRARY, OPTIONS));
  assert.deepEqual(report.files, [{ path: 'x.md', claims: [], skipped: [], error: 'not UTF-8 text' }]);
});

test('source metadata is written when known; paths outside the base folder stay absolute', () => {
  const library: SourceLibrary = {
    sources: [{ ...source('bbc', 'Maduro says he had secret talks', '/elsewhere/bbc.md', 0), outlet: 'BBC', url: 'https://bbc.com/x', bundled: true }],
    problems: [],
  };
  const [entry] = parse(formatJson(resultsOf([]), library, OPTIONS)).sources;
  assert.deepEqual(entry, {
    id: 'bbc',
    title: 'Maduro says he had secret talks',
    outlet: 'BBC',
    url: 'https://bbc.com/x',
    path: '/elsewhere/bbc.md',
    bundled: true,
    passages: 0,
  });
});
