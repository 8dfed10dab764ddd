// Bundles the extension-host suites (test/vscode/suites/*.suite.ts) with esbuild into one CommonJS module exporting
// `run()`, the `extensionTestsPath` both runners hand to VS Code. `vscode` is provided by the extension host; mocha is
// left external, required by its absolute path in the project's node_modules (it loads its reporters dynamically,
// which bundling would break), so the bundle can live in the run's temp folder. Each suite is `require`d lazily by
// the entry, after mocha set up the TDD functions.
import { build, type Plugin } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const VSCODE_TEST_DIR = __dirname;
export const SUITES_DIR = join(__dirname, 'suites');

export function suiteFiles(): string[] {
  return readdirSync(SUITES_DIR)
    .filter((name) => name.endsWith('.suite.ts'))
    .sort();
}

/** `mocha` → `require("/abs/node_modules/mocha/index.js")`, left out of the bundle. */
const mochaFromProject: Plugin = {
  name: 'mocha-from-project',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, () => ({ path: require.resolve('mocha'), external: true }));
  },
};

/** Writes `<outDir>/index.js` and returns `outDir`. */
export async function bundleSuites(outDir: string): Promise<string> {
  const loaders = suiteFiles()
    .map((name) => `  [${JSON.stringify(name)}, () => require(${JSON.stringify(`./suites/${name}`)})],`)
    .join('\n');
  await build({
    stdin: {
      contents: `const { runSuites } = require('./index.ts');\nexports.run = () => runSuites([\n${loaders}\n]);\n`,
      resolveDir: VSCODE_TEST_DIR,
      sourcefile: 'suites-entry.js',
      loader: 'js',
    },
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    plugins: [mochaFromProject],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outDir;
}
