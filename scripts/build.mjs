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

await build({
  ...BUNDLE_OPTIONS,
  entryPoints,
  outdir: 'dist',
  sourcemap: !process.argv.includes('--minify'),
  minify: process.argv.includes('--minify'),
});
