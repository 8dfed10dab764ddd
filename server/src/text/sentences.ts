// Sentence splitting for drafts and sources: one linear pass, abbreviation-aware, returning trimmed spans.
//
// A sentence ends after `.`, `!`, `?` or an ellipsis (plus any closing quotes or brackets right after them) when
// whitespace follows and the next sentence visibly starts: an upper-case letter, a digit or an opening quote or
// bracket. A blank line (paragraph break) always ends a sentence; a single newline is only whitespace.
//
// A period after an abbreviation is handled by the abbreviation's kind:
//  - PREFIX_ABBREVIATIONS ("Mr.", "Dr.", "Gen.", "e.g.", "vs." …) are always followed by more of the same
//    sentence: never split.
//  - NUMBER_ABBREVIATIONS ("No.", "p.", "Vol." …) never split before a number ("No. 1"); elsewhere the period is an
//    ordinary full stop ("No. The talks failed.").
//  - AMBIGUOUS_ABBREVIATIONS ("Inc.", "Aug.", "St." …), dotted acronyms ("U.S.", "a.m.", "Ph.D.") and single-letter
//    initials ("J.") end a sentence only when the next word is one of SENTENCE_STARTERS ("The", "He", "But" …): a
//    title or name-like word keeps the sentence going ("U.S. National Security Adviser", "St. Louis", "Aug. 6",
//    "J. R. R. Tolkien"), while "… in the U.S. The next day …" splits.
// A lone stop with whitespace on both sides (" . ", the mark of tokenised text) splits whatever follows, unless it is
// one dot of a spaced ellipsis (". . ."). A stop whose space was lost ("longer.MSCI's") splits when a lower-case word
// of two letters or more comes before it and a capitalised word after it, outside a quotation.
// Decimals ("3.5") never split because no whitespace follows the point. An ellipsis inside a quotation
// (“We will wait… We will see.”) never splits.

export interface SentenceSpan {
  /** UTF-16 offset of the sentence's first character. */
  start: number;
  /** UTF-16 offset just after the sentence's last character. */
  end: number;
}

/** Abbreviations after which a sentence never ends: titles before names, and Latin/reference shorthands. */
export const PREFIX_ABBREVIATIONS: readonly string[] = [
  // Titles and ranks (before a name).
  'Mr', 'Mrs', 'Ms', 'Mssrs', 'Messrs', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Cpl',
  'Pvt', 'Brig', 'Sen', 'Rep', 'Gov', 'Pres', 'Rev', 'Hon', 'Amb', 'Atty', 'Supt', 'Insp', 'Fr', 'Mt', 'Ft', 'Sra',
  'Mme', 'Mlle', 'Hr', 'Fw',
  // Latin and reference shorthands (before more text).
  'e.g', 'E.g', 'i.e', 'I.e', 'cf', 'Cf', 'vs', 'Vs', 'viz', 'approx', 'ca', 'esp', 'incl', 'Fig', 'fig', 'Figs', 'Eq',
  'Ref', 'Refs', 'et al',
];

/** Abbreviations that only end a sentence when no number follows: "No. 1", "p. 3", "Vol. 2". */
export const NUMBER_ABBREVIATIONS: readonly string[] = [
  'No', 'no', 'Nos', 'nos', 'Nr', 'nr', 'p', 'pp', 'Vol', 'vol', 'Art', 'Ch', 'Sec', 'Para', 'para', 'Ed', 'Ex', 'Op',
];

/**
 * Abbreviations that may end a sentence: the sentence ends only when the next word is a sentence starter.
 * Matched case-sensitively, so ordinary words ("wash.", "miss.") are never mistaken for them.
 */
export const AMBIGUOUS_ABBREVIATIONS: readonly string[] = [
  // Months (before a day: "Aug. 6").
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  // Days.
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  // Companies and name suffixes (often at the end of a sentence).
  'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Jr', 'Sr', 'Esq', 'Plc', 'Cie',
  // Places.
  'St', 'Ave', 'Blvd', 'Rd', 'Mts', 'Ariz', 'Calif', 'Colo', 'Conn', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La',
  'Mass', 'Md', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt',
  'Wash', 'Wis', 'Wyo', 'Dept', 'Univ', 'Assn', 'Natl', 'Govt',
  // Other.
  'etc', 'Etc', 'al', 'min', 'max', 'est', 'ft', 'mi', 'km', 'oz', 'lb', 'lbs', 'hrs',
];

/** Every abbreviation the splitter knows (dotted acronyms such as "U.S." and initials are recognised by shape). */
export const ABBREVIATIONS: readonly string[] = [...PREFIX_ABBREVIATIONS, ...NUMBER_ABBREVIATIONS, ...AMBIGUOUS_ABBREVIATIONS];

/**
 * Words that begin a new sentence after an ambiguous abbreviation ("… in the U.S. The next day …"). Capitalised
 * titles and names are not here, so "U.S. President" and "St. Louis" stay one sentence.
 */
export const SENTENCE_STARTERS: readonly string[] = [
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'Its', 'He', 'She', 'They', 'We', 'I',
  'You', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'But', 'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile', 'Still',
  'Also', 'Then', 'Now', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'Without', 'After', 'Before', 'During', 'Since',
  'Until', 'When', 'While', 'Where', 'Why', 'How', 'What', 'Who', 'Which', 'As', 'If', 'Although', 'Though',
  'Because', 'Some', 'Many', 'Most', 'Several', 'Few', 'All', 'Both', 'Each', 'Every', 'Other', 'Others', 'Such',
  'Not', 'No', 'Nor', 'One', 'Two', 'Three', 'Last', 'Next', 'Earlier', 'Later', 'Today', 'Yesterday', 'Tomorrow',
  'Instead', 'Indeed', 'Moreover', 'Furthermore', 'Thus', 'Therefore', 'Despite', 'According', 'Under', 'Over',
  'Among', 'Asked', 'Officials', 'Critics', 'Analysts',
];

const PREFIX = new Set(PREFIX_ABBREVIATIONS);
const NUMBER = new Set(NUMBER_ABBREVIATIONS);
const AMBIGUOUS = new Set(AMBIGUOUS_ABBREVIATIONS);
const STARTERS = new Set(SENTENCE_STARTERS);
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[', '¿', '¡']);
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;
const SPACE = /\s/;
// Longest abbreviation token looked at behind a period; bounds the look-back so the pass stays linear.
const MAX_TOKEN = 24;

type PeriodKind = 'sentence' | 'prefix' | 'number' | 'ambiguous';

/** Splits `text` into trimmed sentence spans (UTF-16 offsets into `text`), in order, none empty. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let segmentStart = 0;
  let inQuote = false;

  const push = (end: number): void => {
    let s = segmentStart;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };

  let i = 0;
  while (i < n) {
    const c = text[i]!;

    if (c === '\n' || c === '\r') {
      // A blank line is a paragraph break.
      const after = skipBlankLine(text, i);
      if (after > 0) {
        push(i);
        segmentStart = after;
        inQuote = false;
        i = after;
        continue;
      }
      i++;
      continue;
    }

    if (c === '"') inQuote = !inQuote;
    else if (c === '“' || c === '«') inQuote = true;
    else if (c === '”' || c === '»') inQuote = false;

    const isEllipsis = c === '…' || (c === '.' && text[i + 1] === '.' && text[i + 2] === '.');
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') {
      i++;
      continue;
    }

    // Run of terminators ("?!", "...", "…"), then closing quotes/brackets.
    const terminatorStart = i;
    let j = i;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    const terminatorEnd = j;
    let closedQuote = false;
    while (j < n && CLOSERS.has(text[j]!)) {
      if (text[j] === '"' || text[j] === '”' || text[j] === '»') closedQuote = true;
      j++;
    }
    // Emoji after the stop decorate the sentence that ends there ("… on Monday. 🎉 Guaidó answered …").
    const decorated = emojiRunEnd(text, j);
    if (decorated > j && !(isEllipsis && inQuote && !closedQuote)) {
      let next = decorated;
      // A line break after the emoji is whitespace like a space ("… Monday. 🎉⏎Guaidó answered …").
      while (next < n && (text[next] === ' ' || text[next] === '\t' || isLineBreak(text[next]!))) next++;
      const single = terminatorEnd - terminatorStart === 1 && text[terminatorStart] === '.';
      if (next >= n) {
        // Emoji that end the text close this sentence, whatever the stop looks like (a detached " ." too, as a
        // citation marker removed before the stop leaves it).
        if (closedQuote) inQuote = false;
        push(decorated);
        segmentStart = n;
        i = n;
        continue;
      }
      if (next > decorated && startsSentence(text[next]!) && (!single || periodEndsSentence(text, terminatorStart, next))) {
        if (closedQuote) inQuote = false;
        push(decorated);
        segmentStart = next;
        i = next;
        continue;
      }
    }
    const boundary = j;
    // Whitespace must follow.
    let k = j;
    while (k < n && SPACE.test(text[k]!) && !(isLineBreak(text[k]!) && skipBlankLine(text, k) > 0)) k++;
    if (k === j && !isEllipsis && !inQuote && gluedSentenceStart(text, terminatorStart, j)) {
      // "… for longer.MSCI's index fell …": a stop with the space lost, as pasted or scraped text has it.
      if (closedQuote) inQuote = false;
      push(j);
      segmentStart = j;
      i = j;
      continue;
    }
    if (k === j || k >= n || isLineBreak(text[k]!)) {
      // End of text, no whitespace, or a paragraph break (handled by the newline branch).
      if (closedQuote) inQuote = false;
      i = k > j ? k : boundary;
      continue;
    }
    const next = text[k]!;

    let split = false;
    if (isEllipsis && inQuote && !closedQuote) {
      split = false;
    } else if (isDetachedStop(text, terminatorStart, terminatorEnd)) {
      // A detached stop ("victory . he pounced") is tokenised text, where the next sentence may start in lower case.
      split = true;
    } else if (terminatorEnd - terminatorStart === 1 && text[terminatorStart] === '.') {
      split = startsSentence(next) && periodEndsSentence(text, terminatorStart, k);
    } else {
      split = startsSentence(next);
    }
    if (closedQuote) inQuote = false;

    if (split) {
      push(boundary);
      segmentStart = k;
    }
    i = k;
  }
  push(n);
  return spans;
}

// One emoji code point: a pictograph, a skin-tone modifier, a flag letter, a joiner, a variation selector, a keycap.
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]$/u;
const PICTOGRAPH = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]$/u;

/**
 * The end of the emoji (with spaces or tabs between them) starting at `at`, after optional spaces; `at` when none.
 * Linear: each code point is looked at once.
 */
function emojiRunEnd(text: string, at: number): number {
  let end = at;
  let k = at;
  let sawPictograph = false;
  while (k < text.length) {
    if (text[k] === ' ' || text[k] === '\t') {
      k++;
      continue;
    }
    const width = isHighSurrogateCode(text.charCodeAt(k)) && k + 1 < text.length ? 2 : 1;
    const part = text.slice(k, k + width);
    if (!EMOJI_PART.test(part)) break;
    if (PICTOGRAPH.test(part)) sawPictograph = true;
    k += width;
    end = k;
  }
  return sawPictograph ? end : at;
}

function isHighSurrogateCode(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** When a blank line starts at the line break at `i`, the offset after it; otherwise 0. */
function skipBlankLine(text: string, i: number): number {
  let k = i;
  if (text[k] === '\r' && text[k + 1] === '\n') k += 2;
  else k += 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (k < text.length && isLineBreak(text[k]!)) {
    // Swallow any further blank lines too.
    while (k < text.length && SPACE.test(text[k]!)) k++;
    return k;
  }
  return 0;
}

/** A lone full stop with a space before it (tokenised text), not one dot of a spaced ellipsis (". . ."). */
function isDetachedStop(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || text[start] !== '.' || start === 0 || !SPACE.test(text[start - 1]!)) return false;
  return !(text[start - 2] === '.' || /^\s\./.test(text.slice(end, end + 2)));
}

/**
 * A sentence glued to the previous one: a lower-case word of two letters or more, the stop, then a capitalised word
 * ("longer.MSCI's", "world.An"). Initialisms ("U.S.Army"), known shorthands ("e.g.The", "etc.The") and capitalised
 * words ("Example.Com") do not qualify.
 */
function gluedSentenceStart(text: string, stop: number, next: number): boolean {
  if (!UPPER.test(text[next] ?? '') || !LETTER.test(text[next + 1] ?? '')) return false;
  let s = stop;
  while (s > 0 && LOWER.test(text[s - 1]!)) s--;
  return stop - s >= 2 && (s === 0 || !/[\p{L}\p{N}.]/u.test(text[s - 1]!)) && !ABBREVIATION_SET.has(text.slice(s, stop));
}

function startsSentence(c: string): boolean {
  return UPPER.test(c) || DIGIT.test(c) || OPENERS.has(c);
}

/** Decides whether the single period at `dot` ends a sentence, given the next sentence would start at `next`. */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  const kind = periodKind(text, dot);
  switch (kind) {
    case 'sentence':
      return true;
    case 'prefix':
      return false;
    case 'number':
      return !DIGIT.test(text[next]!);
    case 'ambiguous':
      return nextWordStartsSentence(text, next);
  }
}

function periodKind(text: string, dot: number): PeriodKind {
  // The token before the period: letters and inner periods ("U.S", "e.g", "Mr").
  let s = dot;
  while (s > 0 && dot - s < MAX_TOKEN && (LETTER.test(text[s - 1]!) || (text[s - 1] === '.' && s - 1 > 0 && LETTER.test(text[s - 2]!)))) s--;
  if (s === dot) return 'sentence';
  // A token glued to a digit or another word character ("3a.") is not an abbreviation.
  if (s > 0 && /[\p{N}_]/u.test(text[s - 1]!)) return 'sentence';
  const token = text.slice(s, dot);
  if (PREFIX.has(token)) return 'prefix';
  // "et al." is two words.
  if (token === 'al' && text.slice(Math.max(0, s - 3), s) === 'et ') return 'ambiguous';
  if (NUMBER.has(token)) return 'number';
  if (AMBIGUOUS.has(token)) return 'ambiguous';
  // Dotted acronyms and shorthands: "U.S", "U.N", "a.m", "Ph.D".
  if (token.includes('.')) return 'ambiguous';
  // A single capital is an initial: "J. R. R. Tolkien", "John F. Kennedy".
  if (token.length === 1 && UPPER.test(token)) return 'ambiguous';
  return 'sentence';
}

/** After an ambiguous abbreviation: a new sentence starts only with a sentence-starter word or an opening quote. */
function nextWordStartsSentence(text: string, at: number): boolean {
  const c = text[at]!;
  if (c === '“' || c === '"' || c === '‘' || c === '«') return true;
  if (!UPPER.test(c)) return false;
  let e = at;
  while (e < text.length && LETTER.test(text[e]!)) e++;
  const word = text.slice(at, e);
  // Another initial follows ("J. R. Tolkien", "J. A. Smith"): still the same name.
  if (word.length === 1 && text[e] === '.') return false;
  return STARTERS.has(word);
}
