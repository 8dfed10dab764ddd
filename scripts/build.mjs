// Bundles the entry points with esbuild; `tsc --noEmit` type-checks separately (see README, Development).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { BUNDLE_OPTIONS } from './bundleOptions.mjs';

const entries = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  client: 'client/src/extension.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// citation-js (1.4 MB with citeproc-js and the fetch libraries its core brings) in bundles of its own beside the
// others, which only name them: every start compiles all of a bundle, and only writing a bibliography or a footnote,
// or reading a .bib file, runs citation-js (measured: `server.js --version` 20 % less CPU). The plugins name the one
// core, whose registry they fill.
const CITATION_BUNDLES = { '@citation-js/core': 'citation-core', '@citation-js/plugin-bibtex': 'citation-bibtex', '@citation-js/plugin-csl': 'citation-csl' };
const citationBundles = (own) => ({
  name: 'citation-bundles',
  setup(bundler) {
    bundler.onResolve({ filter: /^@citation-js\/(core|plugin-bibtex|plugin-csl)$/ }, (args) =>
      args.path === own ? undefined : { path: `./${CITATION_BUNDLES[args.path]}.js`, external: true });
  },
});

const shared = {
  ...BUNDLE_OPTIONS,
  outdir: 'dist',
  sourcemap: !process.argv.includes('--minify'),
  minify: process.argv.includes('--minify'),
};
await Promise.all([
  build({ ...shared, entryPoints, plugins: [...BUNDLE_OPTIONS.plugins, citationBundles(undefined)] }),
  ...Object.entries(CITATION_BUNDLES).map(([name, bundle]) =>
    build({ ...shared, entryPoints: { [bundle]: name }, plugins: [...BUNDLE_OPTIONS.plugins, citationBundles(name)] })),
]);
