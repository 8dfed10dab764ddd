// End to end: the built binary on a project with a `.grounded.yaml` (test/fixtures/projects/newsroom: its own two
// sources, drafts under drafts/ but not drafts/notes/, louder severities, Pandoc citations, one accepted sentence).
// What the config says must decide which files are checked, how loud each finding is, what --fix writes and what
// fails the run. Runs that write work on a temporary copy; each is compared byte for byte with what it must give.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, chmodSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { STARTER_CONFIG } from '../../server/src/config/starter';
import { STACK_LINE, ensureBuilt, grounded, type RunResult } from './run';

before(ensureBuilt);

const PROJECT = 'test/fixtures/projects/newsroom';
const AP = 'ap-norway-barbados-talks';
const AP_TITLE = "Norway says Venezuela's government and opposition will continue their talks in Barbados";
const MADURO = 'maduro-secret-meetings-us';
const MADURO_TITLE = 'Venezuela, US met secretly for months, Maduro says';

const NORWAY = 'Norway’s foreign ministry said both parties continue in their search for solutions.';
const LIMA = 'Foreign ministers of countries that make up part of a so-called Lima Group have met periodically since 2017 to discuss Venezuela’s crisis.';
const READY = 'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.';

const copies: string[] = [];
after(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** An empty temporary folder, removed after the tests. */
function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-project-'));
  copies.push(dir);
  return dir;
}

/** A temporary copy of the project, for the runs that write. */
function copyProject(): string {
  const dir = emptyFolder();
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (links as links) with its bytes, modification time and inode. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number; ino: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number; ino: number }>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stats = lstatSync(path);
        files.set(relative(dir, path), { bytes: entry.isSymbolicLink() ? Buffer.from('link') : readFileSync(path), mtimeMs: stats.mtimeMs, ino: stats.ino });
      }
    }
  };
  walk(dir);
  return files;
}

function check(args: string[], cwd?: string): RunResult {
  const run = grounded(['check', ...args], cwd === undefined ? {} : { cwd });
  assert.doesNotMatch(run.stderr, STACK_LINE);
  return run;
}

function jsonReport(args: string[], cwd?: string) {
  const run = check([...args, '--format', 'json', '--fail-on', 'none'], cwd);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

// The text report of the project as it is: severities from the config (uncited: warning, unsupported: error), the
// accepted sentence (line 7 of summary.md) left out, README.md, drafts/notes/ and the sources not checked.
function expectedText(prefix: string): RegExp {
  const lines = [
    `${prefix}drafts/2019/cited.md:5:1  warning  uncited            Supported by "${AP_TITLE}" but not cited. [${AP}:19]`,
    `${prefix}drafts/2019/cited.md: 2 claims: 2 supported, 0 unsupported, 0 contradicted; 0 sentences skipped`,
    '',
    `${prefix}drafts/summary.md:3:1   warning  uncited            Supported by "${AP_TITLE}" but not cited. [${AP}:10]`,
    `${prefix}drafts/summary.md:5:1   error    contradicted       Contradicted by "${AP_TITLE}": the source says "Peru", the draft says "Chile". [${AP}:13]`,
    `${prefix}drafts/summary.md:9:1   error    unsupported        No source backs "Turnout", "40%". [nearest: <any>]`,
    `${prefix}drafts/summary.md:11:1  warning  uncited            Supported by "${MADURO_TITLE}" but not cited. [${MADURO}:17]`,
    `${prefix}drafts/summary.md: 5 claims: 2 supported, 2 unsupported, 1 contradicted; 0 sentences skipped`,
    '',
    'Total: 2 files, 7 claims: 4 supported, 2 unsupported, 1 contradicted; 0 sentences skipped',
    '',
  ];
  // The nearest passage of an unsupported claim is whatever the engine ranks first: any source line will do.
  const escaped = lines.join('\n').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('<any>', `(${AP}|${MADURO}):\\d+`);
  return new RegExp(`^${escaped}$`);
}

describe('which files a folder check reads', () => {
  test('only the drafts the config includes: not README.md, not drafts/notes/, not the sources', () => {
    const report = jsonReport([PROJECT]);
    assert.deepEqual(report.files.map((file: { path: string }) => file.path), [`${PROJECT}/drafts/2019/cited.md`, `${PROJECT}/drafts/summary.md`]);
    // includeBundled: false: the library is the project's own two sources.
    assert.deepEqual(report.sources.map((source: { id: string }) => source.id).sort(), [AP, MADURO]);
  });

  test('the same from inside the project, and from its drafts folder', () => {
    const fromProject = jsonReport(['.'], PROJECT);
    assert.deepEqual(fromProject.files.map((file: { path: string }) => file.path), ['drafts/2019/cited.md', 'drafts/summary.md']);
    const fromDrafts = jsonReport(['.'], `${PROJECT}/drafts`);
    assert.deepEqual(fromDrafts.files.map((file: { path: string }) => file.path), ['2019/cited.md', 'summary.md']);
  });

  test('a file named on the command line is checked even where the globs leave it out', () => {
    const report = jsonReport([`${PROJECT}/drafts/notes/scratch.md`]);
    assert.deepEqual(report.files.map((file: { path: string }) => file.path), [`${PROJECT}/drafts/notes/scratch.md`]);
    assert.equal(report.files[0].claims[0].verdict, 'contradicted');
  });
});

describe('severities, messages and accepted claims come from the config', () => {
  test('text report: the configured severities, the findings worded as in the editor, the accepted sentence left out', () => {
    const run = check([PROJECT, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, expectedText(`${PROJECT}/`));
  });

  test('the accepted sentence is checked (it is still unsupported) but gives no finding', () => {
    const report = jsonReport([`${PROJECT}/drafts/summary.md`]);
    const accepted = report.files[0].claims.find((claim: { text: string }) => claim.text === 'The UN Security Council passed a resolution supporting the talks.');
    assert.equal(accepted?.verdict, 'unsupported');
    const run = check([`${PROJECT}/drafts/summary.md`, '--fail-on', 'none']);
    assert.doesNotMatch(run.stdout, /summary\.md:7:/);
    assert.doesNotMatch(run.stdout, /Security Council|"UN"/);
  });

  test('without the config the same drafts get the default severities, and the accepted sentence a finding', () => {
    const dir = copyProject();
    rmSync(join(dir, '.grounded.yaml'));
    const run = check(['drafts/summary.md', '--sources', 'sources', '--no-bundled-sources', '--fail-on', 'none'], dir);
    assert.equal(run.status, 0, run.stderr);
    const findings = run.stdout.split('\n').filter((line) => line.startsWith('drafts/summary.md:') && /:\d+:\d+ /.test(line));
    assert.deepEqual(findings.map((line) => line.split(/\s+/).slice(0, 3).join(' ')), [
      'drafts/summary.md:3:1 hint uncited',
      'drafts/summary.md:5:1 error contradicted',
      'drafts/summary.md:7:1 warning unsupported',
      'drafts/summary.md:9:1 warning unsupported',
      'drafts/summary.md:11:1 hint uncited',
    ]);
  });
});

describe('--format github', () => {
  test('one workflow command per finding, with the location and the configured severity', () => {
    const run = check([PROJECT, '--format', 'github']);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const file = (name: string) => `file=${PROJECT}/drafts/${name}`;
    assert.deepEqual(lines.slice(0, 3).concat(lines.slice(4)), [
      `::warning ${file('2019/cited.md')},line=5,col=1,endLine=5,endColumn=139,title=Grounded%3A uncited::Supported by "${AP_TITLE}" but not cited. [${AP}:19]`,
      `::warning ${file('summary.md')},line=3,col=1,endLine=3,endColumn=84,title=Grounded%3A uncited::Supported by "${AP_TITLE}" but not cited. [${AP}:10]`,
      `::error ${file('summary.md')},line=5,col=1,endLine=5,endColumn=63,title=Grounded%3A contradicted::Contradicted by "${AP_TITLE}": the source says "Peru", the draft says "Chile". [${AP}:13]`,
      `::warning ${file('summary.md')},line=11,col=1,endLine=11,endColumn=88,title=Grounded%3A uncited::Supported by "${MADURO_TITLE}" but not cited. [${MADURO}:17]`,
      '2 files checked: 7 claims, 1 contradicted, 2 unsupported',
    ]);
    // `%` in the message is escaped (the unsupported claim names "40%"); `:` is left as it is in the message.
    assert.match(lines[3]!, new RegExp(`^::error ${file('summary.md')},line=9,col=1,endLine=9,endColumn=46,title=Grounded%3A unsupported::No source backs "Turnout", "40%25"\\. \\[(${AP}|${MADURO}):\\d+\\]$`));
  });

  test('%, CR, LF, `:` and `,` from a source title or a file name cannot end a command or start another', () => {
    const dir = copyProject();
    const sourcePath = join(dir, 'sources', `${AP}.md`);
    // A title with every character GitHub's rules escape: ":" and "," (in properties), "%", CR and LF.
    writeFileSync(sourcePath, readFileSync(sourcePath, 'utf8').replace(/^title: .*$/m, 'title: "Talks: 100%, on\\r\\nin Barbados"'));
    mkdirSync(join(dir, 'drafts', 'odd'));
    writeFileSync(join(dir, 'drafts', 'odd', 'a, b: 100%.md'), `# Odd\n\n${NORWAY}\n`);
    const run = check(['drafts/odd', '--format', 'github', '--fail-on', 'none'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      '::warning file=drafts/odd/a%2C b%3A 100%25.md,line=3,col=1,endLine=3,endColumn=84,title=Grounded%3A uncited::' +
        `Supported by "Talks: 100%25, on%0D%0Ain Barbados" but not cited. [${AP}:10]\n` +
        '1 file checked: 1 claim, 0 contradicted, 0 unsupported\n',
    );
  });

  test('an unreadable draft is an error annotation naming the file, without a line', () => {
    const dir = copyProject();
    writeFileSync(join(dir, 'drafts', 'empty.md'), '\n');
    const run = check(['drafts/empty.md', '--format', 'github'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '::error file=drafts/empty.md,title=Grounded%3A not checked::empty file\n0 files checked: 0 claims, 0 contradicted, 0 unsupported\n');
  });
});

describe('--fix', () => {
  const FIXED_SUMMARY = [
    '# The Barbados talks',
    '',
    `${NORWAY.slice(0, -1)} [@${AP}].`,
    '',
    'Bolton and Ross were expected to attend a conference in Chile.',
    '',
    'The UN Security Council passed a resolution supporting the talks.',
    '',
    'Turnout in Barbados was 40% of the delegates.',
    '',
    `${READY.slice(0, -1)} [@${MADURO}].`,
    '',
  ].join('\n');
  const FIXED_CITED = `# Cited already\n\n${NORWAY.slice(0, -1)} [@${AP}].\n\n${LIMA.slice(0, -1)} [@${AP}].\n`;

  test('--dry-run prints a unified diff of the Pandoc citations and writes nothing', () => {
    const dir = copyProject();
    const before = snapshot(dir);
    const run = check(['.', '--fix', '--dry-run'], dir);
    assert.equal(run.status, 1, 'the findings as they stand still decide the exit status');
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        '===================================================================',
        '--- a/drafts/2019/cited.md',
        '+++ b/drafts/2019/cited.md',
        '@@ -3,3 +3,3 @@',
        ` ${NORWAY.slice(0, -1)} [@${AP}].`,
        ' ',
        `-${LIMA}`,
        `+${LIMA.slice(0, -1)} [@${AP}].`,
        '===================================================================',
        '--- a/drafts/summary.md',
        '+++ b/drafts/summary.md',
        '@@ -1,5 +1,5 @@',
        ' # The Barbados talks',
        ' ',
        `-${NORWAY}`,
        `+${NORWAY.slice(0, -1)} [@${AP}].`,
        ' ',
        ' Bolton and Ross were expected to attend a conference in Chile.',
        '@@ -9,3 +9,3 @@',
        ' Turnout in Barbados was 40% of the delegates.',
        ' ',
        `-${READY}`,
        `+${READY.slice(0, -1)} [@${MADURO}].`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(snapshot(dir), before, 'every file as it was: bytes, modification time, inode; no file added');
  });

  test('rewrites the included drafts atomically with Pandoc citations; the report then has no uncited finding', () => {
    const dir = copyProject();
    chmodSync(join(dir, 'drafts', 'summary.md'), 0o640);
    const before = snapshot(dir);
    const run = check(['.', '--fix'], dir);
    assert.equal(run.status, 1, 'the contradicted and unsupported claims remain');
    assert.equal(run.stderr, 'grounded: drafts/2019/cited.md: cited 1 claim\ngrounded: drafts/summary.md: cited 2 claims\n');
    assert.equal(readFileSync(join(dir, 'drafts', 'summary.md'), 'utf8'), FIXED_SUMMARY);
    assert.equal(readFileSync(join(dir, 'drafts', '2019', 'cited.md'), 'utf8'), FIXED_CITED);
    assert.doesNotMatch(run.stdout, /uncited/);
    assert.match(run.stdout, /^drafts\/summary\.md:5:1 +error +contradicted /m);
    assert.match(run.stdout, /^drafts\/summary\.md:9:1 +error +unsupported /m);

    const after = snapshot(dir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no temporary file left behind');
    for (const [path, file] of before) {
      const fixed = path === join('drafts', 'summary.md') || path === join('drafts', '2019', 'cited.md');
      if (fixed) assert.notEqual(after.get(path)!.ino, file.ino, `${path}: replaced by a rename, not written in place`);
      else assert.deepEqual(after.get(path), file, `${path}: untouched`);
    }
    assert.equal(statSync(join(dir, 'drafts', 'summary.md')).mode & 0o777, 0o640, 'the mode is kept');
  });

  test('a second --fix changes nothing', () => {
    const dir = copyProject();
    check(['.', '--fix'], dir);
    const once = snapshot(dir);
    const again = check(['.', '--fix'], dir);
    assert.equal(again.stderr, '');
    assert.deepEqual(snapshot(dir), once);
    const dryRun = check(['.', '--fix', '--dry-run'], dir);
    assert.equal(dryRun.stdout, '', 'nothing left to diff');
  });

  test('a byte-order mark stays, and a linked draft stays a link (its target is fixed)', () => {
    const dir = copyProject();
    const summary = join(dir, 'drafts', 'summary.md');
    writeFileSync(summary, `\uFEFF${readFileSync(summary, 'utf8')}`);
    mkdirSync(join(dir, 'elsewhere'));
    renameSync(join(dir, 'drafts', '2019', 'cited.md'), join(dir, 'elsewhere', 'cited.md'));
    symlinkSync(join('..', '..', 'elsewhere', 'cited.md'), join(dir, 'drafts', '2019', 'cited.md'));
    const run = check(['.', '--fix'], dir);
    assert.equal(run.stderr, 'grounded: drafts/2019/cited.md: cited 1 claim\ngrounded: drafts/summary.md: cited 2 claims\n');
    assert.equal(readFileSync(summary, 'utf8'), `\uFEFF${FIXED_SUMMARY}`);
    assert.ok(lstatSync(join(dir, 'drafts', '2019', 'cited.md')).isSymbolicLink(), 'still a link');
    assert.equal(readFileSync(join(dir, 'elsewhere', 'cited.md'), 'utf8'), FIXED_CITED);
  });
});

describe('init', () => {
  test('writes the starter .grounded.yaml into an empty folder, which then loads without a warning', () => {
    const dir = emptyFolder();
    const run = grounded(['init'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, 'grounded: wrote .grounded.yaml: edit it to name your source folders and drafts\n');
    assert.equal(readFileSync(join(dir, '.grounded.yaml'), 'utf8'), STARTER_CONFIG);
    writeFileSync(join(dir, 'draft.md'), `# Draft\n\n${NORWAY}\n`);
    const checked = check(['.', '--fail-on', 'none'], dir);
    assert.equal(checked.status, 0);
    assert.equal(checked.stderr, '');
  });

  test('refuses, exit 2, when a .grounded.yaml exists, and leaves it untouched', () => {
    const dir = copyProject();
    const before = snapshot(dir);
    const run = grounded(['init'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'grounded: .grounded.yaml: already exists; left as it is\n');
    assert.equal(run.stdout, '');
    assert.deepEqual(snapshot(dir), before);
  });

  test('takes no arguments', () => {
    const dir = emptyFolder();
    const run = grounded(['init', 'elsewhere'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "grounded: init takes no arguments; it writes to the current folder\nRun 'grounded --help' for usage.\n");
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('a broken config', () => {
  const configOf = (dir: string) => join(dir, '.grounded.yaml');

  test('bad YAML: a warning naming the file, line and column; the drafts are still checked, with the defaults', () => {
    const dir = copyProject();
    writeFileSync(configOf(dir), readFileSync(configOf(dir), 'utf8').replace('  unsupported: error\n', '  unsupported: error: loud\n'));
    const run = check(['drafts/summary.md', '--fail-on', 'none'], dir);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, 'grounded: warning: .grounded.yaml:11:16: broken YAML: Nested mappings are not allowed in compact mappings\n');
    // Nothing of the file applies: the bundled sources, the default severities, the accepted sentence reported.
    assert.match(run.stdout, /^drafts\/summary\.md:3:1 +hint +uncited /m);
    assert.match(run.stdout, /^drafts\/summary\.md:7:1 +warning +unsupported /m);
    assert.match(run.stdout, /^drafts\/summary\.md: 5 claims: /m);
  });

  test('an unknown key: a warning with the line and the key meant; the rest of the file still applies', () => {
    const dir = copyProject();
    writeFileSync(configOf(dir), readFileSync(configOf(dir), 'utf8').replace('  uncited: warning\n', '  uncited: warning\n  uncitd: error\n'));
    const run = check(['.', '--fail-on', 'none'], dir);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, 'grounded: warning: .grounded.yaml:11:3: unknown key "severity.uncitd" (did you mean "severity.uncited"?)\n', 'once, for both drafts');
    assert.match(run.stdout, expectedText(''));
  });

  test('the warning names the config by its path from the working folder', () => {
    const dir = copyProject();
    writeFileSync(configOf(dir), readFileSync(configOf(dir), 'utf8').replace('citationStyle: pandoc\n', 'citationStyle: pandoc\ncitationstyle: footnote\n'));
    const message = '13:1: unknown key "citationstyle" (did you mean "citationStyle"?)';
    const inside = check(['drafts/summary.md', '--fail-on', 'none'], dir);
    assert.equal(inside.stderr, `grounded: warning: .grounded.yaml:${message}\n`);
    const name = relative(join(dir, '..'), dir);
    const above = check([`${name}/drafts/summary.md`, '--fail-on', 'none'], join(dir, '..'));
    assert.equal(above.stderr, `grounded: warning: ${name}/.grounded.yaml:${message}\n`);
    assert.equal(above.stdout.replaceAll(`${name}/`, ''), inside.stdout, 'the same report');
  });
});

describe('--fail-on follows the configured severities', () => {
  const CITED = `${PROJECT}/drafts/2019/cited.md`; // one uncited claim: a warning by this config, a hint by default

  test('error and warning', () => {
    assert.equal(check([CITED, '--fail-on', 'error']).status, 0);
    assert.equal(check([CITED, '--fail-on', 'warning']).status, 1);
    assert.equal(check([CITED]).status, 0, 'the default, unsupported, counts kinds, not severities');
    assert.equal(check([PROJECT, '--fail-on', 'error']).status, 1, 'summary.md has errors');
  });

  test('without the config the uncited claim is a hint, which fails nothing', () => {
    const dir = copyProject();
    rmSync(join(dir, '.grounded.yaml'));
    const args = ['drafts/2019/cited.md', '--sources', 'sources', '--no-bundled-sources'];
    assert.equal(check([...args, '--fail-on', 'warning'], dir).status, 0);
  });

  test('a code switched off, or an accepted claim, fails nothing', () => {
    const dir = copyProject();
    const config = join(dir, '.grounded.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  unsupported: error\n', '  unsupported: error\n  contradicted: "off"\n'));
    writeFileSync(join(dir, 'drafts', 'accepted.md'), '# Accepted\n\nThe UN Security Council passed a resolution supporting the talks.\n');
    assert.equal(check(['drafts/summary.md', '--fail-on', 'contradicted'], dir).status, 0);
    assert.equal(check(['drafts/summary.md', '--fail-on', 'error'], dir).status, 1, 'the unsupported claim is still an error');
    assert.equal(check(['drafts/accepted.md', '--fail-on', 'warning'], dir).status, 0);
  });
});
