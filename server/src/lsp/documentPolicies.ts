// What applies to each document: the nearest `.grounded.yaml` where it speaks, the document's workspace-folder
// settings where it is silent (config/policy.ts, shared with the CLI), and whether the document is a draft — only
// drafts are checked as you type: a file a config covers, one whose front matter says `grounded: true`, one the
// folder's `grounded.drafts.include` names, one that cites a source of the library, or one the writer asked to check
// ("Check this file anyway", until it is closed).

import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { coversDraft, frontMatterMarksDraft } from '../config/drafts';
import { draftPolicy, type DraftPolicy } from '../config/policy';
import { CONFIG_FILE_NAME, ProjectConfigs, type ProjectConfigResult } from '../config/projectConfig';
import type { FindingOptions } from '../findings/findings';
import type { ClaimSentence } from '../model';
import type { GroundedSettings } from '../protocol';
import { filePath } from './workspaceFolders';

export interface DocumentPolicy extends DraftPolicy {
  /** The config file and its problems, when one applies. */
  found: ProjectConfigResult | undefined;
  /** Where "Accept this claim" records a sentence: the config that applies, else a new one in the workspace folder. */
  acceptFile: string | undefined;
}

/**
 * Whether a document is checked: as a draft, not (`not-a-draft`), only if its citations name a source of the library
 * (`if-it-cites`, known once they are read), or not because it is over `grounded.maxFileSize` (`too-large`).
 */
export type DraftGate = 'draft' | 'not-a-draft' | 'if-it-cites' | 'too-large';

export class DocumentPolicies {
  private readonly configs = new ProjectConfigs();
  private readonly forced = new Set<string>();

  private readonly lastRead = new WeakSet<ProjectConfigResult>();

  constructor(
    private readonly settings: (uri: string) => GroundedSettings,
    /** The workspace folder (path) holding a file, if any. */
    private readonly folderOf: (path: string) => string | undefined,
    /** A config file was read (again): its problems are to be shown. */
    private readonly configRead: (result: ProjectConfigResult) => void = () => undefined,
  ) {}

  forDocument(uri: string): DocumentPolicy {
    const settings = this.settings(uri);
    const path = filePath(uri);
    const found = path === undefined ? undefined : this.configs.forFile(path);
    if (found && !this.lastRead.has(found)) {
      this.lastRead.add(found);
      this.configRead(found);
    }
    const policy = draftPolicy(found?.config, {
      severity: settings.severity,
      citationStyle: settings.citationStyle,
      sourcePaths: [],
      includeBundled: settings.sources.includeBundled,
    });
    const home = path === undefined ? undefined : (this.folderOf(path) ?? dirname(path));
    const acceptFile = found?.config.path ?? (home === undefined ? undefined : join(home, CONFIG_FILE_NAME));
    return { ...policy, found, acceptFile };
  }

  /** Whether a project config names the document's sources (then it has a library of its own). */
  ownsSources(policy: DocumentPolicy): boolean {
    return policy.config?.sources?.paths !== undefined || policy.config?.sources?.includeBundled !== undefined;
  }

  findingOptions(uri: string): FindingOptions {
    const policy = this.forDocument(uri);
    return { severity: policy.severity, isAccepted: policy.isAccepted };
  }

  /** Whether the document is a draft, as far as can be told before its citations are read. */
  draftGate(uri: string, text: string): DraftGate {
    // Cheap before the count: a UTF-8 byte is at most one UTF-16 unit, and a unit at most three bytes.
    const limit = this.settings(uri).maxFileSize;
    if (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit) return 'too-large';
    if (this.forced.has(uri)) return 'draft';
    const path = filePath(uri);
    const policy = this.forDocument(uri);
    if (policy.config && path !== undefined) {
      // A project config decides for the files it covers; one it excludes is still a draft if it says so itself.
      if (coversDraft(policy.config, path)) return 'draft';
    } else if (this.settingsInclude(uri, path)) {
      return 'draft';
    }
    if (frontMatterMarksDraft(text)) return 'draft';
    return MAYBE_CITATION.test(text) ? 'if-it-cites' : 'not-a-draft';
  }

  /** "Check this file anyway": the document is a draft until it is closed. */
  force(uri: string): void {
    this.forced.add(uri);
  }

  closed(uri: string): void {
    this.forced.delete(uri);
  }

  /** A config file changed on disk: read it again. */
  configChanged(path?: string): void {
    this.configs.invalidate(path);
  }

  /**
   * Whether the settings' `drafts` globs name the document: relative to its workspace folder; a file outside every
   * folder is matched by its whole path, a document not on disk (`untitled:`) by the path its URI gives.
   */
  private settingsInclude(uri: string, path: string | undefined): boolean {
    const drafts = this.settings(uri).drafts;
    if (drafts.include.length === 0) return false;
    const folder = path === undefined ? undefined : this.folderOf(path);
    const relativePath = path === undefined ? uriPath(uri) : (folder === undefined ? path : relative(folder, path)).split(sep).join('/');
    return draftsMatcher(drafts)(relativePath);
  }
}

// Compiled once per settings value (a refresh makes new ones): every check of every document asks.
const draftsMatchers = new WeakMap<GroundedSettings['drafts'], (path: string) => boolean>();

function draftsMatcher(drafts: GroundedSettings['drafts']): (path: string) => boolean {
  let matcher = draftsMatchers.get(drafts);
  if (!matcher) {
    const included = picomatch(drafts.include, { dot: true });
    const excluded = drafts.exclude.length > 0 ? picomatch(drafts.exclude, { dot: true }) : () => false;
    draftsMatchers.set(drafts, (matcher = (path) => included(path) && !excluded(path)));
  }
  return matcher;
}

// A footnote, a Pandoc citation or a link: without one of these a document cites nothing, and needs no parse to say so.
const MAYBE_CITATION = /\[\^|@|\]\(|\]\[|\]:/;

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** Whether any claim cites a source of the library (its citation resolved to a source id). */
export function citesLibrary(claims: readonly ClaimSentence[]): boolean {
  return claims.some((claim) => claim.citations.some((citation) => citation.sourceId !== undefined));
}
