// Bundles the entry points with esbuild; `tsc --noEmit` type-checks separately (see README, Development).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  client: 'client/src/extension.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // Optional native add-ons that libraries try to load inside try/catch: a stub keeps the bundles free of modules
  // that do not ship (see scripts/stubs).
  alias: { 'pg-native': './scripts/stubs/pg-native.cjs' },
  sourcemap: !process.argv.includes('--minify'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
