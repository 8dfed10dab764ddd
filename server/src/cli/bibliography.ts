// `grounded bibliography [--format csl-json|bibtex] [--sources DIR…] [--no-bundled-sources]`: the source library's
// metadata as a bibliography file on stdout, keyed by the source ids drafts cite, for Pandoc's citeproc
// (`pandoc --citeproc --bibliography refs.json`), Zotero or LaTeX.
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../bibliography/bibliography';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { loadLibraryForCli, reportMissingSourceDirs } from './library';
import { writeOutput } from './output';

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
  const library = loadLibraryForCli({ sourceDirs, includeBundled: !args.flags.has('no-bundled-sources') });
  await writeOutput(formatBibliography(library.sources, format));
  return EXIT.ok;
}
