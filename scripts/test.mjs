// Runs the test files (test/**/*.test.ts, in order) with Node's test runner, in a temporary folder of their own
// (TMPDIR): whatever a test leaves there — a folder a failing test could not remove, a server's scratch file — is
// removed with it, so `npm test` leaves nothing behind in the machine's temp directory.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function testFiles(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const scratch = mkdtempSync(join(tmpdir(), 'grounded-tests-'));
// Traversable by other users, as the temp directory is: a test's PostgreSQL cluster runs as the postgres user.
chmodSync(scratch, 0o755);
let status = 1;
try {
  const files = testFiles('test').sort();
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
  });
  status = run.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = status;
