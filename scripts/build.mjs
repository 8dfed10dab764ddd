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
  sourcemap: !process.argv.includes('--minify'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
});
