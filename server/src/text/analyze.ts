// Reads a sentence into content units: words, names, numbers and dates, each a detail to back or contradict.
import { COUNTRY_NAMES, PLACE_ALIASES } from './places';
import { readDates, type DateSpan } from './dates';
import { readNumbers, type NumberSpan } from './numbers';
import { lexiconId, phraseStarts, phraseSynonyms } from './lexicon';
import { IRREGULAR_BASE } from './irregular';
import { isLightVerb } from './lightVerbs';
import { stemWord } from './stem';
import { tokenize, type Token } from './tokens';

export type UnitKind = 'word' | 'name' | 'number' | 'date' | 'year' | 'weekday' | 'time';

export interface Unit {
  kind: UnitKind;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** Stem for words and names; a canonical value for numbers and dates. */
  key: string;
  country: boolean;
  superlative: boolean;
  /** `lexiconId(key)` for words and names, -1 otherwise: relations are looked up by number in hot loops. */
  lex: number;
  /** The multi-word expression this word starts ("step down"), as a lexicon stem with its id. */
  phrase?: { key: string; lex: number; end: number };
  /** The unit whose phrase this word ends ("place" of "took place"): backed wherever that phrase is. */
  partOf?: Unit;
  number?: NumberSpan & { unitStems: string[]; days?: number };
  date?: DateSpan;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  units: Unit[];
}

/** A text with no capital letter (a tokenised machine summary): its names read as plain words. */
export function writtenInLowerCase(text: string): boolean {
  return !/\p{Lu}/u.test(text);
}

/** Tells whether a capitalised word at the start of a sentence is a name (learnt from the sources). */
export type NamePredicate = (stem: string) => boolean;

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'messrs', 'sr', 'jr']);
const NOT_SUPERLATIVE = new Set(`interest protest request arrest invest harvest digest honest modest manifest earnest
suggest guest chest nest quest west rest test contest forest priest conquest inquest unrest attest detest divest infest
molest lest midwest northwest southwest pest vest zest crest jest`.split(/\s+/));
const AGE = /^-?years?-old$/;
/** Punctuation between two tokens that closes an amount or a phrase. */
export const CLAUSE_BREAK = /[,;:()[\]—–]/;
/** Bound of the per-word caches below (a word's base form), like the stemmer's. */
const WORD_CACHE_LIMIT = 200_000;
const DURATION_DAYS: Record<string, number> = { dai: 1, day: 1, week: 7, month: 30, year: 365, decad: 3650 };

export function analyze(text: string, isKnownName: NamePredicate = () => false): Analysis {
  const tokens = tokenize(text);
  // Tokens already read as part of a date or a number.
  const taken = tokens.map(() => false);
  const units: Unit[] = [];

  for (const date of readDates(tokens, taken)) {
    const kind: UnitKind = date.kind;
    const key = date.kind === 'date' ? `${date.month}/${date.day ?? ''}` : date.kind === 'year' ? String(date.year) : date.value!;
    units.push({ kind, start: date.start, end: date.end, key, country: false, superlative: false, lex: -1, date });
  }
  for (const n of readNumbers(tokens, taken, text)) {
    // An age in years reads as its number: "the 27-year-old" states what "Bueno, 27," does ("3-month-old" keeps its unit).
    if (tokens[n.end] && AGE.test(tokens[n.end].folded) && /^[\s-]*$/.test(text.slice(tokens[n.end - 1].end, tokens[n.end].start))) n.end++;
    for (let k = n.start; k < n.end; k++) taken[k] = true;
    // "a three-year deal" counts years as "three years" does.
    const unitStems: string[] = n.unit ? [stemWord(n.unit)] : [];
    for (let k = n.end; k < tokens.length && unitStems.length < 2 && k < n.end + 3; k++) {
      // A comma or bracket closes the amount: in "Saltare, 28, were stabbed" nothing is counted in stabbings.
      if (CLAUSE_BREAK.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      if (!tokens[k].stop && !taken[k] && !/^\d/.test(tokens[k].folded)) unitStems.push(tokens[k].folded === 'percent' ? '%' : tokens[k].stem);
    }
    if (n.share && /^(%|percent|cent)$/.test(tokens[n.end - 1]?.folded ?? '')) unitStems.unshift('%');
    const perDay = DURATION_DAYS[unitStems[0]];
    // A duration reads as one detail with its unit: "two weeks", "a month".
    if (perDay && tokens[n.end] && tokens[n.end].stem === unitStems[0]) taken[n.end++] = true;
    // "25 percent" and "a quarter" are the same share.
    if (unitStems[0] === '%') n.value /= 100;
    units.push({
      kind: 'number', start: n.start, end: n.end, key: String(n.value), country: false, superlative: false, lex: -1,
      number: { ...n, unitStems, days: perDay ? n.value * perDay : undefined },
    });
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || tokens[i].negation) continue;
    const token = tokens[i];
    const facts = factsOf(token);
    const alias = facts.startsAlias ? aliasAt(tokens, i) : undefined;
    if (alias) {
      units.push({ kind: 'name', start: i, end: i + alias.length, key: alias.key, country: COUNTRY_NAMES.has(alias.key), superlative: false, lex: lexiconId(alias.key) });
      for (let k = i; k < i + alias.length; k++) taken[k] = true;
      i += alias.length - 1;
      continue;
    }
    if (token.stop || facts.title || isLightVerb(tokens, i)) continue;
    const next = tokens[i + 1];
    // A capitalised first word is a name when the sources know it as one, or when a capitalised word follows it
    // directly ("Juan Guaido said"), not across punctuation ("Simultaneously, Guaido").
    const nameFollows = next !== undefined && next.capitalized && !next.stop && /^\s+$/.test(text.slice(token.end, next.start));
    const name = token.capitalized && (!token.sentenceInitial || isKnownName(token.stem) || facts.country || nameFollows);
    const unit: Unit = {
      kind: name ? 'name' : 'word', start: i, end: i + 1, key: token.stem, country: facts.country, superlative: facts.superlative, lex: facts.lex,
    };
    if (!name && facts.startsPhrase) markPhrase(unit, tokens);
    units.push(unit);
  }
  units.sort((a, b) => a.start - b.start);
  for (let u = 0; u < units.length; u++) {
    const phrase = units[u].phrase;
    if (phrase) for (let k = u + 1; k < units.length && units[k].start < phrase.end; k++) units[k].partOf = units[u];
  }
  return { text, tokens, units };
}

/** What analysis asks of a word by its folded form alone: the same every time the word comes. */
interface WordFacts {
  title: boolean;
  country: boolean;
  superlative: boolean;
  /** The lexicon id of its stem (a function of the folded form). */
  lex: number;
  /** It, or its base form, starts a multi-word expression of the lexicon. */
  startsPhrase: boolean;
  /** It starts a multi-word place name. */
  startsAlias: boolean;
}

const wordFacts = new Map<string, WordFacts>();

// Looked up once per word rather than in six sets and maps (the lexicon's of every WordNet stem among them) per token:
// analysing the claim is a fifth of checking it.
function factsOf(token: Token): WordFacts {
  const folded = token.folded;
  let facts = wordFacts.get(folded);
  if (facts === undefined) {
    facts = {
      title: TITLES.has(folded),
      country: COUNTRY_NAMES.has(folded),
      superlative: isSuperlative(folded),
      lex: lexiconId(token.stem),
      startsPhrase: phraseStarts().has(folded) || phraseStarts().has(baseForm(folded)),
      startsAlias: ALIAS_STARTS.has(folded),
    };
    if (wordFacts.size >= WORD_CACHE_LIMIT) wordFacts.clear();
    wordFacts.set(folded, facts);
  }
  return facts;
}

/** "step down", "turn down", "take over": a multi-word verb read as its one-word synonym too. */
function markPhrase(unit: Unit, tokens: Token[]): void {
  const first = tokens[unit.start].folded;
  if (unit.start + 1 >= tokens.length) return;
  const phrases = phraseSynonyms();
  // The words after the first, longest phrase first; then the phrase with its verb in the base form.
  const second = ` ${tokens[unit.start + 1].folded}`;
  const rests = unit.start + 2 < tokens.length ? [`${second} ${tokens[unit.start + 2].folded}`, second] : [second];
  for (const rest of rests) {
    const key = phrases.get(first + rest) ?? phrases.get(baseForm(first) + rest);
    if (key) {
      unit.phrase = { key, lex: lexiconId(key), end: unit.start + (rest === second ? 2 : 3) };
      return;
    }
  }
}

const baseForms = new Map<string, string>();
const DOUBLED = /([bgmnprt])\1(?:ed|ing)$/;

/** "stepped" → "step", "steps" → "step": enough to find a phrase written in another tense. */
function baseForm(verb: string): string {
  // Asked for nearly every word of every sentence analysed: two regular expressions each time cost more than a lookup.
  let base = baseForms.get(verb);
  if (base === undefined) {
    // A doubled consonant goes with the ending ("stepped", "putting" → "step", "put"); "wanted" keeps its "t".
    base = IRREGULAR_BASE.get(verb) ?? (DOUBLED.test(verb) ? verb.replace(DOUBLED, '$1') : verb.replace(/(?:ped|ged|ted|ned|red)$/, (m) => m[0]).replace(/(?:ed|ing|s)$/, ''));
    if (baseForms.size >= WORD_CACHE_LIMIT) baseForms.clear();
    baseForms.set(verb, base);
  }
  return base;
}

/** The first words of the multi-word place names: most tokens start none, and need no phrase built. */
const ALIAS_STARTS: ReadonlySet<string> = new Set([...PLACE_ALIASES.keys()].map((alias) => alias.split(' ')[0]));

function aliasAt(tokens: Token[], i: number): { key: string; length: number } | undefined {
  for (const length of [4, 3, 2]) {
    if (i + length > tokens.length) continue;
    const phrase = tokens.slice(i, i + length).map((t) => t.folded).join(' ');
    const key = PLACE_ALIASES.get(phrase);
    if (key) return { key, length };
  }
  return undefined;
}

function isSuperlative(folded: string): boolean {
  if (folded === 'best' || folded === 'worst' || folded === 'least') return true;
  return folded.length > 5 && folded.endsWith('est') && !NOT_SUPERLATIVE.has(folded) && !NOT_SUPERLATIVE.has(folded.replace(/^(un|re|in)/, ''));
}

