// End to end: a supported claim with a word its passage lacks is reported as `unbacked-detail` in every format of
// `grounded check`, as information (which fails nothing by default), and a project config can set its severity.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import schema from '../../server/src/formats/report.schema.json';
import { validate } from '../formats/jsonSchema';
import { ensureBuilt, grounded } from './run';

before(ensureBuilt);

const CLAIM = 'Maria Lopez spent the weekend at the coast painting the fence of the family home in Sevilla.';
const MESSAGE = 'Supported, but the passage that backs it does not state "coast".';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-unbacked-'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'weekend.md'), [
    '---',
    'id: weekend',
    'title: A weekend in Sevilla',
    '---',
    '',
    "Maria Lopez, the mayor's daughter, spent the weekend painting the fence of the family home in Sevilla.",
    '',
    'Her sisters joined her on Sunday.',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'draft.md'), `${CLAIM}[^weekend]\n\n[^weekend]: weekend\n`);
  return dir;
}

function check(dir: string, ...args: string[]) {
  return grounded(['check', 'draft.md', '--sources', 'sources', '--no-bundled-sources', ...args], { cwd: dir });
}

describe('unbacked-detail in grounded check', () => {
  test('text: an information line naming the word, with the passage; the claim still counts as supported', () => {
    const run = check(project());
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, [
      `draft.md:1:1  information  unbacked-detail    ${MESSAGE} [weekend:6]`,
      'draft.md: 1 claim: 1 supported, 0 unsupported, 0 contradicted; 0 sentences skipped',
      '',
    ].join('\n'));
  });

  test('json: the finding, the words in the claim\'s unbacked list, valid against the schema', () => {
    const run = check(project(), '--format', 'json');
    const report = JSON.parse(run.stdout);
    assert.deepEqual(validate(report, schema), []);
    const [file] = report.files;
    assert.deepEqual(file.claims[0].unbacked, ['coast']);
    assert.deepEqual(file.findings.map((f: { code: string; severity: string; message: string }) => [f.code, f.severity, f.message]), [
      ['unbacked-detail', 'information', MESSAGE],
    ]);
  });

  test('sarif: a note under its own rule', () => {
    const log = JSON.parse(check(project(), '--format', 'sarif').stdout);
    const { rules } = log.runs[0].tool.driver;
    const [result] = log.runs[0].results;
    assert.equal(rules[result.ruleIndex].id, 'unbacked-detail');
    assert.deepEqual([result.ruleId, result.level, result.message.text], ['unbacked-detail', 'note', MESSAGE]);
  });

  test('github: a notice titled with the code', () => {
    const [annotation] = check(project(), '--format', 'github').stdout.split('\n');
    assert.match(annotation!, /^::notice file=draft\.md,line=1,col=1,.*title=Grounded%3A unbacked-detail::Supported, but the passage that backs it does not state "coast"\. \[weekend:6\]$/);
  });

  test('a project config sets its severity: a warning fails --fail-on warning; off reports nothing', () => {
    const dir = project();
    writeFileSync(join(dir, '.grounded.yaml'), 'severity: { unbacked-detail: warning }\n');
    const warned = check(dir, '--fail-on', 'warning');
    assert.equal(warned.status, 1, warned.stderr);
    assert.match(warned.stdout, /^draft\.md:1:1 +warning +unbacked-detail /m);
    writeFileSync(join(dir, '.grounded.yaml'), 'severity: { unbacked-detail: "off" }\n');
    assert.doesNotMatch(check(dir).stdout, /unbacked-detail/);
  });
});
