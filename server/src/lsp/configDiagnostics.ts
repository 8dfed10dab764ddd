// A project config's problems (bad YAML, an unknown key, a glob that does not parse, a source folder that does not
// exist) as diagnostics on the `.grounded.yaml` itself, at the line at fault: the editor lists them in its Problems
// view beside the drafts' findings. An empty list clears them once the file is fixed.

import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { ProjectConfigResult } from '../config/projectConfig';
import { DIAGNOSTIC_SOURCE } from '../protocol';

// LSP's largest character: the editor clamps it to the end of the line.
const LINE_END = 2_147_483_647;

export function configDiagnostics({ config, problems }: ProjectConfigResult): PublishDiagnosticsParams {
  return {
    uri: pathToFileURL(config.path).href,
    diagnostics: problems.map((problem) => {
      const line = Math.max(0, problem.line - 1);
      const character = Math.max(0, (problem.column ?? 1) - 1);
      return {
        range: { start: { line, character }, end: { line, character: LINE_END } },
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      };
    }),
  };
}
