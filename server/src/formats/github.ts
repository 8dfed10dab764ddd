// `--format github`: GitHub Actions workflow commands, one annotation per finding, shown on the pull request's diff.
// Values are escaped by the runner's rules (`%`, CR and LF in the message; also `:` and `,` in properties), so no
// text from a draft or a source can end a command early or start another.
import type { Severity } from '../findings/codes';
import type { FileResult } from './fileResult';
import { countReports, plural } from './counts';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { report, findings } of results) {
    if (report.error !== undefined) {
      lines.push(`::error file=${escapeProperty(report.path)},title=${escapeProperty('Grounded: not checked')}::${escapeData(report.error)}`);
      continue;
    }
    for (const finding of findings) {
      const { start, end } = finding.claim.range;
      const properties = [
        `file=${escapeProperty(report.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`Grounded: ${finding.code}`)}`,
      ];
      const where = finding.evidence ? ` [${finding.evidence.sourceId}:${finding.evidence.line}]` : '';
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message + where)}`);
    }
  }
  const total = countReports(results);
  lines.push(`${plural(total.files, 'file')} checked: ${plural(total.claims, 'claim')}, ${total.contradicted} contradicted, ${total.unsupported} unsupported`);
  return lines.join('\n') + '\n';
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
