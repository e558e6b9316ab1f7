// The README's 30-second example is real: its YAML, checked by the built CLI, prints its output.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '../../..');

describe('README', () => {
  it('the 30-second example prints exactly what the README shows', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const yamlBlock = /`acme\.partnership\.yaml`:\n\n```yaml\n([\s\S]*?)```/.exec(readme);
    const outputBlock = /```\n\$ partnership check acme\.partnership\.yaml --today (\S+)\n([\s\S]*?)```/.exec(readme);
    assert.ok(yamlBlock && outputBlock, 'README lost its 30-second example');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
    fs.writeFileSync(path.join(dir, 'acme.partnership.yaml'), yamlBlock[1]);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', 'acme.partnership.yaml', '--today', outputBlock[1]], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.strictEqual(run.stdout, outputBlock[2]);
    assert.strictEqual(run.status, 0);
  });

  it('links a documentation page for every rule, and every page exists', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const { RULE_IDS } = require(path.join(ROOT, 'out/server/src/service/types.js')) as { RULE_IDS: string[] };
    for (const id of RULE_IDS) {
      assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), `README does not link ${id}`);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
    }
  });
});
