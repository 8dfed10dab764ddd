// The human report: one line per finding, `path:line:col  severity  kind  message`, then a count line per file.
// Files that could not be read get no lines here: the CLI names them on stderr, and the total counts them.
import type { FileReport } from '../model';
import { countReport, countReports, plural, type ReportCounts } from './counts';
import { findingsOf, type Finding, type Severity } from './findings';

export interface TextFormatOptions {
  /** ANSI colours; the CLI turns them on only for a terminal without NO_COLOR. */
  color: boolean;
}

const SEVERITY_WIDTH = 'warning'.length;
const KIND_WIDTH = 'citation-mismatch'.length;

const ANSI = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
type Style = keyof typeof ANSI;

export function formatText(reports: readonly FileReport[], options: TextFormatOptions): string {
  const paint = (text: string, ...styles: Style[]) =>
    options.color && styles.length > 0 ? `${styles.map((s) => `\x1b[${ANSI[s]}m`).join('')}${text}\x1b[0m` : text;

  const blocks: string[] = [];
  for (const report of reports) {
    if (report.error !== undefined) continue;
    const findings = findingsOf(report);
    // Locations padded to one width per file, so severities and kinds line up in columns.
    const locations = findings.map((finding) => locationOf(report.path, finding));
    const width = Math.max(0, ...locations.map((location) => location.length));
    const lines = findings.map((finding, i) => findingLine(locations[i].padEnd(width), finding, paint));
    lines.push(`${paint(report.path, 'bold')}: ${describeCounts(countReport(report), paint)}`);
    blocks.push(lines.join('\n'));
  }
  if (reports.length > 1) {
    const total = countReports(reports);
    let line = `Total: ${plural(total.files, 'file')}, ${describeCounts(total, paint)}`;
    if (total.unreadable > 0) line += `; ${paint(`${plural(total.unreadable, 'file')} could not be read`, 'red')}`;
    blocks.push(line);
  }
  return blocks.length === 0 ? '' : blocks.join('\n\n') + '\n';
}

type Paint = (text: string, ...styles: Style[]) => string;

const SEVERITY_STYLE: Record<Severity, Style[]> = { error: ['red', 'bold'], warning: ['yellow'] };

/** `path:line:col`: LSP positions are 0-based, people and editors' "go to line:col" count from 1. */
function locationOf(path: string, finding: Finding): string {
  const { start } = finding.claim.range;
  return `${path}:${start.line + 1}:${start.character + 1}`;
}

function findingLine(location: string, finding: Finding, paint: Paint): string {
  const severity = paint(finding.severity.padEnd(SEVERITY_WIDTH), ...SEVERITY_STYLE[finding.severity]);
  const kind = paint(finding.kind.padEnd(KIND_WIDTH), 'dim');
  // An unsupported claim's evidence is only the closest passage, not one that says the same thing.
  const evidence = finding.evidence && `${finding.evidence.sourceId}:${finding.evidence.line}`;
  const where = !evidence ? '' : finding.kind === 'unsupported' ? ` [nearest: ${evidence}]` : ` [${evidence}]`;
  return `${location}  ${severity}  ${kind}  ${finding.message}${where}`;
}

/** `14 claims: 8 supported, 4 unsupported, 2 contradicted; 3 sentences skipped` */
export function describeCounts(counts: ReportCounts, paint: Paint = (text) => text): string {
  const highlight = (count: number, label: string, style: Style) =>
    count > 0 ? paint(`${count} ${label}`, style) : `${count} ${label}`;
  let text = plural(counts.claims, 'claim');
  if (counts.claims > 0) {
    text +=
      `: ${highlight(counts.supported, 'supported', 'green')}` +
      `, ${highlight(counts.unsupported, 'unsupported', 'yellow')}` +
      `, ${highlight(counts.contradicted, 'contradicted', 'red')}`;
  }
  if (counts.citationMismatches > 0) text += `; ${plural(counts.citationMismatches, 'citation mismatch', 'citation mismatches')}`;
  text += `; ${plural(counts.skipped, 'sentence')} skipped`;
  return text;
}
