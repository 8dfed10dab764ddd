import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractClaims, NO_SOURCES, type CitationResolver } from '../../server/src/markdown/extractClaims';
import { LineIndex } from '../../server/src/markdown/positions';
import type { DraftClaims } from '../../server/src/model';

const SOURCES: Record<string, string> = {
  'ap-norway-barbados-talks': 'https://apnews.com/article/norway-talks',
  'bbc-maduro-secret-talks-us': 'https://www.bbc.com/news/maduro',
};
const resolver: CitationResolver = {
  sourceIdForKey: (key) => (key in SOURCES ? key : undefined),
  sourceIdForUrl: (url) => Object.keys(SOURCES).find((id) => SOURCES[id] === url),
};

function extract(markdown: string): DraftClaims {
  return extractClaims(markdown, resolver);
}

function claimTexts(markdown: string): string[] {
  return extract(markdown).claims.map((c) => c.text);
}

/** Every claim's offsets and LSP range agree with each other and with the document. */
function assertConsistent(markdown: string, result: DraftClaims): void {
  const lines = new LineIndex(markdown);
  for (const claim of result.claims) {
    assert.deepEqual(claim.range.start, lines.positionAt(claim.startOffset));
    assert.deepEqual(claim.range.end, lines.positionAt(claim.endOffset));
    assert.ok(claim.blockStartOffset <= claim.startOffset);
  }
}

const fixture = readFileSync(new URL('../fixtures/markdown/draft.md', import.meta.url), 'utf8');

test('fixture draft: claims, skipped sentences and citations', () => {
  const result = extract(fixture);
  assertConsistent(fixture, result);
  assert.deepEqual(
    result.claims.map((c) => c.text),
    [
      'U.S. National Security Adviser John Bolton said on Aug. 6 that Mr. Maduro must go.',
      'Talks in Oslo, hosted by Norway, resumed on Monday.',
      'More than 50 nations recognise Guaidó as president.',
      "Russia, Cuba and Turkey back Maduro's government.",
      'Maduro said he was ready to speak directly with President Donald Trump.',
      'Norway',
      'Mediator since May 2019.',
      'Run to see the result, or read the HTML note.',
    ],
  );
  assert.deepEqual(
    result.skipped.map((s) => [s.reason, s.text]),
    [
      ['framing', 'In this piece we look at the mediation.'],
      ['question', 'Will the talks succeed?'],
      ['prediction', 'Only time will tell whether the mediation works.'],
    ],
  );
  const [bolton, oslo] = result.claims;
  assert.equal(fixture.slice(bolton!.startOffset, bolton!.endOffset), 'U.S. National Security Adviser John Bolton said on Aug. 6 that *Mr. Maduro* must go.[^1]');
  assert.deepEqual(bolton!.citations.map((c) => [c.kind, c.label, c.sourceId]), [['footnote', '1', 'ap-norway-barbados-talks']]);
  assert.equal(
    fixture.slice(oslo!.startOffset, oslo!.endOffset),
    'Talks in Oslo, hosted by [Norway](https://apnews.com/article/norway-talks), resumed on Monday [@ap-norway-barbados-talks, p. 3].',
  );
  assert.deepEqual(oslo!.citations.map((c) => [c.kind, c.label, c.sourceId]), [
    ['link', 'https://apnews.com/article/norway-talks', 'ap-norway-barbados-talks'],
    ['pandoc', 'ap-norway-barbados-talks', 'ap-norway-barbados-talks'],
  ]);
  assert.deepEqual(result.claims[3]!.citations.map((c) => [c.kind, c.label, c.sourceId]), [['footnote', 'bbc-maduro-secret-talks-us', 'bbc-maduro-secret-talks-us']]);
});

test('ranges are exact: offsets, slices and LSP positions', () => {
  const markdown = 'Intro line.\n\nThe talks began.[^1] Then **they** stopped.\n\n[^1]: ap-norway-barbados-talks\n';
  const result = extract(markdown);
  assertConsistent(markdown, result);
  const [intro, began, stopped] = result.claims;
  assert.equal(markdown.slice(intro!.startOffset, intro!.endOffset), 'Intro line.');
  assert.equal(markdown.slice(began!.startOffset, began!.endOffset), 'The talks began.[^1]');
  assert.deepEqual(began!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } });
  assert.equal(began!.text, 'The talks began.');
  assert.equal(markdown.slice(stopped!.startOffset, stopped!.endOffset), 'Then **they** stopped.');
  assert.equal(stopped!.text, 'Then they stopped.');
  assert.equal(began!.blockStartOffset, markdown.indexOf('The talks'));
  assert.equal(stopped!.blockStartOffset, markdown.indexOf('The talks'));
  assert.deepEqual(began!.citations[0]!.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 20 } });
});

test('ranges with emoji and CRLF line endings', () => {
  const markdown = '# Title 😀\r\n\r\nFlags 🇳🇴 flew in Oslo.\r\nThe talks began 😀 on\r\nMonday [@ap-norway-barbados-talks].\r\n';
  const result = extract(markdown);
  assertConsistent(markdown, result);
  const [flags, talks] = result.claims;
  assert.equal(markdown.slice(flags!.startOffset, flags!.endOffset), 'Flags 🇳🇴 flew in Oslo.');
  assert.deepEqual(flags!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 'Flags 🇳🇴 flew in Oslo.'.length } });
  assert.equal(markdown.slice(talks!.startOffset, talks!.endOffset), 'The talks began 😀 on\r\nMonday [@ap-norway-barbados-talks].');
  assert.deepEqual(talks!.range, { start: { line: 3, character: 0 }, end: { line: 4, character: 35 } });
  assert.equal(talks!.text, 'The talks began 😀 on Monday.');
  assert.deepEqual(talks!.citations[0]!.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 34 } });
});

test('a sentence spans soft line breaks; markup at its edges is inside its range', () => {
  const markdown = '*The talks in Oslo\nbegan on Monday.* They ended on\nTuesday.';
  const result = extract(markdown);
  assert.deepEqual(result.claims.map((c) => markdown.slice(c.startOffset, c.endOffset)), ['*The talks in Oslo\nbegan on Monday.*', 'They ended on\nTuesday.']);
  assert.deepEqual(result.claims.map((c) => c.text), ['The talks in Oslo began on Monday.', 'They ended on Tuesday.']);
  assert.deepEqual(result.claims[1]!.range, { start: { line: 1, character: 18 }, end: { line: 2, character: 8 } });
});

test('block quotes over several lines map through the quote markers', () => {
  const markdown = '> Maduro said he was ready\n> to talk. Norway agreed\n> on Friday.\n';
  const result = extract(markdown);
  assertConsistent(markdown, result);
  assert.deepEqual(result.claims.map((c) => markdown.slice(c.startOffset, c.endOffset)), ['Maduro said he was ready\n> to talk.', 'Norway agreed\n> on Friday.']);
  assert.deepEqual(result.claims.map((c) => c.text), ['Maduro said he was ready to talk.', 'Norway agreed on Friday.']);
});

test('escapes and entities are decoded in the text, whole in the range', () => {
  const markdown = 'Talks cost \\$5 million &amp; more. Norway&nbsp;agreed.';
  const result = extract(markdown);
  assert.deepEqual(result.claims.map((c) => c.text), ['Talks cost $5 million & more.', 'Norway agreed.'] /* NBSP normalised to a space */);
  assert.deepEqual(result.claims.map((c) => markdown.slice(c.startOffset, c.endOffset)), ['Talks cost \\$5 million &amp; more.', 'Norway&nbsp;agreed.']);
});

test('excluded: code blocks, inline code, HTML, front matter, URLs, footnote definitions, headings', () => {
  const markdown = [
    '---',
    'title: 70 countries back Guaidó',
    '---',
    '',
    '# Heading: 70 countries back Guaidó',
    '',
    'Setext heading says 12 ministers resigned',
    '-----------------------------------------',
    '',
    '```',
    'Fenced code says 99 countries agree.',
    '```',
    '',
    '    Indented code says 98 countries agree.',
    '',
    '<div>',
    'An HTML block says 97 countries agree.',
    '</div>',
    '',
    'The `inline code` value was dropped. See https://example.com/a for details.',
    '',
    'Read [the report](https://example.com/b "Title 96") now.',
    '',
    '![An image says 95 countries agree](pic.png) Norway agreed.',
    '',
    'Norway mediated.[^n]',
    '',
    '[^n]: The footnote says 94 countries agree.',
    '',
    '[ref]: https://example.com/c',
  ].join('\n');
  const texts = claimTexts(markdown);
  assert.deepEqual(texts, ['The value was dropped.', 'See for details.', 'Read the report now.', 'Norway agreed.', 'Norway mediated.']);
  const all = JSON.stringify(extract(markdown));
  for (const hidden of ['70 countries', '12 ministers', '99', '98', '97', '96', '95', '94', 'example.com/a', 'inline code']) {
    assert.ok(!all.includes(hidden), hidden);
  }
});

test('TOML front matter is excluded too', () => {
  assert.deepEqual(claimTexts('+++\ntitle = "70 countries back Guaidó"\n+++\n\nNorway agreed.\n'), ['Norway agreed.']);
});

test('struck-out text is dropped', () => {
  assert.deepEqual(claimTexts('The talks began on ~~Monday~~ Tuesday.'), ['The talks began on Tuesday.']);
});

test('included: list items, nested lists, block quotes, table body cells (not the header row)', () => {
  const markdown = [
    '- Norway hosted the talks.',
    '  - Barbados hosted a later round.',
    '1. Maduro attended.',
    '',
    '> Guaidó declined.',
    '>',
    '> > Bolton spoke.',
    '',
    '- [x] Cuba objected.',
    '',
    '| Country | Role |',
    '|---------|------|',
    '| Norway hosted talks. | Mediator **since 2019**. |',
  ].join('\n');
  const result = extract(markdown);
  assert.deepEqual(result.claims.map((c) => c.text), [
    'Norway hosted the talks.',
    'Barbados hosted a later round.',
    'Maduro attended.',
    'Guaidó declined.',
    'Bolton spoke.',
    'Cuba objected.',
    'Norway hosted talks.',
    'Mediator since 2019.',
  ]);
  const cell = result.claims[7]!;
  assert.equal(markdown.slice(cell.startOffset, cell.endOffset), 'Mediator **since 2019**.');
  assert.equal(cell.blockStartOffset, cell.startOffset);
  // A list item's paragraphs share the list item as their block.
  const item = result.claims[0]!;
  assert.equal(item.blockStartOffset, 0);
  assert.equal(item.startOffset, 2);
});

test('an empty draft and a draft of only markup give nothing', () => {
  assert.deepEqual(extract(''), { claims: [], skipped: [] });
  assert.deepEqual(extract('# Title\n\n```\ncode\n```\n\n---\n'), { claims: [], skipped: [] });
  assert.deepEqual(extract('[^1]\n\n[^1]: ap-norway-barbados-talks'), { claims: [], skipped: [] });
});

test('works without any known source', () => {
  const result = extractClaims('Norway agreed.[^1]\n\n[^1]: somewhere', NO_SOURCES);
  assert.equal(result.claims[0]!.citations[0]!.sourceId, undefined);
});

test('inline HTML tags are dropped, the text between them stays; <br> separates words', () => {
  assert.deepEqual(claimTexts('Norway <span class="x">hosted</span> the talks.<br>Cuba<br/>objected.'), ['Norway hosted the talks.', 'Cuba objected.']);
});

test('a link over two sentences: each sentence keeps its own range', () => {
  const markdown = '[The talks began. They ended.](https://example.com/x) Cuba objected.';
  const result = extract(markdown);
  assert.deepEqual(result.claims.map((c) => markdown.slice(c.startOffset, c.endOffset)), [
    '[The talks began.',
    'They ended.](https://example.com/x)',
    'Cuba objected.',
  ]);
});

test('a hard line break inside a sentence is whitespace', () => {
  const markdown = 'The talks began  \non Monday.\\\nThen they ended.';
  const result = extract(markdown);
  assert.deepEqual(result.claims.map((c) => c.text), ['The talks began on Monday.', 'Then they ended.']);
  assert.deepEqual(result.claims.map((c) => markdown.slice(c.startOffset, c.endOffset)), ['The talks began  \non Monday.', 'Then they ended.']);
});
