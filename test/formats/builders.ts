// Hand-built reports for the format tests: the formats are pure functions, so they are tested without the engine.
import { createEngine } from '../../server/src/engine';
import { DEFAULT_SEVERITY, type SeverityMap } from '../../server/src/findings/codes';
import { findingsOf } from '../../server/src/findings/findings';
import type { FileResult } from '../../server/src/formats/fileResult';
import type { CheckedClaim, Evidence, FileReport, Source, SourceLibrary } from '../../server/src/model';

export function evidence(sourceId: string, line: number, text: string, score = 0.8): Evidence {
  return { sourceId, line, text, score };
}

/** A claim on one line of a draft; `line` and `character` are 0-based as in the model. */
export function claim(
  text: string,
  line: number,
  character: number,
  verdict: Partial<CheckedClaim> & Pick<CheckedClaim, 'verdict'>,
): CheckedClaim {
  return {
    text,
    range: { start: { line, character }, end: { line, character: character + text.length } },
    startOffset: 0,
    endOffset: text.length,
    blockStartOffset: 0,
    citations: [],
    confidence: 0.9,
    evidence: [],
    reason: '',
    ...verdict,
  };
}

export function source(id: string, title: string, path: string, passages = 3): Source {
  return {
    id,
    title,
    path,
    bundled: false,
    excluded: [],
    passages: Array.from({ length: passages }, (_, index) => ({ sourceId: id, line: index + 1, text: `Sentence ${index}.`, index, paragraph: index })),
  };
}

export const PERU_PASSAGE = evidence(
  'ap-norway',
  4,
  'Bolton and Ross are expected to attend an Aug. 6 conference in Peru attended by representatives from more than 50 nations.',
  0.74,
);
export const NORWAY_PASSAGE = evidence('ap-norway', 2, 'The ministry said both parties “continue in their search for solutions”.', 0.91);

export const LIBRARY: SourceLibrary = {
  sources: [source('ap-norway', 'Norway says the talks will continue', '/work/project/sources/ap-norway.md')],
  problems: [],
};

/** A draft with one claim of each kind, plus a skipped question. */
export function mixedReport(path = 'drafts/venezuela.md'): FileReport {
  return {
    path,
    claims: [
      claim('Norway’s foreign ministry said both parties continue in their search for solutions.', 2, 0, {
        verdict: 'supported',
        confidence: 0.91234,
        evidence: [NORWAY_PASSAGE],
        citations: [{ kind: 'footnote', label: 'ap', sourceId: 'ap-norway', range: { start: { line: 2, character: 84 }, end: { line: 2, character: 89 } } }],
      }),
      claim('Bolton and Ross were expected to attend a conference in Chile.', 4, 0, {
        verdict: 'contradicted',
        confidence: 0.8,
        evidence: [NORWAY_PASSAGE, PERU_PASSAGE],
        reason: 'Contradicted by "Norway says the talks will continue": the source says "Peru", the draft says "Chile".',
        conflict: { slot: 'place', claim: 'Chile', source: 'Peru', sourceId: 'ap-norway' },
      }),
      claim('The UN Security Council passed a resolution supporting the talks.', 6, 2, {
        verdict: 'unsupported',
        confidence: 0.7,
        evidence: [NORWAY_PASSAGE],
        reason: 'No source mentions "UN Security Council", "resolution".',
        unbacked: ['UN Security Council', 'resolution'],
      }),
      claim('The talks were held in Barbados.', 8, 0, {
        verdict: 'supported',
        evidence: [NORWAY_PASSAGE],
        citations: [{ kind: 'footnote', label: 'bbc', sourceId: 'bbc', range: { start: { line: 8, character: 32 }, end: { line: 8, character: 38 } } }],
        citationMismatch: { cited: ['bbc'], backedBy: 'ap-norway', message: 'The cited source bbc does not say this; ap-norway does.' },
      }),
    ],
    skipped: [{ text: 'Will the talks ever succeed?', range: { start: { line: 10, character: 0 }, end: { line: 10, character: 28 } }, reason: 'question' }],
  };
}

const ENGINE = createEngine(LIBRARY);

/** A report with its findings, made by the findings module as the CLI makes them (no claim backed by a second source). */
export function resultOf(report: FileReport, severity: SeverityMap = DEFAULT_SEVERITY): FileResult {
  const draft = { text: '', report, engine: ENGINE, backing: report.claims.map(() => []) };
  return { report, findings: findingsOf(draft, { severity }) };
}

export function resultsOf(reports: readonly FileReport[]): FileResult[] {
  return reports.map((report) => resultOf(report));
}
