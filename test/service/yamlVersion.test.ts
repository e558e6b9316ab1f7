// The fast path (service/fastParse.ts) builds `yaml`'s own node classes and reads its internals,
// which a minor release may change: package.json pins the exact version the differential checks
// passed with, and this test says so when another one is installed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function packageJson(file: string): { version?: string; devDependencies?: Record<string, string> } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string; devDependencies?: Record<string, string> };
}

/** The installed yaml's package.json: the folder above the file `require` resolves (its exports hide package.json). */
function installedYamlVersion(): string | undefined {
  let dir = path.dirname(require.resolve('yaml'));
  while (!fs.existsSync(path.join(dir, 'package.json')) || packageJson(path.join(dir, 'package.json')).version === undefined) {
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return packageJson(path.join(dir, 'package.json')).version;
}

describe('the yaml version the fast path was checked with', () => {
  it('package.json pins yaml to an exact version', () => {
    const pinned = packageJson(path.join(ROOT, 'package.json')).devDependencies?.yaml;
    assert.match(pinned ?? '(none)', /^\d+\.\d+\.\d+$/, `package.json must pin yaml exactly (e.g. "2.9.1"), not '${pinned}': fastParse.ts reads yaml's internals`);
  });

  it('the installed yaml is the pinned one', () => {
    const pinned = packageJson(path.join(ROOT, 'package.json')).devDependencies?.yaml;
    const installed = installedYamlVersion();
    assert.strictEqual(
      installed,
      pinned,
      `yaml ${installed} is installed but package.json pins ${pinned}: run 'npm ci'. To move to another yaml, install it, run the fast-path checks (test/service/fastParse.test.ts, node out/bench/verifyFastParse.js) and pin that version.`,
    );
  });
});
