// `grounded check --fix`: cites the best backing source after every supported claim that cites nothing — the edits of
// the editor's "Cite all supported claims", from the findings module. The file is rewritten atomically (a temporary
// file beside it, then a rename) and only when it changed; `--dry-run` prints a unified diff instead. Nothing but the
// citations changes: a byte-order mark stays, a symbolic link stays a link (its target is rewritten), and a file edited
// since it was checked is left alone.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import type { CheckedDraft } from '../findings/checkedDraft';
import type { CitationFormat } from '../findings/codes';
import { applyOffsetEdits } from '../findings/edits';
import { writeAtomically } from '../files/writeAtomically';
import { citeAllEdits, citeAllRequests } from '../findings/fixes';
import { plural } from '../formats/counts';
import { printMessage, printProblem } from './stderr';

export interface FixOptions {
  dryRun: boolean;
}

/** The fixed text when the fixes changed it (written, or shown as a diff), else undefined. */
export function fixDraft(file: string, shownPath: string, checked: CheckedDraft, format: CitationFormat, options: FixOptions): string | undefined {
  const edits = citeAllEdits(checked, format);
  if (edits.length === 0) return undefined;
  const fixed = applyOffsetEdits(checked.text, edits);
  if (fixed === checked.text) return undefined;
  if (options.dryRun) {
    process.stdout.write(createTwoFilesPatch(`a/${shownPath}`, `b/${shownPath}`, checked.text, fixed, undefined, undefined, { context: 2 }));
    return fixed;
  }
  try {
    writeFixed(file, checked.text, fixed);
  } catch (error) {
    printProblem(shownPath, `not fixed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  printMessage(`${shownPath}: cited ${plural(citeAllRequests(checked).length, 'claim')}`);
  return fixed;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Writes the fixed text over the file the check read. The text was read without its byte-order mark (offsets count
 * from the first character an editor shows), so a mark the file had is written back; a link is followed, so the
 * rename replaces its target, not the link; and a file that no longer holds the checked text, or that is not a
 * regular file, is not overwritten.
 */
function writeFixed(file: string, checkedText: string, fixed: string): void {
  const target = realpathSync(file);
  // A named pipe or a device given on the command line is read, never replaced (nor read again: it would wait).
  if (!statSync(target).isFile()) throw new Error('not a regular file');
  const current = readFileSync(target, 'utf8');
  const hasMark = current.startsWith(BYTE_ORDER_MARK);
  if ((hasMark ? current.slice(1) : current) !== checkedText) throw new Error('the file changed while it was being checked');
  writeAtomically(target, hasMark ? BYTE_ORDER_MARK + fixed : fixed);
}
