// Every message the CLI prints for people goes to stderr in one shape, `grounded: <subject>: <message>`, so that
// stdout holds only the report and tools can match the lines.
import { plainLine } from '../formats/plainLine';

/** One line, whatever a file name or a source's title holds (escape sequences, line breaks): see `plainLine`. */
export function printMessage(message: string): void {
  process.stderr.write(`grounded: ${plainLine(message)}\n`);
}

export function printProblem(subject: string, message: string): void {
  printMessage(`${subject}: ${message}`);
}

/** Stack traces are for developers: shown only with GROUNDED_DEBUG=1. */
export function printDebugStack(error: unknown): void {
  if (process.env.GROUNDED_DEBUG === '1' && error instanceof Error && error.stack) {
    process.stderr.write(error.stack + '\n');
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
