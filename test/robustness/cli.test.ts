// The CLI on what a repository can hold besides good files: FIFOs and folders where files should be,
// files and folders it may not read (run as the unprivileged user 'nobody' when the suite runs as
// root, since root reads anything), symlink loops, binary and non-UTF-8 files, names and text with
// terminal escape codes. Each is one clear line on stderr and exit 2, never a hang or a stack trace;
// a file that cannot be read faithfully is never rewritten; and when JSON or SARIF is asked for,
// stdout is still a valid document.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { assertBuilt, cleanup, run, RunResult, runAsNobody, TODAY, workspace, write } from '../cli/cliHelpers';

const CLEAN = 'clean/acme-analytics.partnership.yaml';

function sarifValidator(): (data: unknown) => boolean {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { id, $schema: _draft04, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = ajv.compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: id as string, ...rest });
  return (data) => {
    const ok = compiled(data);
    if (!ok) throw new Error(`invalid SARIF: ${JSON.stringify(compiled.errors?.slice(0, 3))}`);
    return ok;
  };
}

/** One line on stderr, exit 2, no stack trace, nothing on stdout (stylish). */
function assertFailure(r: RunResult, line: string | RegExp): void {
  assert.strictEqual(r.status, 2, `exit code; stderr: ${r.stderr}`);
  assert.strictEqual(r.stdout, '', `stdout: ${r.stdout}`);
  const lines = r.stderr.split('\n');
  assert.strictEqual(lines.length, 2, `one stderr line: ${JSON.stringify(r.stderr)}`);
  assert.strictEqual(lines[1], '');
  assert.ok(!/\n\s+at |Error:/.test(r.stderr), `a stack trace: ${r.stderr}`);
  if (typeof line === 'string') assert.strictEqual(lines[0], line);
  else assert.match(lines[0], line);
}

describe('robustness: the CLI on unreadable, binary and hostile inputs', function () {
  this.timeout(120_000);
  let ws: string;
  let validSarif: (data: unknown) => boolean;
  before(() => {
    assertBuilt();
    validSarif = sarifValidator();
  });
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  const asUser = (args: string[], cwd: string) => (process.getuid?.() === 0 ? runAsNobody(args, cwd) : run(args, cwd));
  const mkfifo = (rel: string) => execFileSync('mkfifo', [path.join(ws, rel)]);

  /**
   * The same failure in every format: stylish says it on stderr with nothing on stdout; JSON and
   * SARIF say it on stderr too, and stdout is still a document a CI step can parse and upload.
   */
  function assertFailsInEveryFormat(args: string[], line: string | RegExp, runner: (args: string[], cwd: string) => RunResult = run): void {
    assertFailure(runner([...args, '--today', TODAY], ws), line);
    const json = runner([...args, '--today', TODAY, '--format', 'json'], ws);
    assert.strictEqual(json.status, 2);
    assert.strictEqual(json.stderr.split('\n').length, 2, json.stderr);
    assert.deepStrictEqual(JSON.parse(json.stdout), [], 'stdout is valid JSON');
    const sarif = runner([...args, '--today', TODAY, '--format', 'sarif'], ws);
    assert.strictEqual(sarif.status, 2);
    const log = JSON.parse(sarif.stdout);
    validSarif(log);
    const run0 = log.runs[0];
    assert.deepStrictEqual(run0.results, []);
    assert.strictEqual(run0.invocations[0].executionSuccessful, false);
    assert.strictEqual(run0.invocations[0].toolExecutionNotifications[0].level, 'error');
    assert.strictEqual(`partnership: ${run0.invocations[0].toolExecutionNotifications[0].message.text}`, sarif.stderr.trimEnd(), 'SARIF carries the stderr line');
  }

  describe('files that cannot be read', () => {
    it('a FIFO named like a partnership file, given by name: refused, not waited on', () => {
      mkfifo('clean/pipe.partnership.yaml');
      assertFailsInEveryFormat(['check', 'clean/pipe.partnership.yaml'], 'partnership: cannot read clean/pipe.partnership.yaml: not a regular file or folder');
    });

    it('a FIFO named like a partnership file, found in a folder: reported, not skipped, not waited on', () => {
      mkfifo('clean/pipe.partnership.yaml');
      assertFailsInEveryFormat(['check', 'clean'], 'partnership: cannot read clean/pipe.partnership.yaml: not a regular file');
    });

    it('a FIFO given to agenda and report: refused, not waited on', () => {
      mkfifo('clean/pipe.partnership.yaml');
      for (const command of ['agenda', 'report']) {
        assertFailure(run([command, 'clean/pipe.partnership.yaml', '--today', TODAY], ws), 'partnership: cannot read clean/pipe.partnership.yaml: not a regular file');
      }
    });

    it('a FIFO as the config, named or found: refused, not waited on', () => {
      mkfifo('pipe.yaml');
      assertFailsInEveryFormat(['check', 'clean', '--config', 'pipe.yaml'], 'partnership: cannot read config pipe.yaml: not a regular file');
      mkfifo('clean/.partnershiprc.yaml');
      assertFailsInEveryFormat(['check', 'clean'], 'partnership: cannot read config clean/.partnershiprc.yaml: not a regular file');
    });

    it('a folder named like a partnership file (EISDIR) for agenda; a folder named like the config', () => {
      fs.mkdirSync(path.join(ws, 'clean', 'folder.partnership.yaml', 'inner'), { recursive: true });
      assertFailure(run(['agenda', 'clean/folder.partnership.yaml', '--today', TODAY], ws), 'partnership: cannot read clean/folder.partnership.yaml: is a folder, not a file');
      fs.mkdirSync(path.join(ws, 'warnings', '.partnershiprc.yaml'));
      assertFailsInEveryFormat(['check', 'warnings'], 'partnership: cannot read config warnings/.partnershiprc.yaml: is a folder, not a file');
    });

    it('a file without read permission', () => {
      fs.chmodSync(path.join(ws, CLEAN), 0o000);
      assertFailsInEveryFormat(['check', 'clean'], `partnership: cannot read ${CLEAN}: permission denied`, asUser);
    });

    it('a folder without permission', () => {
      fs.chmodSync(path.join(ws, 'warnings'), 0o000);
      try {
        assertFailsInEveryFormat(['check', '.'], 'partnership: cannot read folder warnings: permission denied', asUser);
      } finally {
        fs.chmodSync(path.join(ws, 'warnings'), 0o755);
      }
    });

    it('a config without read permission', () => {
      write(ws, 'clean/.partnershiprc.yaml', 'dueSoonDays: 3\n');
      fs.chmodSync(path.join(ws, 'clean', '.partnershiprc.yaml'), 0o000);
      assertFailsInEveryFormat(['check', 'clean'], 'partnership: cannot read config clean/.partnershiprc.yaml: permission denied', asUser);
    });

    it('a symlink to itself and a two-link loop, found in a folder and given by name', () => {
      fs.symlinkSync('self.partnership.yaml', path.join(ws, 'clean', 'self.partnership.yaml'));
      assertFailsInEveryFormat(['check', 'clean'], 'partnership: cannot read clean/self.partnership.yaml: too many levels of symbolic links');
      assertFailsInEveryFormat(['check', 'clean/self.partnership.yaml'], 'partnership: cannot read clean/self.partnership.yaml: too many levels of symbolic links');
      fs.unlinkSync(path.join(ws, 'clean', 'self.partnership.yaml'));
      fs.symlinkSync('b.partnership.yaml', path.join(ws, 'warnings', 'a.partnership.yaml'));
      fs.symlinkSync('a.partnership.yaml', path.join(ws, 'warnings', 'b.partnership.yaml'));
      assertFailsInEveryFormat(['check', 'warnings'], 'partnership: cannot read warnings/a.partnership.yaml: too many levels of symbolic links');
      assertFailure(run(['agenda', 'warnings/b.partnership.yaml', '--today', TODAY], ws), 'partnership: cannot read warnings/b.partnership.yaml: too many levels of symbolic links');
    });

    it('folder symlinks in a cycle: every file once, and the command ends', () => {
      fs.symlinkSync(path.join(ws, 'warnings'), path.join(ws, 'clean', 'to-warnings'));
      fs.symlinkSync(path.join(ws, 'clean'), path.join(ws, 'warnings', 'to-clean'));
      const r = run(['check', 'clean', 'warnings', '--format', 'json', '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(
        (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath),
        ['clean/acme-analytics.partnership.yaml', 'warnings/initech-billing.partnership.yaml'],
      );
    });

    it('a search stays inside the folder it was given: a link out (to /etc/passwd, say) is refused, never read into the report', () => {
      const secret = path.join(os.tmpdir(), `partnership-secret-${process.pid}.txt`);
      fs.writeFileSync(secret, 'SECRET-TOKEN-1234\n');
      try {
        fs.symlinkSync(secret, path.join(ws, 'clean', 'evil.partnership.yaml'));
        for (const format of ['stylish', 'json', 'github', 'markdown']) {
          const r = run(['check', 'clean', '--format', format, '--today', TODAY], ws);
          assert.strictEqual(r.status, 2, `${format}: ${r.stdout}`);
          assert.strictEqual(r.stderr, 'partnership: cannot read clean/evil.partnership.yaml: it links outside the folder being checked (clean); name the file itself to check it\n');
          assert.ok(!r.stdout.includes('SECRET'), `${format} output quotes the link's target: ${r.stdout}`);
        }
        // Named by the user, it is checked: their choice.
        assert.match(run(['check', 'clean/evil.partnership.yaml', '--today', TODAY], ws).stdout, /SECRET-TOKEN-1234/);
        // A link to a folder outside is not entered.
        fs.rmSync(path.join(ws, 'clean', 'evil.partnership.yaml'));
        fs.symlinkSync(path.join(ws, 'warnings'), path.join(ws, 'clean', 'shared'));
        const r = run(['check', 'clean', '--format', 'json', '--today', TODAY], ws);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.deepStrictEqual((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath), ['clean/acme-analytics.partnership.yaml']);
      } finally {
        fs.rmSync(secret, { force: true });
      }
    });
  });

  describe('files that are not UTF-8 text', () => {
    const original = () => fs.readFileSync(path.join(ws, CLEAN));
    const cases: [string, (text: Buffer) => Buffer, RegExp][] = [
      ['a binary file (NUL bytes)', (t) => Buffer.concat([t.subarray(0, 40), Buffer.from([0, 1, 2, 0, 0xff]), t.subarray(40)]), /^partnership: cannot read clean\/acme-analytics\.partnership\.yaml: a binary file, not text \(a NUL byte at line \d+, column \d+\)$/],
      ['an image', () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), /^partnership: cannot read clean\/acme-analytics\.partnership\.yaml: (a binary file, not text|not UTF-8 text)/],
      ['Latin-1 text', (t) => Buffer.from(t.toString('utf8').replace('Acme Corp', 'Acmé Corp'), 'latin1'), /^partnership: cannot read clean\/acme-analytics\.partnership\.yaml: not UTF-8 text \(byte 0xE9 at line \d+, column \d+\): save it as UTF-8$/],
      ['UTF-16 with a byte order mark', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t.toString('utf8'), 'utf16le')]), /^partnership: cannot read clean\/acme-analytics\.partnership\.yaml: UTF-16 text: save it as UTF-8$/],
      ['UTF-8 cut inside a character', (t) => Buffer.concat([t, Buffer.from('# caf\u00e9', 'utf8').subarray(0, -1)]), /^partnership: cannot read clean\/acme-analytics\.partnership\.yaml: not UTF-8 text \(byte 0xC3 at line \d+, column 6\): save it as UTF-8$/],
    ];
    for (const [name, make, line] of cases) {
      it(`${name}: a clear message and exit 2; agenda and report leave the file untouched`, () => {
        const bytes = make(original());
        fs.writeFileSync(path.join(ws, CLEAN), bytes);
        assertFailsInEveryFormat(['check', CLEAN], line);
        assertFailsInEveryFormat(['check', 'clean'], line);
        for (const command of ['agenda', 'report']) {
          assertFailure(run([command, CLEAN, '--today', TODAY], ws), line);
          assert.ok(fs.readFileSync(path.join(ws, CLEAN)).equals(bytes), `${command} changed the file`);
        }
        assert.deepStrictEqual(fs.readdirSync(path.join(ws, 'clean')), ['acme-analytics.partnership.yaml'], 'nothing generated');
      });
    }

    it('a config that is not UTF-8', () => {
      fs.writeFileSync(path.join(ws, 'clean', '.partnershiprc.yaml'), Buffer.from('# r\u00e9gles\ndueSoonDays: 3\n', 'latin1'));
      assertFailsInEveryFormat(['check', 'clean'], /^partnership: cannot read config clean\/\.partnershiprc\.yaml: not UTF-8 text \(byte 0xE9 at line 1, column 4\): save it as UTF-8$/);
    });
  });

  describe('terminal escape codes in names and text', () => {
    const ESC = '\u001b';
    it('a file name and file text full of escape codes reach the terminal and the CI log as visible text', () => {
      const hostile = 'version: 1\npartnership:\n  name: "\\e]0;pwned\\a Name"\n  customer: "\\e[2J\\e[31mEvil\\x9b31m Corp\\a"\n';
      write(ws, `odd/${ESC}]0;pwned${ESC}\\${ESC}[2J.partnership.yaml`, hostile);
      write(ws, 'plain/evil.partnership.yaml', hostile);
      const stylish = run(['check', 'odd', '--today', TODAY], ws);
      assert.strictEqual(stylish.status, 0, stylish.stderr);
      assert.match(stylish.stdout, /No one from \\u001b\[2J\\u001b\[31mEvil\\u009b31m Corp\\u0007 is listed/);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(stylish.stdout), `raw control characters on the terminal: ${JSON.stringify(stylish.stdout)}`);
      const github = run(['check', 'plain', '--today', TODAY, '--format', 'github'], ws);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(github.stdout), `raw control characters in the CI log: ${JSON.stringify(github.stdout)}`);
      const lines = github.stdout.trimEnd().split('\n');
      assert.strictEqual(lines.length, 2);
      assert.ok(lines.every((l) => l.startsWith('::warning ')), 'one workflow command per line');
      const missing = run(['check', `odd/${ESC}[2Jmissing.partnership.yaml`, '--today', TODAY], ws);
      assertFailure(missing, 'partnership: no such file or folder: odd/\\u001b[2Jmissing.partnership.yaml');
    });

    it('bidirectional controls and zero-width characters from a file are shown escaped in stylish and GitHub output', () => {
      write(ws, 'bidi/evil.partnership.yaml', 'version: 1\npartnership:\n  name: Bidi\n  customer: "Evil\u202Egnp.exe\u200B Corp\u2066x\u2069"\n');
      const invisible = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
      const stylish = run(['check', 'bidi', '--today', TODAY], ws);
      assert.match(stylish.stdout, /No one from Evil\\u202egnp\.exe\\u200b Corp\\u2066x\\u2069 is listed/);
      assert.ok(!invisible.test(stylish.stdout), `raw bidi or zero-width characters on the terminal: ${JSON.stringify(stylish.stdout)}`);
      const github = run(['check', 'bidi', '--today', TODAY, '--format', 'github'], ws);
      assert.match(github.stdout, /No one from Evil\\u202egnp\.exe\\u200b Corp\\u2066x\\u2069 is listed/);
      assert.ok(!invisible.test(github.stdout), `raw bidi or zero-width characters in the CI log: ${JSON.stringify(github.stdout)}`);
    });
  });
});
