// The findings module in memory: a real engine over the bundled sources and the fixture drafts of test/fixtures/lsp.
// Each code comes with its severity, its exact message, the passage that explains it and the sources that back the
// claim; the severities come from the map the caller hands in (a project config's, merged over the host's), and a
// claim the writer accepted gives nothing until its words change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../server/src/engine';
import { loadSourceLibrary, sourceFromText } from '../../server/src/sources/loadSources';
import { checkDraftText, findingCodeBits, type CheckedDraft } from '../../server/src/findings/checkedDraft';
import { claimFindingCounts, claimFindings, findingsOf, type Finding } from '../../server/src/findings/findings';
import { DEFAULT_SEVERITY, type SeverityMap } from '../../server/src/findings/codes';
import { acceptClaimEdit, isAccepted } from '../../server/src/config/accepted';
import { draftPolicy, type HostDefaults } from '../../server/src/config/policy';
import { parseProjectConfig } from '../../server/src/config/projectConfig';
import { AP, AP_TITLE, NORWAY, UNSUPPORTED } from '../fixtures/examples';

const engine = createEngine(loadSourceLibrary({ dirs: [], includeBundled: true }));

const BBC = 'bbc-maduro-secret-talks-us';
const BBC_TITLE = 'Venezuela crisis: President Maduro says he had secret talks with US';
const CONTRADICTED = 'Bolton and Ross were expected to attend a conference in Chile.';
const CONTRADICTED_NUMBER = 'Representatives from more than 70 nations attended a conference in Peru.';
const LIMA = 'Foreign ministers of countries that make up part of a so-called Lima Group have met periodically since 2017 to discuss Venezuela’s crisis.';

function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'lsp', `${name}.md`), 'utf8');
}

function check(text: string): CheckedDraft {
  return checkDraftText(engine, text, 'draft.md');
}

/** What a finding says, without the claim object it points to (asserted apart). */
function summary(finding: Finding) {
  return { code: finding.code, severity: finding.severity, claim: finding.claim.text, message: finding.message, backingSources: finding.backingSources };
}

const DEFAULTS = { severity: DEFAULT_SEVERITY };

describe('each code, with its severity, message, evidence and backing sources', () => {
  test('contradicted (a place): an error quoting both sides, the evidence being the conflicting passage', () => {
    const draft = check(fixture('contradicted'));
    const findings = findingsOf(draft, DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'contradicted',
      severity: 'error',
      claim: CONTRADICTED,
      message: `Contradicted by "${AP_TITLE}": the source says "Peru", the draft says "Chile".`,
      backingSources: [],
    }]);
    const evidence = findings[0]!.evidence!;
    assert.equal(evidence.sourceId, AP);
    assert.equal(evidence.line, 13, 'the line of the AP article that names Peru');
    assert.match(evidence.text, /conference in Peru/);
    assert.equal(findings[0]!.claimIndex, 0);
    assert.equal(findings[0]!.claim, draft.report.claims[0]);
  });

  test('contradicted (a number): the message quotes the numbers with their shared words', () => {
    const findings = findingsOf(check(fixture('contradicted-number')), DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'contradicted',
      severity: 'error',
      claim: CONTRADICTED_NUMBER,
      message: `Contradicted by "${AP_TITLE}": the source says "more than 50", the draft says "more than 70".`,
      backingSources: [],
    }]);
    assert.equal(findings[0]!.evidence?.sourceId, AP);
    assert.match(findings[0]!.evidence!.text, /more than 50 nations/);
  });

  test('unsupported: a warning naming the unbacked words; the evidence is the nearest passage; nothing backs it', () => {
    const draft = check(fixture('unsupported'));
    const findings = findingsOf(draft, DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'unsupported',
      severity: 'warning',
      claim: UNSUPPORTED,
      message: 'No source backs "UN", "Council", "resolution", "supporting".',
      backingSources: [],
    }]);
    assert.deepEqual(findings[0]!.evidence, draft.report.claims[0]!.evidence[0], 'the nearest passage the engine found');
  });

  test('unsupported with more unbacked words than the message shows: the first four, then a count', () => {
    const draft = check(fixture('unsupported'));
    const claim = { ...draft.report.claims[0]!, reason: '', unbacked: ['UN', 'Security', 'Council', 'resolution', 'supporting', 'talks'] };
    const findings = claimFindings({ ...draft, report: { ...draft.report, claims: [claim] } }, 0, DEFAULTS);
    assert.equal(findings[0]!.message, 'No source backs "UN", "Security", "Council", "resolution" or 2 more words.');
  });

  test('uncited: a hint naming the source that backs the claim, which is also the evidence and the backing source', () => {
    const findings = findingsOf(check(fixture('uncited')), DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'uncited',
      severity: 'hint',
      claim: NORWAY,
      message: `Supported by "${AP_TITLE}" but not cited.`,
      backingSources: [AP],
    }]);
    assert.equal(findings[0]!.evidence?.sourceId, AP);
    assert.equal(findings[0]!.evidence?.line, 10);
    assert.match(findings[0]!.evidence!.text, /Norway’s foreign ministry said Friday/);
  });

  test('unbacked-detail: a supported claim with a word its passage lacks gets information naming it, after its other findings', () => {
    // An article of its own, so the claim and what its passage lacks are plain to see.
    const article = sourceFromText('weekend', [
      "Maria Lopez, the mayor's daughter, spent the weekend painting the fence of the family home in Sevilla.",
      '',
      'Her sisters joined her on Sunday.',
    ].join('\n'));
    const own = createEngine({ sources: [article], problems: [] });
    const coast = 'Maria Lopez spent the weekend at the coast painting the fence of the family home in Sevilla.';
    const findings = findingsOf(checkDraftText(own, `${coast}\n`, 'draft.md'), DEFAULTS);
    assert.deepEqual(findings.map(summary), [
      { code: 'uncited', severity: 'hint', claim: coast, message: 'Supported by "weekend" but not cited.', backingSources: ['weekend'] },
      {
        code: 'unbacked-detail',
        severity: 'information',
        claim: coast,
        message: 'Supported, but the passage that backs it does not state "coast".',
        backingSources: ['weekend'],
      },
    ]);
    assert.equal(findings[1]!.evidence?.line, 1, 'the passage that backs the rest');
    // What the neighbouring sentence states is no added detail.
    const sisters = 'Maria Lopez spent the weekend painting the fence of the family home in Sevilla with her sisters.';
    assert.deepEqual(findingsOf(checkDraftText(own, `${sisters}\n`, 'draft.md'), DEFAULTS).map((finding) => finding.code), ['uncited']);
    // Its severity is set like any other code's.
    const quiet = { severity: { ...DEFAULT_SEVERITY, 'unbacked-detail': 'off' as const } };
    assert.deepEqual(findingsOf(checkDraftText(own, `${coast}\n`, 'draft.md'), quiet).map((finding) => finding.code), ['uncited']);
  });

  test('citation-mismatch (a footnote naming the wrong source): a warning naming both sources, and no uncited finding', () => {
    const findings = findingsOf(check(fixture('citation-mismatch')), DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'citation-mismatch',
      severity: 'warning',
      claim: NORWAY,
      message: `The cited "${BBC_TITLE}" does not back this claim. "${AP_TITLE}" does.`,
      backingSources: [AP],
    }]);
    assert.equal(findings[0]!.evidence?.sourceId, AP, 'the passage of the source that does back it');
  });

  test('citation-mismatch (a key no source has): named as such', () => {
    const findings = findingsOf(check(`${NORWAY.slice(0, -1)} [@no-such-source].\n`), DEFAULTS);
    assert.deepEqual(findings.map(summary), [{
      code: 'citation-mismatch',
      severity: 'warning',
      claim: NORWAY,
      message: 'Cites "no-such-source", which is not in the source library.',
      backingSources: [AP],
    }]);
  });

  test('an unknown key on an unsupported claim: two findings, the verdict first', () => {
    const findings = findingsOf(check(`${UNSUPPORTED.slice(0, -1)} [@no-such-source].\n`), DEFAULTS);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, finding.claimIndex]), [
      ['unsupported', 'warning', 0],
      ['citation-mismatch', 'warning', 0],
    ]);
    assert.equal(findings[1]!.message, 'Cites "no-such-source", which is not in the source library.');
  });

  test('an unsupported claim citing a real source gets no second finding', () => {
    const findings = findingsOf(check(`${UNSUPPORTED.slice(0, -1)} [@${AP}].\n`), DEFAULTS);
    assert.deepEqual(findings.map((finding) => finding.code), ['unsupported']);
  });

  test('a cited supported claim and a question give nothing; the others come in document order', () => {
    const draft = check(fixture('mixed'));
    assert.equal(draft.report.claims.length, 3);
    assert.equal(draft.report.skipped.length, 1, 'the question');
    assert.deepEqual(findingsOf(draft, DEFAULTS).map((finding) => [finding.claimIndex, finding.code]), [
      [1, 'contradicted'],
      [2, 'unsupported'],
    ]);
    assert.deepEqual(claimFindings(draft, 0, DEFAULTS), [], 'the Norway claim cites the AP article');
    assert.deepEqual(claimFindings(draft, 3, DEFAULTS), [], 'no such claim');
    assert.deepEqual(claimFindings(draft, -1, DEFAULTS), []);
  });

  test('several backed claims: each names its own source', () => {
    const findings = findingsOf(check(fixture('cite-all')), DEFAULTS);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.backingSources, finding.message]), [
      ['uncited', [AP], `Supported by "${AP_TITLE}" but not cited.`],
      ['uncited', [AP], `Supported by "${AP_TITLE}" but not cited.`],
      ['uncited', [BBC], `Supported by "${BBC_TITLE}" but not cited.`],
    ]);
  });
});

describe('severities', () => {
  const list = () => check(fixture('list')); // uncited, unsupported, contradicted, in that order

  test('the defaults', () => {
    assert.deepEqual(findingsOf(list(), DEFAULTS).map((finding) => [finding.code, finding.severity]), [
      ['uncited', 'hint'],
      ['unsupported', 'warning'],
      ['contradicted', 'error'],
    ]);
  });

  test('off drops the code, and only that code', () => {
    for (const code of ['uncited', 'unsupported', 'contradicted'] as const) {
      const severity: SeverityMap = { ...DEFAULT_SEVERITY, [code]: 'off' };
      const codes = findingsOf(list(), { severity }).map((finding) => finding.code);
      assert.deepEqual(codes, ['uncited', 'unsupported', 'contradicted'].filter((other) => other !== code), code);
    }
    const mismatch = check(fixture('citation-mismatch'));
    assert.deepEqual(findingsOf(mismatch, { severity: { ...DEFAULT_SEVERITY, 'citation-mismatch': 'off' } }), []);
  });

  test('a custom map sets every severity', () => {
    const severity: SeverityMap = { contradicted: 'warning', unsupported: 'information', uncited: 'error', 'citation-mismatch': 'hint', 'unbacked-detail': 'warning' };
    assert.deepEqual(findingsOf(list(), { severity }).map((finding) => [finding.code, finding.severity]), [
      ['uncited', 'error'],
      ['unsupported', 'information'],
      ['contradicted', 'warning'],
    ]);
    assert.deepEqual(findingsOf(check(fixture('citation-mismatch')), { severity }).map((finding) => finding.severity), ['hint']);
  });

  test('a project config overrides the host severities key by key (draftPolicy)', () => {
    const { config, problems } = parseProjectConfig('severity:\n  uncited: warning\n  contradicted: "off"\n', '/project/.grounded.yaml');
    assert.deepEqual(problems, []);
    const host: HostDefaults = { severity: { ...DEFAULT_SEVERITY, unsupported: 'information' }, citationStyle: 'footnote', sourcePaths: [], includeBundled: true };
    const policy = draftPolicy(config, host);
    assert.deepEqual(findingsOf(list(), policy).map((finding) => [finding.code, finding.severity]), [
      ['uncited', 'warning'],
      ['unsupported', 'information'],
    ]);
  });
});

describe('accepted claims', () => {
  const host: HostDefaults = { severity: DEFAULT_SEVERITY, citationStyle: 'footnote', sourcePaths: [], includeBundled: true };
  const policyAccepting = (...sentences: string[]) => {
    let text: string | undefined = 'citationStyle: pandoc\n';
    for (const sentence of sentences) text = acceptClaimEdit(text, sentence);
    const { config, problems } = parseProjectConfig(text!, '/project/.grounded.yaml');
    assert.deepEqual(problems, []);
    return draftPolicy(config, host);
  };

  test('an accepted sentence gives no findings; the other claims still do', () => {
    const policy = policyAccepting(UNSUPPORTED);
    assert.equal(policy.isAccepted(UNSUPPORTED), true);
    assert.deepEqual(findingsOf(check(fixture('list')), policy).map((finding) => finding.code), ['uncited', 'contradicted']);
    assert.deepEqual(findingsOf(check(fixture('unsupported')), policy), []);
  });

  test('accepting a contradicted or uncited claim silences it too, whatever its code', () => {
    const policy = policyAccepting(CONTRADICTED, NORWAY);
    assert.deepEqual(findingsOf(check(fixture('list')), policy).map((finding) => finding.code), ['unsupported']);
    assert.deepEqual(findingsOf(check(fixture('citation-mismatch')), policy), [], 'a citation mismatch of the accepted sentence');
  });

  test('a changed sentence is checked again; a re-wrapped one is the same sentence', () => {
    const policy = policyAccepting(UNSUPPORTED);
    const changed = 'The UN Security Council passed a resolution backing the talks.';
    assert.deepEqual(findingsOf(check(`${changed}\n`), policy).map((finding) => [finding.code, finding.claim.text]), [['unsupported', changed]]);
    const rewrapped = 'The UN Security Council passed a resolution\nsupporting   the talks.\n';
    assert.deepEqual(findingsOf(check(rewrapped), policy), []);
  });

  test('a config written by hand (the text without its hash) is matched through isAccepted', () => {
    const { config } = parseProjectConfig(`accepted:\n  - text: "${UNSUPPORTED}"\n`, '/project/.grounded.yaml');
    assert.equal(isAccepted(config, UNSUPPORTED), true);
    assert.equal(isAccepted(config, UNSUPPORTED.replace('UN', 'U.N.')), false);
    assert.deepEqual(findingsOf(check(fixture('unsupported')), draftPolicy(config, host)), []);
  });

  test('without a config nothing is accepted', () => {
    const policy = draftPolicy(undefined, host);
    assert.equal(policy.isAccepted(UNSUPPORTED), false);
    assert.deepEqual(findingsOf(check(fixture('unsupported')), policy).map((finding) => finding.code), ['unsupported']);
  });
});

test('the Lima Group sentence of the fixtures is backed by the AP article alone', () => {
  // Guards the fixtures the fix tests build on: if the engine changes its mind here, those tests would mislead.
  const draft = check(`${LIMA}\n`);
  assert.equal(draft.report.claims[0]?.verdict, 'supported');
  assert.deepEqual(draft.backing[0], [AP]);
});

describe('counting without wording', () => {
  test('claimFindingCounts gives the number of findings claimFindings words, under every severity map and acceptance', () => {
    const draft = check(['mixed', 'contradicted', 'uncited', 'citation-mismatch', 'unsupported'].map(fixture).join('\n\n'));
    const codes = Object.keys(DEFAULT_SEVERITY) as (keyof SeverityMap)[];
    const maps: SeverityMap[] = [{ ...DEFAULT_SEVERITY }, ...codes.map((off) => ({ ...DEFAULT_SEVERITY, [off]: 'off' }))];
    const accepted = draft.report.claims[0]!.text;
    let counted = 0;
    for (const severity of maps) {
      for (const isAccepted of [undefined, (sentence: string) => sentence === accepted]) {
        const options = { severity, ...(isAccepted ? { isAccepted } : {}) };
        const each = [...claimFindingCounts(draft, options)];
        assert.equal(each.length, draft.report.claims.length);
        for (let index = 0; index < draft.report.claims.length; index++) {
          assert.equal(each[index], claimFindings(draft, index, options).length, `claim ${index} with ${JSON.stringify(severity)}`);
          counted += each[index]!;
        }
        // From the bits a host kept per claim, the same counts.
        const kept = { ...draft, codeBits: Uint8Array.from(draft.report.claims, findingCodeBits) };
        assert.deepEqual([...claimFindingCounts(kept, options)], each);
        const none = { ...draft, codeBits: new Uint8Array(draft.report.claims.length) };
        assert.deepEqual([...claimFindingCounts(none, options)], each.map(() => 0), 'the kept bits are what is counted');
      }
    }
    assert.ok(counted > 0, 'the fixtures give findings');
  });
});
