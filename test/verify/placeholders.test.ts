// A generator's placeholder for a word it could not spell ("UNK", "<unk>") is an unknown word, not a name: it never
// contradicts the passage's name in its place, and nothing backs it. The article is written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimAgainstText } from '../../server/src/engine';
import { withoutPlaceholders } from '../../server/src/verify/placeholders';

const ARTICLE = 'Dana Whitlow, 52, will be confirmed as Ravensworth Rovers manager on Friday after six weeks in caretaker charge.';

test('placeholders are read as a plain word, other capitals left alone', () => {
  assert.equal(withoutPlaceholders('UNK UNK , 52 , will be confirmed as <unk> manager .'), 'unk unk , 52 , will be confirmed as unk manager .');
  assert.equal(withoutPlaceholders('UNKNOWN soldiers and Unk Road'), 'UNKNOWN soldiers and Unk Road');
});

test('a placeholder where the passage has a name: not contradicted, and not supported', () => {
  for (const claim of [
    'UNK UNK , 52 , will be confirmed as ravensworth rovers manager on friday .',
    'dana whitlow , 52 , will be confirmed as <unk> rovers manager on friday .',
  ]) {
    const verdict = checkClaimAgainstText(claim, ARTICLE);
    assert.equal(verdict.verdict === 'contradicted', false, `${claim}: ${verdict.reason}`);
    assert.equal(verdict.verdict === 'supported' && !verdict.unbacked?.includes('unk'), false, `${claim}: ${verdict.reason}`);
  }
});
