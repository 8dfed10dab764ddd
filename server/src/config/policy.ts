// What applies to one draft: its project config (the nearest `.grounded.yaml`) where the file speaks, the host's
// settings (the editor's, or the CLI's options and defaults) where it is silent. The CLI and the language server both
// ask this, so CI and the writer's editor check a draft alike.

import { DEFAULT_FOOTNOTE_STYLE, type FootnoteStyle } from '../bibliography/formats';
import type { CitationStyle, SeverityMap } from '../findings/codes';
import { isAccepted } from './accepted';
import { coversDraft, frontMatterMarksDraft } from './drafts';
import type { ProjectConfig } from './projectConfig';

/** What the host says where no config does. */
export interface HostDefaults {
  severity: Readonly<SeverityMap>;
  citationStyle: CitationStyle;
  /** Absolute source paths. */
  sourcePaths: readonly string[];
  includeBundled: boolean;
}

export interface DraftPolicy {
  config: ProjectConfig | undefined;
  severity: SeverityMap;
  citationStyle: CitationStyle;
  /** The CSL style of the footnote definitions the Cite fixes write (the config's `footnoteStyle`; no host setting). */
  footnoteStyle: FootnoteStyle;
  /** The library the draft is checked against. */
  sources: LibrarySelection;
  /** Whether the writer accepted a sentence (the config's `accepted`). */
  isAccepted(sentence: string): boolean;
}

export interface LibrarySelection {
  /** Absolute, deduplicated. */
  paths: string[];
  includeBundled: boolean;
  /** The project's archive in PostgreSQL, when its config names one. */
  database?: string;
}

export function draftPolicy(config: ProjectConfig | undefined, defaults: HostDefaults): DraftPolicy {
  return {
    config,
    severity: { ...defaults.severity, ...config?.severity },
    citationStyle: config?.citationStyle ?? defaults.citationStyle,
    footnoteStyle: config?.footnoteStyle ?? DEFAULT_FOOTNOTE_STYLE,
    sources: {
      paths: [...new Set(config?.sources?.paths ?? defaults.sourcePaths)],
      includeBundled: config?.sources?.includeBundled ?? defaults.includeBundled,
      ...(config?.sources?.database !== undefined ? { database: config.sources.database } : {}),
    },
    isAccepted: (sentence) => (config ? isAccepted(config, sentence) : false),
  };
}

/** A key that tells two selections apart: drafts with equal keys share one library. */
export function selectionKey(selection: LibrarySelection): string {
  return JSON.stringify([selection.includeBundled, selection.paths, selection.database ?? null]);
}

/** Why a Markdown file is a draft to check as you type; undefined when it is not one. */
export type DraftReason = 'config' | 'front-matter' | 'citations' | 'settings';

/**
 * Whether a file is a draft: a config covers it (its globs include it), or its front matter says `grounded: true`,
 * or it cites a source of the library (`citesLibrary`, asked last: it needs the draft's citations resolved).
 */
export function draftReason(
  filePath: string | undefined,
  text: string,
  config: ProjectConfig | undefined,
  citesLibrary: () => boolean,
): DraftReason | undefined {
  if (config && filePath !== undefined && coversDraft(config, filePath)) return 'config';
  if (frontMatterMarksDraft(text)) return 'front-matter';
  if (citesLibrary()) return 'citations';
  return undefined;
}
