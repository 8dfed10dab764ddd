// The fixes of the findings module in memory, one kind at a time: each is applied with applyOffsetEdits and checked by
// the exact text it gives, by what the engine then finds in that text (the finding gone, the other claims as they
// were), and by what a second round finds to do (nothing). The CLI's --fix and the editor's quick fixes apply these.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary } from '../../server/src/sources/loadSources';
import { checkDraftText, type CheckedDraft } from '../../server/src/findings/checkedDraft';
import { DEFAULT_SEVERITY, type CitationFormat, type CitationStyle } from '../../server/src/findings/codes';
import { applyOffsetEdits } from '../../server/src/findings/edits';
import { findingsOf } from '../../server/src/findings/findings';
import { citeAllEdits, citeAllRequests, fixesFor, type Fix, type FixKind } from '../../server/src/findings/fixes';
import { IGNORE_COMMENT } from '../../server/src/findings/ignoreClaim';
import { acceptClaimEdit, isAccepted } from '../../server/src/config/accepted';
import { parseProjectConfig } from '../../server/src/config/projectConfig';
import { AP, AP_NOTE, AP_TITLE, NORWAY, UNSUPPORTED } from '../fixtures/examples';
import { DEFAULT_FOOTNOTE_STYLE } from '../../server/src/bibliography/formats';

const citing = (citationStyle: CitationStyle): CitationFormat => ({ citationStyle, footnoteStyle: DEFAULT_FOOTNOTE_STYLE });

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

const BBC = 'bbc-maduro-secret-talks-us';
const MADURO = 'maduro-secret-meetings-us';
const AP_DEFINITION = `[^${AP}]: ${AP_NOTE}`;
const CONTRADICTED = 'Bolton and Ross were expected to attend a conference in Chile.';
const LIMA = 'Foreign ministers of countries that make up part of a so-called Lima Group have met periodically since 2017 to discuss Venezuela’s crisis.';
const READY = 'Maduro said he was ready to speak directly with President Donald Trump about Venezuela.';

function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'lsp', `${name}.md`), 'utf8');
}

function check(text: string): CheckedDraft {
  return checkDraftText(engine, text, 'draft.md');
}

function claimIndex(draft: CheckedDraft, sentence: string): number {
  const index = draft.report.claims.findIndex((claim) => claim.text === sentence);
  assert.ok(index >= 0, `no claim "${sentence}" in ${JSON.stringify(draft.text)}`);
  return index;
}

function fixesOf(draft: CheckedDraft, sentence: string, style: CitationStyle = 'footnote'): Fix[] {
  return fixesFor(draft, claimIndex(draft, sentence), citing(style));
}

function only(fixes: Fix[], kind: FixKind): Fix {
  const found = fixes.filter((fix) => fix.kind === kind);
  assert.equal(found.length, 1, `one ${kind} fix among ${fixes.map((fix) => fix.kind).join(', ')}`);
  return found[0]!;
}

/** Each claim's text and verdict: what a fix of another claim must leave alone. */
function claimsOf(draft: CheckedDraft, except?: string): string[] {
  return draft.report.claims.filter((claim) => claim.text !== except).map((claim) => `${claim.verdict}: ${claim.text}`);
}

/** Checks the fixed text again and asserts there is nothing left to fix for the claim, nor for "Cite all". */
function assertSettled(text: string, sentence: string, style: CitationStyle): CheckedDraft {
  const again = check(text);
  const index = claimIndex(again, sentence);
  assert.deepEqual(fixesFor(again, index, citing(style)).filter((fix) => fix.kind === 'cite'), [], 'no second citation');
  assert.deepEqual(citeAllEdits(again, citing(style)), []);
  assert.equal(applyOffsetEdits(text, citeAllEdits(again, citing(style))), text);
  return again;
}

describe('cite', () => {
  test('footnote: the reference after the sentence, the definition at the end, once', () => {
    const text = fixture('uncited');
    const draft = check(text);
    const fixes = fixesOf(draft, NORWAY);
    assert.deepEqual(fixes.map((fix) => fix.kind), ['cite', 'ignore', 'accept']);
    const cite = only(fixes, 'cite');
    assert.equal(cite.title, `Cite "${AP_TITLE}"`);
    assert.deepEqual(cite.resolves, ['uncited']);
    assert.equal(cite.preferred, true);
    const fixed = applyOffsetEdits(text, cite.edits);
    assert.equal(fixed, `# Talks continue\n\n${NORWAY}[^${AP}]\n\n${AP_DEFINITION}\n`);

    const again = assertSettled(fixed, NORWAY, 'footnote');
    assert.deepEqual(findingsOf(again, { severity: DEFAULT_SEVERITY }), [], 'the claim now cites its source');
    assert.deepEqual(fixesFor(again, 0, citing('footnote')), [], 'a claim without findings offers nothing');
  });

  test('pandoc: the key before the closing punctuation', () => {
    const text = fixture('uncited');
    const cite = only(fixesOf(check(text), NORWAY, 'pandoc'), 'cite');
    const fixed = applyOffsetEdits(text, cite.edits);
    assert.equal(fixed, `# Talks continue\n\n${NORWAY.slice(0, -1)} [@${AP}].\n`);
    const again = assertSettled(fixed, NORWAY, 'pandoc');
    assert.deepEqual(findingsOf(again, { severity: DEFAULT_SEVERITY }), []);
  });

  test('an existing definition naming the source is reused: no second definition', () => {
    const text = fixture('reuse-definition');
    const cite = only(fixesOf(check(text), LIMA), 'cite');
    assert.deepEqual(cite.edits.map((edit) => edit.newText), ['[^ap]']);
    const fixed = applyOffsetEdits(text, cite.edits);
    assert.equal(fixed, text.replace(LIMA, `${LIMA}[^ap]`));
    assertSettled(fixed, LIMA, 'footnote');
  });

  test('citation-mismatch, footnote: the right source is added, its definition after the other one', () => {
    const text = fixture('citation-mismatch');
    const cite = only(fixesOf(check(text), NORWAY), 'cite');
    assert.deepEqual(cite.resolves, ['citation-mismatch']);
    assert.equal(cite.preferred, false, 'adding a citation is one way out of a mismatch; the writer decides');
    const fixed = applyOffsetEdits(text, cite.edits);
    assert.equal(fixed, `# Talks continue\n\n${NORWAY}[^x][^${AP}]\n\n[^x]: ${BBC}\n${AP_DEFINITION}\n`);
    assertSettled(fixed, NORWAY, 'footnote');
  });

  test('citation-mismatch, pandoc: the key joins the citation already there', () => {
    const text = `${NORWAY.slice(0, -1)} [@${MADURO}].\n`;
    const cite = only(fixesOf(check(text), NORWAY, 'pandoc'), 'cite');
    const fixed = applyOffsetEdits(text, cite.edits);
    assert.equal(fixed, `${NORWAY.slice(0, -1)} [@${MADURO}; @${AP}].\n`);
    const again = assertSettled(fixed, NORWAY, 'pandoc');
    assert.deepEqual(findingsOf(again, { severity: DEFAULT_SEVERITY }), []);
  });

  test('CRLF drafts get CRLF definitions, and no other line break', () => {
    const text = fixture('uncited').replace(/\n/g, '\r\n');
    const fixed = applyOffsetEdits(text, only(fixesOf(check(text), NORWAY), 'cite').edits);
    assert.equal(fixed, `# Talks continue\r\n\r\n${NORWAY}[^${AP}]\r\n\r\n${AP_DEFINITION}\r\n`);
  });

  test('an unsupported or contradicted claim offers no citation', () => {
    const draft = check(fixture('list'));
    for (const sentence of [UNSUPPORTED, CONTRADICTED]) assert.ok(!fixesOf(draft, sentence).some((fix) => fix.kind === 'cite'), sentence);
  });
});

describe('replace', () => {
  test('a contradicted place: just the word, by the source\'s', () => {
    const text = fixture('contradicted');
    const draft = check(text);
    const fixes = fixesOf(draft, CONTRADICTED);
    assert.deepEqual(fixes.map((fix) => fix.kind), ['replace', 'ignore', 'accept']);
    const replace = only(fixes, 'replace');
    assert.equal(replace.title, 'Use the source\'s "Peru"');
    assert.deepEqual(replace.resolves, ['contradicted']);
    assert.equal(replace.preferred, true);
    assert.equal(replace.edits.length, 1);
    assert.equal(text.slice(replace.edits[0]!.start, replace.edits[0]!.end), 'Chile');
    const fixed = applyOffsetEdits(text, replace.edits);
    assert.equal(fixed, '# The Lima Group conference\n\nBolton and Ross were expected to attend a conference in Peru.\n');
    const again = check(fixed);
    assert.equal(again.report.claims[0]?.verdict, 'supported');
    assert.ok(!fixesFor(again, 0, citing('footnote')).some((fix) => fix.kind === 'replace'), 'nothing left to replace');
  });

  test('a contradicted number: the digits only, the words both sides share stay', () => {
    const text = fixture('contradicted-number');
    const replace = only(fixesOf(check(text), 'Representatives from more than 70 nations attended a conference in Peru.'), 'replace');
    assert.equal(replace.title, 'Use the source\'s "50"');
    assert.equal(text.slice(replace.edits[0]!.start, replace.edits[0]!.end), '70');
    const fixed = applyOffsetEdits(text, replace.edits);
    assert.equal(fixed, '# The Peru conference\n\nRepresentatives from more than 50 nations attended a conference in Peru.\n');
    assert.equal(check(fixed).report.claims[0]?.verdict, 'supported');
  });

  test('only for contradicted claims', () => {
    const draft = check(fixture('list'));
    for (const sentence of [NORWAY, UNSUPPORTED]) assert.ok(!fixesOf(draft, sentence).some((fix) => fix.kind === 'replace'), sentence);
  });
});

describe('ignore', () => {
  test('a paragraph: the comment above it; the claim is no longer checked, the others are as they were', () => {
    const text = fixture('mixed');
    const draft = check(text);
    const ignore = only(fixesOf(draft, CONTRADICTED), 'ignore');
    assert.equal(ignore.title, 'Ignore this claim');
    assert.deepEqual(ignore.resolves, ['contradicted']);
    assert.equal(ignore.preferred, false);
    const fixed = applyOffsetEdits(text, ignore.edits);
    assert.equal(fixed, text.replace(CONTRADICTED, `${IGNORE_COMMENT}\n${CONTRADICTED}`));
    const again = check(fixed);
    assert.deepEqual(claimsOf(again), claimsOf(draft, CONTRADICTED));
    assert.deepEqual(findingsOf(again, { severity: DEFAULT_SEVERITY }).map((finding) => finding.claim.text), [UNSUPPORTED]);
  });

  test('a list item: only that item is switched off', () => {
    const text = fixture('list');
    const draft = check(text);
    const fixed = applyOffsetEdits(text, only(fixesOf(draft, UNSUPPORTED), 'ignore').edits);
    assert.equal(fixed, text.replace(`- ${UNSUPPORTED}`, `  ${IGNORE_COMMENT}\n- ${UNSUPPORTED}`));
    assert.deepEqual(claimsOf(check(fixed)), claimsOf(draft, UNSUPPORTED));
  });

  test('a paragraph of two claims says so, and switches off both', () => {
    const text = `# Two\n\n${NORWAY} ${UNSUPPORTED}\n\n${CONTRADICTED}\n`;
    const draft = check(text);
    const ignore = only(fixesOf(draft, UNSUPPORTED), 'ignore');
    assert.equal(ignore.title, 'Ignore this paragraph (2 claims)');
    const fixed = applyOffsetEdits(text, ignore.edits);
    assert.equal(fixed, `# Two\n\n${IGNORE_COMMENT}\n${NORWAY} ${UNSUPPORTED}\n\n${CONTRADICTED}\n`);
    assert.deepEqual(claimsOf(check(fixed)), [`contradicted: ${CONTRADICTED}`]);
  });

  test('a claim without findings offers no fix at all', () => {
    assert.deepEqual(fixesFor(check(fixture('mixed')), 0, citing('footnote')), []);
  });
});

describe('accept', () => {
  test('records the claim\'s text; the config then accepts it, and the draft is not touched', () => {
    for (const [name, sentence] of [['unsupported', UNSUPPORTED], ['contradicted', CONTRADICTED], ['uncited', NORWAY]] as const) {
      const draft = check(fixture(name));
      const accept = only(fixesOf(draft, sentence), 'accept');
      assert.equal(accept.title, 'Accept this claim');
      assert.equal(accept.acceptedSentence, sentence);
      assert.deepEqual(accept.edits, []);
      assert.deepEqual(accept.resolves, findingsOf(draft, { severity: DEFAULT_SEVERITY }).map((finding) => finding.code));

      const before = '# The newsroom\'s settings\ncitationStyle: pandoc # Pandoc citations\n';
      const after = acceptClaimEdit(before, accept.acceptedSentence!);
      assert.ok(after.startsWith(before), 'the rest of the config is kept byte for byte');
      const { config, problems } = parseProjectConfig(after, '/project/.grounded.yaml');
      assert.deepEqual(problems, []);
      assert.equal(config.citationStyle, 'pandoc');
      assert.equal(isAccepted(config, sentence), true, name);
      assert.deepEqual(findingsOf(draft, { severity: DEFAULT_SEVERITY, isAccepted: (text) => isAccepted(config, text) }), [], name);
      assert.equal(acceptClaimEdit(after, sentence), after, 'accepting twice adds nothing');
    }
  });

  test('a claim of a wrapped paragraph is accepted by its words, whatever the line breaks', () => {
    const text = 'The UN Security Council passed\na resolution supporting the talks.\n';
    const accept = only(fixesFor(check(text), 0, citing('footnote')), 'accept');
    const { config } = parseProjectConfig(acceptClaimEdit(undefined, accept.acceptedSentence!), '/project/.grounded.yaml');
    assert.equal(isAccepted(config, UNSUPPORTED), true);
    assert.deepEqual(findingsOf(check(text), { severity: DEFAULT_SEVERITY, isAccepted: (sentence) => isAccepted(config, sentence) }), []);
  });
});

describe('cite all', () => {
  // One claim of each kind: uncited (twice, two sources), unsupported, contradicted, a citation mismatch, cited.
  const DRAFT = [
    '# Draft',
    '',
    `${NORWAY} ${UNSUPPORTED}`,
    '',
    CONTRADICTED,
    '',
    `The US is one of more than 50 nations which do not recognize Mr. Maduro as Venezuela's legitimate leader [@${AP}].`,
    '',
    `${LIMA.slice(0, -1)} [@${AP}].`,
    '',
    READY,
    '',
  ].join('\n');

  test('footnote: every supported uncited claim and nothing else, each definition once', () => {
    const draft = check(DRAFT);
    assert.deepEqual(citeAllRequests(draft).map((request) => [request.sourceId, draft.text.slice(request.claim.startOffset, request.claim.endOffset)]), [
      [AP, NORWAY],
      [MADURO, READY],
    ]);
    const fixed = applyOffsetEdits(DRAFT, citeAllEdits(draft, citing('footnote')));
    const expected = DRAFT.replace(NORWAY, `${NORWAY}[^${AP}]`).replace(READY, `${READY}[^${MADURO}]`) +
      `\n${AP_DEFINITION}\n[^${MADURO}]: “Venezuela, US met secretly for months, Maduro says.”\n`;
    assert.equal(fixed, expected);
    const again = check(fixed);
    assert.deepEqual(claimsOf(again), claimsOf(draft));
    assert.deepEqual(citeAllEdits(again, citing('footnote')), []);
    assert.deepEqual(findingsOf(again, { severity: DEFAULT_SEVERITY }).map((finding) => finding.code), ['unsupported', 'contradicted', 'citation-mismatch']);
  });

  test('pandoc: the same claims, keys before the full stops', () => {
    const draft = check(DRAFT);
    const fixed = applyOffsetEdits(DRAFT, citeAllEdits(draft, citing('pandoc')));
    assert.equal(fixed, DRAFT.replace(NORWAY, `${NORWAY.slice(0, -1)} [@${AP}].`).replace(READY, `${READY.slice(0, -1)} [@${MADURO}].`));
    assert.deepEqual(citeAllEdits(check(fixed), citing('pandoc')), []);
  });

  test('one source for several claims: one definition', () => {
    const text = fixture('cite-all');
    const fixed = applyOffsetEdits(text, citeAllEdits(check(text), citing('footnote')));
    const bbcDefinition = `[^${BBC}]: “Venezuela crisis: President Maduro says he had secret talks with US,” BBC, https://www.bbc.com/news/world-latin-america-49418451.`;
    const us = "The US is one of more than 50 nations which do not recognize Mr. Maduro as Venezuela's legitimate leader.";
    assert.equal(fixed, `# Summary\n\n${NORWAY}[^${AP}]\n\n${LIMA}[^${AP}]\n\n${us}[^${BBC}]\n\n${AP_DEFINITION}\n${bbcDefinition}\n`);
    assert.equal(fixed.split(`[^${AP}]:`).length, 2, 'the AP definition once');
    assert.deepEqual(citeAllEdits(check(fixed), citing('footnote')), []);
  });

  test('a draft with nothing to cite gets no edit', () => {
    for (const name of ['mixed', 'unsupported', 'contradicted', 'citation-mismatch']) assert.deepEqual(citeAllEdits(check(fixture(name)), citing('footnote')), [], name);
  });
});

describe('a fix changes only what it names', () => {
  const drafts = ['uncited', 'citation-mismatch', 'contradicted', 'contradicted-number', 'list', 'mixed', 'cite-all', 'reuse-definition'];

  /** The fixed text with each edit's new text taken out again and the old text put back. */
  function undo(original: string, edits: Fix['edits']): string {
    const fixed = applyOffsetEdits(original, edits);
    const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
    let result = '';
    let at = 0;
    let shift = 0;
    for (const { edit } of ordered) {
      const start = edit.start + shift;
      result += fixed.slice(at, start) + original.slice(edit.start, edit.end);
      at = start + edit.newText.length;
      shift += edit.newText.length - (edit.end - edit.start);
    }
    return result + fixed.slice(at);
  }

  test('cite and ignore only insert; replace swaps only the conflicting words, inside the claim; all else is kept', () => {
    let checkedFixes = 0;
    for (const name of drafts) {
      const text = fixture(name);
      const draft = check(text);
      for (const style of ['footnote', 'pandoc'] as const) {
        draft.report.claims.forEach((claim, index) => {
          for (const fix of fixesFor(draft, index, citing(style))) {
            const what = `${name}, ${style}, "${claim.text}": ${fix.title}`;
            checkedFixes++;
            if (fix.kind === 'replace') {
              assert.equal(fix.edits.length, 1, what);
              const edit = fix.edits[0]!;
              assert.ok(edit.start >= claim.startOffset && edit.end <= claim.endOffset, `${what}: inside the claim`);
              assert.equal(fix.title, `Use the source's "${edit.newText}"`, what);
              assert.ok(claim.conflict!.claim.split(/\s+/).includes(text.slice(edit.start, edit.end)), `${what}: a word of the conflict`);
            } else {
              for (const edit of fix.edits) assert.equal(edit.start, edit.end, `${what}: an insertion`);
            }
            const fixed = applyOffsetEdits(text, fix.edits);
            assert.equal(undo(text, fix.edits), text, `${what}: every other byte as it was`);
            if (fix.kind === 'accept') assert.equal(fixed, text, what);
            if (fix.kind === 'cite' || fix.kind === 'replace') {
              // The other claims read as before (an ignore comment switches off its whole block, on purpose).
              const others = (d: CheckedDraft) => d.report.claims.filter((_, other) => other !== index).map((c) => c.text);
              assert.deepEqual(others(check(fixed)), others(draft), what);
            }
          }
        });
      }
    }
    assert.ok(checkedFixes >= 40, `${checkedFixes} fixes looked at`);
  });
});
