// The kinds of finding and how loud each may be. The CLI, the editor and the project config share this vocabulary.

import type { FootnoteStyle } from '../bibliography/formats';

/** Finding codes; also the README anchors their links point to. */
export const FINDING_CODES = ['contradicted', 'unsupported', 'uncited', 'citation-mismatch', 'unbacked-detail'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
/** A severity a finding is shown with (`off` findings are not shown at all). */
export type Severity = Exclude<SeveritySetting, 'off'>;
export type SeverityMap = Record<FindingCode, SeveritySetting>;

export const DEFAULT_SEVERITY: Readonly<SeverityMap> = {
  contradicted: 'error',
  unsupported: 'warning',
  'citation-mismatch': 'warning',
  uncited: 'hint',
  'unbacked-detail': 'information',
};

export const CITATION_STYLES = ['footnote', 'pandoc'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/**
 * How the Cite fixes write a citation: the marker (`citationStyle`) and, for a footnote, the CSL style of its
 * definition's text. A draft's policy is one (its project config, else the host's settings).
 */
export interface CitationFormat {
  citationStyle: CitationStyle;
  footnoteStyle: FootnoteStyle;
}
