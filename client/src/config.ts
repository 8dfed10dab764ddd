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
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export class Config {
  constructor(private readonly source: ConfigurationSource) {}

  /** Source folders as written in the settings (workspace-relative or absolute). */
  get sourcePaths(): string[] {
    const value = this.source.get<unknown>('sources.paths');
    if (!Array.isArray(value)) return [...DEFAULT_SETTINGS.sources.paths];
    return value.filter((path): path is string => typeof path === 'string' && path.trim() !== '');
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
    const severity = Object.fromEntries(DIAGNOSTIC_CODES.map((code) => [code, this.severity(code)])) as GroundedSettings['severity'];
    return {
      sources: { paths: this.sourcePaths, includeBundled: this.includeBundled },
      checkOn: this.checkOn,
      debounceMs: this.debounceMs,
      citationStyle: this.citationStyle,
      severity,
    };
  }
}
