// The small clause reader behind the role and fragment rules: which word is the verb, which phrase its subject, its
// object or its agent, and the voice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/text/analyze';
import { anyClauseOf, clauseOf, voiceAt } from '../../server/src/verify/roles/clause';

function reading(sentence: string): string {
  const analysis = analyze(sentence);
  const clause = clauseOf(analysis);
  if (!clause) return 'none';
  const words = (range?: [number, number]) => (range ? analysis.tokens.slice(range[0], range[1]).map((t) => t.raw).join(' ') : '-');
  return `${analysis.tokens[clause.verb].raw} | ${words(clause.subject)} | ${words(clause.object)} | ${words(clause.agent)}${clause.passive ? ' | passive' : ''}`;
}

test('verb, subject and object of an active sentence, past an opening phrase and a postmodifier', () => {
  assert.equal(reading('The engineers inspected the bridge on Monday.'), 'inspected | engineers | bridge | -');
  assert.equal(reading('On Monday, the police arrested two men in Caracas.'), 'arrested | police | two men | -');
  assert.equal(reading('The leader of the rebels has not yet signed the deal.'), 'signed | leader | deal | -');
  assert.equal(reading('At the Mexico talks the two sides signed a memorandum.'), 'signed | two sides | memorandum | -');
});

test('the passive, with and without its agent', () => {
  assert.equal(reading('The minister was accused of the fraud by the opposition.'), 'accused | minister | - | opposition | passive');
  assert.equal(reading('Smith, 45, was arrested after the attack.'), 'arrested | Smith | - | - | passive');
});

test('what is reported, not the reporting verb', () => {
  assert.equal(reading('Officials said the army attacked the village.'), 'attacked | army | village | -');
  assert.equal(reading('Maduro confirmed secret talks with US officials.'), 'confirmed | Maduro | secret talks | -');
});

test('the strict reading finds no verb in a bare noun phrase; the lenient one finds a base-form verb after a subject', () => {
  assert.equal(reading('A new plan for the city centre.'), 'none');
  assert.equal(anyClauseOf(analyze('A new plan for the city centre.')), undefined);
  const face = analyze('Liverpool face Aston Villa at Wembley on Sunday.');
  assert.equal(face.tokens[anyClauseOf(face)!.verb].raw, 'face');
});

test('the voice of a passage verb: passive after "be" or before "by", unknown for a bare past form before a preposition', () => {
  const tokens = (s: string) => analyze(s).tokens;
  const at = (s: string, word: string) => tokens(s).findIndex((t) => t.raw === word);
  const ofWord = (s: string, word: string) => voiceAt(tokens(s), at(s, word));
  assert.equal(ofWord('Copeland and his wife were both stabbed outside a club.', 'stabbed'), 'passive');
  assert.equal(ofWord('The event was also attended by Eddie Izzard.', 'attended'), 'passive');
  assert.equal(ofWord('The opposition accused the minister of fraud.', 'accused'), 'active');
  assert.equal(ofWord('Palmer, clad in his green jacket, snapped under the Oak Tree.', 'snapped'), undefined);
});
