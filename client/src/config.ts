// Typed, validated reads of the `grounded` settings. The server reads the same section itself (workspace/configuration);
// the client needs a few of them for its own views. Only a type is taken from `vscode`, so test/client can build a
// Config over a plain object.
import type { WorkspaceConfiguration } from 'vscode';
import {
  CHECK_ON_SETTINGS,
  CITATION_STYLES,
  DEFAULT_SETTINGS,
  SEVERITY_SETTINGS,
  DIAGNOSTIC_CODES,
  type CheckOn,
  type CitationStyle,
  type DiagnosticCode,
  type GroundedSettings,
  type SeveritySetting,
} from '../../server/src/protocol';

export const CONFIG_SECTION = 'grounded';

export type TraceSetting = 'off' | 'messages' | 'verbose';

const TRACE: readonly TraceSetting[] = ['off', 'messages', 'verbose'];

/** What Config reads from: `workspace.getConfiguration('grounded', scope)`, or any object with the same `get`. */
export type ConfigurationSource = Pick<WorkspaceConfiguration, 'get'>;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((choice) => choice === value) ?? fallback;
}

export class Config {
  constructor(private readonly source: ConfigurationSource) {}

  /** Source folders as written in the settings (workspace-relative or absolute). */
  get sourcePaths(): string[] {
    return this.stringList('sources.paths', DEFAULT_SETTINGS.sources.paths);
  }

  /** Globs (from the workspace folder) of the Markdown files that are drafts when no `.grounded.yaml` says so. */
  get draftInclude(): string[] {
    return this.stringList('drafts.include', DEFAULT_SETTINGS.drafts.include);
  }

  /** Globs of the Markdown files that are not drafts; they win over draftInclude. */
  get draftExclude(): string[] {
    return this.stringList('drafts.exclude', DEFAULT_SETTINGS.drafts.exclude);
  }

  get includeBundled(): boolean {
    const value = this.source.get<unknown>('sources.includeBundled');
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS.sources.includeBundled;
  }

  get checkOn(): CheckOn {
    return oneOf(this.source.get<unknown>('checkOn'), CHECK_ON_SETTINGS, DEFAULT_SETTINGS.checkOn);
  }

  get debounceMs(): number {
    const value = this.source.get<unknown>('debounceMs');
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.round(value)) : DEFAULT_SETTINGS.debounceMs;
  }

  /** The server validates it too (a limit below a few paragraphs falls back to the default). */
  get maxFileSize(): number {
    const value = this.source.get<unknown>('maxFileSize');
    return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : DEFAULT_SETTINGS.maxFileSize;
  }

  /** The server validates it too (fewer than a hundred falls back to the default). */
  get maxFindingsPerDocument(): number {
    const value = this.source.get<unknown>('maxFindingsPerDocument');
    return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : DEFAULT_SETTINGS.maxFindingsPerDocument;
  }

  get citationStyle(): CitationStyle {
    return oneOf(this.source.get<unknown>('citationStyle'), CITATION_STYLES, DEFAULT_SETTINGS.citationStyle);
  }

  severity(code: DiagnosticCode): SeveritySetting {
    return oneOf(this.source.get<unknown>(`severity.${code}`), SEVERITY_SETTINGS, DEFAULT_SETTINGS.severity[code]);
  }

  get traceServer(): TraceSetting {
    return oneOf(this.source.get<unknown>('trace.server'), TRACE, 'off');
  }

  /** The whole section, shaped as the server reads it. */
  toSettings(): GroundedSettings {
    const severity = { ...DEFAULT_SETTINGS.severity };
    for (const code of DIAGNOSTIC_CODES) severity[code] = this.severity(code);
    return {
      sources: { paths: this.sourcePaths, includeBundled: this.includeBundled },
      drafts: { include: this.draftInclude, exclude: this.draftExclude },
      checkOn: this.checkOn,
      debounceMs: this.debounceMs,
      maxFileSize: this.maxFileSize,
      maxFindingsPerDocument: this.maxFindingsPerDocument,
      citationStyle: this.citationStyle,
      severity,
    };
  }

  /** A list of non-empty strings; a value that is not a list falls back to the default (other items are dropped). */
  private stringList(key: string, fallback: readonly string[]): string[] {
    const value = this.source.get<unknown>(key);
    if (!Array.isArray(value)) return [...fallback];
    return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  }
}
