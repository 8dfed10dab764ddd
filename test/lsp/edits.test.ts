// The edit builders behind the quick fixes, in process: where the ignore comment goes in each kind of block, how
// citations are written in both styles, and how settings are read. Each edit is checked by its exact result and,
// where it matters, by what the engine then reads from the edited draft.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Engine } from '../../server/src/engine';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { buildCitationEdits } from '../../server/src/lsp/citations';
import { applyOffsetEdits } from '../../server/src/lsp/edits';
import { ignoreClaimEdit } from '../../server/src/lsp/ignoreClaim';
import { normalizeSettings } from '../../server/src/lsp/settings';

const AP = 'ap-norway-barbados-talks';
const NORWAY = 'Norway’s foreign ministry said both parties continue in their search for solutions.';

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
});

describe('citation edits', () => {
  let engine: Engine;
  before(() => {
    engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));
  });

  function cite(markdown: string, needle: string, sourceId: string, style: 'footnote' | 'pandoc' = 'footnote'): string {
    const claim = engine.checkDraft(markdown, 'draft.md').claims.find((c) => c.text.includes(needle));
    assert.ok(claim, `no claim with "${needle}"`);
    return applyOffsetEdits(markdown, buildCitationEdits(markdown, [{ claim, sourceId }], engine, style));
  }

  function citedIds(markdown: string, needle: string): string[] {
    const claim = engine.checkDraft(markdown, 'draft.md').claims.find((c) => c.text.includes(needle))!;
    return claim.citations.flatMap((c) => (c.sourceId ? [c.sourceId] : []));
  }

  test('a document without a final line break gets the definition after a blank line', () => {
    const result = cite(NORWAY, 'ministry', AP);
    assert.equal(result, `${NORWAY}[^${AP}]\n\n[^${AP}]: Norway says Venezuela's government and opposition will continue their talks in Barbados. AP.\n`);
    assert.deepEqual(citedIds(result, 'ministry'), [AP]);
  });

  test('a label taken by a definition of another source: a fresh label whose definition names the id', () => {
    const markdown = `${NORWAY}\n\n[^${AP}]: bbc-maduro-secret-talks-us\n`;
    const result = cite(markdown, 'ministry', AP);
    assert.equal(
      result,
      `${NORWAY}[^${AP}-2]\n\n[^${AP}]: bbc-maduro-secret-talks-us\n[^${AP}-2]: Norway says Venezuela's government and opposition will continue their talks in Barbados. AP. ${AP}\n`,
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
    assert.deepEqual(buildCitationEdits(markdown, [{ claim, sourceId: AP }], engine, 'footnote'), []);
    assert.deepEqual(buildCitationEdits(markdown, [{ claim, sourceId: AP }], engine, 'pandoc'), []);
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
  });

  test('dotted keys, as some editors send them, are read like nested ones', () => {
    const settings = normalizeSettings({ 'sources.paths': ['a', 7, ' b '], 'sources.includeBundled': false, 'severity.unsupported': 'error' });
    assert.deepEqual(settings.sources, { paths: ['a', 'b'], includeBundled: false });
    assert.equal(settings.severity.unsupported, 'error');
  });
});
