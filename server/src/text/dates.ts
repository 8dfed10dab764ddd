// Calendar words: months (also "Aug."), weekdays and times of day, each a slot that can conflict.
import type { Token } from './tokens';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIMES_OF_DAY: Record<string, string> = {
  dawn: 'dawn', daybreak: 'dawn', sunrise: 'dawn', morning: 'morning', noon: 'noon', midday: 'noon',
  afternoon: 'afternoon', evening: 'evening', dusk: 'evening', sunset: 'evening', night: 'night', midnight: 'midnight',
  overnight: 'night',
};

export interface DateSpan {
  kind: 'date' | 'year' | 'weekday' | 'time';
  month?: number;
  day?: number;
  year?: number;
  /** weekday 0–6 or time-of-day name. */
  value?: string;
  start: number;
  end: number;
}

export function readDates(tokens: Token[], taken: boolean[]): DateSpan[] {
  const spans: DateSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const token = tokens[i];
    const month = monthOf(tokens, i);
    if (month) {
      const span: DateSpan = { kind: 'date', month, start: i, end: i + 1 };
      const next = tokens[i + 1]?.folded.replace(/(st|nd|rd|th)$/, '');
      if (next && /^\d{1,2}$/.test(next) && Number(next) <= 31) [span.day, span.end] = [Number(next), i + 2];
      else if (i > 0 && /^\d{1,2}(st|nd|rd|th)?$/.test(tokens[i - 1].folded) && !taken[i - 1]) {
        // "6 August" as well as "August 6".
        [span.day, span.start] = [parseInt(tokens[i - 1].folded, 10), i - 1];
      }
      const yearToken = tokens[span.end];
      if (yearToken && /^(19|20)\d\d$/.test(yearToken.folded)) [span.year, span.end] = [Number(yearToken.folded), span.end + 1];
      spans.push(span);
      for (let k = span.start; k < span.end; k++) taken[k] = true;
      i = span.end - 1;
    } else if (/^(1[89]|20)\d\d$/.test(token.folded) && token.raw.length === 4) {
      spans.push({ kind: 'year', year: Number(token.folded), start: i, end: i + 1 });
      taken[i] = true;
    } else if (WEEKDAYS.includes(token.folded)) {
      spans.push({ kind: 'weekday', value: token.folded, start: i, end: i + 1 });
      taken[i] = true;
    } else if (token.folded in TIMES_OF_DAY && !token.capitalized) {
      spans.push({ kind: 'time', value: TIMES_OF_DAY[token.folded], start: i, end: i + 1 });
      taken[i] = true;
    } else if (/^\d{1,2}$/.test(token.folded) && !taken[i]) {
      // A bare day number is read with the month that follows it, if any (handled above when the month comes).
      continue;
    }
  }
  return spans;
}

const AMBIGUOUS_LOWER_MONTHS = new Set(['march', 'may', 'august']);
const MONTH_PREPOSITIONS = ['in', 'since', 'of', 'until', 'by', 'last', 'next', 'early', 'late', 'mid', 'this', 'from'];
const LOWER_MONTH_PREPOSITIONS = ['on', 'in', 'since', 'until', 'from', 'early', 'late', 'mid'];

function allLowerCase(tokens: Token[]): boolean {
  return !tokens.some((t) => t.capitalized);
}

function monthOf(tokens: Token[], i: number): number | undefined {
  const token = tokens[i];
  const index = MONTHS.indexOf(token.folded);
  // Lower-case text (a tokenised summary) writes "october 2011": a month. "march", "may" and "august" are other
  // words too, so in lower case they are months only after "on", "in", "since"… ("on august 6"), or, in text written
  // all in lower case, before a number ("they march 30 kilometres" is no date; "april 3 and march 5" is).
  if (!token.capitalized && (index < 0 || (AMBIGUOUS_LOWER_MONTHS.has(token.folded) &&
    !LOWER_MONTH_PREPOSITIONS.includes(tokens[i - 1]?.folded ?? '') && !(allLowerCase(tokens) && /^\d/.test(tokens[i + 1]?.folded ?? ''))))) {
    return undefined;
  }
  if (index >= 0) {
    // "May" is a month only where a date is plausible, not the modal verb.
    if (token.folded === 'may' && !/^\d/.test(tokens[i + 1]?.folded ?? '') &&
      !MONTH_PREPOSITIONS.includes(tokens[i - 1]?.folded ?? '')) {
      return undefined;
    }
    return index + 1;
  }
  if (token.folded in MONTH_ABBREVIATIONS && /^\d/.test(tokens[i + 1]?.folded ?? '')) return MONTH_ABBREVIATIONS[token.folded];
  return undefined;
}
