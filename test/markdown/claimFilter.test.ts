import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentence, factStart } from '../../server/src/markdown/claimFilter';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';
import type { SkipReason } from '../../server/src/model';

function check(cases: Array<[string, SkipReason | undefined]>): void {
  for (const [sentence, expected] of cases) assert.equal(classifySentence(sentence), expected, sentence);
}

test('plain factual sentences are claims', () => {
  check([
    ['Some 70 countries back Guaidó.', undefined],
    ['Norway hosted the talks in Oslo.', undefined],
    ['The talks failed.', undefined],
    ['Maduro has resisted calls to step down.', undefined],
    ['Norway', undefined],
    ['12', undefined],
  ]);
});

test('questions are skipped; reported questions are claims', () => {
  check([
    ['Will the talks succeed?', 'question'],
    ['Why did 70 countries back Guaidó?', 'question'],
    ['“Will the talks succeed?”', 'question'],
    ['He asked whether talks would resume.', undefined],
    ['He asked, “Will the talks resume?”', undefined],
    ['“Will it work?” he asked.', undefined],
  ]);
});

test('sentences without content words are skipped', () => {
  check([
    ['Yes.', 'no-content'],
    ['No.', 'no-content'],
    ['Not at all.', 'no-content'],
    ['Indeed!', 'no-content'],
    ['—', 'no-content'],
  ]);
});

test('open predictions are skipped; reported or dated ones are claims', () => {
  check([
    ['Only time will tell whether the mediation works.', 'prediction'],
    ['It remains to be seen whether the talks resume.', 'prediction'],
    ['Whether Maduro stays remains to be seen.', 'prediction'],
    ['It is too early to say if the deal will hold.', 'prediction'],
    ['Maybe the talks will fail.', 'prediction'],
    ['The talks will probably collapse.', 'prediction'],
    ['Maduro is unlikely to step down.', 'prediction'],
    ['The official said the US will mount pressure.', undefined],
    ['The official said it remains to be seen whether talks resume.', undefined],
    ['Analysts said the talks will probably collapse.', undefined],
    ['The talks will resume on Monday.', undefined],
    ['The talks will probably resume on Aug. 6.', undefined],
    ['Perhaps the most telling fact is that Norway hosted the talks.', undefined],
  ]);
});

test('opinions are skipped; opinions wrapped around a fact are claims', () => {
  check([
    ['I think the talks are a good idea.', 'opinion'],
    ['In my view, this is the right approach.', 'opinion'],
    ['It is a shame.', 'opinion'],
    ['It is a shame that it has come to this.', 'opinion'],
    ['Sadly, that is how it is.', 'opinion'],
    ['The talks are a good idea, I think.', 'opinion'],
    ['Maduro should step down.', 'opinion'],
    ['I think 70 countries back Guaidó.', undefined],
    ['It is a shame that Maduro rejected the talks.', undefined],
    ['Sadly, 40 people died in the protests.', undefined],
    ['Sadly, the talks collapsed.', undefined],
    ['The US said Maduro should step down.', undefined],
  ]);
});

test('framing is skipped; framing with a factual core is a claim', () => {
  check([
    ['In this piece we look at the mediation.', 'framing'],
    ['In this piece, we look at the Venezuelan crisis.', 'framing'],
    ['Let us now turn to the economy.', 'framing'],
    ["Let's take a closer look.", 'framing'],
    ['This article examines the role of Norway.', 'framing'],
    ['Here is what we know.', 'framing'],
    ['What we know so far', 'framing'],
    ['This is a developing story.', 'framing'],
    ['As we saw earlier.', 'framing'],
    ['We will now briefly discuss the sanctions.', 'framing'],
    ['As we saw, 70 countries back Guaidó.', undefined],
    ['As we saw, the talks are a good idea, I think.', 'opinion'],
    ['As we saw, the talks collapsed.', undefined],
    ['In this piece we show that 70 countries back Guaidó.', undefined],
    ['In this piece we show that Norway hosted the talks.', undefined],
    ['Let us now turn to the economy, which shrank by 50 percent.', undefined],
    ['This article examines how Norway brokered the talks.', undefined],
    ['We met the minister in Caracas.', undefined],
  ]);
});

test('skipped sentences are reported with their range', () => {
  const markdown = 'In this piece we look at the mediation. Norway hosted the talks. Will they succeed?';
  const result = extractClaims(markdown, NO_SOURCES);
  assert.deepEqual(result.claims.map((c) => c.text), ['Norway hosted the talks.']);
  assert.deepEqual(
    result.skipped.map((s) => [s.reason, markdown.slice(s.range.start.character, s.range.end.character)]),
    [
      ['framing', 'In this piece we look at the mediation.'],
      ['question', 'Will they succeed?'],
    ],
  );
});

test('a framed claim is checked without its frame: "As we saw, …" leaves the fact', () => {
  const framed = 'As we saw, 70 countries back Guaidó.';
  assert.equal(framed.slice(factStart(framed)), '70 countries back Guaidó.');
  const shown = 'In this piece we show that 70 countries back Guaidó.';
  assert.equal(shown.slice(factStart(shown)), '70 countries back Guaidó.');
  assert.equal(factStart('Maduro said talks had been going on for months.'), 0);
});
