// Entry point of the language server (bundled as dist/server.js). The transport comes from the command line:
// `--stdio` for any LSP editor (`grounded-language-server --stdio`), `--node-ipc` when VS Code's client forks it.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
