// An acronym and the words it stands for: "FBI" is "the Federal Bureau of Investigation", "WHO" the "World Health
// Organization", "CEO" the "chief executive (officer)". Either side may spell it out: a claim's acronym is backed where
// the evidence has words whose initials spell it, and a claim's words where the evidence has the acronym of them. The
// words must stand together (only "of", "and", "for", "the" or "&" between them) and carry every letter, so "a big
// cat" never spells "ABC", nor "Federal Reserve" "FBI".
import type { Analysis, Unit } from '../text/analyze';
import type { Token } from '../text/tokens';
import type { UnitAlignment } from './alignment';
import { SCORES, THRESHOLDS } from './thresholds';

/** Words inside a name that its acronym leaves out: "Federal Bureau of Investigation" is FBI. */
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in']);
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;
/** Titles in "-O" ("CEO", "CFO") whose "officer" is often left out: "chief executive". */
const OFFICER = 'o';

/** The letters of an acronym token ("F.B.I." → "fbi"), or undefined for an ordinary word. */
function acronymLetters(token: Token): string | undefined {
  // Most tokens are ruled out before the expression: lower case, or longer than six letters with their dots.
  return token.capitalized && token.raw.length <= 12 && ACRONYM.test(token.raw) ? token.folded : undefined;
}

/**
 * Where the tokens from `start` spell the letters: the end of the run, or -1. A two-letter acronym needs capitalised
 * words ("Supreme Court" for "SC"): two lower-case initials spell too many things.
 */
function spells(tokens: readonly Token[], start: number, letters: string, capitals: boolean): number {
  let k = start;
  for (let l = 0; l < letters.length; l++) {
    while (l > 0 && k < tokens.length && CONNECTORS.has(tokens[k].folded)) k++;
    const token = tokens[k];
    if (!token || token.stop || token.negation || token.folded[0] !== letters[l] || acronymLetters(token)) return -1;
    if (capitals && !token.capitalized) return -1;
    k++;
  }
  return k;
}

/** The runs of tokens that spell the letters (or, for a "-O" title, the letters without the "O"). */
function spellings(tokens: readonly Token[], letters: string): [number, number][] {
  const wanted = letters.length > 2 && letters.endsWith(OFFICER) ? [letters, letters.slice(0, -1)] : [letters];
  const runs: [number, number][] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (const word of wanted) {
      const end = spells(tokens, start, word, letters.length === 2);
      if (end > 0) {
        runs.push([start, end]);
        break;
      }
    }
  }
  return runs;
}

/** Each analysis's acronym tokens, found once: a passage is the evidence of many claims. */
const ACRONYMS_FOUND = new WeakMap<Analysis, number[]>();

function acronymsIn(analysis: Analysis): number[] {
  let found = ACRONYMS_FOUND.get(analysis);
  if (!found) {
    found = [];
    for (let t = 0; t < analysis.tokens.length; t++) if (acronymLetters(analysis.tokens[t])) found.push(t);
    ACRONYMS_FOUND.set(analysis, found);
  }
  return found;
}

function unitAt(analysis: Analysis, token: number): number | undefined {
  const at = analysis.units.findIndex((u) => u.start <= token && token < u.end);
  return at < 0 ? undefined : at;
}

const unbacked = (ua: UnitAlignment) => ua.score < THRESHOLDS.backed && !ua.conflict;

/** Backs the claim's acronyms spelled out in the evidence, and its spelled-out words whose acronym the evidence has. */
export function backAcronyms(units: UnitAlignment[], claim: Analysis, ev: Analysis): void {
  const claimAcronyms = acronymsIn(claim);
  const evidenceAcronyms = acronymsIn(ev);
  // Most sentences have no acronym, and most claims are backed word for word: then nothing here can change.
  if ((claimAcronyms.length === 0 && evidenceAcronyms.length === 0) || !units.some(unbacked)) return;
  for (const ua of units) {
    if (!unbacked(ua) || ua.unit.end - ua.unit.start !== 1 || !claimAcronyms.includes(ua.unit.start)) continue;
    const letters = acronymLetters(claim.tokens[ua.unit.start]);
    const run = letters && spellings(ev.tokens, letters)[0];
    if (run) Object.assign(ua, { score: SCORES.synonym, evidenceUnit: unitAt(ev, run[0]) });
  }
  for (const t of evidenceAcronyms) {
    const letters = acronymLetters(ev.tokens[t])!;
    for (const [start, end] of spellings(claim.tokens, letters)) {
      const spelled = units.filter((ua) => within(ua.unit, start, end));
      if (!spelled.some(unbacked)) continue;
      for (const ua of spelled) if (unbacked(ua)) Object.assign(ua, { score: SCORES.synonym, evidenceUnit: unitAt(ev, t) });
    }
  }
}

function within(unit: Unit, start: number, end: number): boolean {
  return unit.start >= start && unit.end <= end;
}
