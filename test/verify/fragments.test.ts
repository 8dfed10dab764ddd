// A claim that is not a sentence states nothing a source can back, however many of its words the passage has: no finite
// verb, or a verb with no subject, is unsupported, and the reason says so. Sentences whose verb the small reader must
// find past a plural subject, a quantity or an opening phrase stay supported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

test('no finite verb: unsupported, quoting the fragment', () => {
  for (const claim of [
    'Talks between the government and the opposition on the Caribbean island of Barbados.',
    'Continuing their negotiations in Barbados.',
    // "led" before "by" is a participle, not the sentence's verb.
    'The opposition led by Juan Guaido.',
  ]) {
    const verdict = engine.checkClaim(claim);
    assert.equal(verdict.verdict, 'unsupported', `${claim}: ${verdict.reason}`);
    assert.match(verdict.reason, /is not a sentence \(no verb with a subject\)/);
    assert.ok(verdict.reason.includes(`"${claim}"`), verdict.reason);
  }
});

test('a verb with no subject: unsupported', () => {
  const verdict = engine.checkClaim('Has accused his opponents of stirring up violence in Venezuela.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.match(verdict.reason, /is not a sentence/);
});

test('whole sentences stay supported', () => {
  for (const claim of [
    'Maduro has accused his opponents of stirring up violence in Venezuela.',
    'More than 50 nations recognize Guaido as Venezuela\'s president.',
    'In previous meetings in Barbados, Venezuela\'s opposition has continued to push for an early presidential election.',
  ]) {
    const verdict = engine.checkClaim(claim);
    assert.equal(verdict.verdict, 'supported', `${claim}: ${verdict.reason}`);
  }
});
