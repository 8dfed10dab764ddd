// Word tokens with their folded and stemmed forms: the unit every later step compares.
import { foldWord } from './fold';
import { stemWord } from './stem';
import { STOPWORDS } from './stopwords';

export interface Token {
  raw: string;
  /** UTF-16 offsets in the analysed text. */
  start: number;
  end: number;
  folded: string;
  stem: string;
  /** Starts with an upper-case letter (or is an acronym). */
  capitalized: boolean;
  /** First word of the text or of a sentence inside it. */
  sentenceInitial: boolean;
  stop: boolean;
  negation: boolean;
}

// Words, acronyms with dots (U.S.), numbers with separators (1,000 3.5), percent signs, and n't.
const TOKEN = /(?:\p{L}\.){2,}|n['’]t\b|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:[-'’][\p{L}\p{M}\d]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|%/gu;
const CLITICS = new Set(['m', 're', 've', 'll', 'd']);
// "unable to revive" says what "could not revive" does.
const NEGATIONS = new Set(['not', 'no', 'never', "n't", 'nor', 'none', 'nobody', 'nothing', 'neither', 'without', 'cannot', 'unable']);
// Contractions split so that "doesn't" carries the same negation as "does not".
const CONTRACTION = /^(.+?)(n['’]t)$/i;
const IRREGULAR_NEGATIVE: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall', 'cannot': 'can' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceInitial = true;
  let lastEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index!;
    const word = match[0];
    // Most words follow a single space, which neither ends a sentence nor holds a clitic's apostrophe.
    const between = start === lastEnd + 1 && lastEnd !== 0 && text.charCodeAt(lastEnd) === 0x20 ? ' ' : text.slice(lastEnd, start);
    if ((between !== ' ' && /[.!?:;]["'”’)]*\s/.test(between)) || (lastEnd === 0 && /^\s*$/.test(between))) sentenceInitial = true;
    lastEnd = start + word.length;
    const last = word.charCodeAt(word.length - 1);
    let raw = last === 0x73 || last === 0x53 ? word.replace(/['’]s$/i, '') : word;
    const possessiveEnd = start + raw.length;
    // Only a word ending in "t" (or in a letter outside ASCII, which may fold to one) can be "n't" or "cannot".
    const rawLast = raw.charCodeAt(raw.length - 1);
    const mayNegate = rawLast === 0x74 || rawLast === 0x54 || rawLast > 0x7f;
    const contraction = mayNegate ? CONTRACTION.exec(raw) : null;
    const folded = mayNegate ? foldWord(raw) : '';
    if (contraction && raw.length > 3) {
      const base = IRREGULAR_NEGATIVE[folded] ?? contraction[1];
      const baseEnd = start + contraction[1].length;
      tokens.push(makeToken(base, start, baseEnd, sentenceInitial));
      tokens.push(makeToken('not', baseEnd, possessiveEnd, false));
    } else if (folded === 'cannot') {
      tokens.push(makeToken('can', start, start + 3, sentenceInitial));
      tokens.push(makeToken('not', start + 3, possessiveEnd, false));
    } else {
      if (raw.length === 3 && /^n['’]t$/i.test(raw)) raw = 'not';
      const token = makeToken(raw, start, possessiveEnd, sentenceInitial, word);
      // The clitic of tokenised text ("we 're", "i 'm") is a function word; "M." the initial and "100 m" are not.
      if (CLITICS.has(raw) && /['’]$/.test(between)) token.stop = true;
      const previous = tokens[tokens.length - 1];
      if (previous !== undefined) {
        // "no longer seeks" negates "seeks"; "not only … but also" negates nothing.
        if (previous.folded === 'no' && token.folded === 'longer') token.stop = true;
        // "have yet to be signed": not signed.
        if (previous.folded === 'yet' && token.folded === 'to') previous.negation = true;
        // "in front of" is a preposition, not the front that "back" is the opposite of.
        if (previous.folded === 'in' && token.folded === 'front') token.stop = true;
        if (previous.folded === 'not' && (token.folded === 'only' || token.folded === 'just')) Object.assign(previous, { negation: false, stop: true });
      }
      tokens.push(token);
    }
    sentenceInitial = false;
  }
  return tokens;
}

function apostropheBeforeLast(word: string): boolean {
  const c = word.charCodeAt(word.length - 2);
  return c === 0x27 || c === 0x2019;
}

/** What a token is by its word alone, whatever its place: read once per distinct word. */
interface WordForm {
  folded: string;
  stem: string;
  capitalized: boolean;
  stop: boolean;
  negation: boolean;
}

const wordForms = new Map<string, WordForm>();
const WORD_CACHE_LIMIT = 200_000;

function wordForm(word: string): WordForm {
  let form = wordForms.get(word);
  if (form === undefined) {
    const numeric = /^\d/.test(word);
    const folded = numeric ? word.replace(/,/g, '') : foldWord(word).replace(/\./g, '');
    // An acronym ("US", "U.S.") is a name, never the pronoun "us".
    const acronym = /^(?:\p{Lu}\.?){2,}$/u.test(word);
    form = {
      folded,
      stem: numeric ? folded : stemWord(folded),
      capitalized: /^\p{Lu}/u.test(word),
      stop: !acronym && STOPWORDS.has(folded),
      negation: NEGATIONS.has(folded),
    };
    if (wordForms.size >= WORD_CACHE_LIMIT) wordForms.clear();
    wordForms.set(word, form);
  }
  return form;
}

function makeToken(word: string, start: number, end: number, sentenceInitial: boolean, rawText = word): Token {
  const form = wordForm(word);
  const last = rawText.charCodeAt(rawText.length - 1);
  return {
    // Only a word ending in "s" after an apostrophe ends in "'s".
    raw: (last === 0x73 || last === 0x53) && apostropheBeforeLast(rawText) ? rawText.slice(0, -2) : rawText,
    start,
    end,
    folded: form.folded,
    stem: form.stem,
    capitalized: form.capitalized,
    sentenceInitial,
    stop: form.stop,
    negation: form.negation,
  };
}
