import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTextCitations, pandocKeys } from '../../server/src/markdown/citations';
import { extractClaims, type CitationResolver } from '../../server/src/markdown/extractClaims';
import type { ClaimSentence } from '../../server/src/model';

const SOURCES: Record<string, string> = {
  'ap-norway-talks': 'https://apnews.com/article/norway-talks',
  'bbc-maduro': 'https://www.bbc.com/news/maduro',
};
const resolver: CitationResolver = {
  sourceIdForKey: (key) => (key in SOURCES ? key : undefined),
  sourceIdForUrl: (url) => Object.keys(SOURCES).find((id) => SOURCES[id] === url),
};

function claims(markdown: string): ClaimSentence[] {
  return extractClaims(markdown, resolver).claims;
}

/** [kind, label, sourceId, cited text] of each citation of each claim. */
function cited(markdown: string): Array<Array<[string, string, string | undefined, string]>> {
  return claims(markdown).map((claim) =>
    claim.citations.map((c) => {
      const lines = markdown.split('\n');
      const text = lines[c.range.start.line]!.slice(c.range.start.character, c.range.end.line === c.range.start.line ? c.range.end.character : undefined);
      return [c.kind, c.label, c.sourceId, text];
    }),
  );
}

test('footnote whose definition names a source id', () => {
  assert.deepEqual(cited('Norway hosted talks.[^1]\n\n[^1]: ap-norway-talks'), [[['footnote', '1', 'ap-norway-talks', '[^1]']]]);
});

test('footnote whose definition is a Pandoc citation, or several', () => {
  assert.deepEqual(cited('Norway hosted talks.[^1]\n\n[^1]: [@ap-norway-talks]'), [[['footnote', '1', 'ap-norway-talks', '[^1]']]]);
  assert.deepEqual(cited('Norway hosted talks.[^1]\n\n[^1]: See [@ap-norway-talks; @bbc-maduro].'), [
    [
      ['footnote', '1', 'ap-norway-talks', '[^1]'],
      ['footnote', '1', 'bbc-maduro', '[^1]'],
    ],
  ]);
});

test('footnote whose definition is a URL (bare, autolink or link)', () => {
  for (const definition of [
    'https://apnews.com/article/norway-talks',
    '<https://apnews.com/article/norway-talks>',
    'AP, [“Norway says talks continue”](https://apnews.com/article/norway-talks), 2019.',
  ]) {
    assert.deepEqual(cited(`Norway hosted talks.[^a]\n\n[^a]: ${definition}`), [[['footnote', 'a', 'ap-norway-talks', '[^a]']]], definition);
  }
});

test('footnote whose definition mentions the id among other words', () => {
  assert.deepEqual(cited('Norway hosted talks.[^1]\n\n[^1]: AP story, ap-norway-talks, 2019.'), [[['footnote', '1', 'ap-norway-talks', '[^1]']]]);
});

test('footnote label that is itself a source id: a citation without a definition; with one, only its text counts', () => {
  assert.deepEqual(cited('Norway hosted talks.[^ap-norway-talks]'), [[['footnote', 'ap-norway-talks', 'ap-norway-talks', '[^ap-norway-talks]']]]);
  // The writer's own note under a label that happens to be a source id (in any case) is a note, not a citation.
  assert.deepEqual(cited('Norway hosted talks.[^ap-norway-talks]\n\n[^ap-norway-talks]: The AP story.'), [
    [['footnote', 'ap-norway-talks', undefined, '[^ap-norway-talks]']],
  ]);
  assert.deepEqual(cited('Norway hosted talks.[^AP-Norway-Talks]\n\n[^AP-Norway-Talks]: My own note'), [
    [['footnote', 'AP-Norway-Talks', undefined, '[^AP-Norway-Talks]']],
  ]);
  assert.deepEqual(cited('Norway hosted talks.[^ap-norway-talks]\n\n[^ap-norway-talks]: See ap-norway-talks.'), [
    [['footnote', 'ap-norway-talks', 'ap-norway-talks', '[^ap-norway-talks]']],
  ]);
});

test('unresolved footnotes are kept', () => {
  assert.deepEqual(cited('Norway hosted talks.[^2]\n\n[^2]: A book I read.'), [[['footnote', '2', undefined, '[^2]']]]);
  assert.deepEqual(cited('Norway hosted talks.[^nowhere]'), [[['footnote', 'nowhere', undefined, '[^nowhere]']]]);
});

test('Pandoc citations: single, with locator, several, unknown', () => {
  assert.deepEqual(cited('Norway hosted talks [@ap-norway-talks].'), [[['pandoc', 'ap-norway-talks', 'ap-norway-talks', '[@ap-norway-talks]']]]);
  assert.deepEqual(cited('Norway hosted talks [@ap-norway-talks, p. 3].'), [[['pandoc', 'ap-norway-talks', 'ap-norway-talks', '[@ap-norway-talks, p. 3]']]]);
  assert.deepEqual(cited('Norway hosted talks [@ap-norway-talks; @bbc-maduro].'), [
    [
      ['pandoc', 'ap-norway-talks', 'ap-norway-talks', '[@ap-norway-talks; @bbc-maduro]'],
      ['pandoc', 'bbc-maduro', 'bbc-maduro', '[@ap-norway-talks; @bbc-maduro]'],
    ],
  ]);
  assert.deepEqual(cited('Norway hosted talks [@smith2019].'), [[['pandoc', 'smith2019', undefined, '[@smith2019]']]]);
  assert.deepEqual(claims('Norway hosted talks [@ap-norway-talks].')[0]!.text, 'Norway hosted talks.');
});

test('Pandoc key parsing', () => {
  assert.deepEqual(pandocKeys('see @doe99, pp. 33-35; also @smith04, chap. 1'), ['doe99', 'smith04']);
  assert.deepEqual(pandocKeys('-@doe99'), ['doe99']);
  assert.deepEqual(pandocKeys('@a.b:c.'), ['a.b:c']);
  assert.deepEqual(pandocKeys('mail me at a@b.com'), []);
  assert.deepEqual(findTextCitations('Write to [a@b.com] or [the desk].'), []);
  assert.deepEqual(findTextCitations('x [^1] y [@k]'), [
    { kind: 'footnote', start: 2, end: 6, keys: ['1'] },
    { kind: 'pandoc', start: 9, end: 13, keys: ['k'] },
  ]);
});

test('links to a source URL are citations; other links are prose', () => {
  const markdown = 'Talks were held in [Oslo](https://apnews.com/article/norway-talks). Maduro spoke on [TV](https://example.com/tv).';
  const result = claims(markdown);
  assert.deepEqual(result.map((c) => c.text), ['Talks were held in Oslo.', 'Maduro spoke on TV.']);
  assert.deepEqual(cited(markdown), [[['link', 'https://apnews.com/article/norway-talks', 'ap-norway-talks', '[Oslo](https://apnews.com/article/norway-talks)']], []]);
});

test('reference links and bare URLs to a source are citations', () => {
  const markdown = 'Talks were held in [Oslo][ap]. Maduro spoke (<https://www.bbc.com/news/maduro>).\n\n[ap]: https://apnews.com/article/norway-talks\n';
  const result = claims(markdown);
  assert.deepEqual(result.map((c) => c.text), ['Talks were held in Oslo.', 'Maduro spoke.']);
  assert.deepEqual(cited(markdown), [
    [['link', 'https://apnews.com/article/norway-talks', 'ap-norway-talks', '[Oslo][ap]']],
    [['link', 'https://www.bbc.com/news/maduro', 'bbc-maduro', '<https://www.bbc.com/news/maduro>']],
  ]);
});

test('a citation after the closing punctuation belongs to that sentence', () => {
  const markdown = 'The talks began.[^1] They ended. [@bbc-maduro] Cuba objected [@ap-norway-talks].\n\n[^1]: ap-norway-talks';
  const result = claims(markdown);
  assert.deepEqual(result.map((c) => markdown.slice(c.startOffset, c.endOffset)), [
    'The talks began.[^1]',
    'They ended. [@bbc-maduro]',
    'Cuba objected [@ap-norway-talks].',
  ]);
  assert.deepEqual(result.map((c) => c.citations.map((x) => x.sourceId)), [['ap-norway-talks'], ['bbc-maduro'], ['ap-norway-talks']]);
});

test('citations inside a sentence and several after it', () => {
  const markdown = 'Norway[^1] hosted talks in Oslo.[^2][^3]\n\n[^1]: ap-norway-talks\n[^2]: bbc-maduro\n[^3]: unknown';
  const [claim] = claims(markdown);
  assert.equal(markdown.slice(claim!.startOffset, claim!.endOffset), 'Norway[^1] hosted talks in Oslo.[^2][^3]');
  assert.deepEqual(claim!.citations.map((c) => [c.label, c.sourceId]), [
    ['1', 'ap-norway-talks'],
    ['2', 'bbc-maduro'],
    ['3', undefined],
  ]);
  assert.equal(claim!.text, 'Norway hosted talks in Oslo.');
});
