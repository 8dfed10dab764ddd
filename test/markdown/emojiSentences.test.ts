// Sentences around an emoji, found by the property tests (test/reliability/properties.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';

const sentencesOf = (text: string) => extractClaims(text, NO_SOURCES).claims.map((claim) => text.slice(claim.startOffset, claim.endOffset));

test('an emoji after a stop, then a soft line break: the next line starts a new sentence', () => {
  for (const lineBreak of ['\n', '\r\n', '\r']) {
    const text = `Maduro spoke on Monday. 🎉${lineBreak}Guaidó answered on Tuesday.`;
    assert.deepEqual(sentencesOf(text), ['Maduro spoke on Monday. 🎉', 'Guaidó answered on Tuesday.'], JSON.stringify(lineBreak));
  }
});

test('a Pandoc citation before the stop leaves a trailing emoji in the sentence, as without it', () => {
  // Without the citation the emoji belongs to the sentence; Cite (pandoc) writes " [@id]" before the stop, and the
  // sentence's text must not change (its verdict and accepted-claim hash are keyed by it).
  assert.deepEqual(extractClaims('Maduro spoke on Monday. 🎉', NO_SOURCES).claims.map((claim) => claim.text), ['Maduro spoke on Monday. 🎉']);
  const cited = 'Maduro spoke on Monday [@ap-norway-barbados-talks]. 🎉';
  const result = extractClaims(cited, NO_SOURCES);
  assert.deepEqual(result.claims.map((claim) => claim.text), ['Maduro spoke on Monday. 🎉']);
  assert.deepEqual(result.skipped, []);
});
