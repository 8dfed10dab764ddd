#!/usr/bin/env node
// The Grounded language server for any LSP editor: `grounded-language-server --stdio`.
require('../dist/server.js');
