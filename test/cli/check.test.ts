// End to end: the built binary on fixture drafts. The first group holds whatever the engine decides; the second
// pins the verdicts of clear-cut claims about the bundled sources.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { version } from '../../package.json';
import schema from '../../server/src/formats/report.schema.json';
import { validate } from '../formats/jsonSchema';
import { DRAFTS, STACK_LINE, ensureBuilt, grounded } from './run';

before(ensureBuilt);

const MIXED = `${DRAFTS}/mixed.md`;
const MIXED_CLAIMS = [
  'Norway’s foreign ministry said both parties continue in their search for solutions.',
  'Bolton and Ross were expected to attend a conference in Chile.',
  'The UN Security Council passed a resolution supporting the talks.',
];

function jsonReport(args: string[], options?: { cwd?: string }) {
  const run = grounded(['check', '--format', 'json', '--fail-on', 'none', ...args], options);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(validate(report, schema), []);
  return report;
}

describe('usage', () => {
  test('--help prints the reference on stdout', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help'], ['score', '--help']]) {
      const run = grounded(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: grounded <command>/);
      assert.match(run.stdout, /--fail-on/);
      assert.match(run.stdout, /--pairs FILE/);
    }
  });

  test('--version prints the package version', () => {
    const run = grounded(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  test('usage errors exit 2 with one message and a hint, nothing on stdout', () => {
    const cases: [string[], string][] = [
      [[], 'grounded: no command given'],
      [['lint'], 'grounded: unknown command "lint"'],
      [['--bogus'], 'grounded: unknown option --bogus'],
      [['check'], 'grounded: check needs at least one Markdown file or folder'],
      [['check', MIXED, '--bogus'], 'grounded: unknown option --bogus'],
      [['check', MIXED, '--format', 'xml'], 'grounded: --format must be one of text, json, sarif, github (got "xml")'],
      [['check', MIXED, '--fail-on', 'info'], 'grounded: --fail-on must be one of contradicted, unsupported, error, warning, none (got "info")'],
      [['check', MIXED, '--sources'], 'grounded: option --sources needs a value'],
    ];
    for (const [args, message] of cases) {
      const run = grounded(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr, `${message}\nRun 'grounded --help' for usage.\n`);
      assert.equal(run.stdout, '');
    }
  });
});

describe('check, whatever the verdicts', () => {
  test('text: findings as path:line:col lines, then the file summary', () => {
    const run = grounded(['check', MIXED, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^test\/fixtures\/drafts\/mixed\.md: 3 claims: \d+ supported, \d+ unsupported, \d+ contradicted(; \d+ citation mismatch(es)?)?; 1 sentence skipped$/);
    for (const line of lines.slice(0, -1)) {
      assert.match(line, /^test\/fixtures\/drafts\/mixed\.md:\d+:\d+ +(error|warning) +(contradicted|unsupported|citation-mismatch) +\S/);
    }
    assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  test('several files get a total line', () => {
    const run = grounded(['check', MIXED, `${DRAFTS}/supported.md`, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\n\nTotal: 2 files, 4 claims: \d+ supported, \d+ unsupported, \d+ contradicted.*; 1 sentence skipped\n$/);
  });

  test('json: lists the sources and the fixture’s claims with LSP ranges', () => {
    const report = jsonReport([MIXED]);
    assert.equal(report.version, 1);
    assert.ok(report.sources.some((s: { id: string }) => s.id === 'ap-norway-barbados-talks'), 'the bundled sources are listed');
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.equal(file.path, 'test/fixtures/drafts/mixed.md');
    assert.deepEqual(file.claims.map((c: { text: string }) => c.text), MIXED_CLAIMS);
    assert.deepEqual(file.claims[0].range.start, { line: 2, character: 0 });
    assert.deepEqual(file.skipped.map((s: { text: string }) => s.text), ['Will the talks ever succeed?']);
  });

  test('sarif: one run of grounded whose results point into the draft with 1-based regions', () => {
    const run = grounded(['check', MIXED, '--format', 'sarif', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].tool.driver.name, 'grounded');
    assert.equal(log.runs[0].tool.driver.version, version);
    for (const result of log.runs[0].results) {
      assert.ok(['contradicted', 'unsupported', 'citation-mismatch'].includes(result.ruleId));
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'test/fixtures/drafts/mixed.md', uriBaseId: '%SRCROOT%' });
      assert.ok(region.startLine >= 3 && region.startColumn >= 1);
    }
  });

  test('folders are searched for Markdown, skipping hidden folders and node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-cli-'));
    for (const file of ['a.md', 'sub/b.markdown', '.drafts/c.md', 'node_modules/pkg/README.md', 'notes.txt']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), 'The talks took place on the Caribbean island of Barbados.\n');
    }
    const report = jsonReport(['.'], { cwd: dir });
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['a.md', join('sub', 'b.markdown')]);
  });

  test('--sources adds a folder of articles; --no-bundled-sources leaves out the bundled ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-sources-'));
    writeFileSync(join(dir, 'council.md'), '---\nid: park-budget\ntitle: Council approves park budget\n---\nThe city council approved the new park budget on Monday.\n');
    const report = jsonReport([MIXED, '--no-bundled-sources', '--sources', dir]);
    assert.deepEqual(report.sources.map((s: { id: string }) => s.id), ['park-budget']);
    assert.equal(report.sources[0].bundled, false);

    const none = grounded(['check', MIXED, '--no-bundled-sources', '--fail-on', 'none']);
    assert.equal(none.status, 0);
    assert.match(none.stderr, /^grounded: warning: no sources loaded/m);
  });

  test('problems in a sources folder are warnings naming the file; checking goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-sources-'));
    writeFileSync(join(dir, 'good.md'), 'The city council approved the new park budget on Monday.\n');
    writeFileSync(join(dir, 'blank.md'), '   \n');
    const run = grounded(['check', MIXED, '--sources', dir, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`^grounded: ${join(dir, 'blank.md').replace(/[.\\/]/g, '\\$&')}: .+`, 'm'));
    assert.doesNotMatch(run.stderr, STACK_LINE);
    assert.match(run.stdout, /mixed\.md: 3 claims/);
  });

  test('--fail-on none always exits 0 when every input was read', () => {
    const run = grounded(['check', DRAFTS, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
  });
});

describe('check verdicts on clear-cut claims about the bundled sources', () => {
  const cases: { draft: string; failOn: string; status: number }[] = [
    { draft: 'supported.md', failOn: 'unsupported', status: 0 },
    { draft: 'supported.md', failOn: 'contradicted', status: 0 },
    { draft: 'unsupported.md', failOn: 'unsupported', status: 1 },
    { draft: 'unsupported.md', failOn: 'contradicted', status: 0 },
    { draft: 'unsupported.md', failOn: 'none', status: 0 },
    { draft: 'contradicted.md', failOn: 'unsupported', status: 1 },
    { draft: 'contradicted.md', failOn: 'contradicted', status: 1 },
    { draft: 'contradicted.md', failOn: 'none', status: 0 },
  ];
  for (const { draft, failOn, status } of cases) {
    test(`${draft} --fail-on ${failOn} exits ${status}`, () => {
      const run = grounded(['check', `${DRAFTS}/${draft}`, '--fail-on', failOn]);
      assert.equal(run.status, status, run.stdout + run.stderr);
    });
  }

  test('the default --fail-on is unsupported', () => {
    assert.equal(grounded(['check', `${DRAFTS}/unsupported.md`]).status, 1);
    assert.equal(grounded(['check', `${DRAFTS}/supported.md`]).status, 0);
  });

  test('text lines name the severity, the verdict and the detail at fault', () => {
    const { stdout } = grounded(['check', MIXED]);
    assert.match(stdout, /^test\/fixtures\/drafts\/mixed\.md:5:1 +error +contradicted +.*Peru.*\[ap-norway-barbados-talks:\d+\]$/m);
    assert.match(stdout, /^test\/fixtures\/drafts\/mixed\.md:7:1 +warning +unsupported +\S/m);
    assert.doesNotMatch(stdout, /mixed\.md:3:/, 'a supported, correctly cited claim is not a finding');
    assert.match(stdout, /^test\/fixtures\/drafts\/mixed\.md: 3 claims: 1 supported, 1 unsupported, 1 contradicted; 1 sentence skipped$/m);
  });

  test('json carries each verdict, its evidence and the conflict', () => {
    const [file] = jsonReport([MIXED]).files;
    assert.deepEqual(file.claims.map((c: { verdict: string }) => c.verdict), ['supported', 'contradicted', 'unsupported']);
    const [supported, contradicted] = file.claims;
    assert.equal(supported.evidence[0].sourceId, 'ap-norway-barbados-talks');
    assert.deepEqual(supported.citations.map((c: { sourceId?: string }) => c.sourceId), ['ap-norway-barbados-talks']);
    assert.equal(contradicted.conflict.slot, 'place');
    assert.match(contradicted.conflict.source, /Peru/);
  });

  test('sarif levels follow the verdicts and the evidence is a related location', () => {
    const log = JSON.parse(grounded(['check', MIXED, '--format', 'sarif']).stdout);
    const results = log.runs[0].results;
    assert.deepEqual(results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [
      ['contradicted', 'error'],
      ['unsupported', 'warning'],
    ]);
    assert.equal(results[0].relatedLocations[0].physicalLocation.artifactLocation.uri, 'sources/ap-norway-barbados-talks.md');
  });

  test('examples/draft.md (npm start) has every kind of finding and exits 0 with --fail-on none', () => {
    const run = grounded(['check', 'examples/draft.md', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    const summary = run.stdout.trimEnd().split('\n').at(-1)!;
    const count = (label: string) => Number(new RegExp(`(\\d+) ${label}`).exec(summary)?.[1] ?? 0);
    assert.ok(count('supported') >= 10, summary);
    assert.ok(count('unsupported') >= 2, summary);
    assert.ok(count('contradicted') >= 2, summary);
    assert.ok(count('sentences? skipped') >= 2, summary);
    assert.doesNotMatch(run.stdout, /Desk note|Caracas bureau/, 'the grounded-ignore block is not checked');
    assert.equal(run.stderr, '');
  });
});

describe('--max-file-size', () => {
  test('a larger draft is named on stderr and not checked (exit 2); the others are', () => {
    const run = grounded(['check', MIXED, `${DRAFTS}/supported.md`, '--max-file-size', '300', '--fail-on', 'none'], {});
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /mixed\.md: [\d,]+ bytes, over the size limit of 300 bytes: not read/);
    assert.doesNotMatch(run.stdout, /mixed\.md:\d+:\d+/);
  });

  test('takes sizes such as 800k and 5M, and refuses others', () => {
    assert.equal(grounded(['check', MIXED, '--max-file-size', '800k', '--fail-on', 'none'], {}).status, 0);
    const bad = grounded(['check', MIXED, '--max-file-size', 'large'], {});
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-file-size must be a size such as 5000000, 800k or 5M \(got "large"\)/);
  });
});
