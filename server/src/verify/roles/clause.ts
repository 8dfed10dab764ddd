// A small rule-based reading of a sentence's main clause: its finite verb, the subject before it, the object after it
// and the voice. No tagger ships here (no npm package has weights for one), so function words, verb endings and the
// irregular forms tell a verb from a noun; it errs towards finding no clause, which the features read as "unknown".
import type { Analysis } from '../../text/analyze';
import { IRREGULAR_BASE } from '../../text/irregular';
import { canBeVerb } from '../../text/lexicon';
import type { Token } from '../../text/tokens';

export interface Clause {
  /** Token index of the first finite verb form (an auxiliary, a modal or a tensed verb). */
  finite: number;
  /** Token index of the lexical verb the auxiliaries lead to ("was *accused*", "has *signed*"); may equal `finite`. */
  verb: number;
  /** Token range [start, end) of the first noun phrase before the verb, if any. */
  subject?: [number, number];
  /** Token range of the first noun phrase after the verb (a passive's "by" phrase excepted). */
  object?: [number, number];
  /** Token range of a passive's agent: the noun phrase after "by". */
  agent?: [number, number];
  passive: boolean;
}

const BE = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'being']);
/** Forms of "be", "have", "do" and the modals: what may carry a verb's tense. */
export const TENSE_AUXILIARIES = new Set([...BE, 'has', 'have', 'had', 'does', 'do', 'did', 'will', 'would', 'can', 'could',
  'may', 'might', 'must', 'shall', 'should']);
const AUXILIARIES = new Set([...TENSE_AUXILIARIES, 'get', 'gets', 'got']);
const FINITE_AUXILIARIES = new Set([...AUXILIARIES].filter((w) => w !== 'be' && w !== 'been' && w !== 'being' && w !== 'get'));
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'some', 'any', 'every', 'each', 'no', 'another', 'such', 'both', 'all', 'many', 'several', 'most']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'onto', 'over', 'under',
  'after', 'before', 'about', 'against', 'between', 'through', 'during', 'without', 'within', 'among', 'across', 'near',
  'since', 'until', 'via', 'per', 'despite', 'amid', 'toward', 'towards', 'upon', 'than', 'like', 'as', 'off', 'out']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'there', 'here', 'one', 'someone', 'nobody',
  'everyone', 'which']);
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor', 'while', 'whereas', 'because', 'although', 'though', 'if',
  'when', 'after', 'before', 'since', 'as', 'that', 'so']);
/** Words in -ed that are not verbs. */
const NOT_VERBS = new Set(['red', 'bed', 'hundred', 'need', 'seed', 'speed', 'feed', 'creed', 'breed', 'shed', 'sled',
  'bled', 'fled', 'led', 'wed', 'naked', 'wicked', 'sacred', 'kindred', 'indeed', 'steed', 'weed', 'greed', 'deed',
  'reed', 'tweed', 'ted', 'ned', 'fred', 'united', 'aged', 'so-called', 'beloved', 'rugged', 'ragged', 'learned']);
/** Common past forms the irregular table leaves out on purpose (they are also other words); here they are verbs. */
const PAST_FORMS = new Set(['said', 'found', 'left', 'saw', 'led', 'fled', 'read', 'felt', 'fell', 'meant', 'put', 'set',
  'hit', 'cut', 'let', 'cost', 'hurt', 'quit', 'shut', 'spread', 'bet', 'rose', 'bore', 'tore']);
/** -s words that are nouns far more often than verbs after a noun ("news", "series"). */
const NOT_S_VERBS = new Set(['news', 'series', 'species', 'means', 'always', 'perhaps', 'its', 'this', 'has', 'is', 'was',
  'us', 'his', 'as', 'yes', 'thus', 'plus', 'less', 'unless', 'across', 'towards', 'whereas', 'besides', 'sometimes']);

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
const MODAL_NAMES = new Set(['will', 'may', 'can', 'must']);
export const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'claimed', 'claims', 'added',
  'believes', 'believed', 'thinks', 'thought', 'announced', 'confirmed', 'insisted', 'warned', 'argued', 'stated']);

/** A word that can open a reported clause: "said *the* army attacked", "says *his* government has". */
function opensClause(token: Token | undefined): boolean {
  return token !== undefined && (token.capitalized || CLAUSE_OPENERS.has(token.folded));
}
const CLAUSE_OPENERS = new Set(['that', 'the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'his', 'her', 'their', 'its', 'our', 'there']);

const strict = new WeakMap<Analysis, Clause | null>();
const lenient = new WeakMap<Analysis, Clause | null>();

/** The sentence's main clause by the strict reading, or undefined when it finds none. */
export function clauseOf(analysis: Analysis): Clause | undefined {
  return cached(strict, analysis, () => readClause(analysis.tokens, analysis.text));
}

/** The main clause by the strict reading, else the lenient one: undefined means no finite verb at all. */
export function anyClauseOf(analysis: Analysis): Clause | undefined {
  return clauseOf(analysis) ?? cached(lenient, analysis, () => readClause(analysis.tokens, analysis.text, 0, true));
}

function cached(memo: WeakMap<Analysis, Clause | null>, analysis: Analysis, read: () => Clause | undefined): Clause | undefined {
  let clause = memo.get(analysis);
  if (clause === undefined) memo.set(analysis, (clause = read() ?? null));
  return clause ?? undefined;
}

function isPast(folded: string): boolean {
  if (PAST_FORMS.has(folded) || IRREGULAR_BASE.has(folded)) return true;
  return folded.length > 4 && folded.endsWith('ed') && !NOT_VERBS.has(folded);
}

/** A determiner or a name: what an object opens with ("recognize *Mr.* Maduro", "arrange *a* party"). */
function opensPhrase(token: Token | undefined): boolean {
  return token !== undefined && (DETERMINERS.has(token.folded) || (token.capitalized && !token.sentenceInitial));
}

/** A word after which an -s word is a plural noun, not a verb: "representatives *were*", "shares *of*". */
function nounFollower(next: Token | undefined): boolean {
  return next !== undefined && (next.folded === 'of' || AUXILIARIES.has(next.folded) || isPast(next.folded));
}

function isFunctionWord(folded: string): boolean {
  return DETERMINERS.has(folded) || PREPOSITIONS.has(folded) || CONJUNCTIONS.has(folded) || AUXILIARIES.has(folded);
}

/** A word that can head or fill a noun phrase: a name, a pronoun, a number or a content word. */
function isNominal(token: Token): boolean {
  return PRONOUNS.has(token.folded) || (!token.stop && !token.negation && !isFunctionWord(token.folded));
}

/** Punctuation that ends a phrase between two tokens. */
function breaksBetween(text: string, a: Token, b: Token): boolean {
  return /[,;:()—–"“”]/.test(text.slice(a.end, b.start));
}

/**
 * The first finite verb after a noun phrase. Strict reading: auxiliaries, past forms, "-s" forms and verbs after
 * pronouns. Lenient reading (`lenient`), for telling a sentence from a fragment only: any word WordNet has as a verb,
 * after a noun outside a prepositional phrase ("Liverpool *face* Villa", "Experts *predict* a rise").
 */
function readClause(tokens: Token[], text: string, from = 0, lenient = false): Clause | undefined {
  let seenNominal = false;
  let nameAt = -1;
  let inPrepositionalPhrase = false;
  let firstFound: Clause | undefined;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    const folded = token.folded;
    const previous = i > from ? tokens[i - 1] : undefined;
    if (previous && breaksBetween(text, previous, token)) inPrepositionalPhrase = false;
    const afterFunctionWord = previous !== undefined && (DETERMINERS.has(previous.folded) || PREPOSITIONS.has(previous.folded) || previous.folded === 'to');
    // A word after a noun, where a verb can stand: not in "at the Mexico talks", not across a comma.
    const afterNoun = seenNominal && previous !== undefined && !token.capitalized && (lenient || !inPrepositionalPhrase &&
      !breaksBetween(text, previous, token)) && (!isFunctionWord(previous.folded) || nameAt === i - 1) && !nounFollower(tokens[i + 1]);
    let finite = false;
    // "Will asks Maggie", "May said": a modal that is also a name, before a verb.
    const modalName = i === from && token.capitalized && MODAL_NAMES.has(folded) && tokens[i + 1] !== undefined && !isFunctionWord(tokens[i + 1].folded);
    if (FINITE_AUXILIARIES.has(folded) && !modalName) finite = seenNominal || i === from;
    // A past form straight before "by" is a participle ("the opposition *led* by Guaido"), not a finite verb.
    else if (seenNominal && !afterFunctionWord && !token.capitalized && isPast(folded) && tokens[i + 1]?.folded !== 'by') finite = true;
    else if (afterNoun && folded.length > 3 && folded.endsWith('s') && !folded.endsWith('ss') && !NOT_S_VERBS.has(folded) &&
      !/s$/.test(previous!.folded)) finite = true;
    else if (seenNominal && previous && ['they', 'we', 'i', 'you'].includes(previous.folded) && !isFunctionWord(folded)) finite = true;
    // A plural subject, then a word, then a determiner or a name: "Friends arrange a party".
    else if (afterNoun && /s$/.test(previous!.folded) && !token.stop && opensPhrase(tokens[i + 1])) finite = true;
    // Not straight after a determiner and one singular word: "a new *plan*" is a noun phrase.
    else if (lenient && afterNoun && !token.stop && canBeVerb(token.stem) && !(isPast(folded) && tokens[i + 1]?.folded === 'by') &&
      !(i >= 2 && DETERMINERS.has(tokens[i - 2].folded) && !/s$/.test(previous!.folded))) finite = true;
    if (finite) {
      const clause = clauseAt(tokens, text, i, from);
      // The lenient reading takes the first verb that has a subject: "At the Mexico talks the two sides *signed*".
      if (lenient && !clause.subject) {
        firstFound ??= clause;
        continue;
      }
      // "Officials said the army attacked": what is reported is the claim's substance.
      if (REPORTING.has(tokens[clause.verb].folded) && opensClause(tokens[clause.verb + 1])) return readClause(tokens, text, clause.verb + 1) ?? clause;
      return clause;
    }
    if (PREPOSITIONS.has(folded)) inPrepositionalPhrase = true;
    else if (DETERMINERS.has(folded) && previous && isNominal(previous)) inPrepositionalPhrase = false;
    if (isNominal(token) || modalName) seenNominal = true;
    if (modalName) nameAt = i;
  }
  return firstFound;
}

function clauseAt(tokens: Token[], text: string, finite: number, from: number): Clause {
  // From the auxiliaries to the verb they lead to, over adverbs and negations: "has not yet *signed*".
  let verb = finite;
  let passive = false;
  if (AUXILIARIES.has(tokens[finite].folded)) {
    for (let k = finite + 1; k < tokens.length && k <= finite + 4; k++) {
      const folded = tokens[k].folded;
      if (AUXILIARIES.has(folded)) {
        if (BE.has(folded) || folded === 'get' || folded === 'got') passive = true;
        continue;
      }
      if (tokens[k].negation || folded.endsWith('ly') || folded === 'yet' || folded === 'also' || folded === 'still') continue;
      if (!isFunctionWord(folded)) verb = k;
      break;
    }
    const first = tokens[finite].folded;
    passive = verb !== finite && isPast(tokens[verb].folded) && (passive || BE.has(first) || first === 'got' || first === 'gets');
  }
  const subject = phraseBefore(tokens, text, from, finite);
  const after = phraseAfter(tokens, text, verb + 1);
  let object = after;
  let agent: [number, number] | undefined;
  if (passive) {
    const by = tokens.findIndex((t, k) => k > verb && k <= verb + 6 && t.folded === 'by');
    if (by >= 0) agent = phraseAfter(tokens, text, by + 1);
    object = undefined;
  }
  return { finite, verb, subject, object, agent, passive };
}

/**
 * The subject: the first noun phrase before the verb that no preposition governs ("On Monday, *the police* arrested";
 * "*Smith*, 45, was arrested"), else the nouns just before the verb.
 */
function phraseBefore(tokens: Token[], text: string, from: number, end: number): [number, number] | undefined {
  let governed = false;
  for (let k = from; k < end; k++) {
    const t = tokens[k];
    // "Per Mertesacker says": a first name, not the preposition.
    if (PREPOSITIONS.has(t.folded) && !(t.folded === 'per' && t.capitalized && tokens[k + 1]?.capitalized)) governed = true;
    else if (SUBJECT_PRONOUNS.has(t.folded)) governed = false;
    // A comma ends the governed phrase; so does a determiner after its noun ("At the talks *the two sides* signed").
    else if (k > from && (breaksBetween(text, tokens[k - 1], t) || DETERMINERS.has(t.folded) && isNominal(tokens[k - 1]))) governed = false;
    if (!isNominal(t) || governed) continue;
    let stop = k + 1;
    while (stop < end && isNominal(tokens[stop]) && !breaksBetween(text, tokens[stop - 1], tokens[stop])) stop++;
    return [k, stop];
  }
  // A quantity's preposition governs the subject itself: "*More than 50 nations* recognize", "*Up to one in five eateries*
  // could": the nouns just before the verb.
  let start = end;
  while (start > from && isNominal(tokens[start - 1]) && !breaksBetween(text, tokens[start - 1], tokens[start])) start--;
  return start < end ? [start, end] : undefined;
}

/** The noun phrase starting at `from` (over determiners), up to a preposition, a verb form or punctuation. */
function phraseAfter(tokens: Token[], text: string, from: number): [number, number] | undefined {
  if (OBJECT_PRONOUNS.has(tokens[from]?.folded ?? '')) return [from, from + 1];
  let k = from;
  while (k < tokens.length && DETERMINERS.has(tokens[k].folded)) k++;
  const start = k;
  while (k < tokens.length && isNominal(tokens[k]) && (k === start || !breaksBetween(text, tokens[k - 1], tokens[k]))) k++;
  return k > start && (start === from || !breaksBetween(text, tokens[from], tokens[start])) ? [start, k] : undefined;
}

/**
 * The voice of the verb at this evidence token: passive after a form of "be" or "get" with at most function words or
 * adverbs between ("were both stabbed", "has not been signed") or before "by"; undefined for a bare past form with no
 * object after it ("Palmer, clad in green, *snapped* under the tree"), which may be either.
 */
export function voiceAt(tokens: Token[], verb: number): 'active' | 'passive' | undefined {
  if (!isPast(tokens[verb].folded)) return 'active';
  // A reduced passive: "the event, also attended *by* Eddie Izzard".
  if (tokens[verb + 1]?.folded === 'by') return 'passive';
  for (let k = verb - 1; k >= 0 && k >= verb - 3; k--) {
    const folded = tokens[k].folded;
    if (BE.has(folded) || folded === 'get' || folded === 'got' || folded === 'gets') return 'passive';
    if (AUXILIARIES.has(folded)) return 'active';
    if (!(tokens[k].stop || tokens[k].negation || folded.endsWith('ly'))) break;
  }
  const next = tokens[verb + 1];
  return next === undefined || PREPOSITIONS.has(next.folded) ? undefined : 'active';
}

/**
 * Whether the evidence token reads as a verb where it stands: a past form, or a word after an auxiliary, a modal,
 * "to" or a pronoun. A nominalisation ("a $20 million *recapture*") has its arguments elsewhere than a verb does.
 */
export function verbalAt(tokens: Token[], at: number): boolean {
  if (isPast(tokens[at].folded)) return true;
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const folded = tokens[k].folded;
    if (AUXILIARIES.has(folded) || folded === 'to' || SUBJECT_PRONOUNS.has(folded)) return true;
    if (!(tokens[k].negation || folded.endsWith('ly') || folded === 'also' || folded === 'still')) break;
  }
  const folded = tokens[at].folded;
  // "-s" after a noun: "the company *plans*", not "the *plans*".
  return folded.endsWith('s') && !folded.endsWith('ss') && !tokens[at].capitalized && at > 0 && !isFunctionWord(tokens[at - 1].folded) &&
    !tokens[at - 1].stop;
}
