// The human report: one line per finding, `path:line:col  severity  code  message`, then a count line per file.
// Files that could not be read get no lines here: the CLI names them on stderr, and the total counts them.
import type { Severity } from '../findings/codes';
import type { Finding } from '../findings/findings';
import { countReport, countReports, plural, type ReportCounts } from './counts';
import type { FileResult } from './fileResult';
import { plainLine } from './plainLine';

export interface TextFormatOptions {
  /** ANSI colours; the CLI turns them on only for a terminal without NO_COLOR. */
  color: boolean;
}

const CODE_WIDTH = 'citation-mismatch'.length;

const ANSI = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
type Style = keyof typeof ANSI;

export function formatText(results: readonly FileResult[], options: TextFormatOptions): string {
  const paint = (text: string, ...styles: Style[]) =>
    options.color && styles.length > 0 ? `${styles.map((s) => `\x1b[${ANSI[s]}m`).join('')}${text}\x1b[0m` : text;

  const blocks: string[] = [];
  for (const result of results) {
    const { report, findings } = result;
    if (report.error !== undefined) continue;
    const path = plainLine(report.path);
    // Locations and severities padded to one width per file, so the columns line up.
    const locations = findings.map((finding) => locationOf(path, finding));
    const width = Math.max(0, ...locations.map((location) => location.length));
    const severityWidth = Math.max(0, ...findings.map((finding) => finding.severity.length));
    const lines = findings.map((finding, i) => findingLine(locations[i]!.padEnd(width), severityWidth, finding, paint));
    lines.push(`${paint(path, 'bold')}: ${describeCounts(countReport(result), paint)}`);
    blocks.push(lines.join('\n'));
  }
  if (results.length > 1) {
    const total = countReports(results);
    let line = `Total: ${plural(total.files, 'file')}, ${describeCounts(total, paint)}`;
    if (total.unreadable > 0) line += `; ${paint(`${plural(total.unreadable, 'file')} could not be read`, 'red')}`;
    blocks.push(line);
  }
  return blocks.length === 0 ? '' : blocks.join('\n\n') + '\n';
}

type Paint = (text: string, ...styles: Style[]) => string;

const SEVERITY_STYLE: Record<Severity, Style[]> = { error: ['red', 'bold'], warning: ['yellow'], information: [], hint: ['dim'] };

/** `path:line:col`: LSP positions are 0-based, people and editors' "go to line:col" count from 1. */
function locationOf(path: string, finding: Finding): string {
  const { start } = finding.claim.range;
  return `${path}:${start.line + 1}:${start.character + 1}`;
}

function findingLine(location: string, severityWidth: number, finding: Finding, paint: Paint): string {
  const severity = paint(finding.severity.padEnd(severityWidth), ...SEVERITY_STYLE[finding.severity]);
  const code = paint(finding.code.padEnd(CODE_WIDTH), 'dim');
  // An unsupported claim's evidence is only the closest passage, not one that says the same thing.
  const evidence = finding.evidence && `${finding.evidence.sourceId}:${finding.evidence.line}`;
  const where = !evidence ? '' : finding.code === 'unsupported' ? ` [nearest: ${evidence}]` : ` [${evidence}]`;
  return `${location}  ${severity}  ${code}  ${plainLine(finding.message + where)}`;
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
  const mismatches = counts.findings['citation-mismatch'];
  if (mismatches > 0) text += `; ${plural(mismatches, 'citation mismatch', 'citation mismatches')}`;
  text += `; ${plural(counts.skipped, 'sentence')} skipped`;
  return text;
}
