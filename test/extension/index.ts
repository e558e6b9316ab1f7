// Entry of the integration tests that run inside VS Code's extension host (the @vscode/test-electron
// contract: `run(): Promise<void>`, which code-server's `extensionTestsPath` honours too). It runs
// every `*.itest.js` beside it with mocha, in file-name order, and writes a JSON summary to
// test-results/extension-tests.json (override with PARTNERSHIP_TEST_RESULTS).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function resultsFile(): string {
  if (process.env.PARTNERSHIP_TEST_RESULTS) return process.env.PARTNERSHIP_TEST_RESULTS;
  // out/test/extension/index.js → <repo>/test-results/
  return path.resolve(__dirname, '..', '..', '..', 'test-results', 'extension-tests.json');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 5_000, reporter: 'spec' });
  const only = process.env.PARTNERSHIP_TEST_GREP;
  if (only) mocha.grep(new RegExp(only));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.itest.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const records: TestRecord[] = [];
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = {
        finished: new Date().toISOString(),
        durationMs: Date.now() - started,
        passed: records.filter((r) => r.state === 'passed').length,
        failed: failures,
        tests: records,
      };
      try {
        fs.mkdirSync(path.dirname(resultsFile()), { recursive: true });
        fs.writeFileSync(resultsFile(), JSON.stringify(summary, null, 2));
      } catch (err) {
        console.error(`could not write ${resultsFile()}: ${String(err)}`);
      }
      if (failures > 0) reject(new Error(`${failures} of ${records.length} extension tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
