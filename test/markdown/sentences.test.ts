import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ABBREVIATIONS, splitSentences } from '../../server/src/text/sentences';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

test('splits on . ! ? followed by a capital, digit or opening quote', () => {
  assert.deepEqual(split('The talks began. They ended! Did they? 70 countries agreed. “Yes,” he said.'), [
    'The talks began.',
    'They ended!',
    'Did they?',
    '70 countries agreed.',
    '“Yes,” he said.',
  ]);
});

test('does not split before a lower-case word', () => {
  assert.deepEqual(split('He said no. and left.'), ['He said no. and left.']);
  assert.deepEqual(split('“Will it work?” he asked.'), ['“Will it work?” he asked.']);
});

test('spans are trimmed offsets into the text', () => {
  const text = '  First one.   Second one.  ';
  assert.deepEqual(splitSentences(text), [
    { start: 2, end: 12 },
    { start: 15, end: 26 },
  ]);
});

test('empty and blank text give no sentence', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences('   \n  '), []);
});

test('never splits after titles and Latin shorthands', () => {
  for (const text of [
    'Mr. Maduro spoke on television.',
    'Dr. Kujala led the study.',
    'Gen. Padrino backed the government.',
    'Sen. Rubio criticised the plan.',
    'Rep. Smith voted against it.',
    'Gov. Abbott declined to comment.',
    'Some countries, e.g. Norway, offered to mediate.',
    'One country, i.e. Norway, hosted the talks.',
    'It was Maduro vs. Guaidó in the end.',
    'Prof. Smith and Mrs. Jones attended.',
  ]) {
    assert.deepEqual(split(text), [text], text);
  }
});

test('keeps "U.S." before a title or name, splits before a sentence starter', () => {
  assert.deepEqual(split('U.S. National Security Adviser John Bolton will attend.'), ['U.S. National Security Adviser John Bolton will attend.']);
  assert.deepEqual(split('The U.S. President spoke.'), ['The U.S. President spoke.']);
  assert.deepEqual(split('The U.S. administration agreed.'), ['The U.S. administration agreed.']);
  assert.deepEqual(split('He lives in the U.S. The next day he left.'), ['He lives in the U.S.', 'The next day he left.']);
  assert.deepEqual(split('Sanctions came from the U.S. He objected.'), ['Sanctions came from the U.S.', 'He objected.']);
});

test('months, numbers, places and companies', () => {
  for (const text of [
    'The conference opens on Aug. 6 in Lima.',
    'It began in Jan. 2019 and ended later.',
    'He was ranked No. 1 in the poll.',
    'The team moved to St. Louis last year.',
    'Apple Inc. said it would comply.',
    'Citgo Corp. filed for protection.',
    'See p. 3 for details.',
  ]) {
    assert.deepEqual(split(text), [text], text);
  }
  assert.deepEqual(split('The deal was signed by Acme Inc. The shares rose.'), ['The deal was signed by Acme Inc.', 'The shares rose.']);
  assert.deepEqual(split('He said no. The talks ended.'), ['He said no.', 'The talks ended.']);
});

test('initials, decimals and ellipses inside quotes', () => {
  assert.deepEqual(split('J. R. R. Tolkien wrote it.'), ['J. R. R. Tolkien wrote it.']);
  assert.deepEqual(split('John F. Kennedy and J. A. Smith met.'), ['John F. Kennedy and J. A. Smith met.']);
  assert.deepEqual(split('Inflation hit 3.5 percent. Prices rose.'), ['Inflation hit 3.5 percent.', 'Prices rose.']);
  assert.deepEqual(split('“We will wait… We will see,” he said. Then he left.'), ['“We will wait… We will see,” he said.', 'Then he left.']);
  assert.deepEqual(split('"We will wait... We will see," he said.'), ['"We will wait... We will see," he said.']);
  assert.deepEqual(split('Talks stalled... Then Norway stepped in.'), ['Talks stalled...', 'Then Norway stepped in.']);
});

test('splits after a closing quote or bracket that follows the stop', () => {
  assert.deepEqual(split('He said: “The talks failed.” Then he left.'), ['He said: “The talks failed.”', 'Then he left.']);
  assert.deepEqual(split('(The talks failed.) Then he left.'), ['(The talks failed.)', 'Then he left.']);
  assert.deepEqual(split('It is over. "We lost," he said.'), ['It is over.', '"We lost," he said.']);
});

test('a single newline is whitespace, a blank line is a paragraph break', () => {
  assert.deepEqual(split('The talks\nbegan on Monday. They\nended.'), ['The talks\nbegan on Monday.', 'They\nended.']);
  assert.deepEqual(split('No stop here\n\nnext paragraph'), ['No stop here', 'next paragraph']);
  assert.deepEqual(split('No stop here\r\n\r\nnext paragraph'), ['No stop here', 'next paragraph']);
});

test('astral characters keep UTF-16 offsets', () => {
  const text = 'Flags 🇳🇴 flew. Talks began.';
  const spans = splitSentences(text);
  assert.equal(text.slice(spans[1]!.start, spans[1]!.end), 'Talks began.');
  assert.equal(spans[1]!.start, 'Flags 🇳🇴 flew. '.length);
});

test('the abbreviation list is exported and documents the required forms', () => {
  for (const abbreviation of ['Mr', 'Dr', 'Aug', 'No', 'St', 'e.g', 'i.e', 'Jan', 'Gen', 'Sen', 'Rep', 'Gov', 'Inc', 'Corp', 'vs']) {
    assert.ok(ABBREVIATIONS.includes(abbreviation), abbreviation);
  }
});

test('source-like prose', () => {
  const text =
    'The announcement came days before U.S. National Security Adviser John Bolton and Commerce Secretary Wilbur Ross are expected to represent the American delegation at an Aug. 6 conference in Peru. Russia, Cuba, and Turkey declined. A senior U.S. administration official said Friday that Bolton will talk about the U.S. effort.';
  assert.equal(split(text).length, 3);
});

test('a detached stop (tokenised text) splits even before a lower-case word; a detached ellipsis does not', () => {
  assert.deepEqual(split('his old team lost . he pounced late .'), ['his old team lost .', 'he pounced late .']);
  assert.deepEqual(split('we wait ... and see.'), ['we wait ... and see.']);
  assert.deepEqual(split('approx. three people came.'), ['approx. three people came.']);
});

test('a sentence glued to the previous one (the space lost) is split; initialisms and shorthands are not', () => {
  assert.deepEqual(split("Rates stay up for longer.MSCI's index fell."), ['Rates stay up for longer.', "MSCI's index fell."]);
  assert.deepEqual(split('from all over the world.An official said so.'), ['from all over the world.', 'An official said so.']);
  assert.deepEqual(split('the U.S.Army said so.'), ['the U.S.Army said so.']);
  assert.deepEqual(split('see e.g.The Times.'), ['see e.g.The Times.']);
  assert.deepEqual(split('He went to Example.Com today.'), ['He went to Example.Com today.']);
});

test('a spaced ellipsis and a detached question mark inside a quotation do not split', () => {
  assert.deepEqual(split('He said . . . that it was fine.'), ['He said . . . that it was fine.']);
  assert.deepEqual(split('“Why ?” he asked.'), ['“Why ?” he asked.']);
  assert.deepEqual(split('"We will wait...We will see," he said.'), ['"We will wait...We will see," he said.']);
});
