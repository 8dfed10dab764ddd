// Quick fixes and the cite-all source action, end to end: each edit is applied the way an editor applies it (an
// incremental change sent back to the server) and the resulting text is compared exactly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { ServerCommands, type CiteArguments, type CiteResult, type RankSourcesResult, type RankedSource } from '../../server/src/protocol';
import { LspClient, editsByDocument, ensureServerBuilt, positionOf, rangeAt, readFixture } from './harness';
import { AP, AP_NOTE, AP_TITLE, NORWAY, UNSUPPORTED } from '../fixtures/examples';

const AP_DEFINITION = `[^${AP}]: ${AP_NOTE}`;
const BBC_DEFINITION =
  '[^bbc-maduro-secret-talks-us]: “Venezuela crisis: President Maduro says he had secret talks with US,” BBC, https://www.bbc.com/news/world-latin-america-49418451.';
const LIMA = 'Foreign ministers of countries that make up part of a so-called Lima Group have met periodically since 2017 to discuss Venezuela’s crisis.';
const CONTRADICTED_PLACE = 'Bolton and Ross were expected to attend a conference in Chile.';

let client: LspClient;
before(async () => {
  ensureServerBuilt();
  client = await LspClient.start();
});
after(() => client.stop());

let documentCount = 0;
/** Opens a fixture under a URI of its own (tests edit their copy) and waits for its diagnostics. */
async function openCopy(fixture: string): Promise<string> {
  const uri = `file:///virtual/${++documentCount}-${fixture}`;
  await client.openAndWait(uri, readFixture(fixture));
  return uri;
}

/** Opens a draft given as text under a URI of its own and waits for its diagnostics. */
async function openText(text: string, name = 'draft.md'): Promise<string> {
  const uri = `file:///virtual/${++documentCount}-${name}`;
  await client.openAndWait(uri, text);
  return uri;
}

async function quickFixesAt(uri: string, needle: string): Promise<CodeAction[]> {
  return client.codeActions(uri, rangeAt(positionOf(client.text(uri), needle)), ['quickfix']);
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Applies the action's edit as the editor would, after checking it targets the current version; returns the new text. */
async function apply(uri: string, action: CodeAction): Promise<string> {
  const change = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  assert.equal(change?.textDocument.uri, uri);
  assert.equal(change?.textDocument.version, client.version(uri), 'the edit names the document version');
  const after = client.mark();
  const version = client.applyTextEdits(uri, editsByDocument(action.edit!).get(uri)!);
  await client.waitForDiagnostics(uri, { version, after });
  return client.text(uri);
}

async function codesOf(uri: string): Promise<string[]> {
  return (await client.waitForDiagnostics(uri, { version: client.version(uri) })).map((d) => String(d.code));
}

describe('Cite (footnote style)', () => {
  test('cites the backing source after the sentence and defines it once at the end', async () => {
    const uri = await openCopy('uncited.md');
    const action = titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics?.map((d) => d.code), ['uncited']);
    const text = await apply(uri, action);
    assert.equal(text, `# Talks continue\n\n${NORWAY.slice(0, -1)}.[^${AP}]\n\n${AP_DEFINITION}\n`);
    assert.deepEqual(await codesOf(uri), []);
  });

  test('is idempotent: a sentence citing the source gets no second Cite, and the definition stays single', async () => {
    const uri = await openCopy('uncited.md');
    await apply(uri, titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`));
    const again = await quickFixesAt(uri, 'ministry');
    assert.deepEqual(again.filter((a) => a.title.startsWith('Cite')), []);
    assert.deepEqual(await client.codeActions(uri, rangeAt(positionOf(client.text(uri), 'ministry')), ['source']), []);
    assert.equal(client.text(uri).split(`[^${AP}]:`).length - 1, 1);
  });

  test('reuses a definition the document already has for that source, under its own label', async () => {
    const uri = await openCopy('reuse-definition.md');
    const text = await apply(uri, titled(await quickFixesAt(uri, 'periodically'), `Cite "${AP_TITLE}"`));
    assert.equal(text, `# Lima Group\n\n${NORWAY}[^ap]\n\n${LIMA}[^ap]\n\n[^ap]: ap-norway-barbados-talks\n`);
    assert.deepEqual(await codesOf(uri), []);
  });

  test('on a citation mismatch, cites the source that backs the claim', async () => {
    const uri = await openCopy('citation-mismatch.md');
    const action = titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`);
    assert.deepEqual(action.diagnostics?.map((d) => d.code), ['citation-mismatch']);
    const text = await apply(uri, action);
    assert.equal(text, `# Talks continue\n\n${NORWAY}[^x][^${AP}]\n\n[^x]: bbc-maduro-secret-talks-us\n${AP_DEFINITION}\n`);
    assert.deepEqual(await codesOf(uri), []);
  });

  test('the command grounded.server.citeSource builds the edit and applies it through workspace/applyEdit', async () => {
    const uri = await openCopy('uncited.md');
    const args: CiteArguments = { uri, version: 1, position: positionOf(client.text(uri), 'ministry'), sourceId: AP };
    const after = client.mark();
    assert.equal(await client.executeCommand<boolean>(ServerCommands.citeSource, args), true);
    assert.equal(client.appliedEdits.at(-1)?.label, `Cite "${AP_TITLE}"`);
    assert.equal(client.text(uri), `# Talks continue\n\n${NORWAY}[^${AP}]\n\n${AP_DEFINITION}\n`);
    await client.waitForDiagnostics(uri, { version: 2, after });
    // Offered for version 1, the document is now at 2: refused.
    assert.equal(await client.executeCommand<boolean>(ServerCommands.citeSource, args), false);
  });
});

describe('Cite (pandoc style, via settings)', () => {
  test('puts [@id] before the closing punctuation, once', async () => {
    const uri = await openCopy('uncited.md');
    const mark = client.mark();
    client.changeSettings((settings) => (settings.citationStyle = 'pandoc'));
    // Any settings change republishes the open documents: after that the server has the new style.
    await client.waitForDiagnostics(uri, { after: mark });
    try {
      const text = await apply(uri, titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`));
      assert.equal(text, `# Talks continue\n\n${NORWAY.slice(0, -1)} [@${AP}].\n`);
      assert.deepEqual(await codesOf(uri), []);
      assert.deepEqual((await quickFixesAt(uri, 'ministry')).filter((a) => a.title.startsWith('Cite')), []);
    } finally {
      const restored = client.mark();
      client.changeSettings((settings) => (settings.citationStyle = 'footnote'));
      await client.waitForDiagnostics(uri, { after: restored });
    }
  });
});

describe('Use the source\'s …', () => {
  test('replaces just the conflicting number', async () => {
    const uri = await openCopy('contradicted-number.md');
    const action = titled(await quickFixesAt(uri, 'nations'), 'Use the source\'s "50"');
    assert.deepEqual(action.diagnostics?.map((d) => d.code), ['contradicted']);
    const text = await apply(uri, action);
    assert.equal(text, '# The Peru conference\n\nRepresentatives from more than 50 nations attended a conference in Peru.\n');
    assert.ok(!(await codesOf(uri)).includes('contradicted'));
  });

  test('replaces the conflicting place', async () => {
    const uri = await openCopy('contradicted.md');
    const text = await apply(uri, titled(await quickFixesAt(uri, 'Chile'), 'Use the source\'s "Peru"'));
    assert.equal(text, '# The Lima Group conference\n\nBolton and Ross were expected to attend a conference in Peru.\n');
    assert.ok(!(await codesOf(uri)).includes('contradicted'));
  });
});

describe('Ignore this claim', () => {
  test('puts the ignore comment on its own line above the paragraph', async () => {
    const uri = await openCopy('contradicted.md');
    const text = await apply(uri, titled(await quickFixesAt(uri, 'Chile'), 'Ignore this claim'));
    assert.equal(text, '# The Lima Group conference\n\n<!-- grounded-ignore -->\nBolton and Ross were expected to attend a conference in Chile.\n');
    assert.deepEqual(await codesOf(uri), []);
  });

  test('in a list, switches off that item only', async () => {
    const uri = await openCopy('list.md');
    assert.deepEqual(await codesOf(uri), ['uncited', 'unsupported', 'contradicted']);
    const text = await apply(uri, titled(await quickFixesAt(uri, 'Security Council'), 'Ignore this claim'));
    assert.equal(
      text,
      [
        '# Notes',
        '',
        `- ${NORWAY}`,
        '  <!-- grounded-ignore -->',
        '- The UN Security Council passed a resolution supporting the talks.',
        '- Bolton and Ross were expected to attend a conference in Chile.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await codesOf(uri), ['uncited', 'contradicted']);
  });

  test('is not offered for a supported, cited claim', async () => {
    const uri = await openCopy('reuse-definition.md');
    const actions = await quickFixesAt(uri, 'ministry');
    assert.deepEqual(actions, []);
  });
});

describe('Cite all supported claims (source action)', () => {
  test('cites every uncited supported claim, one definition per source', async () => {
    const uri = await openCopy('cite-all.md');
    const actions = await client.codeActions(uri, rangeAt({ line: 0, character: 0 }), ['source']);
    const action = titled(actions, 'Cite all supported claims');
    assert.equal(action.kind, 'source.grounded.citeAll');
    const text = await apply(uri, action);
    assert.equal(
      text,
      [
        '# Summary',
        '',
        `${NORWAY}[^${AP}]`,
        '',
        `${LIMA}[^${AP}]`,
        '',
        "The US is one of more than 50 nations which do not recognize Mr. Maduro as Venezuela's legitimate leader.[^bbc-maduro-secret-talks-us]",
        '',
        AP_DEFINITION,
        BBC_DEFINITION,
        '',
      ].join('\n'),
    );
    assert.deepEqual(await codesOf(uri), []);
    assert.deepEqual(await client.codeActions(uri, rangeAt({ line: 0, character: 0 }), ['source']), []);
  });

  test('is not returned when only quick fixes are asked for', async () => {
    const uri = await openCopy('cite-all.md');
    const actions = await client.codeActions(uri, rangeAt(positionOf(client.text(uri), 'ministry')), ['quickfix']);
    assert.ok(actions.length > 0);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
  });
});

describe('line breaks of the document', () => {
  test('CRLF: the definition comes after a blank line, in CRLF', async () => {
    const uri = await openText(`# Talks continue\r\n\r\n${NORWAY}\r\n`, 'crlf.md');
    const text = await apply(uri, titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`));
    assert.equal(text, `# Talks continue\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${AP_DEFINITION}\r\n`);
    assert.deepEqual(await codesOf(uri), []);
  });

  test('CRLF already ending in a blank line: no second one', async () => {
    const uri = await openText(`# Talks continue\r\n\r\n${NORWAY}\r\n\r\n`, 'crlf-blank.md');
    const text = await apply(uri, titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`));
    assert.equal(text, `# Talks continue\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${AP_DEFINITION}\r\n`);
  });

  test('lone CR (old Mac files): the definition and the ignore comment use CR, never LF', async () => {
    const uri = await openText(`# Talks continue\r\r${NORWAY}\r\r${CONTRADICTED_PLACE}\r`, 'cr.md');
    const cited = await apply(uri, titled(await quickFixesAt(uri, 'ministry'), `Cite "${AP_TITLE}"`));
    assert.equal(cited, `# Talks continue\r\r${NORWAY}[^${AP}]\r\r${CONTRADICTED_PLACE}\r\r${AP_DEFINITION}\r`);
    const ignored = await apply(uri, titled(await quickFixesAt(uri, 'Chile'), 'Ignore this claim'));
    assert.equal(ignored, `# Talks continue\r\r${NORWAY}[^${AP}]\r\r<!-- grounded-ignore -->\r${CONTRADICTED_PLACE}\r\r${AP_DEFINITION}\r`);
    assert.ok(!ignored.includes('\n'));
    assert.deepEqual(await codesOf(uri), []);
  });
});

describe('where a citation goes', () => {
  test('pandoc: before the period, not after an emoji that follows it; footnote: never right after a backslash', async () => {
    const emoji = await openText(`# Talks\n\n${NORWAY} 😀\n`, 'emoji.md');
    const mark = client.mark();
    client.changeSettings((settings) => (settings.citationStyle = 'pandoc'));
    await client.waitForDiagnostics(emoji, { after: mark });
    try {
      const text = await apply(emoji, titled(await quickFixesAt(emoji, 'ministry'), `Cite "${AP_TITLE}"`));
      assert.equal(text, `# Talks\n\n${NORWAY.slice(0, -1)} [@${AP}]. 😀\n`);
      assert.deepEqual(await codesOf(emoji), []);
    } finally {
      const restored = client.mark();
      client.changeSettings((settings) => (settings.citationStyle = 'footnote'));
      await client.waitForDiagnostics(emoji, { after: restored });
    }
    const backslash = await openText(`# Talks\n\n${NORWAY}\\\n`, 'backslash.md');
    const text = await apply(backslash, titled(await quickFixesAt(backslash, 'ministry'), `Cite "${AP_TITLE}"`));
    assert.equal(text, `# Talks\n\n${NORWAY}[^${AP}]\\\n\n${AP_DEFINITION}\n`);
    assert.deepEqual(await codesOf(backslash), [], 'the footnote is read as a citation');
  });
});

describe('Ignore: the title says what goes', () => {
  test('a paragraph of two claims: "Ignore this paragraph (2 claims)", and both go', async () => {
    const uri = await openText(`# Notes\n\n${UNSUPPORTED} ${CONTRADICTED_PLACE}\n`, 'two-in-one.md');
    assert.deepEqual(await codesOf(uri), ['unsupported', 'contradicted']);
    const actions = await quickFixesAt(uri, 'Security');
    assert.deepEqual(actions.map((a) => a.title), ['Ignore this paragraph (2 claims)']);
    const text = await apply(uri, actions[0]!);
    assert.equal(text, `# Notes\n\n<!-- grounded-ignore -->\n${UNSUPPORTED} ${CONTRADICTED_PLACE}\n`);
    assert.deepEqual(await codesOf(uri), []);
  });

  test('a list item of two claims, and a table (whose every cell goes: four claims here)', async () => {
    const list = await openText(`# Notes\n\n- ${NORWAY}\n- ${UNSUPPORTED} ${CONTRADICTED_PLACE}\n`, 'list-item.md');
    titled(await quickFixesAt(list, 'Security'), 'Ignore this list item (2 claims)');
    const table = await openText(`# Notes\n\n| Who | What |\n| --- | --- |\n| UN | ${UNSUPPORTED} |\n| Bolton | ${CONTRADICTED_PLACE} |\n`, 'table.md');
    const action = titled(await quickFixesAt(table, 'Chile'), 'Ignore this table (4 claims)');
    const text = await apply(table, action);
    assert.ok(text.startsWith('# Notes\n\n<!-- grounded-ignore -->\n| Who | What |'), text);
    assert.deepEqual(await codesOf(table), []);
  });
});

describe('"Cite all" is built only when asked for', () => {
  test('not for the automatic lightbulb request; for an invoked one, and for a source-action request', async () => {
    const uri = await openCopy('cite-all.md');
    const at = rangeAt(positionOf(client.text(uri), 'ministry'));
    const automatic = await client.codeActions(uri, at, undefined, 2);
    assert.ok(automatic.length > 0);
    assert.ok(automatic.every((a) => a.kind === 'quickfix'), JSON.stringify(automatic.map((a) => a.title)));
    titled(await client.codeActions(uri, at, undefined, 1), 'Cite all supported claims');
    titled(await client.codeActions(uri, at), 'Cite all supported claims');
    assert.deepEqual((await client.codeActions(uri, at, ['source'], 2)).map((a) => a.title), ['Cite all supported claims']);
  });
});

describe('Insert Citation: ranking and citing say what the sentence is', () => {
  test('a source the sentence already cites is marked, and listed after the others', async () => {
    const text = `# Talks\n\n${NORWAY}[^${AP}]\n\n${AP_DEFINITION}\n`;
    const uri = await openText(text, 'cited.md');
    const ranked = await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, uri, positionOf(text, 'ministry'));
    assert.ok(ranked.length >= 2, JSON.stringify(ranked));
    assert.equal(ranked.at(-1)!.id, AP);
    assert.equal(ranked.at(-1)!.cited, true);
    assert.ok(ranked.slice(0, -1).every((r) => r.cited === undefined));

    const args: CiteArguments = { uri, version: client.version(uri), position: positionOf(text, 'ministry'), sourceId: AP };
    const result = await client.executeCommand<CiteResult>(ServerCommands.citeSource, { ...args, detailed: true });
    assert.deepEqual({ applied: result.applied, outcome: result.outcome }, { applied: false, outcome: 'already-cited' });
    assert.equal(await client.executeCommand<boolean>(ServerCommands.citeSource, args), false, 'without `detailed`, a boolean as before');
    assert.equal(client.text(uri), text);
  });

  test('a question is not ranked, and citing it is refused as not a claim', async () => {
    const text = `# Talks\n\nWill the talks ever succeed?\n`;
    const uri = await openText(text, 'question.md');
    const at = positionOf(text, 'talks ever');
    assert.deepEqual(await client.executeCommand<RankedSource[]>(ServerCommands.rankSources, uri, at), []);
    const detailed = await client.executeCommand<RankSourcesResult>(ServerCommands.rankSources, uri, at, { detailed: true });
    assert.deepEqual(detailed, { sentence: 'skipped', skipReason: 'question', sources: [] });
    const result = await client.executeCommand<CiteResult>(ServerCommands.citeSource, { uri, version: 1, position: at, sourceId: AP, detailed: true });
    assert.equal(result.outcome, 'not-a-claim');
    assert.equal(result.skipReason, 'question');
    assert.match(result.message, /question/);
    assert.deepEqual(await client.executeCommand<RankSourcesResult>(ServerCommands.rankSources, uri, { line: 0, character: 3 }, { detailed: true }), {
      sentence: 'none',
      sources: [],
    });
  });

  test('a stale version is refused as such', async () => {
    const uri = await openCopy('uncited.md');
    const at = positionOf(client.text(uri), 'ministry');
    const edited = client.applyTextEdits(uri, [{ range: rangeAt({ line: 0, character: 0 }), newText: 'x' }]);
    const result = await client.executeCommand<CiteResult>(ServerCommands.citeSource, { uri, version: edited - 1, position: at, sourceId: AP, detailed: true });
    assert.deepEqual({ applied: result.applied, outcome: result.outcome }, { applied: false, outcome: 'stale-version' });
    const applied = await client.executeCommand<CiteResult>(ServerCommands.citeSource, { uri, version: edited, position: at, sourceId: AP, detailed: true });
    assert.deepEqual({ applied: applied.applied, outcome: applied.outcome }, { applied: true, outcome: 'applied' });
  });
});
