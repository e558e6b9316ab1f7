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

  describe('what it says of `npm start` and the examples holds on any day', () => {
    const readme = () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const demoDay = (): string => {
      const m = /`npm start` checks the examples as of \*\*(\d{4}-\d{2}-\d{2})\*\*/.exec(readme());
      assert.ok(m, 'README no longer says which day `npm start` judges the examples as of');
      return m[1];
    };
    /** The problems `npm start` prints, by example file name: [rule, severity] pairs. */
    const byFile = (stdout: string): Map<string, [string, string][]> => {
      const files = new Map<string, [string, string][]>();
      let current: [string, string][] | undefined;
      for (const line of stdout.split('\n')) {
        const file = /^examples\/(\S+)\.partnership\.yaml$/.exec(line);
        if (file) files.set(file[1], (current = []));
        const problem = /^\s+\d+:\d+\s+(error|warning|information|hint)\s+.*\s(\S+)$/.exec(line);
        if (problem && current) current.push([problem[2], problem[1]]);
      }
      return files;
    };

    it('npm start judges the examples as of the README\'s fixed day, says the exit code 1 and exits 0', () => {
      const day = demoDay();
      const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
      const build = 'npm run build --silent && ';
      assert.ok(script.startsWith(build), `start builds first: ${script}`);
      assert.ok(script.includes(`check examples --today ${day}`), `start checks the examples as of ${day}: ${script}`);
      // The script after its build step, as npm runs it (sh), with the bundle this suite tests.
      const run = spawnSync('sh', ['-c', script.slice(build.length)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.match(run.stdout, /\n\(partnership exited with 1: examples\/globex-typos\.partnership\.yaml has errors on purpose\)\n$/);

      const files = byFile(run.stdout);
      assert.deepStrictEqual(
        [...files.keys()].sort(),
        ['brightwater-utilities', 'copperleaf-bakery', 'globex-typos', 'northwind-logistics', 'platform-team', 'tessellate-alliance'],
        'acme-analytics: no diagnostics',
      );
      assert.ok(files.get('globex-typos')!.length > 0 && files.get('globex-typos')!.every(([, sev]) => sev === 'error'), 'globex-typos: errors');
      const northwind = files.get('northwind-logistics')!.map(([rule]) => rule);
      for (const rule of ['commitment-overdue', 'status-report-overdue', 'concern-unanswered', 'relationship-strained']) {
        assert.ok(northwind.includes(rule), `northwind-logistics is strained and shows ${rule}: ${northwind.join(', ')}`);
      }
      assert.ok(files.get('platform-team')!.some(([rule]) => rule === 'communication-plan-missing'), 'platform-team has no communication plan');
      // The three added for the documents: none has a schema error (their findings are meant).
      for (const name of ['brightwater-utilities', 'copperleaf-bakery', 'tessellate-alliance']) {
        assert.ok(files.get(name)!.every(([, sev]) => sev !== 'error'), `${name}: no errors`);
      }
      const brightwater = files.get('brightwater-utilities')!.map(([rule]) => rule);
      for (const rule of ['commitment-overdue', 'commitment-slipped', 'concern-unanswered', 'relationship-strained', 'milestone-overdue', 'risk-unmanaged']) {
        assert.ok(brightwater.includes(rule), `brightwater-utilities is broken and shows ${rule}: ${brightwater.join(', ')}`);
      }
      assert.deepStrictEqual(files.get('copperleaf-bakery')!.map(([rule]) => rule), ['communication-plan-missing', 'no-decision-maker']);
      assert.deepStrictEqual(files.get('tessellate-alliance')!.map(([rule]) => rule), ['commitment-overdue', 'concern-unanswered']);
    });

    it('the agenda the README suggests works on a copy of northwind-logistics, as of that day', () => {
      const day = demoDay();
      assert.ok(readme().includes(`try \`node dist/cli.js agenda COPY --today ${day}\` on a copy of it`), 'README suggests the agenda with the same day');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
      try {
        fs.copyFileSync(path.join(ROOT, 'examples/northwind-logistics.partnership.yaml'), path.join(dir, 'northwind.partnership.yaml'));
        const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'agenda', 'northwind.partnership.yaml', '--today', day], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.strictEqual(run.status, 0, run.stderr);
        const agendas = fs.readdirSync(dir).filter((f) => /^northwind\.reset-\d{4}-\d{2}-\d{2}\.md$/.test(f));
        assert.strictEqual(agendas.length, 1, `one agenda written: ${fs.readdirSync(dir).join(', ')}`);
        assert.match(fs.readFileSync(path.join(dir, agendas[0]), 'utf8'), /^# Reset meeting: /);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
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
