// The shape of a check, in process: the draft is parsed once, then checked one claim per step, and a check that turns
// stale stops at the next slice without finishing the rest. (The protocol tests in requests.test.ts show the effect:
// requests answered and edits taken while a large draft is checked.)
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Engine } from '../../server/src/engine';
import { loadLibrary, type LoadedLibrary } from '../../server/src/lsp/library';
import { checkSteps, runInSlices } from '../../server/src/lsp/scheduler';
import type { CheckedDocument } from '../../server/src/lsp/checkedDocument';
import { countVerdicts, verdictCountsOf } from '../../server/src/lsp/status';
import { findingCodeBits } from '../../server/src/findings/checkedDraft';
import { CHUNK_CHARS } from '../../server/src/markdown/slicedExtract';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { largeDraft } from './harness';

interface Counts {
  extract: number;
  checkSentence: number;
  checkDraft: number;
}

/** The library with an engine that counts what the check asks of it. */
function countingLibrary(loaded: LoadedLibrary): { library: LoadedLibrary; counts: Counts } {
  const counts: Counts = { extract: 0, checkSentence: 0, checkDraft: 0 };
  const engine = loaded.engine;
  const counting: Engine = {
    library: engine.library,
    source: (id) => engine.source(id),
    passageCount: engine.passageCount,
    extract: (markdown, previous) => (counts.extract++, engine.extract(markdown, previous)),
    extractSteps: (markdown, previous) => (counts.extract++, engine.extractSteps(markdown, previous)),
    checkSentence: (claim) => (counts.checkSentence++, engine.checkSentence(claim)),
    checkDraft: (markdown, path) => (counts.checkDraft++, engine.checkDraft(markdown, path)),
    checkClaim: (claim) => engine.checkClaim(claim),
    backedByOnly: (text, sourceIds) => engine.backedByOnly(text, sourceIds),
    rankSources: (sentence, cited) => engine.rankSources(sentence, cited),
  };
  return { library: { ...loaded, engine: counting }, counts };
}

describe('checkSteps', () => {
  let loaded: LoadedLibrary;
  before(() => {
    loaded = loadLibrary({ settings: normalizeSettings(undefined), workspaceFolders: [], trusted: true }, 1);
  });

  test('parses the draft once, then checks one claim per step (two steps a claim: verdict, backing sources)', () => {
    const { library, counts } = countingLibrary(loaded);
    const text = largeDraft(900, 3);
    let yields = 0;
    const result = runToEnd(checkSteps('file:///draft.md', 1, text, library), () => {
      yields++;
      // Each step does at most one claim's work.
      assert.ok(counts.checkSentence <= Math.ceil(yields / 2) + 1, `${counts.checkSentence} claims checked after ${yields} steps`);
    });
    assert.equal(counts.extract, 1, 'one parse');
    assert.equal(counts.checkDraft, 0, 'never the whole draft in one step');
    assert.equal(counts.checkSentence, result.report.claims.length);
    assert.equal(yields, 2 * result.report.claims.length);
    // The same report as the engine's own one-step check of the draft.
    const whole = loaded.engine.checkDraft(text, result.report.path);
    assert.deepEqual(result.report, whole);
    assert.equal(result.backing.length, whole.claims.length);
  });

  test('a long draft is parsed a part at a time, with the same report', () => {
    const { library, counts } = countingLibrary(loaded);
    const text = largeDraft(902, 40);
    let stepsBeforeFirstClaim = 0;
    const result = runToEnd(checkSteps('file:///draft.md', 1, text, library), () => {
      if (counts.checkSentence === 0) stepsBeforeFirstClaim++;
    });
    assert.ok(stepsBeforeFirstClaim >= Math.floor(text.length / CHUNK_CHARS), `${stepsBeforeFirstClaim} steps for ${text.length} characters`);
    assert.deepEqual(result.report, loaded.engine.checkDraft(text, result.report.path));
  });

  test('the next version checks again only the claims around an edit', () => {
    const { library, counts } = countingLibrary(loaded);
    const text = largeDraft(903, 5);
    const first = runToEnd(checkSteps('file:///draft.md', 1, text, library));
    const sentence = first.report.claims[40]!.text;
    const edited = text.replace(sentence, sentence.replace(/\.$/, ', as planned.'));
    const before = counts.checkSentence;
    const second = runToEnd(checkSteps('file:///draft.md', 2, edited, library, 'draft', first.reading));
    // The claims of the edited paragraph and of one paragraph either side, of about a hundred.
    assert.ok(first.report.claims.length > 90);
    assert.ok(counts.checkSentence - before <= 12, `${counts.checkSentence - before} claims checked again`);
    assert.deepEqual(second.report, loaded.engine.checkDraft(edited, second.report.path));
    assertKeptBits(second);
  });

  test('edits one after another, lines added and removed before carried claims: the same report as a whole check', () => {
    const { library, counts } = countingLibrary(loaded);
    let text = largeDraft(904, 6);
    let checked = runToEnd(checkSteps('file:///draft.md', 1, text, library));
    const edits: ((text: string, claims: CheckedDocument['report']['claims']) => string)[] = [
      // A character typed within a line: nothing after it changes line.
      (t, claims) => t.replace(claims[20]!.text, claims[20]!.text.replace(/ /, ' x ')),
      // A paragraph added: every later claim moves down two lines.
      (t, claims) => t.replace(claims[10]!.text, `${claims[10]!.text}\n\nThe talks resumed in Oslo.`),
      // Lines joined: every later claim moves up.
      (t) => t.replace('\n\nThe talks resumed in Oslo.', ' The talks resumed in Oslo.'),
    ];
    for (const [n, edit] of edits.entries()) {
      text = edit(text, checked.report.claims);
      const before = counts.checkSentence;
      checked = runToEnd(checkSteps('file:///draft.md', n + 2, text, library, 'draft', checked.reading));
      assert.ok(counts.checkSentence - before <= 12, `edit ${n}: ${counts.checkSentence - before} claims checked again`);
      assert.deepEqual(checked.report, loaded.engine.checkDraft(text, checked.report.path), `edit ${n}`);
      assertKeptBits(checked);
    }
  });

  test('a text a request already read from the last check is not read again, and its claims are carried over', () => {
    const { library, counts } = countingLibrary(loaded);
    const text = largeDraft(905, 5);
    const first = runToEnd(checkSteps('file:///draft.md', 1, text, library));
    const edited = text.replace(first.report.claims[30]!.text, `${first.report.claims[30]!.text} [^x]`);
    const ready = loaded.engine.extract(edited, first.reading!.extraction);
    let told: unknown;
    const [extracts, checks] = [counts.extract, counts.checkSentence];
    const second = runToEnd(checkSteps('file:///draft.md', 2, edited, library, 'draft', first.reading, { ready, extracted: (e) => (told = e) }));
    assert.equal(counts.extract, extracts, 'not read again');
    assert.equal(told, ready);
    assert.ok(counts.checkSentence - checks <= 12, `${counts.checkSentence - checks} claims checked again`);
    assert.deepEqual(second.report, loaded.engine.checkDraft(edited, second.report.path));
  });

  test('a check that turns stale stops at the next slice, leaving the other claims unchecked', async () => {
    const { library, counts } = countingLibrary(loaded);
    const text = largeDraft(901, 40);
    // (Counted without checking them, which would leave their verdicts in the engine's cache.)
    const claims = loaded.engine.extract(text).claims.length;
    let stale = false;
    const running = runInSlices(checkSteps('file:///draft.md', 1, text, library), () => stale);
    // The check yields to the event loop before it starts and between slices: this runs at one of those points.
    await new Promise<void>((resolve) => setImmediate(resolve));
    stale = true;
    assert.equal(await running, undefined);
    assert.ok(counts.checkSentence < claims, `${counts.checkSentence} of ${claims} claims checked`);
  });
});

/** The finding bits a check keeps per claim are those of its claims, and count its verdicts. */
function assertKeptBits(checked: CheckedDocument): void {
  assert.deepEqual([...(checked.codeBits ?? [])], checked.report.claims.map(findingCodeBits));
  assert.deepEqual(verdictCountsOf(checked), countVerdicts(checked.report.claims));
}

/** Runs the steps through, calling `eachStep` after every step that yields. */
function runToEnd<T>(steps: Generator<undefined, T, undefined>, eachStep: () => void = () => undefined): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    eachStep();
  }
}

describe('a claim the engine fails on', () => {
  const FAILING = 'The UN Security Council passed a resolution supporting the talks.';
  const text = `Norway’s foreign ministry said both parties continue in their search for solutions.\n\n${FAILING}\n\nBolton and Ross were expected to attend a conference in Chile.\n`;
  let loaded: LoadedLibrary;
  before(() => {
    const real = loadLibrary({ settings: normalizeSettings(undefined), workspaceFolders: [], trusted: true }, 1);
    // A bug on one sentence, as the engine could have one.
    const engine: Engine = {
      ...real.engine,
      checkSentence: (claim) => {
        if (claim.text === FAILING) throw new Error('index out of range');
        return real.engine.checkSentence(claim);
      },
    };
    loaded = { ...real, engine };
  });

  test('is named as not checked; the other claims are checked', async () => {
    const checked = await runInSlices(checkSteps('file:///draft.md', 1, text, loaded), () => false);
    assert.deepEqual(checked?.report.claims.map((claim) => claim.verdict), ['supported', 'contradicted']);
    assert.deepEqual(checked?.report.unchecked, [{ text: FAILING, range: { start: { line: 2, character: 0 }, end: { line: 2, character: FAILING.length } }, error: 'index out of range' }]);
    assert.equal(checked?.backing.length, 2, 'backing sources stay aligned with the checked claims');
    assertKeptBits(checked!);
    // The next version carries the checks over around the claim that was not checked.
    const edited = text.replace('Bolton', 'Bolton and Pompeo');
    const next = await runInSlices(checkSteps('file:///draft.md', 2, edited, loaded, 'draft', checked!.reading), () => false);
    assert.deepEqual(next?.report, loaded.engine.checkDraft(edited, next!.report.path));
    assert.equal(next?.report.unchecked?.length, 1);
    assertKeptBits(next!);
  });

  test('the engine\'s whole-draft check (the CLI\'s) does the same', () => {
    const report = loaded.engine.checkDraft(text, 'draft.md');
    assert.deepEqual(report.claims.map((claim) => claim.verdict), ['supported', 'contradicted']);
    assert.deepEqual(report.unchecked?.map((sentence) => [sentence.text, sentence.error]), [[FAILING, 'index out of range']]);
  });
});
