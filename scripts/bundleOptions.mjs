// How every bundle is built (the shipped ones in build.mjs, the benchmark's in bench-bundled.mjs): one Node 20
// CommonJS file per entry, VS Code's API left to the host.
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // Optional native add-ons that libraries try to load inside try/catch: a stub keeps the bundles free of modules
  // that do not ship (see scripts/stubs).
  alias: { 'pg-native': './scripts/stubs/pg-native.cjs' },
  logLevel: 'warning',
};
