// Who did what to whom: a claim that reuses its passage's words with the roles changed is not supported, and says
// which word stands in the wrong role; the same roles in the other voice are. The passage (sources/
// ap-norway-barbados-talks.md): "Maduro has resisted calls to step down and has accused his opponents of stirring up
// violence"; "The Trump administration has already included Maduro … on its sanctions list."
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

test('the doer and the undergoer swapped: unsupported, naming both', () => {
  const verdict = engine.checkClaim('Maduro has included the Trump administration on its sanctions list.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['Maduro', 'administration']);
  assert.match(verdict.reason, /No source backs "Maduro" and "administration" in that role/);
});

test('the passage\'s undergoer made the doer: unsupported', () => {
  const verdict = engine.checkClaim('His opponents have accused Maduro of stirring up violence in Venezuela.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['opponents']);
});

test('an object pronoun still has its role read: "Opponents of Maduro have accused him"', () => {
  const verdict = engine.checkClaim('Opponents of Maduro have accused him of stirring up violence.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['Opponents']);
});

test('a passive whose agent is the passage\'s undergoer: unsupported', () => {
  const verdict = engine.checkClaim('Maduro was accused by his opponents of stirring up violence in Venezuela.');
  assert.equal(verdict.verdict, 'unsupported', verdict.reason);
  assert.deepEqual(verdict.unbacked, ['opponents']);
});

test('the passage\'s roles in either voice: supported', () => {
  for (const claim of [
    'Maduro has accused his opponents of stirring up violence in Venezuela.',
    'His opponents were accused by Maduro of stirring up violence in Venezuela.',
    'The Trump administration has included Maduro on its sanctions list.',
    'Maduro has been included on its sanctions list by the Trump administration.',
  ]) {
    const verdict = engine.checkClaim(claim);
    assert.equal(verdict.verdict, 'supported', `${claim}: ${verdict.reason}`);
  }
});

test('a verb without its object or with a clause for one is not read for roles', () => {
  // "said" reports a clause; "resisted calls" keeps its order.
  assert.equal(engine.checkClaim("Norway's foreign ministry said the talks would continue.").verdict, 'supported');
  assert.equal(engine.checkClaim('Maduro has resisted calls to step down.').verdict, 'supported');
  const swapped = engine.checkClaim('Calls to step down have resisted Maduro.');
  assert.equal(swapped.verdict, 'unsupported', swapped.reason);
});
