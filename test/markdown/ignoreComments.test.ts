import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DisabledRegions, findDirectives } from '../../server/src/markdown/ignoreComments';
import { extractClaims, NO_SOURCES } from '../../server/src/markdown/extractClaims';

function texts(markdown: string): { claims: string[]; skipped: string[] } {
  const result = extractClaims(markdown, NO_SOURCES);
  return { claims: result.claims.map((c) => c.text), skipped: result.skipped.map((s) => s.text) };
}

test('grounded-ignore skips the next block only', () => {
  const markdown = 'Norway agreed.\n\n<!-- grounded-ignore -->\nCuba objected. Will it matter?\n\nRussia left.\n';
  assert.deepEqual(texts(markdown), { claims: ['Norway agreed.', 'Russia left.'], skipped: [] });
});

test('grounded-ignore before a blank line, a list, a quote or a table skips that whole block', () => {
  assert.deepEqual(texts('<!-- grounded-ignore -->\n\nCuba objected.\n\nRussia left.').claims, ['Russia left.']);
  assert.deepEqual(texts('<!--grounded-ignore-->\n- Cuba objected.\n- Iran objected.\n\nRussia left.').claims, ['Russia left.']);
  assert.deepEqual(texts('<!-- grounded-ignore -->\n> Cuba objected.\n>\n> Iran objected.\n\nRussia left.').claims, ['Russia left.']);
  assert.deepEqual(texts('<!-- grounded-ignore -->\n| a | b |\n|---|---|\n| Cuba objected. | 5 |\n\nRussia left.').claims, ['Russia left.']);
});

test('grounded-ignore inside a list item skips the next block of that item', () => {
  assert.deepEqual(texts('- Norway agreed.\n\n  <!-- grounded-ignore -->\n  Cuba objected.\n- Russia left.').claims, ['Norway agreed.', 'Russia left.']);
});

test('grounded-disable … grounded-enable switches off a region', () => {
  const markdown = [
    'Norway agreed.',
    '',
    '<!-- grounded-disable -->',
    'Cuba objected.',
    '',
    '- Iran objected. Will it matter?',
    '',
    '<!-- grounded-enable -->',
    '',
    'Russia left.',
  ].join('\n');
  assert.deepEqual(texts(markdown), { claims: ['Norway agreed.', 'Russia left.'], skipped: [] });
});

test('grounded-disable without grounded-enable runs to the end', () => {
  assert.deepEqual(texts('Norway agreed.\n\n<!-- grounded-disable -->\n\nCuba objected.\n\nRussia left.').claims, ['Norway agreed.']);
});

test('inline comments switch sentences of a paragraph off and on', () => {
  assert.deepEqual(texts('Norway agreed. <!-- grounded-disable --> Cuba objected. <!-- grounded-enable --> Russia left.').claims, ['Norway agreed.', 'Russia left.']);
});

test('an unrelated comment changes nothing', () => {
  assert.deepEqual(texts('<!-- a note -->\nNorway agreed.').claims, ['Norway agreed.']);
});

test('findDirectives and DisabledRegions', () => {
  assert.deepEqual(findDirectives('<!-- grounded-disable --><!-- grounded-enable -->', 10), [
    { directive: 'disable', start: 10, end: 35 },
    { directive: 'enable', start: 35, end: 59 },
  ]);
  const regions = new DisabledRegions();
  regions.add({ directive: 'disable', start: 0, end: 5 });
  regions.add({ directive: 'enable', start: 20, end: 25 });
  regions.add({ directive: 'disable', start: 40, end: 45 });
  regions.finish(100);
  assert.equal(regions.contains(4), false);
  assert.equal(regions.contains(5), true);
  assert.equal(regions.contains(20), false);
  assert.equal(regions.contains(44), false);
  assert.equal(regions.contains(99), true);
  assert.equal(regions.covers(6, 19), true);
  assert.equal(regions.covers(6, 30), false);
});
