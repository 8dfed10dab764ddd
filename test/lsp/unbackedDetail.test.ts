// The unbacked-detail finding in the editor, in memory: its diagnostic (information, its code linking to the README,
// the backing passage as related information) and the hover's line naming the words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, MarkupContent } from 'vscode-languageserver/node';
import { createEngine } from '../../server/src/engine';
import { checkDraftText } from '../../server/src/findings/checkedDraft';
import { DEFAULT_SEVERITY } from '../../server/src/findings/codes';
import type { CheckedDocument } from '../../server/src/lsp/checkedDocument';
import { findingsOf } from '../../server/src/findings/findings';
import { diagnosticsOf } from '../../server/src/lsp/diagnostics';
import { hoverAt } from '../../server/src/lsp/hover';
import { sourceFromText } from '../../server/src/sources/loadSources';

const article = sourceFromText('weekend', "Maria Lopez, the mayor's daughter, spent the weekend painting the fence of the family home in Sevilla.\n", '/sources/weekend.md');
const engine = createEngine({ sources: [article], problems: [] });
const CLAIM = 'Maria Lopez spent the weekend at the coast painting the fence of the family home in Sevilla.';

function document(): CheckedDocument {
  return { ...checkDraftText(engine, `${CLAIM}[^weekend]\n\n[^weekend]: weekend\n`, 'draft.md'), uri: 'file:///draft.md', version: 1, libraryVersion: 1, draft: true };
}

test('a diagnostic of its own: information, the message naming the word, the code linking to its README section', () => {
  const checked = document();
  const [diagnostic, ...others] = diagnosticsOf(checked, findingsOf(checked, { severity: DEFAULT_SEVERITY }));
  assert.deepEqual(others, [], 'the claim is cited: no uncited hint');
  assert.equal(diagnostic!.code, 'unbacked-detail');
  assert.equal(diagnostic!.severity, DiagnosticSeverity.Information);
  assert.equal(diagnostic!.message, 'Supported, but the passage that backs it does not state "coast".');
  assert.match(diagnostic!.codeDescription!.href, /README\.md#unbacked-detail$/);
  assert.match(diagnostic!.relatedInformation![0]!.message, /line 1: Maria Lopez/);
});

test('the hover says the claim is supported and names the word', () => {
  const hover = hoverAt(document(), 5)!;
  assert.match((hover.contents as MarkupContent).value, /^\*\*Supported\*\* \(confidence \d+%\) — the passage that backs it does not state "coast"/);
});
