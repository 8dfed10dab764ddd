// What happens when the report cannot be written. A reader that stops early (`grounded check … | head -1`) closes the
// pipe: that is normal use, so the CLI stops writing quietly and exits as the findings say. Any other write error (a
// full disk, a lost terminal) loses the report: one message on stderr, exit status 2. Never a stack trace.
import { describeFsError } from '../files/readTextFile';
import { EXIT, type ExitStatus } from './exitStatus';
import { printMessage } from './stderr';

let readerGone = false;
let writeFailed = false;

/** Watches stdout (and stderr, which has nowhere to report its own failure) for write errors. Call once, first. */
export function guardOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      readerGone = true;
      return;
    }
    if (writeFailed) return;
    writeFailed = true;
    printMessage(`cannot write the output: ${outputProblem(error)}`);
    process.exitCode = EXIT.inputError;
  });
  process.stderr.on('error', () => {
    // A closed or full stderr: the messages are lost, the exit status still tells.
  });
}

/** The exit status once the command is done: a report that could not be written is a failed run. */
export function finalStatus(status: ExitStatus): ExitStatus {
  return writeFailed ? EXIT.inputError : status;
}

/** Whether writing more is pointless: the reader went away, or writing failed. */
export function outputClosed(): boolean {
  return readerGone || writeFailed || process.stdout.destroyed;
}

/**
 * Writes to stdout and waits while the reader is slower than the writer (memory stays flat); false once nothing more
 * can be written.
 */
export async function writeOutput(text: string): Promise<boolean> {
  if (outputClosed()) return false;
  if (process.stdout.write(text)) return !outputClosed();
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('error', done);
    process.stdout.on('close', done);
  });
  return !outputClosed();
}

function outputProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EIO':
      return 'input/output error';
    default:
      return describeFsError(error);
  }
}
