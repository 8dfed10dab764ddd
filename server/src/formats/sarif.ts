// SARIF 2.1.0 (`--format sarif`), for code-scanning dashboards such as GitHub's. One run; one result per finding;
// the evidence passage as a related location in the source file, so a reviewer can jump from claim to source.
import { createHash } from 'node:crypto';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { displayPath } from '../files/displayPath';
import { DEFAULT_SEVERITY, FINDING_CODES, type FindingCode, type Severity } from '../findings/codes';
import type { Finding } from '../findings/findings';
import { HOME_PAGE, codeHref } from '../findings/links';
import type { Source, SourceLibrary } from '../model';
import type { FileResult } from './fileResult';

export interface SarifFormatOptions {
  /** The folder relative paths are resolved against (`%SRCROOT%`); normally the working folder. */
  baseDir: string;
  toolVersion: string;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

// SARIF has three levels; information and hint are both notes.
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULE_TEXT: Record<FindingCode, { name: string; short: string; full: string }> = {
  contradicted: {
    name: 'ContradictedClaim',
    short: 'A source states a different detail than the claim.',
    full: 'A passage about the same event gives a different number, date, day, person, place or organisation, or the opposite polarity.',
  },
  unsupported: {
    name: 'UnsupportedClaim',
    short: 'No source backs every detail of the claim.',
    full: 'No passage of the sources (or two adjacent sentences of one source) backs every factual detail of the claim.',
  },
  uncited: {
    name: 'UncitedClaim',
    short: 'A source backs the claim, but the claim cites none.',
    full: 'The claim is supported by a source of the library and cites nothing; cite the source that backs it.',
  },
  'citation-mismatch': {
    name: 'CitationMismatch',
    short: 'The cited source does not back the claim.',
    full: 'The claim cites a source that does not back it; another source may, or none does.',
  },
  'unbacked-detail': {
    name: 'UnbackedDetail',
    short: 'A supported claim states a word its passage does not back.',
    full: 'The claim is supported, but some of its content words (names, numbers, nouns, verbs, adjectives) are in neither the backing passage nor the sentence beside it: a paraphrase, or a detail added by mistake.',
  },
};

export function formatSarif(files: readonly FileResult[], library: SourceLibrary, options: SarifFormatOptions): string {
  const sourcesById = new Map(library.sources.map((source) => [source.id, source]));
  const results = files.flatMap((file) => fileResults(file, sourcesById, options.baseDir));
  const unreadable = files.map((file) => file.report).filter((report) => report.error !== undefined);

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'grounded',
            version: options.toolVersion,
            informationUri: HOME_PAGE,
            rules: FINDING_CODES.map((code) => ({
              id: code,
              name: RULE_TEXT[code].name,
              shortDescription: { text: RULE_TEXT[code].short },
              fullDescription: { text: RULE_TEXT[code].full },
              helpUri: codeHref(code),
              defaultConfiguration: { level: DEFAULT_SEVERITY[code] === 'off' ? 'none' : LEVEL[DEFAULT_SEVERITY[code] as Severity] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: [
              ...unreadable.map((report) => ({
                level: 'error',
                message: { text: `${report.path}: ${report.error}` },
                locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.path, options.baseDir) } }],
              })),
              ...library.problems.map((problem) => ({
                level: 'warning',
                message: { text: `${displayPath(problem.path, options.baseDir)}: ${problem.message}` },
              })),
            ],
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.baseDir) } },
        // LSP positions count UTF-16 code units, which is SARIF's default column kind; said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function fileResults({ report, findings }: FileResult, sourcesById: Map<string, Source>, baseDir: string) {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const { start, end } = finding.claim.range;
    // Hash of the rule and the claim's words: it survives edits elsewhere in the file that move the claim.
    // Identical sentences under the same rule are told apart by their order of appearance.
    const hash = claimHash(finding);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return {
      ruleId: finding.code,
      ruleIndex: FINDING_CODES.indexOf(finding.code),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(report.path, baseDir),
            // SARIF lines and columns are 1-based and endColumn is exclusive, like LSP's 0-based end character.
            region: {
              startLine: start.line + 1,
              startColumn: start.character + 1,
              endLine: end.line + 1,
              endColumn: end.character + 1,
            },
          },
        },
      ],
      relatedLocations: relatedLocations(finding, sourcesById, baseDir),
      partialFingerprints: { 'claimHash/v1': `${hash}:${occurrence}` },
    };
  });
}

function relatedLocations(finding: Finding, sourcesById: Map<string, Source>, baseDir: string) {
  // The finding's own evidence first: it is the passage its message is about.
  const evidence = finding.evidence
    ? [finding.evidence, ...finding.claim.evidence.filter((e) => e !== finding.evidence)]
    : finding.claim.evidence;
  const locations = [];
  for (const passage of evidence) {
    const source = sourcesById.get(passage.sourceId);
    if (!source) continue;
    locations.push({
      id: locations.length + 1,
      physicalLocation: {
        artifactLocation: artifactLocation(source.path, baseDir),
        region: { startLine: passage.line, snippet: { text: passage.text } },
      },
      message: { text: `Evidence from "${source.title}" (${source.id}, line ${passage.line})` },
    });
  }
  return locations;
}

function claimHash(finding: Finding): string {
  const words = finding.claim.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${finding.code}\n${words}`).digest('hex').slice(0, 32);
}

/** Paths inside the base folder stay relative to `%SRCROOT%` (portable across checkouts); others become file URIs. */
function artifactLocation(path: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(path, baseDir);
  if (isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}
