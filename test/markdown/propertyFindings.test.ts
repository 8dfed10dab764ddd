// Sentences around an emoji and other shapes found by the property tests (test/reliability/properties.test.ts).
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

test('a document that opens with a thematic break keeps its footnote definitions out of the claims', () => {
  // An opening `---` that no fence closes is a thematic break, not front matter; parsed as the start of front matter,
  // the definitions below came out as paragraphs (found by the property tests).
  for (const lineBreak of ['\n', '\r\n']) {
    const text = ['---', '', 'Maduro spoke on Monday.[^ap]', '', '[^ap]: Norway says the talks will continue. AP.', ''].join(lineBreak);
    assert.deepEqual(extractClaims(text, NO_SOURCES).claims.map((claim) => claim.text), ['Maduro spoke on Monday.']);
  }
  // Front matter that is closed stays front matter.
  const withFrontMatter = '---\ntitle: Talks\n---\n\nMaduro spoke on Monday.[^ap]\n\n[^ap]: Norway says the talks will continue. AP.\n';
  assert.deepEqual(extractClaims(withFrontMatter, NO_SOURCES).claims.map((claim) => claim.text), ['Maduro spoke on Monday.']);
});
