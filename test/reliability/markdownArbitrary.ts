// Generated Markdown drafts for the property tests: the shapes writers use (paragraphs with soft line breaks, lists
// nested one level, block quotes, tables, fenced code, footnotes, front matter, headings, HTML and ignore comments),
// with inline markup, citations and astral characters (emoji, flags, mathematical letters, CJK beyond the BMP), a
// byte-order mark or not, and "\n", "\r\n" or lone "\r" line breaks.
//
// The sentences come from a small pool whose verdicts against the bundled sources are known (supported, contradicted
// with a replaceable number, unsupported, skipped): the engine remembers verdicts by sentence text, so a run checks
// each sentence once and a hundred generated drafts take seconds. Inline markup keeps a sentence's plain text, so it
// keeps its verdict.

import fc from 'fast-check';
import { AP, NORWAY } from '../fixtures/examples';

export const SUPPORTED = [
  NORWAY,
  'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.',
  'The mediated talks were taking place on the Caribbean island of Barbados.',
  // Backed by two sources: two Cite fixes.
  'Maduro said that talks with the Trump administration had been going on for months.',
];
export const CONTRADICTED = ['Representatives from more than 70 nations attended a conference in Peru.'];
export const UNSUPPORTED = [
  'The UN Security Council passed a resolution supporting the talks.',
  'The delegations met every Monday in a hotel outside Bridgetown 🇧🇧 with 𝐀𝐁 envoys.',
  'Delegates from 𠀀𠀁 Taipei and 😀 Lima signed a memo on Friday.',
];
const SKIPPED = ['Will the talks ever succeed?', 'Key points:'];
const SENTENCES = [...SUPPORTED, ...CONTRADICTED, ...UNSUPPORTED, ...SKIPPED];

/** The line breaks a draft may use. */
export const LINE_BREAKS = ['\n', '\r\n', '\r'] as const;

const sentence = fc.constantFrom(...SENTENCES);

/** A sentence with inline markup that keeps its plain text, or a citation, or an emoji after it. */
const decorated = fc
  .tuple(sentence, fc.constantFrom('plain', 'emphasis', 'strong', 'link', 'code-free', 'footnote', 'pandoc', 'source-link'))
  .map(([text, decoration]) => {
    const space = text.indexOf(' ');
    const first = text.slice(0, space);
    const rest = text.slice(space);
    const stop = text.length - 1;
    switch (decoration) {
      case 'emphasis':
        return `*${first}*${rest}`;
      case 'strong':
        return `${first}${rest.replace(/ (\S+) /, ' **$1** ')}`;
      case 'link':
        return `[${first}](https://example.com/a)${rest}`;
      case 'footnote':
        return `${text}[^n1]`;
      case 'pandoc':
        return `${text.slice(0, stop)} [@${AP}]${text.slice(stop)}`;
      case 'source-link':
        return `${text.slice(0, stop)} ([AP](https://apnews.com/article/x))${text.slice(stop)}`;
      default:
        return text;
    }
  });

/** Sentences of one paragraph, joined by spaces, soft line breaks or an emoji between them, maybe one after the last. */
const paragraphLines = fc
  .tuple(
    fc.array(fc.tuple(decorated, fc.constantFrom(' ', '\n', ' 🎉 ', ' 👍🏽 🇻🇪 ', ' 🎉\n')), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', ' 🎉'),
  )
  .map(([parts, end]) => parts.map(([text, join], k) => (k === 0 ? text : join + text)).join('') + end);

const listItem = (marker: string, indent: number) => paragraphLines.map((text) => `${' '.repeat(indent)}${marker} ${text.replace(/\n/g, `\n${' '.repeat(indent + marker.length + 1)}`)}`);

const list = fc.constantFrom('-', '*', '1.').chain((marker) =>
  fc
    .array(fc.tuple(listItem(marker, 0), fc.option(listItem('-', marker.length + 1), { nil: undefined })), { minLength: 1, maxLength: 3 })
    .map((items) => items.map(([item, nested]) => (nested ? `${item}\n${nested}` : item)).join('\n')),
);

const quote = paragraphLines.map((text) => text.split('\n').map((line) => `> ${line}`).join('\n'));

const table = fc.array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 2 }).map((rows) =>
  ['| Claim | Also |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'),
);

const fence = fc.constantFrom('```\nlet x = "𝐀 🎉";\n```', '~~~text\nMaduro met Guaidó 70 times.\n~~~', '    indented code 😀');

const footnoteDefinition = fc.constantFrom(`[^n1]: ${AP}`, '[^n1]: A note of my own.', `[^n2]: ${NORWAY}`);

const otherBlock = fc.constantFrom('# The talks 🇻🇪', '## Barbados', '<!-- a note -->', '---', 'Talks', '<div>html block</div>');

const ignored = paragraphLines.map((text) => `<!-- grounded-ignore -->\n${text}`);

const block = fc.oneof(
  { weight: 5, arbitrary: paragraphLines },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: footnoteDefinition },
  { weight: 1, arbitrary: otherBlock },
  { weight: 1, arbitrary: ignored },
);

export interface GeneratedDraft {
  text: string;
  lineBreak: (typeof LINE_BREAKS)[number];
  bom: boolean;
}

/** A whole draft: maybe a byte-order mark and front matter, blocks, maybe an unclosed fence or comment at the end. */
export const draftArbitrary: fc.Arbitrary<GeneratedDraft> = fc
  .record({
    bom: fc.boolean(),
    frontMatter: fc.boolean(),
    blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
    ending: fc.constantFrom('\n', '', '\n\n', '\n```\nunclosed code', '\n<!-- unclosed note'),
    lineBreak: fc.constantFrom(...LINE_BREAKS),
  })
  .map(({ bom, frontMatter, blocks, ending, lineBreak }) => {
    const body = (frontMatter ? '---\ntitle: A draft 😀\ngrounded: true\n---\n\n' : '') + blocks.join('\n\n') + ending;
    return { text: (bom ? '\uFEFF' : '') + body.replace(/\n/g, lineBreak), lineBreak, bom };
  });
