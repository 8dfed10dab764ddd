// Writing a file so that a crash or a full disk never leaves half of it: the text goes to a temporary file beside it
// (same folder, so the rename stays on one file system), which is then renamed over it.
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes beside the file, then renames over it: a crash leaves the old file or the new one, never half of one. The
 * file keeps its permissions; a new one gets the default ones.
 */
export function writeAtomically(file: string, text: string | Uint8Array): void {
  const mode = existingMode(file);
  const temporary = join(dirname(file), `.${basename(file)}.grounded-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    throw error;
  }
}

function existingMode(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
