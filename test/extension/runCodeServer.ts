/**
 * Runs the integration tests of this folder inside a real VS Code (code-server 4.100.3, see
 * test/vscode/README.md) against a fresh copy of test/fixtures/workspace/, and exits with their
 * code: 0 passed, 1 failed, 3 when the run could not complete.
 *
 *   npm run build && bash test/vscode/setup-code-server.sh && node out/test/extension/runCodeServer.js
 *
 * PARTNERSHIP_TEST_GREP=<text> runs only the tests whose title contains it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT, runExtensionTests } from '../vscode/codeServer';

/** Copy the fixture workspace to a temp folder: the tests edit, generate and create files in it. */
export function copyFixtureWorkspace(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-workspace-'));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), target, { recursive: true });
  return target;
}

async function main(): Promise<number> {
  const started = Date.now();
  for (const built of ['dist/extension.js', 'dist/server.js', 'out/test/extension/index.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) {
      console.error(`runCodeServer: ${built} is missing: run \`npm run build\` first`);
      return 3;
    }
  }
  const workspace = copyFixtureWorkspace();
  try {
    const code = await runExtensionTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'extension', 'index.js'),
      workspaceFolder: workspace,
      timeoutMs: Number(process.env.PARTNERSHIP_TEST_TIMEOUT_MS) || 240_000,
    });
    console.log(`[extension tests] exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; results in test-results/extension-tests.json`);
    return code;
  } catch (err) {
    console.error(`[extension tests] could not complete: ${(err as Error).message}`);
    return 3;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  void main().then((code) => process.exit(code));
}
