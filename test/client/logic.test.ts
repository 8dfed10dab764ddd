// The client's pure logic, without VS Code: messages, status bar states, settings reads, command arguments.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInsertCitationArgs, parseOpenSourceArgs } from '../../client/src/commandArgs';
import { Config } from '../../client/src/config';
import {
  citeRefusalMessage,
  countsText,
  documentSummaryMessage,
  nothingToCiteMessage,
  rankedSourceDescription,
  rankedSourceDetail,
  sourceDescription,
  workspaceSummaryMessage,
} from '../../client/src/format';
import { CHECKING_TEXT, ERROR_TEXT, NOT_A_DRAFT_TEXT, PROBLEMS_COMMAND, StatusModel, UNCHECKED_TEXT } from '../../client/src/statusModel';
import { ClientCommands, DEFAULT_SETTINGS } from '../../server/src/protocol';

const COUNTS = { supported: 8, unsupported: 3, contradicted: 1 };

describe('messages', () => {
  test('a document summary', () => {
    assert.equal(documentSummaryMessage({ claims: 12, counts: COUNTS }), '12 claims: 8 supported, 3 unsupported, 1 contradicted');
    assert.equal(
      documentSummaryMessage({ claims: 1, counts: { supported: 1, unsupported: 0, contradicted: 0 } }),
      '1 claim: 1 supported, 0 unsupported, 0 contradicted',
    );
    assert.equal(documentSummaryMessage({ claims: 0, counts: { supported: 0, unsupported: 0, contradicted: 0 } }), 'No claims to check');
  });

  test('a workspace summary', () => {
    assert.equal(
      workspaceSummaryMessage({ files: 3, claims: 12, counts: COUNTS, problems: [] }),
      '3 files, 12 claims: 8 supported, 3 unsupported, 1 contradicted',
    );
    assert.equal(
      workspaceSummaryMessage({ files: 1, claims: 0, counts: { supported: 0, unsupported: 0, contradicted: 0 }, problems: [{ uri: 'file:///a.md', message: 'binary' }] }),
      '1 file, no claims to check; 1 file could not be read',
    );
    assert.equal(
      workspaceSummaryMessage({ files: 0, claims: 0, counts: { supported: 0, unsupported: 0, contradicted: 0 }, problems: [] }),
      'No Markdown files to check in the workspace',
    );
  });

  test('status bar counts, source descriptions, ranked sources', () => {
    assert.equal(countsText(COUNTS), '$(check) 8 $(warning) 3 $(error) 1');
    assert.equal(sourceDescription({ outlet: 'AP', date: '2024-03-12' }), 'AP · 2024-03-12');
    assert.equal(sourceDescription({ outlet: 'AP' }), 'AP');
    assert.equal(sourceDescription({}), '');
    const detail = rankedSourceDetail({ verdict: 'supported', score: 0.834, passage: 'Talks   began\nin Oslo.' });
    assert.equal(detail, '$(check) supported (83%) — “Talks began in Oslo.”');
    const long = rankedSourceDetail({ verdict: 'contradicted', score: 2, passage: 'x'.repeat(500) }, 20);
    assert.ok(long.startsWith('$(error) contradicted (100%) — “'));
    assert.ok(long.endsWith('…”'));
  });
});

describe('Insert Citation messages', () => {
  test('a source the sentence already cites is marked in the QuickPick', () => {
    assert.equal(rankedSourceDescription({ outlet: 'AP', date: '2019-08-02', cited: true }), 'already cited · AP · 2019-08-02');
    assert.equal(rankedSourceDescription({ cited: true }), 'already cited');
    assert.equal(rankedSourceDescription({ outlet: 'AP' }), 'AP');
  });

  test('why nothing is offered: a skipped sentence says what it is', () => {
    assert.equal(nothingToCiteMessage({ sentence: 'skipped', skipReason: 'question', sources: [] }), 'the sentence at the cursor is a question, not a claim: there is nothing to cite.');
    assert.match(nothingToCiteMessage({ sentence: 'skipped', skipReason: 'opinion', sources: [] }), /an opinion, not a claim/);
    assert.match(nothingToCiteMessage({ sentence: 'none', sources: [] }), /put the cursor on a sentence/);
    assert.equal(nothingToCiteMessage({ sentence: 'claim', sources: [] }), 'no source in the library speaks to the sentence at the cursor.');
  });

  test('why a citation was not inserted: one message per reason, "the draft changed" only when it did', () => {
    assert.equal(citeRefusalMessage({ outcome: 'stale-version', message: '' }), 'the draft changed since the sources were ranked. Try again.');
    assert.equal(citeRefusalMessage({ outcome: 'already-cited', message: '' }), 'the sentence already cites this source.');
    assert.match(citeRefusalMessage({ outcome: 'not-a-claim', skipReason: 'prediction', message: '' }), /a prediction, not a claim/);
    const messages = (['stale-version', 'already-cited', 'not-a-claim', 'no-sentence', 'not-open', 'rejected'] as const).map((outcome) =>
      citeRefusalMessage({ outcome, message: '' }),
    );
    assert.equal(new Set(messages).size, messages.length);
    assert.equal(messages.filter((m) => /changed/.test(m)).length, 1);
  });
});

describe('the status bar model', () => {
  const uri = 'file:///drafts/a.md';
  const other = 'file:///drafts/b.md';

  test('starts with a spinner, then shows counts per document', () => {
    const model = new StatusModel();
    assert.equal(model.view(uri).text, CHECKING_TEXT);
    model.clientRunning();
    assert.equal(model.view(uri).text, UNCHECKED_TEXT);
    model.apply({ state: 'checking', uri });
    assert.equal(model.view(uri).text, CHECKING_TEXT);
    assert.equal(model.view(other).text, UNCHECKED_TEXT);
    model.apply({ state: 'ready', uri, counts: COUNTS });
    assert.equal(model.view(uri).text, '$(check) 8 $(warning) 3 $(error) 1');
    assert.equal(model.view(uri).kind, 'counts');
    assert.match(model.view(uri).tooltip, /8 supported, 3 unsupported, 1 contradicted/);
    assert.doesNotMatch(model.view(uri).tooltip, /not listed/);
    assert.equal(model.view(other).text, UNCHECKED_TEXT);
    // Over grounded.maxFindingsPerDocument: the tooltip says how many findings Problems leaves out, until a check lists all.
    model.apply({ state: 'ready', uri, counts: COUNTS, unlistedFindings: 31_972 });
    assert.match(model.view(uri).tooltip, /31,972 more are not listed \(grounded\.maxFindingsPerDocument\)/);
    model.apply({ state: 'ready', uri, counts: COUNTS });
    assert.doesNotMatch(model.view(uri).tooltip, /not listed/);
  });

  test('a checking without a URI spins for every document until ready', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.setCounts(uri, COUNTS);
    model.apply({ state: 'checking' });
    assert.equal(model.view(uri).text, CHECKING_TEXT);
    assert.equal(model.view(other).text, CHECKING_TEXT);
    model.apply({ state: 'ready', uri: other, counts: { supported: 1, unsupported: 0, contradicted: 0 } });
    assert.equal(model.view(uri).text, '$(check) 8 $(warning) 3 $(error) 1');
    assert.equal(model.view(other).text, '$(check) 1 $(warning) 0 $(error) 0');
  });

  test('a source library error stays through document checks (which keep their counts) until the library is fine', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.apply({ state: 'error', message: 'Cannot read the source folder /nope' });
    assert.equal(model.view(uri).text, ERROR_TEXT);
    assert.equal(model.view(uri).kind, 'error');
    assert.match(model.view(uri).tooltip, /\/nope/);
    assert.equal(model.view(uri).serverDown, undefined);
    model.apply({ state: 'checking', uri });
    model.apply({ state: 'error', uri, counts: COUNTS, message: 'Cannot read the source folder /nope' });
    assert.equal(model.view(uri).text, ERROR_TEXT);
    assert.match(model.view(uri).tooltip, /Last check: 8 supported/);
    assert.deepEqual(model.countsFor(uri), COUNTS);
    model.sourcesLoaded(1);
    assert.equal(model.view(uri).text, ERROR_TEXT);
    model.sourcesLoaded(0);
    assert.equal(model.view(uri).text, '$(check) 8 $(warning) 3 $(error) 1');
    model.apply({ state: 'error', message: 'again' });
    model.apply({ state: 'ready' });
    assert.equal(model.view(uri).kind, 'counts');
  });

  test('a failed check is an error for that document only, until it is checked again', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.setCounts(other, COUNTS);
    model.apply({ state: 'checking', uri });
    model.apply({ state: 'error', uri, message: 'Checking failed: out of memory' });
    assert.equal(model.view(uri).text, ERROR_TEXT);
    assert.match(model.view(uri).tooltip, /out of memory/);
    assert.equal(model.view(other).kind, 'counts');
    model.apply({ state: 'checking', uri });
    assert.equal(model.view(uri).text, CHECKING_TEXT);
    model.apply({ state: 'ready', uri, counts: COUNTS });
    assert.equal(model.view(uri).kind, 'counts');
  });

  test('a server that failed to start is an error pointing at the output, until it starts again', () => {
    const model = new StatusModel();
    model.clientFailed('It failed to start: spawn ENOENT');
    const view = model.view(uri);
    assert.equal(view.text, ERROR_TEXT);
    assert.equal(view.serverDown, true);
    assert.match(view.tooltip, /ENOENT/);
    model.clientStarting();
    assert.equal(model.view(uri).text, CHECKING_TEXT);
    model.clientRunning();
    assert.equal(model.view(uri).text, UNCHECKED_TEXT);
  });

  test('the unchecked tooltip follows checkOn', () => {
    const model = new StatusModel();
    model.clientRunning();
    assert.match(model.view(uri, 'manual').tooltip, /Verify Claims in Current File/);
    assert.match(model.view(uri, 'save').tooltip, /saved/);
    assert.match(model.view(uri, 'type').tooltip, /as you type/);
  });

  test('a document that is not a draft says so, and a click checks it anyway', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.setCounts(uri, COUNTS);
    model.apply({ state: 'not-a-draft', uri });
    const view = model.view(uri);
    assert.equal(view.kind, 'not-a-draft');
    assert.equal(view.text, NOT_A_DRAFT_TEXT);
    assert.equal(view.text, '$(circle-slash) Grounded: not a draft');
    assert.equal(view.command, ClientCommands.checkAnyway);
    assert.match(view.tooltip, /not a draft/);
    assert.match(view.tooltip, /\.grounded\.yaml/);
    assert.match(view.tooltip, /grounded: true/);
    assert.match(view.tooltip, /grounded\.drafts\.include/);
    assert.match(view.tooltip, /check it anyway/i);
    // Its old counts are gone with its diagnostics; other documents are not affected.
    assert.equal(model.countsFor(uri), undefined);
    assert.equal(model.view(other).kind, 'unchecked');
    assert.equal(model.view(other).command, PROBLEMS_COMMAND);
  });

  test('"not a draft" ends when the document is checked (anyway), closed, or a new server starts', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.apply({ state: 'not-a-draft', uri });
    model.apply({ state: 'checking', uri });
    assert.equal(model.view(uri).kind, 'checking');
    model.apply({ state: 'ready', uri, counts: COUNTS });
    assert.equal(model.view(uri).kind, 'counts');

    model.apply({ state: 'not-a-draft', uri });
    model.setCounts(uri, COUNTS);
    assert.equal(model.view(uri).kind, 'counts');

    model.apply({ state: 'not-a-draft', uri });
    model.forget(uri);
    assert.equal(model.view(uri).kind, 'unchecked');

    model.apply({ state: 'not-a-draft', uri });
    assert.equal(model.isNotADraft(uri), true);
    model.clientStarting();
    model.clientRunning();
    assert.equal(model.view(uri).kind, 'unchecked');

    model.apply({ state: 'not-a-draft', uri });
    model.apply({ state: 'starting' });
    assert.equal(model.isNotADraft(uri), false);
  });

  test('"not a draft" yields to a server that is down or a library error, and wins over a workspace check', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.apply({ state: 'not-a-draft', uri });
    model.apply({ state: 'checking' });
    assert.equal(model.view(uri).kind, 'not-a-draft');
    assert.equal(model.view(other).kind, 'checking');
    model.apply({ state: 'error', message: 'Cannot read the source folder /nope' });
    assert.equal(model.view(uri).kind, 'error');
    assert.equal(model.view(uri).command, PROBLEMS_COMMAND);
    model.apply({ state: 'ready' });
    assert.equal(model.view(uri).kind, 'not-a-draft');
    model.clientFailed('It stopped unexpectedly.');
    assert.equal(model.view(uri).command, ClientCommands.showOutput);
  });

  test('forgets a closed document', () => {
    const model = new StatusModel();
    model.clientRunning();
    model.setCounts(uri, COUNTS);
    model.forget(uri);
    assert.equal(model.countsFor(uri), undefined);
  });
});

describe('Config', () => {
  const configOf = (values: Record<string, unknown>) => new Config({ get: <T>(key: string) => values[key] as T | undefined });

  test('defaults are DEFAULT_SETTINGS', () => {
    assert.deepEqual(configOf({}).toSettings(), DEFAULT_SETTINGS);
    assert.equal(configOf({}).traceServer, 'off');
  });

  test('reads valid values and ignores invalid ones', () => {
    const config = configOf({
      'sources.paths': ['research', '', 42, 'more'],
      'sources.includeBundled': false,
      checkOn: 'save',
      debounceMs: -5,
      citationStyle: 'harvard',
      'severity.uncited': 'off',
      'severity.contradicted': 'fatal',
      'trace.server': 'verbose',
    });
    assert.deepEqual(config.sourcePaths, ['research', 'more']);
    assert.equal(config.includeBundled, false);
    assert.equal(config.checkOn, 'save');
    assert.equal(config.debounceMs, 0);
    assert.equal(config.citationStyle, 'footnote');
    assert.equal(config.severity('uncited'), 'off');
    assert.equal(config.severity('contradicted'), 'error');
    assert.equal(config.traceServer, 'verbose');
  });

  test('reads the draft globs', () => {
    const config = configOf({ 'drafts.include': ['drafts/**/*.md', '', 7], 'drafts.exclude': 'README.md' });
    assert.deepEqual(config.draftInclude, ['drafts/**/*.md']);
    assert.deepEqual(config.draftExclude, []);
    assert.deepEqual(config.toSettings().drafts, { include: ['drafts/**/*.md'], exclude: [] });
    assert.deepEqual(configOf({ 'drafts.exclude': ['notes/**'] }).toSettings().drafts, { include: [], exclude: ['notes/**'] });
  });
});

describe('command arguments', () => {
  test('openSource: object, id string, array-wrapped, or nothing', () => {
    assert.deepEqual(parseOpenSourceArgs([{ sourceId: 'ap', line: 12 }]), { sourceId: 'ap', line: 12 });
    assert.deepEqual(parseOpenSourceArgs([{ sourceId: 'ap', line: 0 }]), { sourceId: 'ap' });
    assert.deepEqual(parseOpenSourceArgs(['ap', 3]), { sourceId: 'ap', line: 3 });
    assert.deepEqual(parseOpenSourceArgs([[{ sourceId: 'ap' }]]), { sourceId: 'ap' });
    assert.equal(parseOpenSourceArgs([]), undefined);
    assert.equal(parseOpenSourceArgs([{ line: 3 }]), undefined);
    assert.equal(parseOpenSourceArgs(['  ']), undefined);
  });

  test('insertCitation: CiteArguments, positional, or nothing', () => {
    const position = { line: 4, character: 10 };
    assert.deepEqual(parseInsertCitationArgs([{ uri: 'file:///a.md', version: 7, position, sourceId: 'ap' }]), {
      uri: 'file:///a.md',
      version: 7,
      position,
      sourceId: 'ap',
    });
    assert.deepEqual(parseInsertCitationArgs([{ uri: 'file:///a.md', position }]), { uri: 'file:///a.md', position });
    assert.deepEqual(parseInsertCitationArgs(['file:///a.md', position, 'bbc']), { uri: 'file:///a.md', position, sourceId: 'bbc' });
    assert.deepEqual(parseInsertCitationArgs([]), {});
    assert.deepEqual(parseInsertCitationArgs([{ uri: 'file:///a.md', position: { line: -1, character: 0 } }]), { uri: 'file:///a.md' });
  });
});
