import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, exitStatusFor } from '../../server/src/cli/exitStatus';
import { countReports } from '../../server/src/formats/counts';
import type { FileReport } from '../../server/src/model';
import { claim, resultsOf } from '../formats/builders';

function report(...verdicts: ('supported' | 'unsupported' | 'contradicted' | 'mismatch')[]): FileReport {
  return {
    path: 'a.md',
    claims: verdicts.map((v, line) =>
      v === 'mismatch'
        ? claim('Cited wrongly.', line, 0, { verdict: 'supported', citationMismatch: { cited: ['x'], message: 'x does not say this.' } })
        : claim('A claim.', line, 0, { verdict: v }),
    ),
    skipped: [],
  };
}

test('--fail-on ranks contradicted above unsupported, and a citation mismatch with unsupported', () => {
  const table: [FileReport, Record<'contradicted' | 'unsupported' | 'none', number>][] = [
    [report('supported'), { contradicted: EXIT.ok, unsupported: EXIT.ok, none: EXIT.ok }],
    [report('supported', 'unsupported'), { contradicted: EXIT.ok, unsupported: EXIT.findings, none: EXIT.ok }],
    [report('mismatch'), { contradicted: EXIT.ok, unsupported: EXIT.findings, none: EXIT.ok }],
    [report('contradicted'), { contradicted: EXIT.findings, unsupported: EXIT.findings, none: EXIT.ok }],
  ];
  for (const [fileReport, expected] of table) {
    for (const failOn of ['contradicted', 'unsupported', 'none'] as const) {
      assert.equal(exitStatusFor(countReports(resultsOf([fileReport])), failOn), expected[failOn], `${fileReport.claims.map((c) => c.verdict)} --fail-on ${failOn}`);
    }
  }
});

test('an unreadable input gives exit status 2 whatever the findings', () => {
  const unreadable: FileReport = { path: 'b.md', claims: [], skipped: [], error: 'empty file' };
  for (const failOn of ['contradicted', 'unsupported', 'none'] as const) {
    assert.equal(exitStatusFor(countReports(resultsOf([report('contradicted'), unreadable])), failOn), EXIT.inputError);
  }
});

test('a claim the engine failed on gives exit status 2 whatever the findings: the report is not whole', () => {
  const partial: FileReport = {
    ...report('supported'),
    unchecked: [{ text: 'A claim.', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } }, error: 'index out of range' }],
  };
  for (const failOn of ['contradicted', 'unsupported', 'none'] as const) {
    assert.equal(exitStatusFor(countReports(resultsOf([partial])), failOn), EXIT.inputError);
  }
});
