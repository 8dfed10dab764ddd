// `grounded bibliography [--format csl-json|bibtex] [--sources DIR…] [--no-bundled-sources]`: the source library's
// metadata as a bibliography file on stdout, keyed by the source ids drafts cite, for Pandoc's citeproc
// (`pandoc --citeproc --bibliography refs.json`), Zotero or LaTeX.
// The library is the one `check` would use here: --sources when given, else the sources of the `.grounded.yaml` that
// applies to the current folder, else the bundled ones. Only sources with text are written: the entries of the
// folders' own bibliography files that have no source file are counted on stderr, never exported.
import { resolve } from 'node:path';
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../bibliography/bibliography';
import { ProjectConfigs } from '../config/projectConfig';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { loadLibraryForCli, reportConfigProblems, reportMissingSourceDirs } from './library';
import { writeOutput } from './output';
import { printMessage } from './stderr';

export const BIBLIOGRAPHY_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', kind: 'value', choices: BIBLIOGRAPHY_FORMATS },
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
];

export async function runBibliography(argv: readonly string[]): Promise<ExitStatus> {
  const args = parseArgs(argv, BIBLIOGRAPHY_OPTIONS);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const format = (args.values.get('format') ?? 'csl-json') as BibliographyFormat;
  const sourceDirs = args.lists.get('sources') ?? [];
  if (!reportMissingSourceDirs(sourceDirs)) return EXIT.inputError;
  const selection = { sourceDirs: sourceDirs.map((dir) => resolve(dir)), includeBundled: true };
  if (sourceDirs.length === 0) {
    const found = new ProjectConfigs().forFile(process.cwd());
    if (found) {
      reportConfigProblems(found, new Set());
      selection.sourceDirs = found.config.sources?.paths ?? [];
      selection.includeBundled = found.config.sources?.includeBundled ?? true;
    }
  }
  // --no-bundled-sources wins over a config, as in `check`.
  if (args.flags.has('no-bundled-sources')) selection.includeBundled = false;
  const library = loadLibraryForCli(selection);
  const withoutText = library.withoutText?.length ?? 0;
  if (withoutText > 0) {
    printMessage(`${withoutText} bibliography ${withoutText === 1 ? 'entry has' : 'entries have'} no source text and ${withoutText === 1 ? 'is' : 'are'} left out`);
  }
  await writeOutput(formatBibliography(library.sources, format));
  return EXIT.ok;
}
