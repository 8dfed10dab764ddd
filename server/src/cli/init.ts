// `grounded init`: writes the commented starter `.grounded.yaml` into the current folder. An existing file is never
// overwritten: it may hold the writer's accepted claims.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../config/projectConfig';
import { STARTER_CONFIG } from '../config/starter';
import { UsageError, parseArgs } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { printMessage, printProblem } from './stderr';

export function runInit(argv: readonly string[]): ExitStatus {
  const args = parseArgs(argv, []);
  if (args.positionals.length > 0) throw new UsageError('init takes no arguments; it writes to the current folder');
  const path = join(process.cwd(), CONFIG_FILE_NAME);
  try {
    writeFileSync(path, STARTER_CONFIG, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    printProblem(CONFIG_FILE_NAME, code === 'EEXIST' ? 'already exists; left as it is' : `could not be written (${code ?? String(error)})`);
    return EXIT.inputError;
  }
  printMessage(`wrote ${CONFIG_FILE_NAME}: edit it to name your source folders and drafts`);
  return EXIT.ok;
}
