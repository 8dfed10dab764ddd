// Turns a source body into passages: one per sentence of each reporting line, verbatim, with the file line it is on.
// Sentences are split per line, never across lines, so every passage points at exactly one line of the file; a
// sentence broken over two lines in the original text becomes two adjacent passages (index differing by one).

import type { Passage, Source } from '../model';
import { splitSentences } from '../text/sentences';
import { classifyBodyLines } from './nonReporting';

export type BodyEvidence = Pick<Source, 'passages' | 'excluded'>;

// Markdown block markup in front of a line's text (quote, list item), kept out of the passage text.
const LEADING_BLOCK_MARKUP = /^\s*(?:>\s*)*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?/;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * @param bodyStartLine 1-based file line of the body's first line, so `Passage.line` is a line of the file.
 * @param title The source's title: the body line repeating it is a headline, not evidence.
 */
export function extractPassages(sourceId: string, body: string, bodyStartLine: number, title?: string): BodyEvidence {
  const lines = body.split(/\r\n|\r|\n/);
  const rules = classifyBodyLines(lines, { title });
  const passages: Passage[] = [];
  const excluded: BodyEvidence['excluded'] = [];
  // Ordinal of the reporting line among the lines that give passages: equal for sentences of one paragraph.
  let paragraph = 0;

  lines.forEach((line, lineIndex) => {
    const fileLine = bodyStartLine + lineIndex;
    const rule = rules[lineIndex];
    if (rule !== undefined) {
      excluded.push({ line: fileLine, rule });
      return;
    }
    const textStart = LEADING_BLOCK_MARKUP.exec(line)?.[0].length ?? 0;
    const text = line.slice(textStart);
    let addedAny = false;
    for (const span of splitSentences(text)) {
      const sentence = text.slice(span.start, span.end);
      if (!HAS_WORD.test(sentence)) continue;
      passages.push({ sourceId, line: fileLine, text: sentence, index: passages.length, paragraph });
      addedAny = true;
    }
    if (addedAny) paragraph++;
  });
  return { passages, excluded };
}
