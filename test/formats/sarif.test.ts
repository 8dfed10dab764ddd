import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSarif } from '../../server/src/formats/sarif';
import type { FileReport, SourceLibrary } from '../../server/src/model';
import { LIBRARY, claim, mixedReport, source, resultsOf } from './builders';

const OPTIONS = { baseDir: '/work/project', toolVersion: '1.2.3' };

function sarif(reports: FileReport[], library: SourceLibrary = LIBRARY) {
  return JSON.parse(formatSarif(resultsOf(reports), library, OPTIONS));
}

// The one home page (package.json `homepage`): its README explains each rule.
const README = 'https://github.com/grounded-writing/grounded/blob/main/README.md';

test('a SARIF 2.1.0 log with one run of the grounded tool and a rule per finding code', () => {
  const log = sarif([mixedReport()]);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'grounded');
  assert.equal(driver.version, '1.2.3');
  assert.deepEqual(
    driver.rules.map((rule: { id: string; helpUri: string; defaultConfiguration: { level: string } }) => [rule.id, rule.helpUri, rule.defaultConfiguration.level]),
    [
      ['contradicted', `${README}#contradicted`, 'error'],
      ['unsupported', `${README}#unsupported`, 'warning'],
      ['uncited', `${README}#uncited`, 'note'],
      ['citation-mismatch', `${README}#citation-mismatch`, 'warning'],
      ['unbacked-detail', `${README}#unbacked-detail`, 'note'],
    ],
  );
  for (const rule of driver.rules) assert.ok(rule.shortDescription.text.length > 0);
  assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
});

test('one result per finding with its level, message and 1-based region', () => {
  const { results } = sarif([mixedReport()]).runs[0];
  assert.deepEqual(
    results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
    [
      ['contradicted', 0, 'error'],
      ['unsupported', 1, 'warning'],
      ['citation-mismatch', 3, 'warning'],
    ],
  );
  const unsupported = results[1];
  assert.equal(unsupported.message.text, 'No source mentions "UN Security Council", "resolution".');
  // The claim's LSP range is line 6, characters 2–67 (end exclusive); SARIF counts from 1 with an exclusive endColumn.
  assert.deepEqual(unsupported.locations, [
    {
      physicalLocation: {
        artifactLocation: { uri: 'drafts/venezuela.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 68 },
      },
    },
  ]);
});

test('the evidence is a related location in the source file, the finding’s own passage first', () => {
  const contradicted = sarif([mixedReport()]).runs[0].results[0];
  assert.deepEqual(
    contradicted.relatedLocations.map((l: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) => [
      l.id,
      l.physicalLocation.artifactLocation.uri,
      l.physicalLocation.region.startLine,
    ]),
    [
      [1, 'sources/ap-norway.md', 4],
      [2, 'sources/ap-norway.md', 2],
    ],
  );
  assert.match(contradicted.relatedLocations[0].physicalLocation.region.snippet.text, /conference in Peru/);
  assert.match(contradicted.relatedLocations[0].message.text, /Norway says the talks will continue/);
});

test('files outside the base folder are named by absolute file URIs; unknown sources are left out', () => {
  const library: SourceLibrary = { sources: [source('ap-norway', 'Norway', '/opt/grounded/sources/ap norway.md')], problems: [] };
  const report: FileReport = {
    path: '/tmp/other/draft.md',
    claims: [
      claim('A claim.', 0, 0, {
        verdict: 'unsupported',
        evidence: [
          { sourceId: 'ap-norway', line: 3, text: 'x', score: 0.2 },
          { sourceId: 'gone', line: 1, text: 'y', score: 0.1 },
        ],
      }),
    ],
    skipped: [],
  };
  const [result] = sarif([report], library).runs[0].results;
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'file:///tmp/other/draft.md' });
  assert.equal(result.relatedLocations.length, 1);
  assert.deepEqual(result.relatedLocations[0].physicalLocation.artifactLocation, { uri: 'file:///opt/grounded/sources/ap%20norway.md' });
});

test('fingerprints come from the claim text: stable when the claim moves, distinct for repeats', () => {
  const at = (line: number): FileReport => ({
    path: 'a.md',
    claims: [claim('Twelve delegates signed.', line, 0, { verdict: 'unsupported' })],
    skipped: [],
  });
  const fingerprint = (report: FileReport) => sarif([report]).runs[0].results[0].partialFingerprints['claimHash/v1'];
  assert.equal(fingerprint(at(3)), fingerprint(at(30)));
  assert.match(fingerprint(at(3)), /^[0-9a-f]{32}:1$/);

  const repeated: FileReport = { path: 'a.md', claims: [...at(1).claims, ...at(5).claims], skipped: [] };
  const [first, second] = sarif([repeated]).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['claimHash/v1']);
  assert.notEqual(first, second);
  assert.equal(first.split(':')[0], second.split(':')[0]);
});

test('unreadable files and source problems become tool notifications', () => {
  const library: SourceLibrary = { sources: LIBRARY.sources, problems: [{ path: '/work/project/sources/bad.md', message: 'file is empty' }] };
  const log = sarif([{ path: 'x.md', claims: [], skipped: [], error: 'not UTF-8 text' }], library);
  const [invocation] = log.runs[0].invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.deepEqual(
    invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, n.message.text]),
    [
      ['error', 'x.md: not UTF-8 text'],
      ['warning', 'sources/bad.md: file is empty'],
    ],
  );
  assert.deepEqual(log.runs[0].results, []);
});
