// The words the client shows: notifications, status bar text, Sources view and QuickPick labels.
// Pure functions over protocol types (no `vscode` import), so test/client can check them under plain Node.
import type { SkipReason } from '../../server/src/model';
import type {
  CiteResult,
  DocumentSummary,
  RankSourcesResult,
  RankedSource,
  SourceInfo,
  VerdictCounts,
  WorkspaceSummary,
} from '../../server/src/protocol';

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "8 supported, 3 unsupported, 1 contradicted". */
export function verdictBreakdown(counts: VerdictCounts): string {
  return `${counts.supported} supported, ${counts.unsupported} unsupported, ${counts.contradicted} contradicted`;
}

/** Why Problems does not list every finding of a document, and where to see them all. */
export function unlistedNote(unlisted: number): string {
  return `Problems lists the findings nearest the cursor; ${unlisted.toLocaleString('en')} more are not listed (grounded.maxFindingsPerDocument). "grounded check" lists them all.`;
}

/** "12 claims: 8 supported, 3 unsupported, 1 contradicted" (and "No claims to check" for a draft without any). */
export function documentSummaryMessage(summary: Pick<DocumentSummary, 'claims' | 'counts'>): string {
  if (summary.claims === 0) return 'No claims to check';
  return `${plural(summary.claims, 'claim')}: ${verdictBreakdown(summary.counts)}`;
}

/** "3 files, 12 claims: 8 supported, 3 unsupported, 1 contradicted; 1 file could not be read". */
export function workspaceSummaryMessage(summary: WorkspaceSummary): string {
  const unreadable = summary.problems.length;
  const tail = unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : '';
  if (summary.files === 0) return `No Markdown files to check in the workspace${tail}`;
  const claims = summary.claims === 0 ? 'no claims to check' : `${plural(summary.claims, 'claim')}: ${verdictBreakdown(summary.counts)}`;
  return `${plural(summary.files, 'file')}, ${claims}${tail}`;
}

/** Whether a summary has findings worth opening the Problems panel for. */
export function hasFindings(counts: VerdictCounts): boolean {
  return counts.unsupported > 0 || counts.contradicted > 0;
}

/** Status bar text for a checked document: "$(check) 8 $(warning) 3 $(error) 1". */
export function countsText(counts: VerdictCounts): string {
  return `$(check) ${counts.supported} $(warning) ${counts.unsupported} $(error) ${counts.contradicted}`;
}

/** "AP News · 2024-03-12" (either part may be missing). */
export function sourceDescription(source: Pick<SourceInfo, 'outlet' | 'date'>): string {
  return [source.outlet, source.date].filter((part): part is string => Boolean(part && part.trim())).join(' · ');
}

/** "1 passage" / "12 passages". */
export function passageCount(passages: number): string {
  return plural(passages, 'passage');
}

const VERDICT_ICONS: Record<RankedSource['verdict'], string> = {
  supported: '$(check)',
  unsupported: '$(warning)',
  contradicted: '$(error)',
};

/** Insert Citation QuickPick detail: the verdict and the best passage, quoted and shortened. */
export function rankedSourceDetail(ranked: Pick<RankedSource, 'verdict' | 'passage' | 'score'>, maxLength = 160): string {
  const passage = ranked.passage.replace(/\s+/g, ' ').trim();
  const shown = passage.length > maxLength ? `${passage.slice(0, maxLength - 1).trimEnd()}…` : passage;
  const score = Math.round(Math.max(0, Math.min(1, ranked.score)) * 100);
  return `${VERDICT_ICONS[ranked.verdict]} ${ranked.verdict} (${score}%) — “${shown}”`;
}

/** Insert Citation QuickPick description: outlet · date, and whether the sentence already cites the source. */
export function rankedSourceDescription(ranked: Pick<RankedSource, 'outlet' | 'date' | 'cited'>): string {
  const description = sourceDescription(ranked);
  if (!ranked.cited) return description;
  return description ? `already cited · ${description}` : 'already cited';
}

const SKIP_REASONS: Record<SkipReason, string> = {
  question: 'a question',
  opinion: 'an opinion',
  prediction: 'a prediction',
  framing: "the writer's own framing",
  'no-content': 'a sentence that states no checkable fact',
};

/** Why Insert Citation offers nothing for the sentence at the cursor. */
export function nothingToCiteMessage(result: Pick<RankSourcesResult, 'sentence' | 'skipReason' | 'sources'>): string {
  if (result.sentence === 'skipped') {
    return `the sentence at the cursor is ${result.skipReason ? SKIP_REASONS[result.skipReason] : 'not a claim'}, not a claim: there is nothing to cite.`;
  }
  if (result.sentence === 'none') return 'put the cursor on a sentence of the draft to cite a source for it.';
  return 'no source in the library speaks to the sentence at the cursor.';
}

/** Why citeSource inserted nothing, for a warning after "Grounded: the citation was not inserted". */
export function citeRefusalMessage(result: Pick<CiteResult, 'outcome' | 'skipReason' | 'message'>): string {
  switch (result.outcome) {
    case 'stale-version':
      return 'the draft changed since the sources were ranked. Try again.';
    case 'already-cited':
      return 'the sentence already cites this source.';
    case 'not-a-claim':
      return `the sentence is ${result.skipReason ? SKIP_REASONS[result.skipReason] : 'not a claim'}, not a claim: there is nothing to cite.`;
    case 'no-sentence':
      return 'there is no sentence at the cursor any more. Try again.';
    case 'not-open':
      return 'the draft is not open.';
    case 'rejected':
      return 'the editor did not apply the edit.';
    case 'applied':
      return result.message;
  }
}
