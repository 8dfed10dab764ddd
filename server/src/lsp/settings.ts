// The `grounded` settings section as the server uses it: pulled with workspace/configuration when the client can
// answer it (for the window, and for each workspace folder), else taken from the didChangeConfiguration push. Whatever arrives is validated field by field, so a typo
// in one setting falls back to that setting's default instead of breaking the others.

import type { Connection } from 'vscode-languageserver/node';
import {
  CHECK_ON_SETTINGS,
  CITATION_STYLES,
  DEFAULT_SETTINGS,
  SEVERITY_SETTINGS,
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  type GroundedSettings,
  type SeveritySetting,
} from '../protocol';

export const SETTINGS_SECTION = 'grounded';

// Longer than this and the writer would think checking had stopped; negative makes no sense.
const MAX_DEBOUNCE_MS = 10_000;
// A limit below a few paragraphs would switch checking off by mistake.
const MIN_MAX_FILE_SIZE = 1_000;
// Fewer would hide findings of an ordinary long article.
const MIN_MAX_FINDINGS = 100;

/** Any settings object (nested, or with dotted keys as some editors send) → complete, valid settings. */
export function normalizeSettings(raw: unknown): GroundedSettings {
  const value = expandDottedKeys(raw);
  const sources = asRecord(value.sources);
  const drafts = asRecord(value.drafts);
  const severity = asRecord(value.severity);
  const paths = stringList(sources.paths);
  const debounce = typeof value.debounceMs === 'number' && Number.isFinite(value.debounceMs) ? value.debounceMs : DEFAULT_SETTINGS.debounceMs;

  return {
    sources: {
      paths,
      includeBundled: typeof sources.includeBundled === 'boolean' ? sources.includeBundled : DEFAULT_SETTINGS.sources.includeBundled,
    },
    drafts: { include: stringList(drafts.include), exclude: stringList(drafts.exclude) },
    checkOn: oneOf(value.checkOn, CHECK_ON_SETTINGS, DEFAULT_SETTINGS.checkOn),
    debounceMs: Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(debounce))),
    maxFileSize:
      typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize >= MIN_MAX_FILE_SIZE
        ? Math.round(value.maxFileSize)
        : DEFAULT_SETTINGS.maxFileSize,
    maxFindingsPerDocument:
      typeof value.maxFindingsPerDocument === 'number' && Number.isFinite(value.maxFindingsPerDocument) && value.maxFindingsPerDocument >= MIN_MAX_FINDINGS
        ? Math.round(value.maxFindingsPerDocument)
        : DEFAULT_SETTINGS.maxFindingsPerDocument,
    citationStyle: oneOf(value.citationStyle, CITATION_STYLES, DEFAULT_SETTINGS.citationStyle),
    severity: Object.fromEntries(
      DIAGNOSTIC_CODES.map((code) => [code, oneOf(severity[code], SEVERITY_SETTINGS, DEFAULT_SETTINGS.severity[code])]),
    ) as Record<DiagnosticCode, SeveritySetting>,
  };
}

/** What a refresh changed, compared with the settings applied before it. */
export interface SettingsChange {
  /** Any setting, of the window or of a workspace folder. (Whether the library must reload is for library.ts to say.) */
  changed: boolean;
}

/**
 * Holds the settings and refreshes them from the client: the window's (no scope), which apply to documents outside
 * every workspace folder, and each workspace folder's (`scopeUri` = the folder), which apply to the documents inside
 * it (`checkOn`, `debounceMs`, `citationStyle`, `severity.*`). The one source library of the server is made from the
 * window's `sources.*` and every folder's together (library.ts, selectSources).
 */
export class SettingsStore {
  /** The window's settings. */
  current: GroundedSettings = normalizeSettings(undefined);
  /** Set from the client capabilities at initialize. */
  canPull = false;
  private folders: string[] = [];
  private byFolder = new Map<string, GroundedSettings>();

  constructor(private readonly connection: Connection) {}

  /** The workspace folders (URIs) whose own settings are read, from the next refresh on. */
  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((uri) => uri.replace(/\/+$/, ''));
  }

  /** A workspace folder's own settings (by its URI), if they were read. */
  forFolder(folderUri: string): GroundedSettings | undefined {
    return this.byFolder.get(folderUri.replace(/\/+$/, ''));
  }

  /** The settings for a document: its workspace folder's (the innermost one holding it), else the window's. */
  forDocument(uri: string): GroundedSettings {
    let best: string | undefined;
    for (const folder of this.byFolder.keys()) {
      if (uri.startsWith(`${folder}/`) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best === undefined ? this.current : this.byFolder.get(best)!;
  }

  /**
   * Re-reads the settings and says what changed since those last applied. `pushed` is the `settings` of a
   * didChangeConfiguration notification: used only when the client cannot answer workspace/configuration (VS Code
   * sends null there and expects a pull). Callers run refreshes one after another (server.ts queues them).
   */
  async refresh(pushed?: unknown): Promise<SettingsChange> {
    const before = this.snapshot();
    if (this.canPull) {
      const folders = [...this.folders];
      try {
        const sections = await this.connection.workspace.getConfiguration([
          { section: SETTINGS_SECTION },
          ...folders.map((scopeUri) => ({ section: SETTINGS_SECTION, scopeUri })),
        ]);
        this.current = normalizeSettings(sections[0]);
        this.byFolder = new Map(folders.map((folder, index) => [folder, normalizeSettings(sections[index + 1] ?? sections[0])]));
      } catch (error) {
        this.connection.console.warn(`Could not read the "${SETTINGS_SECTION}" settings: ${String(error)}; keeping the previous ones.`);
      }
    } else if (pushed !== undefined && pushed !== null) {
      const record = asRecord(pushed);
      // Editors push either the whole settings tree or just our section.
      this.current = normalizeSettings(SETTINGS_SECTION in record ? record[SETTINGS_SECTION] : record);
      this.byFolder = new Map();
    }
    return { changed: this.snapshot() !== before };
  }

  private snapshot(): string {
    return JSON.stringify([this.current, [...this.byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  }
}

/** The non-empty strings of a list, trimmed; anything else is dropped. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `{ "sources.paths": [...] }` → `{ sources: { paths: [...] } }`; nested keys are kept as they are. */
function expandDottedKeys(raw: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(asRecord(raw))) {
    const parts = key.split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) {
      const next = asRecord(target[part]);
      target[part] = next;
      target = next;
    }
    const last = parts[parts.length - 1]!;
    const existing = target[last];
    // A nested object and dotted keys for the same section merge rather than overwrite each other.
    target[last] = isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
