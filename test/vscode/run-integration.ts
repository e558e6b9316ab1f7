/**
 * Run an extension's integration tests in a real VS Code (code-server) and exit with their code.
 *
 *   node out/test/vscode/run-integration.js --extension /abs/ext --tests /abs/ext/out/test/index.js \
 *     --workspace /abs/folder [--timeout 180000] [--vsix other.vsix]...
 *
 * Exit codes: the tests' own (0 passed, 1 failed), 2 for bad arguments, 3 when the run could not
 * complete (code-server or chromium missing, timeout, crash).
 */
import * as path from 'path';
import { runExtensionTests } from './codeServer';

const USAGE =
  'usage: run-integration --extension <abs path> --tests <abs path to compiled tests index.js> ' +
  '--workspace <abs folder> [--timeout <ms>] [--vsix <file>]...';

interface Args {
  extension: string;
  tests: string;
  workspace: string;
  timeoutMs: number;
  vsix: string[];
}

function parseArgs(argv: string[]): Args {
  const values: Record<string, string> = {};
  const vsix: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(extension|tests|workspace|timeout|vsix)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`--${m[1]} needs a value`);
    if (m[1] === 'vsix') vsix.push(path.resolve(value));
    else values[m[1]] = value;
  }
  for (const name of ['extension', 'tests', 'workspace']) {
    if (!values[name]) throw new Error(`--${name} is required`);
    if (!path.isAbsolute(values[name])) throw new Error(`--${name} must be an absolute path: ${values[name]}`);
  }
  const timeoutMs = values.timeout ? Number(values.timeout) : 180_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`--timeout must be a positive number of ms`);
  return { extension: values.extension, tests: values.tests, workspace: values.workspace, timeoutMs, vsix };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`run-integration: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  // Ctrl+C / a CI kill: exit through process.exit so codeServer's exit hook ends code-server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`run-integration: ${signal}, stopping`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    return await runExtensionTests({
      extensionDevelopmentPath: args.extension,
      extensionTestsPath: args.tests,
      workspaceFolder: args.workspace,
      timeoutMs: args.timeoutMs,
      vsix: args.vsix,
    });
  } catch (err) {
    console.error(`run-integration: ${(err as Error).message}`);
    return 3;
  }
}

main().then((code) => process.exit(code));
