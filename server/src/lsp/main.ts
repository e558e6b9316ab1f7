// Entry point: `partnership-language-server --stdio` (also --node-ipc, --socket=N, --pipe=NAME).
// Bundled by esbuild to dist/server.js; the VS Code extension and other editors start it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { serverVersion } from './serverVersion';

const USAGE = `usage: partnership-language-server --stdio

The language server for *.partnership.yaml files (partnership-as-code): diagnostics, quick fixes,
completion, hover, go to definition, references, rename, document symbols, and the generated
reset-meeting agenda and status report.

Transports (one is required):
  --stdio          speak LSP over stdin/stdout (what most editors use)
  --node-ipc       speak LSP over node IPC (when started by a node client)
  --socket=PORT    connect to a socket on PORT
  --pipe=NAME      connect to a named pipe

Other options:
  --version        print the version and exit
  --help           print this help and exit

Settings (workspace/configuration, section "partnership"):
  reviewDate       "YYYY-MM-DD" to review files as of that date instead of today
  validate         "workspace" (default): report problems in every *.partnership.yaml of the
                   workspace folders, open or not (at most 5,000 files); "open": open files only
`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${serverVersion()}\n`);
    return;
  }
  const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a === '--socket' || a === '--pipe' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  if (!transport) {
    process.stderr.write(`partnership-language-server: no transport given\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  // createConnection reads the transport from process.argv and, for --stdio, sends console output to the client's log.
  startServer(createConnection(ProposedFeatures.all));
}

main(process.argv.slice(2));
