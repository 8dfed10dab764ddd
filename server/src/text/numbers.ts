// Numbers in words and figures: "four million" = 4000000, "a quarter" = 0.25 = "one in four", "50" = 50, "fourth" = 4.
import type { Token } from './tokens';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const FRACTIONS: Record<string, number> = { half: 0.5, quarter: 0.25, third: 1 / 3, thirds: 1 / 3, quarters: 0.25 };
// Also the newsroom abbreviations: "$5bn", "£2.4tn", "3mn", "£25k".
const MULTIPLIERS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, mn: 1e6, bn: 1e9, tn: 1e12,
};
const QUALIFIERS: [string[], Qualifier][] = [
  [['more', 'than'], 'more'], [['over'], 'more'], [['at', 'least'], 'more'], [['upwards', 'of'], 'more'],
  [['less', 'than'], 'less'], [['fewer', 'than'], 'less'], [['under'], 'less'], [['up', 'to'], 'less'],
  [['at', 'most'], 'less'], [['about'], 'about'], [['around'], 'about'], [['nearly'], 'nearly'],
  [['almost'], 'nearly'], [['just', 'under'], 'nearly'], [['close', 'to'], 'nearly'], [['roughly'], 'about'],
  [['some'], 'about'], [['approximately'], 'about'],
];
// "dozens of", "hundreds of": more than one of the unit, fewer than the next ("hundreds" is no "dozens").
const VAGUE_PLURALS: Record<string, number> = { dozens: 12, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };

/** "nearly" and "almost" are "about", but just below the figure: "nearly four million" is not "more than four million". */
export type Qualifier = 'exact' | 'more' | 'less' | 'about' | 'nearly';

export interface NumberSpan {
  value: number;
  qualifier: Qualifier;
  ordinal: boolean;
  /** A share of a whole ("a quarter", "25%"), comparable only with other shares. */
  share: boolean;
  /** Token range [start, end) covering qualifier and number words. */
  start: number;
  end: number;
  /** The unit written in the number's own token ("three-year"), folded. */
  unit?: string;
}

/** Finds the numbers in a token list; years and days of month are left to the date reader. */
export function readNumbers(tokens: Token[], taken: boolean[], text = ''): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const parsed = readNumberAt(tokens, i, text);
    if (!parsed) continue;
    let start = i;
    let qualifier: Qualifier = parsed.vague ? 'more' : 'exact';
    for (const [words, kind] of QUALIFIERS) {
      const from = i - words.length;
      if (from >= 0 && words.every((w, k) => tokens[from + k].folded === w)) {
        qualifier = kind;
        start = from;
        break;
      }
    }
    spans.push({ value: parsed.value, qualifier, ordinal: parsed.ordinal, share: parsed.share, start, end: parsed.end, ...(parsed.unit ? { unit: parsed.unit } : {}) });
    i = parsed.end - 1;
  }
  return spans;
}

const DURATIONS = new Set(['day', 'week', 'month', 'year', 'decade', 'hour']);
/** "twenty-five", "forty-first": one token (the tokenizer keeps hyphenated words whole). */
const HYPHENATED = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$/;

function hyphenated(word: string): [value: number, ordinal: boolean] {
  const [tens, unit] = word.split('-');
  return unit in SMALL ? [SMALL[tens] + SMALL[unit], false] : [SMALL[tens] + ORDINALS[unit], true];
}

/** The units a number may carry in its own token: "a three-year deal", "fourth-quarter sales". */
const UNITS_IN_TOKEN = new Set(['day', 'week', 'month', 'year', 'decade', 'hour', 'minute', 'quarter', 'century', 'season']);
/** A number and its unit in one token: "three-year", "fourth-quarter"; never "one-sided" or "first-class". */
function numberWithUnit(word: string): { value: number; ordinal: boolean; unit: string } | undefined {
  const dash = word.indexOf('-');
  if (dash < 0 || !UNITS_IN_TOKEN.has(word.slice(dash + 1))) return undefined;
  const number = word.slice(0, dash);
  if (number in SMALL) return { value: SMALL[number], ordinal: false, unit: word.slice(dash + 1) };
  if (number in ORDINALS) return { value: ORDINALS[number], ordinal: true, unit: word.slice(dash + 1) };
  return undefined;
}

/** "m" and "b" after an amount of money: "$7.5m", "£2 b" (never "a 100m sprint"). */
const MONEY_MULTIPLIERS: Record<string, number> = { m: 1e6, b: 1e9 };
const MONEY_BEFORE = /[$£€]\s?$/;

/** "two-thirds", "three-quarters": a share in one token, as "two thirds" is. */
function hyphenatedFraction(word: string): number | undefined {
  const dash = word.indexOf('-');
  if (dash < 0) return undefined;
  const count = SMALL[word.slice(0, dash)];
  const part = FRACTIONS[word.slice(dash + 1)];
  return count !== undefined && part !== undefined && count >= 1 && count * part < 1 ? count * part : undefined;
}

function readNumberAt(tokens: Token[], i: number, text = ''): { value: number; end: number; ordinal: boolean; share: boolean; vague?: boolean; unit?: string } | undefined {
  const word = tokens[i].folded;
  const withUnit = numberWithUnit(word);
  if (withUnit) return { ...withUnit, end: i + 1, share: false };
  const fraction = hyphenatedFraction(word);
  if (fraction !== undefined) return { value: fraction, end: i + 1, ordinal: false, share: true };
  if (word in VAGUE_PLURALS && tokens[i + 1]?.folded === 'of') {
    return { value: VAGUE_PLURALS[word], end: i + 1, ordinal: false, share: false, vague: true };
  }
  let value: number | undefined;
  let ordinal = false;
  let end = i + 1;
  if (/^\d+(\.\d+)?$/.test(word)) value = Number(word);
  else if (/^\d+(st|nd|rd|th)$/.test(word)) [value, ordinal] = [parseInt(word, 10), true];
  else if (word in SMALL) value = SMALL[word];
  else if (word in ORDINALS) [value, ordinal] = [ORDINALS[word], true];
  else if (HYPHENATED.test(word)) [value, ordinal] = hyphenated(word);
  else if ((word === 'a' || word === 'one') && tokens[i + 1] && tokens[i + 1].folded in FRACTIONS) {
    return { value: FRACTIONS[tokens[i + 1].folded], end: i + 2, ordinal: false, share: true };
  } else if (word === 'half') return { value: 0.5, end: i + 1, ordinal: false, share: true };
  // "a month", "a week": one unit of time, comparable with "two weeks".
  else if (word === 'a' && tokens[i + 1] && DURATIONS.has(tokens[i + 1].folded)) value = 1;
  else if ((word === 'a' || word === 'one') && tokens[i + 1] && tokens[i + 1].folded in MULTIPLIERS) value = 1;
  if (value === undefined) return undefined;
  // "two thirds" is a share ("two quarters" may be two of a year's quarters, so only thirds).
  if (!ordinal && value >= 1 && value < 3 && tokens[end]?.folded === 'thirds') return { value: value / 3, end: end + 1, ordinal: false, share: true };
  // "twenty five", "four million", "3.5 billion".
  if (!ordinal && value >= 20 && value < 100 && value % 10 === 0 && tokens[end] && SMALL[tokens[end].folded] < 10) {
    value += SMALL[tokens[end].folded];
    end++;
  }
  while (!ordinal && tokens[end] && tokens[end].folded in MULTIPLIERS) {
    value *= MULTIPLIERS[tokens[end].folded];
    end++;
  }
  if (!ordinal && end === i + 1 && tokens[end]?.raw in MONEY_MULTIPLIERS && MONEY_BEFORE.test(text.slice(Math.max(0, tokens[i].start - 2), tokens[i].start))) {
    value *= MONEY_MULTIPLIERS[tokens[end].raw];
    end++;
  }
  // "one in three", "1 in 4": a share of a whole.
  if (!ordinal && tokens[end]?.folded === 'in' && tokens[end + 1]) {
    const whole = /^\d+$/.test(tokens[end + 1].folded) ? Number(tokens[end + 1].folded) : SMALL[tokens[end + 1].folded];
    if (whole !== undefined && whole > value) return { value: value / whole, end: end + 2, ordinal: false, share: true };
  }
  // "25%", "25 percent", "25 per cent".
  const perCent = tokens[end]?.folded === 'per' && tokens[end + 1]?.folded === 'cent';
  const share = !ordinal && (tokens[end]?.folded === '%' || tokens[end]?.folded === 'percent' || perCent);
  if (share) end += perCent ? 2 : 1;
  return { value, end, ordinal, share };
}

/** Two amounts agree when equal, or when a qualifier makes the other one compatible ("over 50" vs "more than 50"). */
export function numbersAgree(a: NumberSpan, b: NumberSpan): 'same' | 'compatible' | 'different' {
  const close = Math.abs(a.value - b.value) <= Math.max(1e-9, Math.abs(b.value) * 0.005);
  const qualifiers = new Set([a.qualifier, b.qualifier]);
  if (close) {
    // "fewer than 50" and "nearly 50" are below 50, "more than 50" above it.
    if (qualifiers.has('more') && (qualifiers.has('nearly') || qualifiers.has('less'))) return 'different';
    return a.qualifier === b.qualifier || qualifiers.has('about') || qualifiers.has('nearly') ? 'same' : 'compatible';
  }
  if (qualifiers.has('about') || qualifiers.has('nearly')) {
    if (Math.abs(a.value - b.value) <= Math.abs(b.value) * 0.1) return 'compatible';
  }
  // "more than 50" in the source backs "more than 40" in the draft.
  if (a.qualifier === 'more' && b.qualifier === 'more' && a.value < b.value) return 'compatible';
  if (a.qualifier === 'less' && b.qualifier === 'less' && a.value > b.value) return 'compatible';
  return 'different';
}
