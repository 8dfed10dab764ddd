// A bibliography entry with no source file ("no text") is metadata without evidence: it never backs a claim, never
// appears as a library source in the CLI's JSON or SARIF report or among the editor's sources (the Sources view lists
// it apart, as having no text), and a citation of its key names no source.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourcesRequest, type SourcesResult } from '../../server/src/protocol';
import { ROOT, ensureBuilt, grounded } from '../cli/run';
import { LspClient } from '../lsp/harness';

const CSL = join(ROOT, 'test', 'fixtures', 'sources', 'bibliography', 'csl');
const GHOST = 'ghost-bridge-closure';
// The ghost entry's own title as a claim, citing its key: only its metadata could "back" it.
const DRAFT = `The Orrin bridge closes for a year [@${GHOST}].\n`;

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'grounded-no-text-'));
  writeFileSync(join(dir, 'draft.md'), DRAFT);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('JSON report: not among the sources, never evidence; its key names no source', () => {
  const run = grounded(['check', 'draft.md', '--sources', CSL, '--format', 'json', '--fail-on', 'none'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    sources: { id: string; path: string }[];
    files: { claims: { verdict: string; evidence: { sourceId: string }[]; citations: { label: string; sourceId?: string }[] }[] }[];
  };
  assert.ok(report.sources.length > 0);
  assert.ok(!report.sources.some((source) => source.id === GHOST || source.path.endsWith('.json')), JSON.stringify(report.sources.map((s) => s.id)));
  const [claim] = report.files[0]!.claims;
  assert.notEqual(claim!.verdict, 'supported');
  assert.ok(!claim!.evidence.some((evidence) => evidence.sourceId === GHOST));
  assert.deepEqual(claim!.citations.map((citation) => [citation.label, citation.sourceId]), [[GHOST, undefined]]);
});

test('SARIF: nothing points at the entry or at the bibliography file', () => {
  const run = grounded(['check', 'draft.md', '--sources', CSL, '--format', 'sarif', '--fail-on', 'none'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.includes('draft.md'));
  assert.ok(!run.stdout.includes('zotero.json'), 'the bibliography file is no evidence location');
  const sarif = JSON.parse(run.stdout) as { runs: { results: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const related = sarif.runs[0]!.results.flatMap((result) => result.relatedLocations ?? []).map((l) => l.physicalLocation.artifactLocation.uri);
  assert.ok(!related.some((uri) => uri.includes(GHOST) || uri.endsWith('.json')), JSON.stringify(related));
});

test('the Sources view lists the source files as sources, and the entry apart, as without text', async () => {
  const client = await LspClient.start({ settings: (settings) => (settings.sources.paths = [CSL]) });
  try {
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    await client.openAndWait(uri, DRAFT);
    const result = await client.request<SourcesResult>(SourcesRequest.method);
    const ids = result.sources.map((source) => source.id);
    assert.ok(ids.includes('ferry-strike-vote'), JSON.stringify(ids));
    assert.ok(!ids.includes(GHOST), JSON.stringify(ids));
    assert.ok(!result.sources.some((source) => source.uri.endsWith('.json')));
    const ghost = result.withoutText.find((entry) => entry.id === GHOST);
    assert.ok(ghost, JSON.stringify(result.withoutText));
    assert.ok(ghost.uri.endsWith('.json'), 'the entry points at its bibliography file');
    assert.ok(!result.withoutText.some((entry) => ids.includes(entry.id)), 'an entry with text is a source, not listed again');
  } finally {
    await client.stop();
  }
});
