// The edit builders behind the quick fixes, in process: where the ignore comment goes in each kind of block, how
// citations are written in both styles, and how settings are read. Each edit is checked by its exact result and,
// where it matters, by what the engine then reads from the edited draft.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Engine } from '../../server/src/engine';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { buildCitationEdits, existingFootnotesOf } from '../../server/src/findings/citations';
import { parsedDraftOf, type CheckedDraft } from '../../server/src/findings/checkedDraft';
import { applyOffsetEdits, lineEnding } from '../../server/src/findings/edits';
import { ignoreClaimEdit, ignoredBlock } from '../../server/src/findings/ignoreClaim';
import { parseMarkdown } from '../../server/src/markdown/parseDraft';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { AP, AP_NOTE, NORWAY } from '../fixtures/examples';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';
import type { CitationFormat, CitationStyle } from '../../server/src/findings/codes';

const citing = (citationStyle: CitationStyle): CitationFormat => ({ citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE });

function claimTexts(markdown: string): string[] {
  return extractClaims(markdown, NO_SOURCES).claims.map((c) => c.text);
}

/**
 * Ignores the claim containing `needle`; returns the new text after checking that exactly that claim, and the other
 * claims of its block (`sameBlock`), went away.
 */
function ignore(markdown: string, needle: string, sameBlock: string[] = []): string {
  const claim = extractClaims(markdown, NO_SOURCES).claims.find((c) => c.text.includes(needle));
  assert.ok(claim, `no claim with "${needle}"`);
  const result = applyOffsetEdits(markdown, [ignoreClaimEdit(markdown, claim.blockStartOffset)]);
  const before = claimTexts(markdown);
  assert.deepEqual(claimTexts(result), before.filter((text) => text !== claim.text && !sameBlock.includes(text)), result);
  return result;
}

describe('Ignore this claim', () => {
  test('a paragraph: the comment on the line above', () => {
    assert.equal(ignore('Intro Maduro said one thing.\n\nBolton said another thing.\n', 'Bolton'), 'Intro Maduro said one thing.\n\n<!-- grounded-ignore -->\nBolton said another thing.\n');
  });

  test('a paragraph in a block quote keeps the quote marker', () => {
    assert.equal(ignore('> Maduro said one thing.\n>\n> Bolton said another thing.\n', 'Bolton'), '> Maduro said one thing.\n>\n> <!-- grounded-ignore -->\n> Bolton said another thing.\n');
  });

  test('a later paragraph of a list item: the item is the block', () => {
    assert.equal(
      ignore('- Maduro said one thing.\n\n  Bolton said another thing.\n', 'Bolton', ['Maduro said one thing.']),
      // A second paragraph of a list item belongs to the item: the item is the block switched off.
      '<!-- grounded-ignore -->\n- Maduro said one thing.\n\n  Bolton said another thing.\n',
    );
  });

  test('a later list item: above its line, indented as the previous item text, so only it is switched off', () => {
    assert.equal(
      ignore('- Maduro said one thing.\n- Bolton said another thing.\n- Ross said a third thing.\n', 'Bolton'),
      '- Maduro said one thing.\n  <!-- grounded-ignore -->\n- Bolton said another thing.\n- Ross said a third thing.\n',
    );
    assert.equal(
      ignore('1. Maduro said one thing.\n\n2. Bolton said another thing.\n\n3. Ross said a third thing.\n', 'Bolton'),
      '1. Maduro said one thing.\n\n   <!-- grounded-ignore -->\n2. Bolton said another thing.\n\n3. Ross said a third thing.\n',
    );
  });

  test('the first item of a longer list: on its marker line, the text moving below', () => {
    assert.equal(
      ignore('- Maduro said one thing.\n- Bolton said another thing.\n', 'Maduro'),
      '- <!-- grounded-ignore -->\n  Maduro said one thing.\n- Bolton said another thing.\n',
    );
  });

  test('the only item of a list: above it', () => {
    assert.equal(ignore('Intro Ross said a thing.\n\n- Maduro said one thing.\n', 'Maduro'), 'Intro Ross said a thing.\n\n<!-- grounded-ignore -->\n- Maduro said one thing.\n');
  });

  test('a nested list item', () => {
    assert.equal(
      ignore('- Maduro said one thing.\n  - Bolton said another thing.\n  - Ross said a third thing.\n', 'Ross'),
      '- Maduro said one thing.\n  - Bolton said another thing.\n    <!-- grounded-ignore -->\n  - Ross said a third thing.\n',
    );
  });

  test('a table cell: above the table (which switches off the whole table)', () => {
    const table = '| Who | What |\n| --- | --- |\n| Maduro | Maduro said one thing. |\n';
    assert.equal(ignore(`Intro Ross said a thing.\n\n${table}`, 'Maduro said', ['Maduro']), `Intro Ross said a thing.\n\n<!-- grounded-ignore -->\n${table}`);
  });

  test('CRLF line ends are kept', () => {
    assert.equal(ignore('Intro Maduro said a thing.\r\n\r\nBolton said another thing.\r\n', 'Bolton'), 'Intro Maduro said a thing.\r\n\r\n<!-- grounded-ignore -->\r\nBolton said another thing.\r\n');
  });

  test('lone CR line ends are kept', () => {
    assert.equal(ignore('Intro Maduro said a thing.\r\rBolton said another thing.\r', 'Bolton'), 'Intro Maduro said a thing.\r\r<!-- grounded-ignore -->\rBolton said another thing.\r');
  });

  test('a paragraph at the start of its line is recognised without parsing; anything else is looked up in the parse', () => {
    const drafts = [
      'Intro Maduro said one thing.\n\nBolton said another thing.\n',
      '- Maduro said one thing.\n- Bolton said another thing.\n',
      '1. Maduro said one thing.\n2. Bolton said another thing.\n',
      '> Maduro said one thing.\n>\n> Bolton said another thing.\n',
      'Maduro | Bolton\n--- | ---\nMaduro said one thing. | Bolton said another thing.\n',
      '| Who | What |\n| --- | --- |\n| Maduro | Maduro said one thing. |\n',
      'Intro Ross said a thing.\n\n- Maduro said one thing.\n\n  Bolton said another thing.\n',
    ];
    // The top-level paragraphs among them: drafts[0]'s two and drafts[6]'s first.
    const plain = new Set(['0:0', '0:1', '6:0']);
    drafts.forEach((markdown, d) => {
      extractClaims(markdown, NO_SOURCES).claims.forEach((claim, c) => {
        let parsed = 0;
        const found = ignoredBlock(markdown, claim.blockStartOffset, () => (parsed++, parseMarkdown(markdown)));
        const what = `${JSON.stringify(markdown)}: ${claim.text}`;
        assert.equal(parsed, plain.has(`${d}:${c}`) ? 0 : 1, what);
        // The comment switches off exactly the claims the block holds (what "Ignore this … (N claims)" counts).
        const claims = extractClaims(markdown, NO_SOURCES).claims;
        const inBlock = (other: (typeof claims)[number]) =>
          found.span ? other.startOffset >= found.span.start && other.startOffset <= found.span.end : other.blockStartOffset === claim.blockStartOffset;
        const kept = claimTexts(applyOffsetEdits(markdown, [found.edit]));
        assert.deepEqual(kept, claims.filter((other) => !inBlock(other)).map((other) => other.text), what);
      });
    });
    const list = '- Maduro said one thing.\n- Bolton said another thing. Ross said a third thing.\n';
    const second = extractClaims(list, NO_SOURCES).claims[1]!;
    assert.deepEqual(ignoredBlock(list, second.blockStartOffset).kind, 'list item');
    assert.deepEqual(ignoredBlock(list, second.blockStartOffset).span, { start: list.indexOf('- Bolton'), end: list.length - 1 });
  });
});

describe('line endings', () => {
  test('the document\'s own, by its first line break', () => {
    assert.equal(lineEnding('a\r\nb\r\n'), '\r\n');
    assert.equal(lineEnding('a\rb\r'), '\r');
    assert.equal(lineEnding('a\nb\r\n'), '\n');
    assert.equal(lineEnding('no line break'), '\n');
  });
});

describe('citation edits', () => {
  let engine: Engine;
  before(() => {
    engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
  });

  function cite(markdown: string, needle: string, sourceId: string, style: 'footnote' | 'pandoc' = 'footnote'): string {
    const claim = engine.checkDraft(markdown, 'draft.md').claims.find((c) => c.text.includes(needle));
    assert.ok(claim, `no claim with "${needle}"`);
    return applyOffsetEdits(markdown, buildCitationEdits(markdown, [{ claim, sourceId }], engine, citing(style)));
  }

  function citedIds(markdown: string, needle: string): string[] {
    const claim = engine.checkDraft(markdown, 'draft.md').claims.find((c) => c.text.includes(needle))!;
    return claim.citations.flatMap((c) => (c.sourceId ? [c.sourceId] : []));
  }

  test('a document without a final line break gets the definition after a blank line', () => {
    const result = cite(NORWAY, 'ministry', AP);
    assert.equal(result, `${NORWAY}[^${AP}]\n\n[^${AP}]: ${AP_NOTE}\n`);
    assert.deepEqual(citedIds(result, 'ministry'), [AP]);
  });

  test('a label taken by a definition of another source: a fresh label whose definition names the id', () => {
    const markdown = `${NORWAY}\n\n[^${AP}]: bbc-maduro-secret-talks-us\n`;
    const result = cite(markdown, 'ministry', AP);
    assert.equal(
      result,
      `${NORWAY}[^${AP}-2]\n\n[^${AP}]: bbc-maduro-secret-talks-us\n[^${AP}-2]: ${AP_NOTE}\n`,
    );
    assert.deepEqual(citedIds(result, 'ministry'), [AP]);
  });

  test('a definition that names the source by URL is reused', () => {
    const markdown = 'The US is one of more than 50 nations which do not recognize Mr. Maduro as Venezuela\'s legitimate leader.\n\n[^bbc]: <https://www.bbc.com/news/world-latin-america-49418451>\n';
    const result = cite(markdown, 'legitimate', 'bbc-maduro-secret-talks-us');
    assert.equal(result, markdown.replace("leader.\n", 'leader.[^bbc]\n'));
  });

  test('a sentence already citing the source gets no edit', () => {
    const markdown = `${NORWAY}[^${AP}]\n`;
    const claim = engine.checkDraft(markdown, 'draft.md').claims[0]!;
    assert.deepEqual(buildCitationEdits(markdown, [{ claim, sourceId: AP }], engine, citing('footnote')), []);
    assert.deepEqual(buildCitationEdits(markdown, [{ claim, sourceId: AP }], engine, citing('pandoc')), []);
  });

  test('CRLF and lone CR: a blank line before the definition, in the document\'s line breaks', () => {
    const definition = `[^${AP}]: ${AP_NOTE}`;
    assert.equal(cite(`# T\r\n\r\n${NORWAY}\r\n`, 'ministry', AP), `# T\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${definition}\r\n`);
    assert.equal(cite(`# T\r\n\r\n${NORWAY}`, 'ministry', AP), `# T\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${definition}\r\n`);
    assert.equal(cite(`# T\r\n\r\n${NORWAY}\r\n\r\n`, 'ministry', AP), `# T\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${definition}\r\n`);
    assert.equal(cite(`# T\r\r${NORWAY}\r`, 'ministry', AP), `# T\r\r${NORWAY}[^${AP}]\r\r${definition}\r`);
    // After a definition already there: none.
    const withDefinition = `# T\r\n\r\n${NORWAY}\r\n\r\n[^x]: bbc-maduro-secret-talks-us\r\n`;
    assert.equal(cite(withDefinition, 'ministry', AP), `# T\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n[^x]: bbc-maduro-secret-talks-us\r\n${definition}\r\n`);
  });

  test('trailing emoji and backslashes: pandoc before the punctuation, a footnote never right after a backslash', () => {
    const stem = NORWAY.slice(0, -1);
    for (const emoji of [' 😀', '👍🏽', ' 🇳🇴', ' 👨‍👩‍👧', ' ❤️']) {
      assert.equal(cite(`${NORWAY}${emoji}\n`, 'ministry', AP, 'pandoc'), `${stem} [@${AP}].${emoji}\n`, JSON.stringify(emoji));
    }
    assert.equal(cite(`${NORWAY}\\\n`, 'ministry', AP, 'pandoc'), `${stem} [@${AP}].\\\n`);
    assert.equal(cite(`${NORWAY}\\\nMaduro said so.\n`, 'ministry', AP, 'pandoc'), `${stem} [@${AP}].\\\nMaduro said so.\n`);
    const footnote = cite(`${NORWAY}\\\n`, 'ministry', AP);
    assert.ok(footnote.startsWith(`${NORWAY}[^${AP}]\\\n`), footnote);
    assert.deepEqual(citedIds(footnote, 'ministry'), [AP]);
    // An escaped backslash (two in the source) ends the sentence with a literal one: the reference goes before both.
    const escaped = cite(`${NORWAY}\\\\\n`, 'ministry', AP);
    assert.ok(escaped.startsWith(`${NORWAY}[^${AP}]\\\\\n`), escaped);
    assert.deepEqual(citedIds(escaped, 'ministry'), [AP]);
  });

  test('the footnote definitions of a checked version are found once and kept with it', () => {
    const check = (text: string): CheckedDraft => ({ text, report: engine.checkDraft(text, 'd.md'), engine, backing: [] });
    const withDefinitions = check(`${NORWAY}[^ap]\n\n[^ap]: ${AP}\n`);
    const found = existingFootnotesOf(withDefinitions);
    assert.equal(existingFootnotesOf(withDefinitions), found);
    assert.equal(found.labelBySource.get(AP), 'ap');
    assert.equal(parsedDraftOf(withDefinitions), parsedDraftOf(withDefinitions), 'one parse per checked version');
    assert.deepEqual(existingFootnotesOf(check(`${NORWAY}\n`)).usedLabels, new Set());
  });

  test('pandoc: before the closing punctuation, after markers, merged into an existing bracket', () => {
    assert.equal(cite(`${NORWAY}\n`, 'ministry', AP, 'pandoc'), `${NORWAY.slice(0, -1)} [@${AP}].\n`);
    const withFootnote = `${NORWAY}[^x]\n\n[^x]: bbc-maduro-secret-talks-us\n`;
    assert.equal(cite(withFootnote, 'ministry', AP, 'pandoc'), withFootnote.replace('solutions.[^x]', `solutions [@${AP}].[^x]`));
    const withPandoc = `${NORWAY.slice(0, -1)} [@bbc-maduro-secret-talks-us].\n`;
    const merged = cite(withPandoc, 'ministry', AP, 'pandoc');
    assert.equal(merged, `${NORWAY.slice(0, -1)} [@bbc-maduro-secret-talks-us; @${AP}].\n`);
    assert.deepEqual(citedIds(merged, 'ministry'), ['bbc-maduro-secret-talks-us', AP]);
  });
});

describe('settings', () => {
  test('missing or invalid values fall back to the defaults, one by one', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const settings = normalizeSettings({ checkOn: 'sometimes', debounceMs: -5, citationStyle: 'pandoc', severity: { uncited: 'off', contradicted: 'loud' } });
    assert.equal(settings.checkOn, 'type');
    assert.equal(settings.debounceMs, 0);
    assert.equal(settings.citationStyle, 'pandoc');
    assert.deepEqual(settings.severity, { ...DEFAULT_SETTINGS.severity, uncited: 'off' });
    // Fewer than a hundred findings would hide those of an ordinary article.
    assert.equal(normalizeSettings({ maxFindingsPerDocument: 10 }).maxFindingsPerDocument, DEFAULT_SETTINGS.maxFindingsPerDocument);
    assert.equal(normalizeSettings({ maxFindingsPerDocument: 250.4 }).maxFindingsPerDocument, 250);
  });

  test('dotted keys, as some editors send them, are read like nested ones', () => {
    const settings = normalizeSettings({ 'sources.paths': ['a', 7, ' b '], 'sources.includeBundled': false, 'severity.unsupported': 'error' });
    assert.deepEqual(settings.sources, { paths: ['a', 'b'], includeBundled: false });
    assert.equal(settings.severity.unsupported, 'error');
  });
});
