// Which files `check` reads, in which order, and that BOM and CRLF files report the same
// line:col as LF ones.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, cleanup, emptyDir, FIXTURES, run, TODAY, workspace, write } from './cliHelpers';

const filePaths = (stdout: string) => (JSON.parse(stdout) as { filePath: string }[]).map((f) => f.filePath);

describe('cli: file discovery', function () {
  let ws: string;
  before(assertBuilt);
  afterEach(() => cleanup(ws));

  it('searches folders recursively, skips node_modules and .git, and sorts', () => {
    ws = emptyDir();
    const clean = fs.readFileSync(path.join(FIXTURES, 'clean', 'acme-analytics.partnership.yaml'), 'utf8');
    for (const rel of [
      'zeta.partnership.yaml',
      'b/inner/deep.partnership.yaml',
      'a.partnership.yaml',
      'b/b.partnership.yaml',
      'b-c/x.partnership.yaml',
      'node_modules/pkg/dep.partnership.yaml',
      'b/node_modules/dep.partnership.yaml',
      '.git/hooks/git.partnership.yaml',
    ]) {
      write(ws, rel, clean);
    }
    write(ws, 'notes.yaml', 'not: checked\n');
    write(ws, 'b/partnership.yaml', 'not: checked either\n');
    write(ws, 'b/.partnership.yaml', 'nor: this one\n');
    const r = run(['check', '--format', 'json', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(filePaths(r.stdout), ['a.partnership.yaml', 'b/b.partnership.yaml', 'b/inner/deep.partnership.yaml', 'b-c/x.partnership.yaml', 'zeta.partnership.yaml']);
    // Explicit paths: any order in, the same sorted order out; each file once.
    const explicit = run(['check', 'zeta.partnership.yaml', 'b', 'a.partnership.yaml', 'b/b.partnership.yaml', './b/inner', '--format', 'json', '--today', TODAY], ws);
    assert.deepStrictEqual(filePaths(explicit.stdout), ['a.partnership.yaml', 'b/b.partnership.yaml', 'b/inner/deep.partnership.yaml', 'zeta.partnership.yaml']);
    // A skipped folder named explicitly is searched; an explicit file is checked whatever its name.
    assert.deepStrictEqual(filePaths(run(['check', 'node_modules', '--format', 'json', '--today', TODAY], ws).stdout), ['node_modules/pkg/dep.partnership.yaml']);
  });

  it('follows symlinked folders without looping and reports each file once', function () {
    if (process.platform === 'win32') this.skip();
    ws = emptyDir();
    const clean = fs.readFileSync(path.join(FIXTURES, 'clean', 'acme-analytics.partnership.yaml'), 'utf8');
    write(ws, 'teams/acme/acme.partnership.yaml', clean);
    fs.symlinkSync(path.join(ws, 'teams'), path.join(ws, 'teams', 'acme', 'loop')); // teams/acme/loop → teams
    fs.symlinkSync(path.join(ws, 'teams', 'acme'), path.join(ws, 'alias')); // alias → teams/acme
    fs.symlinkSync(path.join(ws, 'teams', 'acme', 'acme.partnership.yaml'), path.join(ws, 'teams', 'link.partnership.yaml'));
    const r = run(['check', '--format', 'json', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(filePaths(r.stdout), ['alias/acme.partnership.yaml']);
    const r2 = run(['check', 'teams', '--format', 'json', '--today', TODAY], ws);
    assert.deepStrictEqual(filePaths(r2.stdout), ['teams/acme/acme.partnership.yaml']);
  });

  it('defaults to the current folder', () => {
    ws = workspace();
    const r = run(['check', '--today', TODAY], path.join(ws, 'clean'));
    assert.deepStrictEqual(r, { status: 0, stdout: '✔ 1 file checked, no problems\n', stderr: '' });
  });

  it('reports paths outside the working folder relative to it', () => {
    ws = workspace();
    const r = run(['check', '../problems', '--format', 'json', '--today', TODAY], path.join(ws, 'clean'));
    assert.deepStrictEqual(filePaths(r.stdout), ['../problems/globex-rollout.partnership.yaml']);
  });
});

describe('cli: BOM and CRLF', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  it('give the same diagnostics at the same line:col as LF', () => {
    const lf = fs.readFileSync(path.join(FIXTURES, 'problems', 'globex-rollout.partnership.yaml'), 'utf8');
    assert.ok(!lf.includes('\r'));
    const crlf = lf.replace(/\n/g, '\r\n');
    write(ws, 'enc/lf.partnership.yaml', lf);
    write(ws, 'enc/crlf.partnership.yaml', crlf);
    write(ws, 'enc/bom-lf.partnership.yaml', '\uFEFF' + lf);
    write(ws, 'enc/bom-crlf.partnership.yaml', '\uFEFF' + crlf);
    const r = run(['check', 'enc', '--format', 'json', '--today', TODAY], ws);
    const files = JSON.parse(r.stdout) as { filePath: string; messages: unknown[] }[];
    assert.deepStrictEqual(
      files.map((f) => f.filePath),
      ['enc/bom-crlf.partnership.yaml', 'enc/bom-lf.partnership.yaml', 'enc/crlf.partnership.yaml', 'enc/lf.partnership.yaml'],
    );
    const reference = files[3].messages;
    assert.strictEqual(reference.length, 7);
    for (const f of files) assert.deepStrictEqual(f.messages, reference, f.filePath);
    // And the stylish rows too.
    const rows = (file: string) => run(['check', file, '--today', TODAY], ws).stdout.split('\n').slice(1);
    assert.deepStrictEqual(rows('enc/bom-crlf.partnership.yaml'), rows('enc/lf.partnership.yaml'));
  });

  it('a BOM on the first line does not shift its columns', () => {
    write(ws, 'first.partnership.yaml', '\uFEFFversion: 2\npartnership:\n  name: X\n  customer: Y\n');
    const r = run(['check', 'first.partnership.yaml', '--format', 'json', '--today', TODAY], ws);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    const schema = file.messages.find((m) => m.ruleId === 'schema');
    assert.ok(schema, r.stdout);
    assert.deepStrictEqual([schema.line, schema.column], [1, 10]);
  });
});
