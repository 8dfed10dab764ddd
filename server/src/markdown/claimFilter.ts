// Which sentences of a draft state a checkable fact. Sentences that state none are skipped, with a reason:
//
//   question    a direct question: "Will the talks succeed?"
//               (not a reported one: "He asked whether talks would resume." or `He asked, “Will they?”`)
//   no-content  no content word at all: "Yes.", "Not at all."
//   prediction  an open prediction or speculation by the writer: "Only time will tell whether the mediation works.",
//               "It remains to be seen…", "Maybe the talks will fail." (not a reported one: "The official said
//               the US will mount pressure.")
//   opinion     the writer's view with no fact inside: "I think the talks are a good idea.", "It is a shame that it
//               came to this.", "Sadly, that is how it goes.", "Maduro should step down." (but "It is a shame that
//               Maduro rejected the talks." and "Sadly, 40 people died." are claims)
//   framing     the writer's signposting: "In this piece we look at…", "Let us now turn to…",
//               "This article examines…", "As we saw earlier.", and a short lead-in label: "Item:", "Key points:"
//
// A frame around a fact does not hide the fact: "As we saw, 70 countries back Guaidó." and "In this piece we show
// that 70 countries back Guaidó." are claims. A sentence keeps being a claim when what follows the frame has a
// *factual core* (see `hasFactualCore`): a number or date, a named entity with a verb, or an event verb.
//
// The filter is deliberately conservative: every rule needs a recognisable cue, and anything it is unsure of is a
// claim — a missed check is worse than a quiet framing sentence.

import type { SkipReason } from '../model';

interface Word {
  /** Lower-cased, curly apostrophes straightened. */
  lower: string;
  raw: string;
  start: number;
  end: number;
  /** Position in the whole sentence (0 = first word). */
  index: number;
}

/** Classifies one sentence (plain text): a reason to skip it, or undefined when it is a claim. */
export function classifySentence(text: string): SkipReason | undefined {
  return classify(text, toWords(text));
}

/**
 * Where the fact of a framed claim starts: "As we saw, 70 countries back Guaidó." → the offset of "70". The frame's
 * words are the writer's, not the claim's, so they are left out of what is checked. 0 when there is no frame.
 */
export function factStart(text: string): number {
  const words = toWords(text);
  const rest = discourseRemainder(words) ?? (() => {
    const meta = metaStatement(words);
    return meta?.kind === 'clause' ? meta.rest : undefined;
  })();
  return rest && rest.length > 0 && rest.some(isContentWord) ? rest[0].start : 0;
}

// How many words a label introducing what follows may have ("Item:", "Key points:", "In short:").
const MAX_LEAD_IN_WORDS = 3;

/** A short label ending in a colon, with no number: it introduces the list or quote below, and states nothing. */
function isLeadIn(text: string, words: readonly Word[]): boolean {
  return words.length <= MAX_LEAD_IN_WORDS && text.trimEnd().endsWith(':') && !/\d/.test(text);
}

/**
 * @param text The whole sentence (word offsets point into it).
 * @param words Its words — or, when a frame has been set aside, the words after the frame.
 */
function classify(text: string, words: Word[]): SkipReason | undefined {
  if (isDirectQuestion(text)) return 'question';
  if (isLeadIn(text, words)) return 'framing';
  if (!words.some(isContentWord)) return 'no-content';

  // "As we saw, …": set the signpost aside and judge the rest.
  const discourse = discourseRemainder(words);
  if (discourse !== undefined) return discourse.some(isContentWord) ? classify(text, discourse) : 'framing';

  if (isOpenPrediction(words)) return 'prediction';

  const opinion = opinionRemainder(text, words);
  if (opinion !== undefined) return hasFactualCore(opinion) ? undefined : 'opinion';
  if (isNormative(words)) return 'opinion';

  const meta = metaStatement(words);
  if (meta !== undefined) {
    if (meta.kind === 'clause') return meta.rest.some(isContentWord) ? classify(text, meta.rest) : 'framing';
    return hasFactualCore(meta.rest) ? undefined : 'framing';
  }
  return undefined;
}

// ---- Words and phrases -----------------------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[.,\-][\p{L}\p{N}]+)*/gu;

// A claim is classified and then asked where its fact starts: the words of the last sentence are kept for the second
// question (nothing changes a sentence's words once read).
let lastText: string | undefined;
let lastWords: Word[] = [];

function toWords(text: string): Word[] {
  if (text === lastText) return lastWords;
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const lower = raw.toLowerCase();
    words.push({ raw, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start: match.index!, end: match.index! + raw.length, index: words.length });
  }
  lastText = text;
  lastWords = words;
  return words;
}

type Phrase = readonly string[];

function phrases(list: readonly string[]): Phrase[] {
  return list.map((p) => p.split(' '));
}

/** The end (exclusive word index) of the longest phrase of `list` starting at word `at`, or -1. */
function matchPhrase(words: readonly Word[], at: number, list: readonly Phrase[]): number {
  let best = -1;
  for (const phrase of list) {
    if (at + phrase.length > words.length || at + phrase.length <= best) continue;
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (words[at + k]!.lower !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) best = at + phrase.length;
  }
  return best;
}

/** The first occurrence of any phrase of `list` in the words, as a word index range. */
function findPhrase(words: readonly Word[], list: readonly Phrase[]): { start: number; end: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const end = matchPhrase(words, i, list);
    if (end >= 0) return { start: i, end };
  }
  return undefined;
}

/** Whether any phrase of `list` occurs anywhere in the words. */
function containsPhrase(words: readonly Word[], list: readonly Phrase[]): boolean {
  return findPhrase(words, list) !== undefined;
}

/** Leading connectives skipped before looking for a frame: "But I think…", "And so, as we saw, …". */
const LEADING_CONNECTIVES = new Set(['but', 'and', 'so', 'yet', 'still', 'now', 'well', 'then', 'again', 'also', 'thus', 'however']);

function skipConnectives(words: readonly Word[]): number {
  let i = 0;
  while (i < words.length && LEADING_CONNECTIVES.has(words[i]!.lower)) i++;
  return i;
}

// ---- No content ------------------------------------------------------------------------------------------------

/** Words that carry no checkable content on their own: answers, interjections, function words. */
const NON_CONTENT = new Set(
  `yes no not nope yeah yep ok okay well oh ah alas hmm indeed right sure exactly absolutely certainly quite really
  very so too also just still even only again then now there here thanks thank please of course at all in on to for
  with by as if or and but nor yet a an the it its this that these those is was be been are were am do does did
  i me my we us our you your he him his she her they them their what why how who when where which whom maybe
  perhaps agreed true false fine good bad great wow huh amen`
    .split(/\s+/)
    .filter(Boolean),
);

function isContentWord(word: Word): boolean {
  return !NON_CONTENT.has(word.lower);
}

// ---- Questions -------------------------------------------------------------------------------------------------

const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']']);
const OPENING_QUOTES = new Set(['"', '“', '‘', '«', "'"]);

/**
 * A sentence ending in "?" — unless the question is quoted after other words, which makes it reported speech:
 * `He asked, “Will the talks resume?”` is a claim about what he asked.
 */
function isDirectQuestion(text: string): boolean {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  let quoted = false;
  while (end > 0 && CLOSING.has(text[end - 1]!)) {
    if (text[end - 1] !== ')' && text[end - 1] !== ']') quoted = true;
    end--;
  }
  if (text[end - 1] !== '?') return false;
  if (!quoted) return true;
  // Find where the quotation opens; words before it make the question reported.
  for (let q = end - 1; q >= 0; q--) {
    if (OPENING_QUOTES.has(text[q]!) && (q === 0 || !/[\p{L}\p{N}]/u.test(text[q - 1]!))) {
      return !/[\p{L}\p{N}]/u.test(text.slice(0, q));
    }
  }
  return true;
}

// ---- Predictions -----------------------------------------------------------------------------------------------

/** Speculation about an open outcome, anywhere in the sentence. */
const SPECULATION = phrases([
  'only time will tell', 'time will tell', 'remains to be seen', 'remain to be seen', 'it is unclear whether',
  'it is unclear if', "it's unclear whether", "it's unclear if", 'it is not clear whether', 'it is not yet clear whether',
  'it is too early to say', 'it is too early to tell', "it's too early to say", "it's too early to tell",
  'too early to tell', 'nobody knows whether', 'no one knows whether', "anyone's guess", 'who knows whether',
]);

/** The writer hedging a forecast, at the start of the sentence (with a modal or future later on). */
const HEDGE_OPENERS = phrases([
  'perhaps', 'maybe', 'possibly', 'probably', 'presumably', 'conceivably', 'i expect', 'we expect', 'i predict',
  'we predict', 'my guess is', 'our guess is', 'chances are', 'odds are', 'i bet',
]);

/** Hedged future, anywhere in the sentence. */
const HEDGED_FUTURE = phrases([
  'will probably', 'will likely', 'will almost certainly', 'will surely', 'will perhaps', 'will possibly',
  'is likely to', 'are likely to', 'is unlikely to', 'are unlikely to', 'may well', 'might well', 'could well',
  'is bound to', 'are bound to', 'is sure to', 'are sure to', 'is set to fail', 'would probably', 'would likely',
]);

const MODALS = new Set(['will', 'would', 'may', 'might', 'could', 'can', 'shall', "'ll", 'going']);

/**
 * An open prediction or speculation by the writer. Reported forecasts (an attribution verb: "said", "according
 * to"…) are claims, and so is a hedged forecast carrying a number or date, which a source may confirm.
 */
function isOpenPrediction(words: Word[]): boolean {
  const speculation = findPhrase(words, SPECULATION);
  if (speculation !== undefined) {
    // "say" in "too early to say" is not an attribution.
    const outside = [...words.slice(0, speculation.start), ...words.slice(speculation.end)];
    return !hasAttribution(outside);
  }
  if (hasAttribution(words)) return false;
  if (hasFactualDetail(words)) return false;
  if (containsPhrase(words, HEDGED_FUTURE)) return true;
  const start = skipConnectives(words);
  if (matchPhrase(words, start, HEDGE_OPENERS) >= 0) {
    return words.some((w) => MODALS.has(w.lower) || w.lower.endsWith("'ll"));
  }
  return false;
}

/** Someone other than the writer is reported: "said", "told", "according to", "warned"… */
const ATTRIBUTION = new Set(
  `said says say told tells according stated states announced announces reported reports added adds warned warns
  insisted insists claimed claims wrote writes tweeted declared declares argued argues predicted predicts expects
  expected forecast forecasts believes believed thinks estimated estimates acknowledged admitted conceded suggested
  suggests indicated hinted signaled signalled vowed pledged promised threatened cautioned asked asks urged urges
  demanded demands confirmed confirms denied denies noted explained`
    .split(/\s+/)
    .filter(Boolean),
);

function hasAttribution(words: Word[]): boolean {
  return words.some((w) => ATTRIBUTION.has(w.lower));
}

// ---- Opinions --------------------------------------------------------------------------------------------------

/** The writer's own view, at the start: the rest of the sentence is what they think. */
const VIEW_OPENERS = phrases([
  'i think', 'i believe', 'i feel', 'i suspect', 'i guess', 'i reckon', 'i suppose', 'i would argue', "i'd argue",
  'i would say', "i'd say", 'i hope', 'i wish', "i'm afraid", 'i am afraid', 'i am convinced', "i'm convinced",
  'i am sure', "i'm sure", 'i doubt', 'we think', 'we believe', 'we feel', 'we hope', 'we would argue', 'in my view',
  'in my opinion', 'in our view', 'in our opinion', 'to my mind', 'personally', 'my sense is', 'my view is',
  'it seems to me', 'it strikes me',
]);

/** Evaluations the writer makes: "It is a shame that…", "It was a pity to…". */
const EVALUATIONS = [
  'a shame', 'a pity', 'sad', 'regrettable', 'unfortunate', 'a good thing', 'a bad thing', 'encouraging',
  'heartening', 'disappointing', 'troubling', 'worrying', 'alarming', 'absurd', 'ridiculous', 'outrageous',
  'shameful', 'tragic', 'a tragedy', 'a disgrace', 'welcome', 'refreshing', 'high time', 'a mistake', 'a good idea',
  'a bad idea', 'wonderful', 'terrible', 'remarkable', 'striking', 'ironic', 'telling',
];
const EVALUATIVE_OPENERS = phrases(
  ['it is', "it's", 'it was', 'it would be', 'what a', 'how'].flatMap((lead) => EVALUATIONS.map((e) => `${lead} ${e}`)),
);

/** Sentence adverbs that only colour the rest: "Sadly, …". */
const SENTIMENT_ADVERBS = phrases([
  'sadly', 'unfortunately', 'fortunately', 'thankfully', 'regrettably', 'hopefully', 'happily', 'alas', 'frankly',
  'honestly', 'ironically', 'luckily', 'mercifully', 'arguably', 'predictably', 'tellingly', 'shockingly',
]);

/** The writer's view added at the end: "…, I think." */
const VIEW_TAGS = phrases(['i think', 'i believe', 'i suspect', 'i feel', 'in my view', 'in my opinion', 'i guess']);

/** The words that follow an opinion frame, or undefined when the sentence has none. */
function opinionRemainder(text: string, words: Word[]): Word[] | undefined {
  const start = skipConnectives(words);
  for (const list of [VIEW_OPENERS, EVALUATIVE_OPENERS, SENTIMENT_ADVERBS]) {
    const end = matchPhrase(words, start, list);
    if (end >= 0) return skipWords(words.slice(end), ['that', 'to', 'how']);
  }
  // A trailing tag after a comma: "The talks are a good idea, I think."
  for (const tag of VIEW_TAGS) {
    const at = words.length - tag.length;
    if (at > 0 && matchPhrase(words, at, [tag]) === words.length && /,\s*$/.test(text.slice(words[at - 1]!.end, words[at]!.start))) {
      return words.slice(0, at);
    }
  }
  return undefined;
}

/** What the writer thinks ought to happen: "Maduro should step down." (no attribution, no number or date). */
function isNormative(words: Word[]): boolean {
  const ought = words.some((w, i) => w.lower === 'should' || (w.lower === 'ought' && words[i + 1]?.lower === 'to'));
  return ought && !hasAttribution(words) && !hasFactualDetail(words);
}

// ---- Framing ---------------------------------------------------------------------------------------------------

/** Signposts back or forward that introduce a statement: "As we saw, …". The rest is judged on its own. */
const DISCOURSE_OPENERS = phrases([
  'as we saw', 'as we have seen', "as we've seen", 'as we saw earlier', 'as we saw above', 'as noted',
  'as noted above', 'as noted earlier', 'as mentioned', 'as mentioned above', 'as mentioned earlier', 'as discussed',
  'as discussed above', 'as discussed earlier', 'as explained', 'as explained above', 'as explained earlier',
  'as i wrote', 'as we wrote', 'as i said', 'as we said', 'as i noted', 'as we noted', 'as shown above',
  'as described above', 'to recap', 'in short', 'in sum', 'to sum up', 'in summary', 'in conclusion', 'to conclude',
  'first of all', 'for context', 'for background', 'for the record', 'to be clear', 'put simply', 'simply put',
  'as a reminder', 'recall that', 'remember that', 'note that',
]);

function discourseRemainder(words: Word[]): Word[] | undefined {
  const end = matchPhrase(words, skipConnectives(words), DISCOURSE_OPENERS);
  return end >= 0 ? words.slice(end) : undefined;
}

const DOCUMENTS = ['piece', 'article', 'post', 'essay', 'story', 'report', 'section', 'chapter', 'explainer', 'analysis', 'newsletter', 'column', 'part', 'guide', 'series'];

/** Who does the signposting: the writer or the text itself. */
const META_SUBJECTS = phrases([
  ...['in this', 'in the following', 'in the next', 'in this short', 'throughout this'].flatMap((lead) =>
    DOCUMENTS.flatMap((doc) => [`${lead} ${doc} we`, `${lead} ${doc} i`]),
  ),
  ...DOCUMENTS.flatMap((doc) => [`this ${doc}`, `the ${doc}`, `the rest of this ${doc}`, `the following ${doc}`, `the next ${doc}`]),
  'the following sections', 'the next sections', 'what follows',
  'here we', 'here i', 'below we', 'below i', 'in what follows we', 'in what follows i', 'next we', 'next i', 'now we',
  'now i', 'we', 'i', "we'll", "i'll", "we're going to", "i'm going to", 'let us', "let's", 'let me',
]);

/** Words allowed between the subject and the verb: "we will now briefly look at", "we would like to examine". */
const META_FILLERS = new Set(['now', 'first', 'then', 'briefly', 'also', 'closely', 'finally', 'next', 'will', 'shall', 'would', 'want', 'wants', 'like', 'to', 'try', 'tries', 'going', 'can', 'here', 'below', 'again', 'quickly', 'more', 'further']);

/** Verbs whose object is a topic: "look at the crisis". */
const META_TOPIC_VERBS = phrases([
  'look at', 'looks at', 'take a look', 'take a look at', 'take a closer look', 'take a closer look at', 'takes a look at', 'examine', 'examines',
  'explore', 'explores', 'turn to', 'turns to', 'focus on', 'focuses on', 'consider', 'considers', 'discuss',
  'discusses', 'review', 'reviews', 'cover', 'covers', 'outline', 'outlines', 'introduce', 'introduces', 'summarise',
  'summarises', 'summarize', 'summarizes', 'trace', 'traces', 'unpack', 'unpacks', 'dig into', 'digs into',
  'delve into', 'delves into', 'address', 'addresses', 'analyse', 'analyses', 'analyze', 'analyzes', 'investigate',
  'investigates', 'revisit', 'revisits', 'recap', 'recaps', 'return to', 'returns to', 'begin with', 'begins with',
  'start with', 'starts with', 'move on to', 'moves on to', 'get to', 'go through', 'goes through', 'walk through',
  'walks through', 'walk you through', 'break down', 'breaks down', 'zoom in on', 'weigh', 'weighs', 'assess',
  'assesses', 'describe', 'describes', 'ask', 'asks', 'tell you about', 'talk about', 'talks about', 'deal with',
  'deals with', 'is about', 'will be about', 'is structured', 'proceeds',
]);

/** Verbs whose object is a statement: "show that …" — the statement is judged on its own. */
const META_CLAUSE_VERBS = phrases([
  'show', 'shows', 'argue', 'argues', 'explain', 'explains', 'find', 'finds', 'found', 'saw', 'see', 'note', 'notes',
  'learn', 'learned', 'learnt', 'report', 'reports', 'demonstrate', 'demonstrates', 'establish', 'establishes',
  'reveal', 'reveals', 'know', 'knew', 'suggest', 'suggests', 'conclude', 'concludes', 'confirm', 'confirms',
]);

/** Stand-alone signposts: "Here is what we know.", "Read on." */
const SIGNPOSTS = phrases([
  'here is what', "here's what", 'here is how', "here's how", 'here is why', "here's why", 'this is what', 'this is how',
  'this is why', 'read on', 'more on that below', 'more on this below', 'more below', 'see below', 'details below',
  'stay tuned', 'first some background', 'some background', 'a bit of background', 'a quick recap', 'a recap',
  'what we know', "what we don't know", 'this is a developing story', 'this story is developing',
  'this story has been updated', 'this article has been updated',
]);

interface MetaStatement {
  kind: 'topic' | 'clause';
  rest: Word[];
}

/** A sentence about the text itself: subject (writer or text) + signposting verb, and what follows. */
function metaStatement(words: Word[]): MetaStatement | undefined {
  const start = skipConnectives(words);
  const signpost = matchPhrase(words, start, SIGNPOSTS);
  if (signpost >= 0) return { kind: 'topic', rest: words.slice(signpost) };

  const subjectEnd = matchPhrase(words, start, META_SUBJECTS);
  if (subjectEnd < 0) return undefined;
  let i = subjectEnd;
  while (i < words.length && META_FILLERS.has(words[i]!.lower)) i++;
  const topicEnd = matchPhrase(words, i, META_TOPIC_VERBS);
  if (topicEnd >= 0) return { kind: 'topic', rest: words.slice(topicEnd) };
  const clauseEnd = matchPhrase(words, i, META_CLAUSE_VERBS);
  if (clauseEnd >= 0) {
    const next = words[clauseEnd]?.lower;
    if (next === 'that') return { kind: 'clause', rest: words.slice(clauseEnd + 1) };
    return { kind: 'topic', rest: words.slice(clauseEnd) };
  }
  return undefined;
}

function skipWords(words: Word[], skippable: readonly string[]): Word[] {
  return words.length > 0 && skippable.includes(words[0]!.lower) ? words.slice(1) : words;
}

// ---- Factual core ----------------------------------------------------------------------------------------------

/**
 * What makes the words after a frame checkable: a number or date ("70 countries", "on Aug. 6", "Monday"), a
 * named entity with a verb ("Norway hosted…", "Maduro is…"), or an event verb with something it is about ("the
 * talks failed" — but not "it has come to this", all function words around the verb).
 */
function hasFactualCore(words: Word[]): boolean {
  if (hasFactualDetail(words)) return true;
  let entity = false;
  let verb = false;
  let eventVerb = false;
  let otherContent = false;
  words.forEach((word, i) => {
    if (isNamedEntity(word)) entity = true;
    const kind = verbKind(word, words[i - 1]);
    if (kind !== undefined) verb = true;
    if (kind === 'event') eventVerb = true;
    else if (kind === undefined && isContentWord(word)) otherContent = true;
  });
  return (eventVerb && otherContent) || (entity && verb);
}

const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
  millions billion billions trillion dozen dozens half percent first second third fourth fifth`
    .split(/\s+/)
    .filter(Boolean),
);
const CALENDAR = new Set(
  `January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
  Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tomorrow`
    .split(/\s+/)
    .filter(Boolean),
);

/** A number (digits or words) or a date word. */
function hasFactualDetail(words: readonly Word[]): boolean {
  return words.some((w) => /\d/.test(w.raw) || NUMBER_WORDS.has(w.lower) || CALENDAR.has(w.raw) || CALENDAR.has(w.lower));
}

/** A capitalised word not at the start of the sentence (and not "I"). */
function isNamedEntity(word: Word): boolean {
  return word.index > 0 && word.raw !== 'I' && /^[\p{Lu}]/u.test(word.raw);
}

const AUXILIARIES = new Set(
  `is are was were be been being am has have had do does did will would can could may might must shall should isn't
  aren't wasn't weren't hasn't haven't hadn't doesn't didn't won't wouldn't can't couldn't it's seem seems seemed
  look looks looked feel feels felt think thinks thought believe believes believed hope hopes hoped wish wishes
  appear appears appeared remain remains remained become becomes became get gets got`
    .split(/\s+/)
    .filter(Boolean),
);

/** Base forms of common news verbs; -s and -ed forms are derived. */
const VERB_BASES = `back support recognise recognize host lead hold meet sign agree reject accept deny say claim announce want
  plan call ask urge impose lift win lose visit attend join leave continue resume begin end fail succeed mediate
  negotiate broker oppose demand offer propose vote elect appoint order allow block ban sanction seize kill die arrest
  release travel return send receive pay cost rise fall grow increase decrease reach launch open close include
  represent control govern rule own run face seek push press warn threaten promise pledge insist report confirm
  decline refuse collapse stall break hit strike storm flee protest march gather tell talk withdraw resign take give
  make go come keep put set bring buy sell build destroy cut raise export import produce shrink expand ratify approve
  veto pass defeat invade attack bomb shoot injure wound survive hire fire sue charge convict sentence jail free exile
  arrive land depart fly recognise mediate suspend cancel postpone schedule host force help provide start stop
  testify vow acknowledge admit reveal disclose publish sign`
  .split(/\s+/)
  .filter(Boolean);

const IRREGULAR_PAST = `met held said led won lost left began begun became took taken gave given made went gone came got kept
  put set brought bought sold built cut told sent paid rose risen fell fallen grew grown ran broke broken struck fled
  withdrew withdrawn stood sought fought knew known saw seen found spent shot beat beaten flew flown drove driven chose
  chosen spoke spoken wrote written froze frozen`
  .split(/\s+/)
  .filter(Boolean);

const EVENT_VERBS: ReadonlySet<string> = (() => {
  const forms = new Set<string>(IRREGULAR_PAST);
  for (const base of VERB_BASES) {
    forms.add(base);
    if (/(?:s|sh|ch|x|z|o)$/.test(base)) forms.add(`${base}es`);
    else if (/[^aeiou]y$/.test(base)) forms.add(`${base.slice(0, -1)}ies`);
    else forms.add(`${base}s`);
    if (base.endsWith('e')) forms.add(`${base}d`);
    else if (/[^aeiou]y$/.test(base)) forms.add(`${base.slice(0, -1)}ied`);
    else {
      forms.add(`${base}ed`);
      forms.add(`${base}${base.at(-1)}ed`);
    }
  }
  return forms;
})();

/** Words after which the next word is a noun or adjective, not a verb: "the talks", "the disputed vote". */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'some', 'many', 'several', 'few', 'any', 'each', 'every', 'no', 'of', 'peace', 'new']);

/** 'aux' for auxiliaries, copulas and verbs of opinion; 'event' for other verbs; undefined for non-verbs. */
function verbKind(word: Word, previous: Word | undefined): 'aux' | 'event' | undefined {
  if (AUXILIARIES.has(word.lower)) return 'aux';
  if (previous !== undefined && DETERMINERS.has(previous.lower)) return undefined;
  if (EVENT_VERBS.has(word.lower)) return 'event';
  if (word.lower.length >= 5 && word.lower.endsWith('ed') && /^\p{Ll}/u.test(word.raw)) return 'event';
  return undefined;
}
