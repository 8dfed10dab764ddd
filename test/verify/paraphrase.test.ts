// Restatements the matcher backs (multi-word verbs, light verbs, the reviewed pairs of
// server/data/paraphrases-supplement.txt), each beside a claim that looks alike and must not be backed: claims of
// our own about the bundled sources, with the verdict the label rules give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClaimAgainstText, createEngine } from '../../server/src/engine';
import { PassageIndex } from '../../server/src/index/passageIndex';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { analyze } from '../../server/src/text/analyze';
import { relation } from '../../server/src/text/lexicon';
import { stemWord } from '../../server/src/text/stem';
import { assessSentence } from '../../server/src/verify/assess';

const library = loadSourceLibrary({ dirs: [], includeBundled: true });
const engine = createEngine(library);
const index = new PassageIndex(library.sources);

/** How well the claim's best evidence backs one of its words. */
function scoreOf(claim: string, word: string): number | undefined {
  const assessment = assessSentence(claim, index);
  const best = assessment.support ?? assessment.alignments[0];
  return best?.units.find((u) => assessment.claim.tokens[u.unit.start].folded === word)?.score;
}

function verdictOf(claim: string): string {
  const verdict = engine.checkClaim(claim);
  return `${verdict.verdict}: ${verdict.reason}`;
}

function assertVerdict(claim: string, expected: string): void {
  const got = verdictOf(claim);
  assert.ok(got.startsWith(`${expected}:`), `${claim}\n  → ${got}`);
}

test('a phrase\'s later word is backed where the phrase is: "got together" for "meetings"', () => {
  // Source: "Venezuelan officials have been holding "secret meetings" with "high-ranking" US counterparts for months,
  // President Nicolas Maduro said."
  const claim = 'Maduro says Venezuelan and US officials got together secretly for months.';
  assertVerdict(claim, 'supported');
  assert.equal(scoreOf(claim, 'together'), 0.9);
  // "get along" is another phrase ("progress"): neither of its words is backed.
  assertVerdict('Maduro says Venezuelan and US officials got along secretly for months.', 'unsupported');
});

test('a single word of the claim backed by a phrase of the source: "resign" for "step down"', () => {
  // Source: "Washington and its allies endorsed Guaido and called on Venezuelan President Nicolas Maduro to step down."
  assertVerdict('Washington and its allies endorsed Guaido and called on Venezuelan President Nicolas Maduro to resign.', 'supported');
});

test('a verb with a doubled consonant finds its phrase: "stepped down" reads as "step down"', () => {
  const unit = analyze('The minister stepped down on Monday.').units.find((u) => u.key === stemWord('stepped'));
  assert.equal(unit?.phrase?.key, 'step down');
  const putting = analyze('They are putting off the vote.').units.find((u) => u.key === stemWord('putting'));
  assert.equal(putting?.phrase?.key, 'put off');
});

test('a light verb before a noun made from a verb: "made the decision not to" reads as "decided not to"', () => {
  // Source: "Maduro decided not to send his delegation due to "serious and brutal aggression" by the Trump administration"
  const claim = 'Maduro made the decision not to send his delegation due to serious and brutal aggression by the Trump administration, the government said.';
  assertVerdict(claim, 'supported');
  // Not a false contradiction of "made" against the neighbouring sentence's "broke off" any more; the negation still counts.
  assertVerdict('Maduro took the decision to send his delegation despite serious and brutal aggression by the Trump administration, the government said.', 'contradicted');
  // "made" before a noun that names no act keeps its verb.
  assert.ok(analyze('Maduro made money.').units.some((u) => u.key === stemWord('made')));
});

test('a reviewed restatement: "diverse" for "various", and the opposite verb still contradicts', () => {
  // Source: President Trump confirmed on Tuesday that his administration was "talking to various representatives of Venezuela".
  assertVerdict('President Trump confirmed on Tuesday that his administration was talking to diverse representatives of Venezuela.', 'supported');
  assertVerdict('President Trump denied on Tuesday that his administration was talking to diverse representatives of Venezuela.', 'contradicted');
});

test('every pair of the paraphrase supplement is related in the built lexicon, none opposed', () => {
  const file = join(__dirname, '..', '..', 'server', 'data', 'paraphrases-supplement.txt');
  const pairs = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  assert.ok(pairs.length >= 40);
  for (const line of pairs) {
    // "take into custody | arrest": a phrase is its own stem, its words joined by one space.
    const sides = line.includes('|') ? line.split('|').map((side) => side.trim().split(/\s+/)) : line.split(/\s+/).map((w) => [w]);
    const [a, b] = sides.map((words) => (words.length > 1 ? words.join(' ') : stemWord(words[0])));
    assert.ok(['related', 'synonym'].includes(relation(a, b)), `${line}: ${relation(a, b)}`);
  }
});

test('a reviewed phrase restatement backs its word both ways; the phrase\'s words elsewhere do not', () => {
  const article = 'The founder of Ozy Media was arrested on Thursday on fraud charges.\nThe council shut down the market in May.';
  const verdictOf = (claim: string) => checkClaimAgainstText(claim, article).verdict;
  assert.equal(verdictOf('The founder of Ozy Media was taken into custody on Thursday on fraud charges.'), 'supported');
  const reverse = 'Police took the founder of Ozy Media into custody on Thursday.';
  assert.equal(checkClaimAgainstText('Police arrested the founder of Ozy Media on Thursday.', 'Police took into custody the founder of Ozy Media on Thursday.').verdict, 'supported');
  // Words apart are no phrase: "took … into custody" is not read as the phrase, and "took" alone is not "arrested".
  assert.notEqual(checkClaimAgainstText('Police arrested the founder of Ozy Media on Thursday.', reverse).verdict, 'contradicted');
  assert.ok(!analyze('He was taken to court.').units.some((u) => u.phrase?.key === 'take into custody'), '"taken to court" is not "taken into custody"');
  assert.equal(verdictOf('The council closed the market in May.'), 'supported');
});
