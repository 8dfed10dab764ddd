// `grounded bibliography [--format csl-json|bibtex] [--write] [--sources DIR…] [--no-bundled-sources]`: the source
// library's metadata as a bibliography file on stdout, keyed by the source ids drafts cite, for Pandoc's citeproc
// (`pandoc --citeproc --bibliography refs.json`), Zotero or LaTeX. With --write, into the file the config names
// (`bibliography: refs.json`) instead: atomically, and only when its text changes. Printing stays the default, so a
// pipe (`grounded bibliography > refs.json`) means the same in every folder, config or not.
// The library is the one `check` would use here: --sources when given, else the sources of the `.grounded.yaml` that
// applies to the current folder, else the bundled ones. Only sources with text are written: the entries of the
// folders' own bibliography files that have no source file are counted on stderr, never exported.
import { resolve } from 'node:path';
import { BIBLIOGRAPHY_FORMATS, formatBibliography, type BibliographyFormat } from '../bibliography/bibliography';
import { bibliographyFormatOf } from '../bibliography/formats';
import { bibliographyFileUpdate } from '../bibliography/projectBibliography';
import { CONFIG_FILE_NAME, ProjectConfigs } from '../config/projectConfig';
import { displayPath } from '../files/displayPath';
import { writeAtomically } from '../files/writeAtomically';
import { UsageError, parseArgs, type OptionSpec } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { loadLibraryForCli, reportConfigProblems, reportMissingSourceDirs } from './library';
import { writeOutput } from './output';
import { printMessage } from './stderr';

export const BIBLIOGRAPHY_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', kind: 'value', choices: BIBLIOGRAPHY_FORMATS },
  { name: 'write', kind: 'flag' },
  { name: 'sources', kind: 'list' },
  { name: 'no-bundled-sources', kind: 'flag' },
];

export async function runBibliography(argv: readonly string[]): Promise<ExitStatus> {
  const args = parseArgs(argv, BIBLIOGRAPHY_OPTIONS);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const found = new ProjectConfigs().forFile(process.cwd());
  const target = args.flags.has('write') ? writeTarget(found?.config.bibliography, args.values.get('format')) : undefined;
  const format = (args.values.get('format') ?? 'csl-json') as BibliographyFormat;
  const sourceDirs = args.lists.get('sources') ?? [];
  if (!reportMissingSourceDirs(sourceDirs)) return EXIT.inputError;
  const selection = { sourceDirs: sourceDirs.map((dir) => resolve(dir)), includeBundled: true };
  // The config speaks for the library unless --sources does, and for the file --write writes.
  if (found && (sourceDirs.length === 0 || target !== undefined)) reportConfigProblems(found, new Set());
  if (found && sourceDirs.length === 0) {
    selection.sourceDirs = found.config.sources?.paths ?? [];
    selection.includeBundled = found.config.sources?.includeBundled ?? true;
  }
  // --no-bundled-sources wins over a config, as in `check`.
  if (args.flags.has('no-bundled-sources')) selection.includeBundled = false;
  const library = loadLibraryForCli(selection);
  const withoutText = library.withoutText?.length ?? 0;
  if (withoutText > 0) {
    printMessage(`${withoutText} bibliography ${withoutText === 1 ? 'entry has' : 'entries have'} no source text and ${withoutText === 1 ? 'is' : 'are'} left out`);
  }
  if (target === undefined) {
    await writeOutput(formatBibliography(library.sources, format));
    return EXIT.ok;
  }
  const shown = displayPath(target, process.cwd());
  try {
    const update = bibliographyFileUpdate(target, library.sources);
    if (update === undefined) {
      printMessage(`${shown} is up to date`);
      return EXIT.ok;
    }
    writeAtomically(target, update.text);
  } catch (error) {
    printMessage(`${shown}: not written: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.inputError;
  }
  printMessage(`${shown}: wrote ${library.sources.length} ${library.sources.length === 1 ? 'entry' : 'entries'}`);
  return EXIT.ok;
}

/** The file --write writes: the config's `bibliography`, in the format its name says (a different --format is refused). */
function writeTarget(bibliography: string | undefined, format: string | undefined): string {
  if (bibliography === undefined) throw new UsageError(`--write writes the "bibliography" file a ${CONFIG_FILE_NAME} names, and none here does`);
  const named = bibliographyFormatOf(bibliography);
  if (format !== undefined && format !== named) throw new UsageError(`--format ${format} does not match the "bibliography" file ${bibliography}, a ${named} file`);
  return bibliography;
}
