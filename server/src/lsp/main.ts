// Entry point of the language server (bundled as dist/server.js). The transport comes from the command line:
// `--stdio` for any LSP editor (`grounded-language-server --stdio`), `--node-ipc` when VS Code's client forks it,
// `--socket=PORT` or `--pipe=NAME` to connect to one the client listens on. Without one (or with `--help`) it prints
// its usage instead of a stack trace; `--version` prints the version.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { LifecycleGuard } from './lifecycleGuard';
import { startServer } from './server';

export const USAGE = `Usage: grounded-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Grounded language server: checks the claims of Markdown drafts against source articles, for any editor with an
LSP client. The editor starts it with one transport:

  --stdio          JSON-RPC over standard input and output (most editors)
  --node-ipc       Node IPC, when the client forks the server (VS Code)
  --socket=PORT    connect to the TCP port the client listens on
  --pipe=NAME      connect to the named pipe (Unix socket) the client listens on

Other options:
  --clientProcessId=PID   exit when that process does (editors pass it)
  -h, --help              show this help
  --version               print the version
`;

type Invocation = { run: true } | { run: false; exitCode: number; out?: string; err?: string };

/** What the command line asks for. */
export function parseArguments(args: readonly string[]): Invocation {
  if (args.includes('-h') || args.includes('--help')) return { run: false, exitCode: 0, out: USAGE };
  if (args.includes('--version')) return { run: false, exitCode: 0, out: `${version}\n` };
  let transports = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--stdio' || arg === '--node-ipc') transports++;
    else if (arg === '--socket' || arg === '--pipe') {
      const value = args[++i];
      if (value === undefined || value.startsWith('-') || (arg === '--socket' && !isPort(value))) {
        return { run: false, exitCode: 2, err: `grounded-language-server: ${arg} needs a ${arg === '--socket' ? 'port number' : 'pipe name'}.\n\n${USAGE}` };
      }
      transports++;
    } else if (arg.startsWith('--socket=') || arg.startsWith('--pipe=')) {
      const [name, value] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
      if (value === '' || (name === '--socket' && !isPort(value))) {
        return { run: false, exitCode: 2, err: `grounded-language-server: ${name} needs a ${name === '--socket' ? 'port number' : 'pipe name'}.\n\n${USAGE}` };
      }
      transports++;
    }
  }
  if (transports === 0) return { run: false, exitCode: 2, err: `grounded-language-server: no transport given.\n\n${USAGE}` };
  return { run: true };
}

function isPort(value: string): boolean {
  return /^\d+$/.test(value) && Number(value) > 0 && Number(value) < 65536;
}

const invocation = parseArguments(process.argv.slice(2));
if (!invocation.run) {
  if (invocation.out) process.stdout.write(invocation.out);
  if (invocation.err) process.stderr.write(invocation.err);
  process.exitCode = invocation.exitCode;
} else {
  try {
    const guard = new LifecycleGuard();
    const connection = createConnection(ProposedFeatures.all, { messageStrategy: guard });
    guard.install(connection);
    startServer(connection);
  } catch (error) {
    // Whatever the connection could not set up (an unreachable socket, say): one line, not a stack.
    process.stderr.write(`grounded-language-server: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.GROUNDED_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}
