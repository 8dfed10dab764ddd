// Diagnostics (codes, ranges, severities, messages, related evidence) and hovers, as VS Code's own API reports them.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  AP_TITLE,
  FIRST_WAIT_MS,
  codeOf,
  codesOf,
  draftUri,
  groundedApi,
  hoverTexts,
  lineRange,
  openAndWait,
  positionOf,
  scratchCopy,
  waitForDiagnostics,
} from '../host';

const ALL_FOUR = ['citation-mismatch', 'contradicted', 'uncited', 'unsupported'];

suite('Diagnostics', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    await groundedApi();
    const opened = await openAndWait(draftUri('drafts/mixed.md'), ALL_FOUR, FIRST_WAIT_MS);
    document = opened.editor.document;
    diagnostics = opened.diagnostics;
  });

  function only(code: string): vscode.Diagnostic {
    const found = diagnostics.filter((d) => codeOf(d) === code);
    assert.equal(found.length, 1, `one ${code} diagnostic`);
    return found[0]!;
  }

  test('one diagnostic per finding, on the whole claim sentence, with the configured severity', () => {
    const expected: [code: string, sentence: string, severity: vscode.DiagnosticSeverity][] = [
      ['uncited', 'Foreign ministers of countries', vscode.DiagnosticSeverity.Hint],
      ['contradicted', 'Representatives from more than 70', vscode.DiagnosticSeverity.Error],
      ['unsupported', 'The UN Security Council', vscode.DiagnosticSeverity.Warning],
      ['citation-mismatch', 'Norway’s foreign ministry', vscode.DiagnosticSeverity.Warning],
    ];
    for (const [code, sentence, severity] of expected) {
      const diagnostic = only(code);
      assert.deepEqual(diagnostic.range, lineRange(document, sentence), `range of the ${code} diagnostic`);
      assert.equal(diagnostic.severity, severity, `severity of the ${code} diagnostic`);
      assert.equal(diagnostic.source, 'grounded');
    }
    // The question and the heading are not claims; the footnote definition is not checked.
    for (const line of [0, positionOf(document, 'Will the talks').line, positionOf(document, '[^x]:').line]) {
      assert.deepEqual(diagnostics.filter((d) => d.range.start.line === line), [], `nothing on line ${line + 1}`);
    }
  });

  test('messages name the detail at fault, and each code links to its README section', () => {
    assert.equal(
      only('contradicted').message,
      `Contradicted by "${AP_TITLE}": the source says "more than 50", the draft says "more than 70".`,
    );
    assert.match(only('unsupported').message, /^No source backs "UN", "Council", "resolution", "supporting"\.$/);
    assert.equal(only('uncited').message, `Supported by "${AP_TITLE}" but not cited.`);
    assert.match(only('citation-mismatch').message, new RegExp(`^The cited "Venezuela crisis: President Maduro says he had secret talks with US" does not back this claim\\. "${AP_TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" does\\.$`));
    for (const code of ALL_FOUR) {
      const target = only(code).code;
      assert.ok(typeof target === 'object', `${code} has a code description`);
      assert.equal(String(target.value), code);
      assert.equal(target.target.toString(true), `https://github.com/grounded-writing/grounded/blob/main/README.md#${code}`);
    }
  });

  test('the contradicted diagnostic points at the conflicting source line', async () => {
    const related = only('contradicted').relatedInformation;
    assert.equal(related?.length, 1, 'one related location');
    const location = related![0]!.location;
    assert.match(location.uri.path, /\/sources\/ap-norway-barbados-talks\.md$/);
    assert.equal(location.range.start.line, 12, 'line 13 of the source (0-based 12)');
    assert.match(related![0]!.message, /^"Norway says .*", line 13: .*more than 50/);
    const source = await vscode.workspace.openTextDocument(location.uri);
    assert.match(source.lineAt(12).text, /more than 50 nations/);
  });
});

suite('Hover', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await groundedApi();
    uri = draftUri('drafts/mixed.md');
    document = (await openAndWait(uri, ALL_FOUR, FIRST_WAIT_MS)).editor.document;
  });

  async function groundedHover(needle: string): Promise<string> {
    const texts = (await hoverTexts(uri, positionOf(document, needle, 2))).filter((text) => /confidence \d+%/.test(text));
    assert.equal(texts.length, 1, `one Grounded hover over "${needle}"`);
    return texts[0]!;
  }

  test('over a contradicted claim: the verdict, the conflict, and the evidence with links', async () => {
    const text = await groundedHover('more than 70');
    // The verdict and the detail lead (the diagnostic's message, which VS Code shows above, is not repeated).
    assert.match(text, /^\*\*Contradicted\*\* \(confidence \d+%\) — the source says "more than 50", the draft says "more than 70"/);
    assert.doesNotMatch(text, /Contradicted by/);
    // The evidence passage is quoted with the claim's words in bold and the conflicting words in bold code, credited
    // to the source, with command links.
    assert.match(text, /^> .*\*\*`more than 50`\*\* \*\*nations\*\*/m);
    assert.match(text, new RegExp(`— \\*${AP_TITLE.replace(/'/g, "'")}\\*, AP · \\[Open at line 13\\]\\(command:grounded\\.openSource\\?`));
  });

  test('over a supported, uncited claim: Supported, with a Cite link for the backing source', async () => {
    const text = await groundedHover('Lima Group');
    assert.match(text, /^\*\*Supported\*\*/);
    assert.match(text, /\[Cite\]\(command:grounded\.insertCitation\?/);
  });

  test('over a sentence that is not a claim: no Grounded hover', async () => {
    const texts = await hoverTexts(uri, positionOf(document, 'Will the talks', 2));
    assert.deepEqual(texts.filter((text) => /confidence \d+%/.test(text)), []);
  });
});

suite('Checking as you type', () => {
  test('an edit is checked again: fixing the number turns contradicted into supported (uncited)', async () => {
    await groundedApi();
    const uri = scratchCopy('drafts/contradicted.md');
    const { editor } = await openAndWait(uri, ['contradicted']);
    const at = positionOf(editor.document, '70');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 2)), '50')), 'the edit applied');
    const after = await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'uncited', 'the re-check after the edit');
    assert.deepEqual(after[0]!.range, lineRange(editor.document, 'Representatives'));
    // And back: the finding returns.
    const again = positionOf(editor.document, '50');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(again, again.translate(0, 2)), '90')));
    const back = await waitForDiagnostics(uri, (d) => codesOf(d).join() === 'contradicted', 'the re-check after the second edit');
    assert.match(back[0]!.message, /the draft says "more than 90"/);
  });
});
