// --help, --version, `init` and `schema`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, assertOneLineFailure, cleanup, emptyDir, packageVersion, read, ROOT, run, TODAY, write } from './cliHelpers';

describe('cli: help and version', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = emptyDir()));
  afterEach(() => cleanup(ws));

  it('--help and -h print the usage and exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = run(args, ws);
      assert.strictEqual(r.status, 0);
      assert.strictEqual(r.stderr, '');
      assert.match(r.stdout, /^partnership \d+\.\d+\.\d+: lint customer relationships/);
      for (const command of ['check', 'agenda', 'report', 'init', 'schema']) assert.match(r.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('every command has its own --help', () => {
    const expected: Record<string, RegExp> = {
      check: /^Usage: partnership check \[options\] \[paths\.\.\.\][\s\S]*--format NAME[\s\S]*--today[\s\S]*--config FILE[\s\S]*--max-warnings N[\s\S]*--output FILE[\s\S]*--quiet/,
      agenda: /^Usage: partnership agenda \[options\] FILE[\s\S]*--today[\s\S]*--output FILE/,
      report: /^Usage: partnership report \[options\] FILE[\s\S]*--today[\s\S]*--output FILE/,
      init: /^Usage: partnership init \[options\] \[FILE\][\s\S]*--name NAME[\s\S]*--customer NAME/,
      schema: /^Usage: partnership schema/,
    };
    for (const [command, re] of Object.entries(expected)) {
      const r = run([command, '--help'], ws);
      assert.strictEqual(r.status, 0, command);
      assert.match(r.stdout, re, command);
      // --help wins over bad values and extra arguments on the same line.
      const args = command === 'schema' ? [command, 'extra', '-h'] : [command, 'a', 'b', '--today', 'never', '-h'];
      assert.strictEqual(run(args, ws).status, 0, command);
    }
  });

  it('--version prints the package version', () => {
    for (const args of [['--version'], ['-v'], ['check', '--version']]) {
      assert.deepStrictEqual(run(args, ws), { status: 0, stdout: `${packageVersion()}\n`, stderr: '' });
    }
  });
});

describe('cli: init', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = emptyDir()));
  afterEach(() => cleanup(ws));

  it('writes a starter file that checks without errors, and never overwrites it', () => {
    const r = run(['init', 'acme.partnership.yaml', '--name', 'Acme: analytics', '--customer', 'Acme Corp', '--today', TODAY], ws);
    assert.deepStrictEqual(r, { status: 0, stdout: 'acme.partnership.yaml\n', stderr: '' });
    const text = read(ws, 'acme.partnership.yaml');
    assert.match(text, /^version: 1$/m);
    assert.match(text, /^ {2}name: "Acme: analytics"$/m);
    assert.match(text, /^ {2}customer: Acme Corp$/m);
    assert.match(text, /^# Started 2026-11-23\. /m);
    const check = run(['check', 'acme.partnership.yaml', '--format', 'json', '--today', TODAY], ws);
    assert.strictEqual(check.status, 0, check.stdout);
    const [file] = JSON.parse(check.stdout) as { errorCount: number; messages: { ruleId: string }[] }[];
    assert.strictEqual(file.errorCount, 0);
    // What is left says what to do next: fill in the placeholders, get the plan signed off, report, make contact.
    assert.deepStrictEqual(file.messages.map((m) => m.ruleId), [
      'placeholder',
      'placeholder',
      'placeholder',
      'placeholder',
      'placeholder',
      'contact-stale',
      'placeholder',
      'communication-plan-unsigned',
      'status-report-overdue',
    ]);

    const again = run(['init', 'acme.partnership.yaml', '--today', TODAY], ws);
    assertOneLineFailure(again, 'partnership: acme.partnership.yaml already exists; not overwriting it');
    assert.strictEqual(read(ws, 'acme.partnership.yaml'), text);
  });

  it('names the file after the folder by default, and writes into subfolders that exist', () => {
    const project = path.join(ws, 'Globex Rollout');
    fs.mkdirSync(project);
    assert.deepStrictEqual(run(['init', '--today', TODAY], project), { status: 0, stdout: 'globex-rollout.partnership.yaml\n', stderr: '' });
    assert.match(read(project, 'globex-rollout.partnership.yaml'), /^ {2}name: globex-rollout$/m);
    // The same stem as the editor's "New partnership file": accents dropped, dashes for the rest.
    const zurich = path.join(ws, 'Zürich_Rollout v2');
    fs.mkdirSync(zurich);
    assert.deepStrictEqual(run(['init', '--today', TODAY], zurich), { status: 0, stdout: 'zurich-rollout-v2.partnership.yaml\n', stderr: '' });
    fs.mkdirSync(path.join(ws, 'customers'));
    assert.strictEqual(run(['init', 'customers/initech.partnership.yaml', '--today', TODAY], ws).stdout, `customers${path.sep}initech.partnership.yaml\n`);
  });

  it('rejects bad input with exit 2', () => {
    assertOneLineFailure(
      run(['init', 'acme.yaml'], ws),
      "partnership: the file name must end with .partnership.yaml so the editor and 'partnership check' find it: acme.yaml (run 'partnership init --help' for usage)",
    );
    assertOneLineFailure(run(['init', 'a.partnership.yaml', 'b.partnership.yaml'], ws), "partnership: init takes at most one file, got 2 (run 'partnership init --help' for usage)");
    assertOneLineFailure(run(['init', 'a.partnership.yaml', '--name', ' '], ws), "partnership: --name must be a non-empty single line (run 'partnership init --help' for usage)");
    assertOneLineFailure(run(['init', 'a.partnership.yaml', '--today', '2026-13-01'], ws), /^partnership: invalid --today '2026-13-01'/);
    assertOneLineFailure(run(['init', 'missing/a.partnership.yaml', '--today', TODAY], ws), 'partnership: cannot write missing/a.partnership.yaml: no such file or folder');
    write(ws, 'taken.partnership.yaml', 'mine\n');
    assertOneLineFailure(run(['init', 'taken.partnership.yaml'], ws), 'partnership: taken.partnership.yaml already exists; not overwriting it');
    assert.strictEqual(read(ws, 'taken.partnership.yaml'), 'mine\n');
  });
});

describe('cli: schema', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = emptyDir()));
  afterEach(() => cleanup(ws));

  it('prints the JSON schema of the file format', () => {
    const r = run(['schema'], ws);
    assert.strictEqual(r.status, 0);
    assert.deepStrictEqual(JSON.parse(r.stdout), JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'partnership.schema.json'), 'utf8')));
    assert.deepStrictEqual(run(['schema', '--output', 'schema/partnership.json'], ws), { status: 0, stdout: '', stderr: '' });
    assert.strictEqual(read(ws, 'schema/partnership.json'), r.stdout);
    assertOneLineFailure(run(['schema', 'extra'], ws), "partnership: schema takes no arguments, got 'extra' (run 'partnership schema --help' for usage)");
  });
});
