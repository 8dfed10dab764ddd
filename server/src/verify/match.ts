// How well one claim unit matches a piece of evidence: the same word, a synonym, a related form, a hypernym, a
// name's family; numbers and dates by value.
import type { Analysis, Unit } from '../text/analyze';
import { relationsOf } from '../text/lexicon';
import { dateScore } from './conflicts/dates';
import { sameNameFamily } from './conflicts/names';
import { numberScore } from './conflicts/numbers';
import { SCORES } from './thresholds';

/** The best match of a claim unit among the evidence's units: its score and the evidence unit's index. */
export function bestMatch(unit: Unit, ev: Analysis): { score: number; index?: number } {
  const isWord = unit.kind === 'word' || unit.kind === 'name';
  const exact = keyIndex(ev).get(unit.key);
  if (exact !== undefined && isWord && (ev.units[exact].kind === 'word' || ev.units[exact].kind === 'name')) {
    return { score: 1, index: exact };
  }
  let best = 0;
  let bestIndex: number | undefined;
  if (isWord) {
    // The hot loop of the checker: the claim word's relations are looked up once, not per evidence word.
    const relations = relationsOf(unit.lex);
    const phraseRelations = unit.phrase ? relationsOf(unit.phrase.lex) : undefined;
    for (let i = 0; i < ev.units.length && best < 1; i++) {
      const other = ev.units[i];
      if (other.kind !== 'word' && other.kind !== 'name') continue;
      let score = scoreOf(relations?.get(other.lex));
      // A name is not backed by a word it merely falls under ("Central" of a university's name under "change").
      if (unit.kind === 'name' && score === SCORES.hypernym) score = 0;
      if (phraseRelations || unit.phrase?.key === other.key) {
        score = Math.max(score, unit.phrase!.key === other.key ? SCORES.synonym : scoreOf(phraseRelations?.get(other.lex)));
      }
      if (other.phrase) score = Math.max(score, other.phrase.key === unit.key ? SCORES.synonym : lexicalScore(unit.lex, other.phrase.lex));
      if (score < SCORES.related && (unit.kind === 'name' || other.kind === 'name') && sameNameFamily(unit.key, other.key)) score = SCORES.related;
      if (score > best) [best, bestIndex] = [score, i];
    }
    return { score: best, index: bestIndex };
  }
  for (let i = 0; i < ev.units.length && best < 1; i++) {
    const score = detailScore(unit, ev.units[i]);
    if (score > best) [best, bestIndex] = [score, i];
  }
  return { score: best, index: bestIndex };
}

function scoreOf(relation: string | undefined): number {
  switch (relation) {
    case 'synonym': return SCORES.synonym;
    case 'related': return SCORES.related;
    case 'hypernym': return SCORES.hypernym;
    default: return 0;
  }
}

function lexicalScore(a: number, b: number): number {
  return scoreOf(relationsOf(a)?.get(b));
}

/** Match of two details other than words and names (bestMatch handles those). */
function detailScore(a: Unit, b: Unit): number {
  if (a.kind !== b.kind) return 0;
  switch (a.kind) {
    case 'number': return numberScore(a, b);
    case 'date': return dateScore(a, b);
    default: return a.key === b.key ? 1 : 0;
  }
}

const keyIndexes = new WeakMap<Analysis, Map<string, number>>();

/** First unit of each key in an analysis, built once per (cached) evidence analysis. */
function keyIndex(analysis: Analysis): Map<string, number> {
  let index = keyIndexes.get(analysis);
  if (!index) {
    index = new Map();
    for (let i = 0; i < analysis.units.length; i++) if (!index.has(analysis.units[i].key)) index.set(analysis.units[i].key, i);
    keyIndexes.set(analysis, index);
  }
  return index;
}
