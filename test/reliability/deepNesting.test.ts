// Deeply nested Markdown must fail fast with a message naming the file, not hang: the parser's time grows with the
// cube of the nesting depth (3,000 levels of list never finish), so the depth is measured first, in one linear pass.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractClaims, NO_SOURCES, UnreadableDraftError } from '../../server/src/markdown/extractClaims';
import { MAX_NESTING_DEPTH, nestingDepthExceeds, parseMarkdown } from '../../server/src/markdown/parseDraft';
import { DRAFTS, STACK_LINE, ensureBuilt, grounded } from '../cli/run';

before(ensureBuilt);

/** `- item`, each line indented two spaces more: a list nested `depth` levels deep. */
function staircase(depth: number, marker = '-'): string {
  let text = '';
  for (let level = 0; level < depth; level++) text += `${' '.repeat(2 * level)}${marker} item ${level}\n`;
  return text;
}

test('the CLI names a 3,000-level nested list as too deep, within seconds, and checks the other files', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'grounded-nested-'));
  const deep = join(dir, 'deep.md');
  writeFileSync(deep, staircase(3000));
  // 9 MB of indentation: over the default size limit, which refuses it first; with a higher limit it is read, and the
  // nesting is what refuses it.
  const tooLarge = grounded(['check', deep, `${DRAFTS}/mixed.md`, '--fail-on', 'none']);
  assert.equal(tooLarge.status, 2);
  assert.match(tooLarge.stderr, /deep\.md: 9,031,890 bytes, over the size limit of 5,000,000 bytes: not read\n$/);
  const result = grounded(['check', deep, `${DRAFTS}/mixed.md`, '--fail-on', 'none', '--max-file-size', '20M']);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, `grounded: ${deep}: Markdown nested too deeply to read (thousands of levels of quotes or lists)\n`);
  assert.doesNotMatch(result.stderr, STACK_LINE);
  assert.match(result.stdout, /^test\/fixtures\/drafts\/mixed\.md: 3 claims/m);
});

test('every shape of deep nesting is refused fast: lists, ordered lists, quotes, markers on one line, quoted lists', { timeout: 20_000 }, () => {
  let quotedLists = '';
  for (let level = 0; level < 400; level++) quotedLists += `${'>'.repeat(level)} - item\n`;
  const shapes: Record<string, string> = {
    'nested list': staircase(3000),
    'ordered list': staircase(3000, '1.').replace(/^( *)1\./gm, (_, spaces: string) => `${spaces.replace(/  /g, '   ')}1.`),
    'nested quotes': `${'>'.repeat(5000)} Maduro met Guaidó.\n`,
    'markers on one line': `${'- '.repeat(3000)}item\n`,
    'quoted lists': quotedLists,
  };
  for (const [shape, text] of Object.entries(shapes)) {
    assert.throws(() => extractClaims(text, NO_SOURCES), (error) => error instanceof UnreadableDraftError, shape);
  }
});

test('the limit refuses no real document: nesting up to the limit, thematic breaks, fenced code, lazy lines', () => {
  assert.equal(nestingDepthExceeds(staircase(MAX_NESTING_DEPTH), MAX_NESTING_DEPTH), false);
  assert.equal(nestingDepthExceeds(staircase(MAX_NESTING_DEPTH + 1), MAX_NESTING_DEPTH), true);
  assert.equal(extractClaims(staircase(12), NO_SOURCES).claims.length + extractClaims(staircase(12), NO_SOURCES).skipped.length, 12);
  // "- - - …" is a thematic break, not 200 lists.
  assert.equal(nestingDepthExceeds(`${'- '.repeat(200)}\n\nText.\n`, MAX_NESTING_DEPTH), false);
  // A deep YAML example in a fence is code.
  assert.equal(nestingDepthExceeds(`\`\`\`yaml\n${staircase(300)}\`\`\`\n\nText.\n`, MAX_NESTING_DEPTH), false);
  // Siblings and a return to the left margin close the items.
  const siblings = Array.from({ length: 500 }, (_, i) => `- item ${i}\n  - nested ${i}\n\nParagraph ${i}.\n`).join('');
  assert.equal(nestingDepthExceeds(siblings, MAX_NESTING_DEPTH), false);
  assert.doesNotThrow(() => parseMarkdown(siblings));
});
