// Which lines of a source body are not reporting. Articles arrive as scraped page text: captions, embed
// navigation, link lists and author bios sit between the paragraphs. They stay in the file, because a source is kept
// verbatim as evidence, but a claim must never be "supported" by a caption or a related-links title.
//
// Every rule is a general pattern over one line (plus the little context a few rules need), never a list of the
// bundled articles' lines, so users' own sources get the same treatment.

export interface NonReportingRule {
  /** Stable name, recorded in `Source.excluded[].rule`. */
  name: string;
  /** One line for the README. */
  description: string;
}

/** The marker a user writes on its own line, above a line of their own source that must not count as evidence. */
export const NOT_EVIDENCE_MARKER = '<!-- grounded: not-evidence -->';

export const NON_REPORTING_RULES = [
  {
    name: 'not-evidence-marker',
    description: `A \`${NOT_EVIDENCE_MARKER}\` line, and the next non-blank line after it.`,
  },
  {
    name: 'author-bio',
    description: 'An "About the Author(s)" line and every line after it.',
  },
  {
    name: 'headline',
    description: "A line equal to the source's title (the headline repeated in the body).",
  },
  {
    name: 'markdown-heading',
    description: 'A Markdown heading line (`# …` to `###### …`).',
  },
  {
    name: 'caption-credit',
    description:
      'A photo caption: a line of at most 120 words ending in a picture credit such as "(AP Photo/…)", "(Reuters pic)", "(Copyright …)" or " -AFP", or starting "Photo:", "Image caption", "Copyright" or "©".',
  },
  {
    name: 'embed-navigation',
    description: 'Page furniture around embedded posts: "Skip Twitter post by …", "Skip content", "End of Twitter post".',
  },
  {
    name: 'embed-signature',
    description: 'The signature line of a quoted post: "— Name (@handle) date".',
  },
  {
    name: 'source-line',
    description: 'A "Source: https://…" line.',
  },
  {
    name: 'bracketed-note',
    description: 'A line that is only a bracketed note such as "[Disclaimer]", or a Markdown link definition "[x]: url".',
  },
  {
    name: 'link-list',
    description: 'A list item that is a bare link title: at most 20 words and no sentence-final period.',
  },
  {
    name: 'section-question',
    description: 'A short line (at most 12 words) that is a single question, as section headings are ("Why is the US involved?").',
  },
  {
    name: 'before-dateline',
    description:
      'Lines before a dateline ("BOGOTA –", "MEXICO CITY:", "WASHINGTON (AP) –") found near the top: captions and standfirsts above the story.',
  },
] as const satisfies readonly NonReportingRule[];

export type NonReportingRuleName = (typeof NON_REPORTING_RULES)[number]['name'];

export interface BodyContext {
  /** The source's title; the body line repeating it is the headline. */
  title?: string;
}

/**
 * Classifies each line of a source body. Returns, per line, the name of the rule that excludes it from evidence,
 * or undefined for reporting lines and blank lines (a blank line is not evidence, but there is nothing to exclude).
 */
export function classifyBodyLines(lines: readonly string[], context: BodyContext = {}): Array<NonReportingRuleName | undefined> {
  const rules: Array<NonReportingRuleName | undefined> = lines.map(() => undefined);
  const datelineIndex = findDatelineIndex(lines);
  let markerPending = false;
  let inAuthorBio = false;
  // Normalised once, not once per line: a 10,000-article library compared it 250,000 times.
  const headline = context.title === undefined ? undefined : normaliseTitle(context.title);

  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    if (line === NOT_EVIDENCE_MARKER) {
      rules[index] = 'not-evidence-marker';
      markerPending = true;
      return;
    }
    if (markerPending) {
      rules[index] = 'not-evidence-marker';
      markerPending = false;
      return;
    }
    if (AUTHOR_BIO_START.test(line)) inAuthorBio = true;
    if (inAuthorBio) {
      rules[index] = 'author-bio';
      return;
    }
    rules[index] = classifyLine(line, headline) ?? (index < datelineIndex ? 'before-dateline' : undefined);
  });
  return rules;
}

/** The rules that look at one trimmed, non-blank line alone; `headline` is the source's title, normalised. */
function classifyLine(line: string, headline: string | undefined): NonReportingRuleName | undefined {
  if (headline !== undefined && isHeadline(line, headline)) return 'headline';
  if (MARKDOWN_HEADING.test(line)) return 'markdown-heading';
  if (isCaption(line)) return 'caption-credit';
  if (EMBED_NAVIGATION.test(line)) return 'embed-navigation';
  if (EMBED_SIGNATURE.test(line)) return 'embed-signature';
  if (SOURCE_LINE.test(line)) return 'source-line';
  if (BRACKETED_NOTE.test(line) || LINK_DEFINITION.test(line)) return 'bracketed-note';
  if (isLinkListItem(line)) return 'link-list';
  if (isSectionQuestion(line)) return 'section-question';
  return undefined;
}

// Captions run to a few sentences; a long line ending in a credit is a whole article pasted on one line.
const MAX_CAPTION_WORDS = 120;

function isCaption(line: string): boolean {
  // The words counted last: splitting every line of a library took longer than the three tests together.
  return (CAPTION_CREDIT_AT_END.test(line) || AGENCY_CREDIT_AT_END.test(line) || CAPTION_START.test(line)) && line.split(/\s+/).length <= MAX_CAPTION_WORDS;
}

const AUTHOR_BIO_START = /^(?:#+\s*)?about the authors?\b:?/i;

const MARKDOWN_HEADING = /^#{1,6}\s/;

// A trailing parenthesised credit ("(AP Photo/…)", "(AP Foto/…)", "(Reuters pic)", "(Getty Images)") or copyright
// notice, possibly several in a row. Anchored at the line end so a sentence that merely mentions a photo stays.
const CREDIT_GROUP = String.raw`\((?:[^()]*\b(?:photos?|fotos?|pics?|pictures?|images?)\b[^()]*|\s*(?:copyright|©)[^()]*)\)`;
const CAPTION_CREDIT_AT_END = new RegExp(String.raw`(?:${CREDIT_GROUP}\s*)+$`, 'i');

// "… administration. -AFP": an agency or picture desk after a dash at the very end of the line.
const AGENCY_CREDIT_AT_END = /\s[-–—]\s?(?:[A-Z]{2,6}|Reuters|Getty(?: Images)?|Bloomberg|Shutterstock)$/;

const CAPTION_START = /^(?:(?:photo|image|picture)(?:\s+(?:caption|credit|source))?\s*:|image (?:caption|source)\b|copyright\s|©)/i;

const EMBED_NAVIGATION = /^(?:skip\s+(?:\w+\s+){0,2}(?:post|content|video|advert(?:isement)?)\b|end of \w+\s+(?:post|content)\b)/i;

// "— John Bolton (@AmbJohnBolton) August 21, 2019"
const EMBED_SIGNATURE = /^[—–-]{1,2}\s*[^()@]{1,80}\(@\w{1,30}\)/;

const SOURCE_LINE = /^source:\s*<?https?:\/\//i;

const BRACKETED_NOTE = /^\[[^\]]{1,60}\]$/;
const LINK_DEFINITION = /^\[[^\]]+\]:\s*\S+/;

const LIST_ITEM = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;
// Sentence-final period, allowing closing quotes or brackets after it.
const ENDS_WITH_PERIOD = /\.["'”’)\]]*$/;

function isLinkListItem(line: string): boolean {
  const item = LIST_ITEM.exec(line);
  if (!item) return false;
  const text = item[1];
  return !ENDS_WITH_PERIOD.test(text) && wordCount(text) <= 20;
}

function isSectionQuestion(line: string): boolean {
  if (!line.endsWith('?') || wordCount(line) > 12) return false;
  // One sentence only: a line with an earlier sentence before the question is a paragraph that ends by asking.
  return !/[.!?]\s/.test(line.slice(0, -1));
}

function isHeadline(line: string, normalisedTitle: string): boolean {
  const text = line.replace(MARKDOWN_HEADING, '');
  // Most lines are ruled out by their first character, without normalising them (the largest cost of reading a
  // library's lines): an ASCII character followed by another keeps its place and value under NFC (no composition
  // joins two ASCII characters), so the normalised line starts with it.
  const start = text.trimStart();
  if (start.charCodeAt(0) < 128 && !(start.charCodeAt(1) >= 128) && start[0] !== normalisedTitle[0]) return false;
  return normaliseTitle(text) === normalisedTitle;
}

function normaliseTitle(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// A dateline opens the story: an upper-case place, an optional agency in brackets, then a dash or colon.
const DATELINE = /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,[^()–—:-]{1,40})?(?: \([A-Za-z.]+\))?\s?(?:[–—-]|:)\s+\S/;
// Only the top of the body is searched: further down, an upper-case word and a dash is a caption ("ARCHIVOS - …").
const DATELINE_SEARCH_LINES = 4;

/** Index of the dateline line among the first few non-blank lines, or -1 when there is none. */
export function findDatelineIndex(lines: readonly string[]): number {
  let nonBlankSeen = 0;
  for (let index = 0; index < lines.length && nonBlankSeen < DATELINE_SEARCH_LINES; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    nonBlankSeen++;
    if (DATELINE.test(line)) return index;
  }
  return -1;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
