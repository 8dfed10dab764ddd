import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, loadProjectConfig, parseProjectConfig } from '../../server/src/config/projectConfig';
import { STARTER_CONFIG } from '../../server/src/config/starter';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';

const root = mkdtempSync(join(tmpdir(), 'grounded-starter-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the starter config parses without a problem, and pins the default settings', () => {
  const { config, problems } = parseProjectConfig(STARTER_CONFIG, '/project/.grounded.yaml');
  assert.deepEqual(problems, []);
  assert.deepEqual(config.severity, DEFAULT_SETTINGS.severity);
  assert.equal(config.citationStyle, DEFAULT_SETTINGS.citationStyle);
  assert.deepEqual(config.sources, { includeBundled: DEFAULT_SETTINGS.sources.includeBundled });
  assert.deepEqual(config.drafts, { include: ['**/*.md', '**/*.markdown'], exclude: [] });
  assert.deepEqual(config.accepted, []);
});

test('the starter config loads without a problem in a project that has no sources folder yet', () => {
  const path = join(root, CONFIG_FILE_NAME);
  writeFileSync(path, STARTER_CONFIG);
  assert.deepEqual(loadProjectConfig(path).problems, []);
});

test('every key of the starter is explained by a comment line above it', () => {
  const rows = STARTER_CONFIG.split('\n');
  rows.forEach((row, index) => {
    if (/^\s*[\w-]+:/.test(row) && !/^\s*#/.test(row)) {
      const above = rows[index - 1] ?? '';
      const isSection = /^\w+:\s*$/.test(row);
      assert.ok(/^\s*#/.test(above) || (isSection && /^\s+#/.test(rows[index + 1] ?? '')), `no comment for: ${row}`);
    }
  });
});
