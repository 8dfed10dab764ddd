// `npm pack` makes a package that `npm install -g` installs and whose two commands run: `grounded` and
// `grounded-language-server`. The tarball holds the bin shims, the CLI and server bundles, the bundled sources, the
// licence notices, README and the manifest, and nothing else (.npmignore); it needs no dependencies (everything is bundled), so it
// installs offline. pre-commit installs a node hook this way (`npm pack`, then `npm install -g` of the tarball, reading
// the tarball's name from the stdout of `npm pack`), so that stdout must be the name alone.
//
// The package is built in a copy of the repository (repositoryCopy.ts): its prepack build would otherwise overwrite
// the dist/ other test files are running.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { copyRepository, ROOT } from './repositoryCopy';

interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The environment without the npm_* variables `npm test` sets (npm_config_local_prefix would point npm at ROOT). */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 3 * 60 * 1000 });
  assert.ifError(result.error);
  return result;
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The file names in a .tgz (ustar, with the pax `path` records npm writes for long names). */
function tarFiles(tgz: Buffer): string[] {
  const tar = gunzipSync(tgz);
  const names: string[] = [];
  let paxPath: string | undefined;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === '0') {
      const prefix = field(345, 155);
      names.push(paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)));
      paxPath = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

let workDir: string;
let installDir: string;
let packStdout: string;
let tarball: string;
let files: string[];

before(
  () => {
    workDir = copyRepository('npm-pack');
    installDir = mkdtempSync(join(tmpdir(), 'grounded-npm-install-'));
    const out = join(installDir, 'tarball');
    mkdirSync(out);
    packStdout = succeeded(run('npm', ['pack', '--pack-destination', out], workDir), 'npm pack');
    const made = readdirSync(out);
    assert.equal(made.length, 1, `npm pack made one tarball, not ${made.join(', ')}`);
    tarball = join(out, made[0]!);
    files = tarFiles(readFileSync(tarball)).map((name) => name.replace(/^package\//, ''));
    succeeded(
      run(
        'npm',
        ['install', '--global', '--prefix', join(installDir, 'prefix'), '--cache', join(installDir, 'npm-cache'), tarball, '--offline', '--no-audit', '--no-fund'],
        installDir,
      ),
      'npm install -g',
    );
  },
  { timeout: 5 * 60 * 1000 },
);

after(() => {
  for (const dir of [workDir, installDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  test('needs no dependencies: everything it runs is bundled', () => {
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies'] as const) {
      assert.deepEqual(Object.keys(manifest[field] ?? {}), [], `package.json ${field} should be empty; bundle them instead`);
    }
    assert.equal(manifest.bundleDependencies ?? manifest.bundledDependencies, undefined);
  });

  test('npm pack prints the tarball name alone on stdout (pre-commit reads it)', () => {
    assert.equal(packStdout.trim(), `${manifest.name}-${manifest.version}.tgz`);
  });

  test('holds the bin shims, the CLI and server bundles, the sources, the licence notices, README and package.json', () => {
    const expected = [
      'package.json',
      'README.md',
      'LICENSE',
      ...Object.values(manifest.bin).map((path) => path.replace(/^\.\//, '')),
      'dist/cli.js',
      'dist/server.js',
      'dist/citation-core.js',
      'dist/citation-bibtex.js',
      'dist/citation-csl.js',
      'server/data/WORDNET-LICENSE.txt',
      'server/data/grounded-config.schema.json', // for editors that validate .grounded.yaml
      ...readdirSync(join(ROOT, 'sources')).map((name) => `sources/${name}`),
    ];
    assert.deepEqual([...files].sort(), expected.sort());
  });

  test('installs both commands: grounded and grounded-language-server print the version', () => {
    const bin = join(installDir, 'prefix', 'bin');
    assert.equal(succeeded(run(join(bin, 'grounded'), ['--version'], installDir), 'grounded --version').trim(), manifest.version);
    assert.equal(
      succeeded(run(join(bin, 'grounded-language-server'), ['--version'], installDir), 'grounded-language-server --version').trim(),
      manifest.version,
    );
  });

  test('the installed grounded checks a draft against its bundled sources', () => {
    const drafts = join(installDir, 'drafts');
    mkdirSync(drafts);
    copyFileSync(join(ROOT, 'examples', 'draft.md'), join(drafts, 'draft.md'));
    const result = run(join(installDir, 'prefix', 'bin', 'grounded'), ['check', 'draft.md', '--fail-on', 'none'], drafts);
    const stdout = succeeded(result, 'grounded check');
    assert.equal(result.stderr, '', 'no problems (such as missing bundled sources) on stderr');
    assert.match(stdout, /^draft\.md: \d+ claims: \d+ supported, /m);
    // A contradiction only a bundled source can find: the installed package found sources/ beside its bundle.
    assert.match(stdout, /^draft\.md:\d+:\d+ +error +contradicted +Contradicted by "[^"]+": .*\[[\w-]+:\d+\]$/m);
  });
});
