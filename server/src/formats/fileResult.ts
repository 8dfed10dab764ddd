// What every report format gets per file: the engine's report and the findings made from it (with the severities
// of the file's project config), so the formats list the same findings, worded the same, as the editor.
import type { Finding } from '../findings/findings';
import type { FileReport } from '../model';

export interface FileResult {
  report: FileReport;
  findings: Finding[];
}
