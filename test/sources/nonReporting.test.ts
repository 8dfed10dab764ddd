// Each rule on lines it must exclude and on look-alike reporting lines it must keep.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBodyLines, NON_REPORTING_RULES, NOT_EVIDENCE_MARKER } from '../../server/src/sources/nonReporting';

/** The rule for a single line, classified on its own. */
function ruleOf(line: string, title?: string) {
  return classifyBodyLines([line], { title })[0];
}

test('caption credits are excluded, sentences that mention photos are not', () => {
  assert.equal(ruleOf('Nicolas Maduro says the meetings were authorised by him. (Reuters pic)'), 'caption-credit');
  assert.equal(ruleOf('The Venezuelan leader has confirmed that he is in talks with the Trump administration. -AFP'), 'caption-credit');
  assert.equal(ruleOf('Guaido speaks in Caracas, Aug. 12, 2021. (AP Photo/Ariana Cubillos) (Copyright 2021 The Associated Press. All rights reserved)'), 'caption-credit');
  assert.equal(ruleOf('ARCHIVOS - Guaido en Caracas. (AP Foto/Ariana Cubillos, Archivo) (Copyright 2020 The Associated Press. All rights reserved)'), 'caption-credit');
  assert.equal(ruleOf('Protesters in Caracas (Getty Images)'), 'caption-credit');
  assert.equal(ruleOf('Photo: Reuters/Carlos Garcia Rawlins'), 'caption-credit');
  assert.equal(ruleOf('Copyright 2019 The Associated Press. All rights reserved.'), 'caption-credit');
  assert.equal(ruleOf('The paper published a photo of the meeting on Tuesday.'), undefined);
  assert.equal(ruleOf('He said copyright law was not the issue.'), undefined);
  assert.equal(ruleOf('Sanctions were imposed by the US and the EU.'), undefined);
});

test('a whole article on one line is not a caption, even when it ends in a credit', () => {
  const article = `${'The talks resumed in Mexico City on Friday after a pause of several weeks. '.repeat(12)}(AP Photo/Fernando Llano)`;
  assert.equal(ruleOf(article), undefined);
});

test('embed navigation and quoted-post signatures are excluded', () => {
  assert.equal(ruleOf('Skip Twitter post by @AmbJohnBolton'), 'embed-navigation');
  assert.equal(ruleOf('Skip YouTube post, 1'), 'embed-navigation');
  assert.equal(ruleOf('End of Twitter post by @AmbJohnBolton'), 'embed-navigation');
  assert.equal(ruleOf('— John Bolton (@AmbJohnBolton) August 21, 2019'), 'embed-signature');
  assert.equal(ruleOf('Skip Bayless said on air that the talks would fail.'), undefined);
  assert.equal(ruleOf('— and then the talks stalled, officials said.'), undefined);
});

test('source lines, bracketed notes and link definitions are excluded', () => {
  assert.equal(ruleOf('Source: https://www.bbc.com/news/world-latin-america-49418451'), 'source-line');
  assert.equal(ruleOf('[Disclaimer]'), 'bracketed-note');
  assert.equal(ruleOf('[bbc]: https://www.bbc.com/news'), 'bracketed-note');
  assert.equal(ruleOf('Source: a senior official who asked not to be named.'), undefined);
  assert.equal(ruleOf('[Updated] The ministry said talks would resume on Monday.'), undefined);
});

test('link lists are excluded, list items that are sentences are not', () => {
  assert.equal(ruleOf('- Venezuela crisis in 300 words'), 'link-list');
  assert.equal(ruleOf("- What's behind Venezuela's political crisis?"), 'link-list');
  assert.equal(ruleOf('* [US sanctions may worsen suffering](https://example.com/a)'), 'link-list');
  assert.equal(ruleOf('- The US imposed sweeping sanctions earlier this month.'), undefined);
  assert.equal(ruleOf('1. Mediators from Norway attended the first meeting.'), undefined);
});

test('short one-sentence questions are section headings; longer or mixed lines are not', () => {
  assert.equal(ruleOf('Why is the US involved?'), 'section-question');
  assert.equal(ruleOf('What is the situation in Venezuela?'), 'section-question');
  assert.equal(ruleOf('The talks stalled. What happens next?'), undefined);
  assert.equal(ruleOf('Analysts asked whether the opposition, weakened by the failed April uprising and divided over talks, could still force an early election?'), undefined);
});

test('the headline is excluded only when it equals the title; Markdown headings always', () => {
  const title = 'Venezuela, US met secretly for months, Maduro says';
  assert.equal(ruleOf(title, title), 'headline');
  assert.equal(ruleOf(`# ${title}`, title), 'headline');
  assert.equal(ruleOf(title, 'Another title'), undefined);
  assert.equal(ruleOf('## Background'), 'markdown-heading');
  assert.equal(ruleOf('#hashtag campaigns spread on Tuesday.'), undefined);
});

test('"About the Authors" and every line after it are excluded', () => {
  const lines = ['Peru offered to host the next round.', '', 'About the Authors:', '', 'Veronica Crespo writes for the website.', 'She studied in Miami.'];
  assert.deepEqual(classifyBodyLines(lines), [undefined, undefined, 'author-bio', undefined, 'author-bio', 'author-bio']);
});

test('the not-evidence marker excludes itself and the next non-blank line', () => {
  const lines = [NOT_EVIDENCE_MARKER, '', 'A rumour repeated here.', 'A reported fact.'];
  assert.deepEqual(classifyBodyLines(lines), ['not-evidence-marker', undefined, 'not-evidence-marker', undefined]);
});

test('lines above a dateline near the top are excluded; a dash-caption further down does not count as one', () => {
  const lines = [
    'Venezuelan officials, opposition leaders negotiate in Mexico',
    '',
    'Nicolas Maduro and Juan Guaido met in Mexico to find common ground.',
    '',
    'BOGOTA – The Venezuelan government and the opposition came together in Mexico.',
    'Representatives sat down for negotiations in Mexico City.',
  ];
  assert.deepEqual(classifyBodyLines(lines, { title: lines[0] }), ['headline', undefined, 'before-dateline', undefined, undefined, undefined]);

  const noDateline = ['Talks resumed on Monday.', 'Officials met for six hours.', 'Both sides spoke.', 'No date was set.', 'ARCHIVOS - Guaido en Caracas.'];
  assert.deepEqual(classifyBodyLines(noDateline), noDateline.map(() => undefined));
});

test('every rule a line can get is documented, with a one-line description', () => {
  const names = NON_REPORTING_RULES.map((rule) => rule.name);
  assert.equal(new Set(names).size, names.length);
  for (const rule of NON_REPORTING_RULES) assert.ok(rule.description.length > 0 && !rule.description.includes('\n'), rule.name);
});

test('the headline is found however its spacing, heading marker or Unicode form differs from the title', () => {
  // The test rules most lines out by their first character; these must still reach the comparison.
  assert.equal(ruleOf('Talks   resume in  Mexico', 'Talks resume in Mexico'), 'headline');
  assert.equal(ruleOf('## Talks resume in Mexico', 'Talks resume in Mexico'), 'headline');
  assert.equal(ruleOf('#   Talks resume in Mexico', ' Talks resume in Mexico '), 'headline');
  // "É" as E and a combining accent in the line, composed in the title (and the other way round).
  assert.equal(ruleOf('E\u0301lan in Caracas', '\u00c9lan in Caracas'), 'headline');
  assert.equal(ruleOf('\u00c9lan in Caracas', 'E\u0301lan in Caracas'), 'headline');
  assert.equal(ruleOf('\u212bngstr\u00f6m talks', '\u00c5ngstr\u00f6m talks'), 'headline'); // the Angstrom sign is Å under NFC
  assert.equal(ruleOf('Talks resume in Mexico City', 'Talks resume in Mexico'), undefined);
  assert.equal(ruleOf('Balks resume in Mexico', 'Talks resume in Mexico'), undefined);
});
