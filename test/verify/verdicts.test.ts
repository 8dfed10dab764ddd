// The engine on inline-annotated drafts: each claim's line says the verdict it must get
// (`<!-- expect: contradicted source="Peru" -->`), markdownlint-style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { EXPECT } from '../fixtures/verdictAnnotations';

const fixtures = join(__dirname, '..', 'fixtures', 'verdicts');
const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.md'))) {
  const markdown = readFileSync(join(fixtures, file), 'utf8');
  const lines = markdown.split('\n');
  const report = engine.checkDraft(markdown, file);

  test(`${file}: every annotated line holds exactly one claim`, () => {
    const annotated = lines.flatMap((line, i) => (EXPECT.test(line) ? [i] : []));
    assert.deepEqual(report.claims.map((c) => c.range.start.line), annotated);
  });

  for (const claim of report.claims) {
    const expectation = EXPECT.exec(lines[claim.range.start.line]);
    if (!expectation) continue;
    const [, verdict, sourceWords] = expectation;
    test(`${file}:${claim.range.start.line + 1} ${verdict}: ${claim.text}`, () => {
      assert.equal(claim.verdict, verdict, claim.reason);
      if (sourceWords) assert.equal(claim.conflict?.source, sourceWords, claim.reason);
      if (verdict !== 'supported') assert.match(claim.reason, /"[^"]+"/, 'the reason names the detail at fault');
    });
  }
}
