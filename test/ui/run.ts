/**
 * Runs the Playwright UI tests of this folder (code-server in Debian chromium) with mocha and
 * exits non-zero when one fails. Screenshots go to test-results/.
 *
 *   npm run build && bash test/vscode/setup-code-server.sh && node out/test/ui/run.js
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

const started = Date.now();
const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, slow: 30_000, reporter: 'spec' });
for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ui.js')).sort()) mocha.addFile(path.join(__dirname, f));
mocha.run((failures) => {
  console.log(`[ui tests] ${failures} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failures > 0 ? 1 : 0);
});
