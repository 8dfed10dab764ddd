// How every bundle is built (the shipped ones in build.mjs, the benchmark's in bench-bundled.mjs): one Node 20
// CommonJS file per entry, VS Code's API left to the host.
import { readFileSync } from 'node:fs';

/**
 * The lexicon (1.2 MB of JSON) as a string that JSON.parse reads, not as a JavaScript object literal: every start
 * compiles and runs what the bundle holds, and V8 reads a large literal several times slower as code than as JSON
 * (measured: `server.js --version` about 0.1 s less CPU).
 */
const lexiconAsJson = {
  name: 'lexicon-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]data[\\/]lexicon\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(readFileSync(args.path, 'utf8'))});`,
      loader: 'js',
    }));
  },
};

export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // Optional native add-ons that libraries try to load inside try/catch: a stub keeps the bundles free of modules
  // that do not ship (see scripts/stubs).
  alias: { 'pg-native': './scripts/stubs/pg-native.cjs' },
  plugins: [lexiconAsJson],
  logLevel: 'warning',
};
