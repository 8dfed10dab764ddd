// Diagnostics and hover, end to end: the built server over stdio, fixture drafts against the bundled sources.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import type { CiteArguments, OpenSourceArguments } from '../../server/src/protocol';
import { LspClient, ROOT, ensureServerBuilt, fixtureUri, positionOf, readFixture } from './harness';
import { AP_TITLE } from '../fixtures/examples';

const README = 'https://github.com/grounded-writing/grounded/blob/main/README.md';
const AP_URI = pathToFileURL(join(ROOT, 'sources', 'ap-norway-barbados-talks.md')).href;

let client: LspClient;
before(async () => {
  ensureServerBuilt();
  client = await LspClient.start();
});
after(() => client.stop());

function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 1));
  return diagnostics[0]!;
}

describe('diagnostics per code', () => {
  test('contradicted: an Error on the sentence, naming both details, linking the README and the evidence line', async () => {
    const uri = fixtureUri('contradicted.md');
    const diagnostic = only(await client.openAndWait(uri, readFixture('contradicted.md')));
    assert.equal(diagnostic.source, 'grounded');
    assert.equal(diagnostic.code, 'contradicted');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.codeDescription, { href: `${README}#contradicted` });
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 62 } });
    assert.equal(diagnostic.message, `Contradicted by "${AP_TITLE}": the source says "Peru", the draft says "Chile".`);
    // The evidence is line 13 of the AP article (0-based 12 in LSP).
    const related = diagnostic.relatedInformation?.[0];
    assert.equal(related?.location.uri, AP_URI);
    assert.equal(related?.location.range.start.line, 12);
    assert.match(related!.message, /conference in Peru/);
    // Quick fixes come from the server's own check: no payload rides along with every diagnostic.
    assert.equal(diagnostic.data, undefined);
  });

  test('unsupported: a Warning naming the words no source backs', async () => {
    const diagnostic = only(await client.openAndWait(fixtureUri('unsupported.md'), readFixture('unsupported.md')));
    assert.equal(diagnostic.code, 'unsupported');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.codeDescription, { href: `${README}#unsupported` });
    assert.match(String(diagnostic.message), /^No source backs "[^"]+"(, "[^"]+")*\.$/);
    assert.match(String(diagnostic.message), /"resolution"/);
  });

  test('uncited: a Hint naming the source that backs the verbatim sentence', async () => {
    const diagnostic = only(await client.openAndWait(fixtureUri('uncited.md'), readFixture('uncited.md')));
    assert.equal(diagnostic.code, 'uncited');
    assert.equal(diagnostic.severity, 4);
    assert.equal(diagnostic.message, `Supported by "${AP_TITLE}" but not cited.`);
    assert.equal(diagnostic.relatedInformation?.[0]?.location.uri, AP_URI);
    assert.equal(diagnostic.relatedInformation?.[0]?.location.range.start.line, 9);
  });

  test('citation-mismatch: a supported sentence whose footnote names another source', async () => {
    const diagnostic = only(await client.openAndWait(fixtureUri('citation-mismatch.md'), readFixture('citation-mismatch.md')));
    assert.equal(diagnostic.code, 'citation-mismatch');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.codeDescription, { href: `${README}#citation-mismatch` });
    assert.match(String(diagnostic.message), /^The cited "Venezuela crisis: President Maduro says he had secret talks with US" does not back this claim\./);
    // The range covers the sentence with its footnote marker.
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 87 } });
    assert.equal(diagnostic.relatedInformation?.[0]?.location.uri, AP_URI);
  });

  test('a claim can give both its verdict diagnostic and citation-mismatch (a key that names no source)', async () => {
    const uri = 'untitled:both.md';
    const text = 'The UN Security Council passed a resolution supporting the talks.[^x]\n\n[^x]: no-such-source\n';
    const codes = (await client.openAndWait(uri, text)).map((d) => d.code);
    assert.deepEqual(codes, ['unsupported', 'citation-mismatch']);
  });

  test('an unsupported claim citing a real source gets one diagnostic, not a second that repeats it', async () => {
    const uri = 'untitled:repeat.md';
    const text = 'The UN Security Council passed a resolution supporting the talks.[^x]\n\n[^x]: bbc-maduro-secret-talks-us\n';
    const codes = (await client.openAndWait(uri, text)).map((d) => d.code);
    assert.deepEqual(codes, ['unsupported']);
  });

  test('severity "off" publishes none of that code; turning it back on restores them', async () => {
    const uri = fixtureUri('unsupported.md');
    let mark = client.mark();
    client.changeSettings((settings) => (settings.severity.unsupported = 'off'));
    await client.waitForDiagnostics(uri, { after: mark, where: (diagnostics) => diagnostics.length === 0 });

    mark = client.mark();
    client.changeSettings((settings) => (settings.severity.unsupported = 'information'));
    const restored = await client.waitForDiagnostics(uri, { after: mark, where: (diagnostics) => diagnostics.length === 1 });
    assert.equal(restored[0]!.severity, 3);
    client.changeSettings((settings) => (settings.severity.unsupported = 'warning'));
  });
});

describe('hover', () => {
  test('on a contradicted claim: verdict, evidence with the matching words in bold, source credit, open link', async () => {
    const uri = fixtureUri('contradicted.md');
    const text = readFixture('contradicted.md');
    await client.waitForDiagnostics(uri, { version: 1 });
    const hover = await client.hover(uri, positionOf(text, 'attend'));
    assert.ok(hover);
    const markdown = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    // The verdict and the detail lead; the diagnostic's message (which the editor shows above the hover) is not repeated.
    assert.match(markdown, /^\*\*Contradicted\*\* \(confidence \d+%\) — the source says "Peru", the draft says "Chile"\n\n> /);
    assert.doesNotMatch(markdown, /Contradicted by/);
    assert.match(markdown, /John \*\*Bolton\*\* and Commerce Secretary Wilbur \*\*Ross\*\*/);
    // The source's conflicting word stands out from the matched ones: bold code.
    assert.match(markdown, /\*\*conference\*\* in \*\*`Peru`\*\* \*\*attended\*\*/);
    assert.equal(markdown.match(/`Peru`/g)?.length, 1, 'marked in the passage that conflicts, once');
    assert.ok(markdown.includes(`*${AP_TITLE}*, AP`), markdown);
    const link = /\(command:grounded\.openSource\?([^)]+)\)/.exec(markdown);
    assert.ok(link, markdown);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1]!)) as OpenSourceArguments, { sourceId: 'ap-norway-barbados-talks', line: 13 });
    // A contradicted claim has nothing to cite.
    assert.doesNotMatch(markdown, /insertCitation/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 62 } });
  });

  test('on an uncited claim: a link inserting the citation, with the document version', async () => {
    const uri = fixtureUri('uncited.md');
    const text = readFixture('uncited.md');
    const hover = await client.hover(uri, positionOf(text, 'ministry'));
    const markdown = (hover!.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*Supported\*\*/);
    const link = /\(command:grounded\.insertCitation\?([^)]+)\)/.exec(markdown);
    assert.ok(link, markdown);
    const args = JSON.parse(decodeURIComponent(link[1]!)) as CiteArguments;
    assert.deepEqual(args, { uri, version: 1, position: { line: 2, character: 0 }, sourceId: 'ap-norway-barbados-talks' });
    assert.equal(markdown.match(/insertCitation/g)?.length, 1, 'one Cite link per source');
  });

  test('leads with the verdict and the detail, without repeating the diagnostic message', async () => {
    const number = 'file:///virtual/hover-number.md';
    const numberText = readFixture('contradicted-number.md');
    const [contradicted] = await client.openAndWait(number, numberText);
    const markdown = (hover: { contents: unknown } | null) => (hover!.contents as MarkupContent).value;
    const onNumber = markdown(await client.hover(number, positionOf(numberText, 'nations')));
    assert.match(onNumber, /^\*\*Contradicted\*\* \(confidence \d+%\) — the source says "more than 50", the draft says "more than 70"\n/);
    assert.ok(!onNumber.includes(String(contradicted!.message)), 'the diagnostic message is not repeated');
    assert.match(onNumber, /\*\*`more than 50`\*\* \*\*nations\*\*/, 'the conflicting words stand out in the passage');

    const unsupported = 'file:///virtual/hover-unsupported.md';
    const unsupportedText = readFixture('unsupported.md');
    const [finding] = await client.openAndWait(unsupported, unsupportedText);
    const onUnsupported = markdown(await client.hover(unsupported, positionOf(unsupportedText, 'passed')));
    assert.match(onUnsupported, /^\*\*Unsupported\*\* \(confidence \d+%\) — no source backs "[^"]+"(, "[^"]+")*\n/);
    assert.match(onUnsupported.split('\n')[0]!, /"resolution"/);
    assert.ok(!onUnsupported.includes(String(finding!.message)));
    assert.doesNotMatch(onUnsupported, /`/, 'nothing conflicts: nothing in code style');

    const mismatch = 'file:///virtual/hover-mismatch.md';
    const mismatchText = readFixture('citation-mismatch.md');
    const [cited] = await client.openAndWait(mismatch, mismatchText);
    const onMismatch = markdown(await client.hover(mismatch, positionOf(mismatchText, 'ministry')));
    assert.match(onMismatch, /^\*\*Supported\*\* \(confidence \d+%\) — the cited "Venezuela crisis: President Maduro says he had secret talks with US" does not back it; "Norway says/);
    assert.ok(!onMismatch.includes(String(cited!.message)));
  });

  test('nothing on a heading', async () => {
    const uri = fixtureUri('uncited.md');
    assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
  });
});
