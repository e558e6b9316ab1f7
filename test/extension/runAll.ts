/**
 * `npm run test:vscode`: the extension's integration tests in code-server's extension host, then
 * the Playwright UI tests, one after the other (two code-servers at once more than double the
 * times on two cores). Both always run; the exit code is non-zero when either failed.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const suites = [
  { name: 'extension tests (code-server extension host)', script: path.join(__dirname, 'runCodeServer.js') },
  { name: 'UI tests (Playwright + chromium)', script: path.join(__dirname, '..', 'ui', 'run.js') },
];

const results = suites.map((suite) => {
  const started = Date.now();
  console.log(`\n=== ${suite.name}`);
  const run = spawnSync(process.execPath, [suite.script], { stdio: 'inherit' });
  return { ...suite, code: run.status ?? 1, seconds: (Date.now() - started) / 1000 };
});

console.log('\n=== summary');
for (const r of results) console.log(`${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`}  ${r.name}  ${r.seconds.toFixed(1)} s`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
