// Runs scripts/bench.ts as the product runs the engine: bundled by esbuild (as dist/cli.js and dist/server.js are),
// not through tsx, whose per-module wrappers make the same code 30–40 % slower. The bundle goes to dist/bench.cjs,
// beside the shipped bundles (so the paths it finds from its own folder are theirs) but never packaged.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { BUNDLE_OPTIONS } from './bundleOptions.mjs';

await build({ ...BUNDLE_OPTIONS, entryPoints: ['scripts/bench.ts'], outfile: 'dist/bench.cjs' });
const run = spawnSync(process.execPath, ['dist/bench.cjs'], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
