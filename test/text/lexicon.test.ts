import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { foldWord } from '../../server/src/text/fold';
import { stemWord } from '../../server/src/text/stem';
import { STOPWORDS } from '../../server/src/text/stopwords';
import { areAntonyms, phraseSynonyms, relation, synonymsOf } from '../../server/src/text/lexicon';

const root = path.resolve(import.meta.dirname, '..', '..');
const lexiconPath = path.join(root, 'server', 'data', 'lexicon.json');
const s = (word: string) => stemWord(foldWord(word));
const rel = (a: string, b: string) => relation(s(a), s(b));

test('WordNet antonyms: direct pairs, satellites and derived forms', () => {
  const pairs = [
    ['right', 'wrong'],
    ['accept', 'reject'],
    ['win', 'lose'],
    ['increase', 'decrease'],
    ['open', 'close'],
    ['mild', 'severe'], // "severe" is a satellite of "intense", whose antonym is "mild"
    ['best', 'worst'],
    ['legal', 'illegal'],
    ['include', 'exclude'],
    ['agree', 'disagree'],
    ['admit', 'deny'],
    ['start', 'stop'],
    ['continue', 'discontinue'],
    ['true', 'false'],
    ['guilty', 'innocent'],
    ['buy', 'sell'],
    ['rise', 'fall'],
    ['victory', 'defeat'],
    ['dead', 'alive'],
    ['publicize', 'private'], // "publicize" and "public" share the stem "public"
    ['winner', 'loser'], // derived from win/lose
    ['gain', 'loss'],
  ];
  for (const [a, b] of pairs) {
    assert.equal(rel(a, b), 'antonym', `${a}/${b}`);
    assert.equal(rel(b, a), 'antonym', `${b}/${a}`);
    assert.ok(areAntonyms(s(a), s(b)), `${a}/${b}`);
  }
});

test('news-relevant pairs that WordNet lacks come from the reviewed supplement', () => {
  // WordNet has no antonym link (direct, satellite or one derivational step) between these; they are opposed only
  // because server/data/opposites-supplement.txt lists them.
  const supplement = readFileSync(path.join(root, 'server', 'data', 'opposites-supplement.txt'), 'utf8');
  for (const [a, b] of [
    ['release', 'arrest'],
    ['continue', 'stop'],
    ['answer', 'ignore'],
    ['support', 'oppose'],
    ['confirm', 'deny'],
  ]) {
    assert.ok(supplement.includes(`${a} ${b}`), `${a}/${b} is in the supplement`);
    assert.equal(areAntonyms(s(a), s(b)), true, `${a}/${b}`);
  }
  // Neither in the supplement nor in WordNet: stays unopposed.
  assert.equal(areAntonyms(s('release'), s('talk')), false);
});

test('synonyms share a frequent sense', () => {
  for (const [a, b] of [
    ['talk', 'negotiation'], // "talks" is a lemma of the negotiation synset
    ['country', 'nation'],
    ['gain', 'win'],
    ['say', 'state'],
    ['resign', 'quit'],
    ['begin', 'start'],
    ['car', 'automobile'],
  ]) {
    assert.equal(rel(a, b), 'synonym', `${a}/${b}`);
  }
  assert.ok(synonymsOf(s('country')).includes(s('nation')));
  assert.ok(synonymsOf(s('nation')).includes(s('country')));
  assert.deepEqual(synonymsOf('zzzz'), []);
  const list = synonymsOf(s('country'));
  assert.deepEqual(list, [...list].sort());
});

test('derivational relatives and verb hypernyms keep their own relation', () => {
  assert.equal(rel('gain', 'gainer'), 'related');
  assert.equal(rel('invade', 'invasion'), 'related');
  assert.equal(rel('whisper', 'speak'), 'hypernym');
  assert.equal(rel('announce', 'say'), 'hypernym');
  assert.equal(rel('negotiate', 'negotiation'), 'same'); // one stem already
});

test('phrase synonyms make collocations stems of their own, synonyms of every word of their common senses', () => {
  const phrases = phraseSynonyms();
  // WordNet's synset {leave office, quit, step down, resign}.
  assert.equal(phrases.get('step down'), 'step down');
  assert.equal(relation('step down', s('quit')), 'synonym');
  assert.equal(relation('step down', s('resign')), 'synonym');
  assert.equal(relation('put off', s('postpone')), 'synonym');
  assert.ok(phrases.size > 1000);
  for (const [phrase, stem] of phrases) {
    assert.match(phrase, /^[a-z][a-z'-]*( [a-z][a-z'-]*)+$/, phrase);
    assert.equal(stem, phrase);
  }
  // Never a search term: the index holds single words.
  assert.ok(!synonymsOf(s('resign')).some((x) => x.includes(' ')));
  assert.equal(phraseSynonyms(), phrases); // built once
});

test('same, none and symmetry', () => {
  assert.equal(relation('win', 'win'), 'same');
  assert.equal(rel('banana', 'parliament'), 'none');
  assert.equal(rel('elect', 'purple'), 'none');
  assert.equal(relation('notastem', 'win'), 'none');
  assert.equal(areAntonyms('win', 'win'), false);
  assert.equal(relation(s('country'), s('nation')), relation(s('nation'), s('country')));
});

test('lexicon.json: no stopwords, minified, small', () => {
  const text = readFileSync(lexiconPath, 'utf8');
  assert.ok(text.length < 3_000_000, `${text.length} bytes`);
  assert.doesNotMatch(text.slice(0, -1), /\n/);
  const data = JSON.parse(text) as { stems: string[] };
  // A stopword token's stem ("being" → "be") never meets a relation ("beings" → "being" is no stopword).
  const stopStems = new Set([...STOPWORDS].map((w) => stemWord(w)));
  assert.deepEqual(
    data.stems.filter((stem) => stopStems.has(stem)),
    [],
  );
  assert.deepEqual(data.stems, [...data.stems].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
});

test('the build is reproducible and matches the committed lexicon.json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  try {
    const outputs = ['a.json', 'b.json'].map((name) => {
      const out = path.join(dir, name);
      execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-lexicon.ts'), out], {
        cwd: root,
        stdio: 'pipe',
      });
      return readFileSync(out);
    });
    assert.ok(outputs[0].equals(outputs[1]), 'two builds differ');
    assert.ok(outputs[0].equals(readFileSync(lexiconPath)), 'server/data/lexicon.json is stale: run node --import tsx scripts/build-lexicon.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
