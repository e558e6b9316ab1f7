// Exit codes: 0 clean, 1 errors or too many warnings, 2 bad usage or unreadable input — each
// bad-input case with exactly one stderr line and no stack trace. Plus configs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, assertOneLineFailure, cleanup, run, runAsNobody, TODAY, workspace, write } from './cliHelpers';

const INITECH = 'warnings/initech-billing.partnership.yaml';
const CHECK_HELP_HINT = "(run 'partnership check --help' for usage)";

describe('cli: exit codes', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  it('0 when clean, and when there are only warnings and information', () => {
    assert.strictEqual(run(['check', 'clean', '--today', TODAY], ws).status, 0);
    assert.strictEqual(run(['check', 'warnings', 'strained', '--today', TODAY], ws).status, 0);
  });

  it('1 on any error-severity diagnostic', () => {
    assert.strictEqual(run(['check', 'problems', '--today', TODAY], ws).status, 1);
    assert.strictEqual(run(['check', 'syntax', '--today', TODAY], ws).status, 1);
    assert.strictEqual(run(['check', 'clean', 'syntax', '--today', TODAY], ws).status, 1);
  });

  it('--max-warnings N: 1 only when warnings exceed N (information never counts)', () => {
    // initech: 2 warnings, 1 information.
    assert.deepStrictEqual(
      [0, 1, 2, 3].map((n) => run(['check', INITECH, '--max-warnings', String(n), '--format', 'json', '--today', TODAY], ws).status),
      [1, 1, 0, 0],
    );
    const over = run(['check', INITECH, '--max-warnings', '1', '--format', 'json', '--today', TODAY], ws);
    assert.strictEqual(over.stderr, 'partnership: too many warnings (2); --max-warnings allows 1\n');
    assert.strictEqual(JSON.parse(over.stdout)[0].warningCount, 2, 'the report is still complete and valid JSON');
    assert.strictEqual(run(['check', 'clean', '--max-warnings=0', '--today', TODAY], ws).status, 0);
    // With errors as well: still 1, and the limit is still mentioned.
    const both = run(['check', 'problems', '--max-warnings', '2', '--format', 'json', '--today', TODAY], ws);
    assert.strictEqual(both.status, 1);
    assert.strictEqual(both.stderr, 'partnership: too many warnings (3); --max-warnings allows 2\n');
    const quiet = run(['check', INITECH, '--max-warnings', '0', '--quiet', '--today', TODAY], ws);
    // As in ESLint: --quiet reports errors only, and warnings it hides are not counted.
    assert.deepStrictEqual(quiet, { status: 0, stdout: '', stderr: '' });
  });

  describe('2, with one line on stderr', () => {
    const cases: [string, string[], string][] = [
      ['no command', [], "partnership: no command given (run 'partnership --help' for usage)"],
      ['an unknown command', ['frobnicate'], "partnership: unknown command 'frobnicate'; commands: check, diff, agenda, report, summary, calendar, init, schema (run 'partnership --help' for usage)"],
      ['a misspelt command', ['chekc'], "partnership: unknown command 'chekc'; did you mean 'check'?; commands: check, diff, agenda, report, summary, calendar, init, schema (run 'partnership --help' for usage)"],
      ['an option before the command', ['--today', TODAY], "partnership: unknown option '--today' (options go after the command) (run 'partnership --help' for usage)"],
      ['an unknown option', ['check', '--fix'], `partnership: unknown option '--fix' ${CHECK_HELP_HINT}`],
      ['a misspelt option', ['check', '--fromat', 'json'], `partnership: unknown option '--fromat'; did you mean '--format'? ${CHECK_HELP_HINT}`],
      ['an unknown short option', ['check', '-x'], `partnership: unknown option '-x' ${CHECK_HELP_HINT}`],
      ['a flag given a value', ['check', '--quiet=yes'], `partnership: option '--quiet' takes no value ${CHECK_HELP_HINT}`],
      ['an impossible --today', ['check', 'clean', '--today', '2026-02-30'], `partnership: invalid --today '2026-02-30': expected a real date as YYYY-MM-DD ${CHECK_HELP_HINT}`],
      ['a --today that is not a date', ['check', 'clean', '--today', 'tomorrow'], `partnership: invalid --today 'tomorrow': expected a real date as YYYY-MM-DD ${CHECK_HELP_HINT}`],
      ['a --today in another format', ['check', 'clean', '--today', '23/11/2026'], `partnership: invalid --today '23/11/2026': expected a real date as YYYY-MM-DD ${CHECK_HELP_HINT}`],
      ['--today without a value', ['check', 'clean', '--today'], `partnership: option '--today' needs a value ${CHECK_HELP_HINT}`],
      ['--today followed by another option', ['check', '--today', '--quiet'], `partnership: option '--today' needs a value ${CHECK_HELP_HINT}`],
      ['a negative --max-warnings', ['check', 'clean', '--max-warnings', '-1'], `partnership: invalid --max-warnings '-1': expected a whole number, 0 or more ${CHECK_HELP_HINT}`],
      ['a fractional --max-warnings', ['check', 'clean', '--max-warnings', '1.5'], `partnership: invalid --max-warnings '1.5': expected a whole number, 0 or more ${CHECK_HELP_HINT}`],
      ['a word for --max-warnings', ['check', 'clean', '--max-warnings', 'ten'], `partnership: invalid --max-warnings 'ten': expected a whole number, 0 or more ${CHECK_HELP_HINT}`],
      ['an unknown --format', ['check', 'clean', '--format', 'junit'], `partnership: unknown format 'junit': expected one of stylish, json, sarif, github, markdown ${CHECK_HELP_HINT}`],
      ['a missing path', ['check', 'clean', 'nowhere', '--today', TODAY], 'partnership: no such file or folder: nowhere'],
      ['a missing file', ['check', 'clean/missing.partnership.yaml', '--today', TODAY], 'partnership: no such file or folder: clean/missing.partnership.yaml'],
      ['a folder without partnership files', ['check', 'docs', '--today', TODAY], 'partnership: no *.partnership.yaml files in docs'],
      ['a missing --config', ['check', 'clean', '--config', 'none.yaml', '--today', TODAY], 'partnership: cannot read config none.yaml: no such file or folder'],
      ['a --config that is a folder', ['check', 'clean', '--config', 'clean', '--today', TODAY], 'partnership: cannot read config clean: is a folder, not a file'],
      ['an --output the system cannot create', ['check', 'clean', '--output', '/proc/no-such-folder/report.txt', '--today', TODAY], 'partnership: cannot write /proc/no-such-folder/report.txt: no such file or folder'],
      ['an unwritable --output', ['check', 'clean', '--output', 'clean/acme-analytics.partnership.yaml/report.txt', '--today', TODAY], 'partnership: cannot write clean/acme-analytics.partnership.yaml/report.txt: a parent path is not a folder'],
    ];
    for (const [what, args, line] of cases) {
      it(`for ${what}`, () => {
        write(ws, 'docs/README.md', '# Not a partnership file\n');
        assertOneLineFailure(run(args, ws), line);
      });
    }

    it('for an unreadable partnership file found in a folder (a dangling symlink)', () => {
      fs.symlinkSync(path.join(ws, 'gone.partnership.yaml'), path.join(ws, 'clean', 'dangling.partnership.yaml'));
      assertOneLineFailure(run(['check', 'clean', '--today', TODAY], ws), 'partnership: cannot read clean/dangling.partnership.yaml: no such file or folder');
    });

    it('for a file without read permission', () => {
      fs.chmodSync(path.join(ws, INITECH), 0o000);
      // Root reads anything, so as root the CLI runs as the unprivileged user 'nobody' instead.
      const asUser = process.getuid?.() === 0 ? runAsNobody : run;
      assertOneLineFailure(asUser(['check', INITECH, '--today', TODAY], ws), `partnership: cannot read ${INITECH}: permission denied`);
    });

    it('for an invalid nearest .partnershiprc.yaml, one line per problem', () => {
      write(ws, 'warnings/.partnershiprc.yaml', 'rules:\n  commitment-overdue: eror\n  no-such-rule: off\ndueSoonDays: soon\n');
      const r = run(['check', 'warnings', 'clean', '--today', TODAY], ws);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.status, 2);
      assert.strictEqual(
        r.stderr,
        [
          "partnership: invalid config warnings/.partnershiprc.yaml:2:23: 'eror' is not a severity for commitment-overdue (did you mean 'error'?); expected one of: error, warning, information, hint, off",
          "partnership: invalid config warnings/.partnershiprc.yaml:3:3: Unknown rule 'no-such-rule'",
          "partnership: invalid config warnings/.partnershiprc.yaml:4:14: 'dueSoonDays' must be a whole number of days between 0 and 3650",
          '',
        ].join('\n'),
      );
    });

    it('for an invalid config shared by several folders, each problem once', () => {
      write(ws, '.partnershiprc.yaml', 'dueSoonDayz: 3\n');
      const r = run(['check', 'warnings', 'clean', 'problems', '--today', TODAY], ws);
      assert.deepStrictEqual(r, {
        status: 2,
        stdout: '',
        stderr: "partnership: invalid config .partnershiprc.yaml:1:1: Unknown config key 'dueSoonDayz' (did you mean 'dueSoonDays'?); expected one of: rules, dueSoonDays, concernResponseDays, workingDays, reliabilityWindowDays\n",
      });
    });

    it('for an invalid --config (YAML that does not parse)', () => {
      write(ws, 'bad.yaml', 'rules: [unclosed\n');
      const r = run(['check', 'clean', '--config', 'bad.yaml', '--today', TODAY], ws);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, /^partnership: invalid config bad\.yaml:\d+:\d+: .+\n$/);
    });
  });
});

describe('cli: configuration', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  const shown = (stdout: string) =>
    (JSON.parse(stdout) as { messages: { ruleId: string; severity: string; line: number }[] }[]).flatMap((f) => f.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`));

  it('reads the nearest .partnershiprc.yaml: off and changed severities', () => {
    write(ws, '.partnershiprc.yaml', 'rules:\n  commitment-overdue: error\n  goal-without-metric: hint\n  communication-plan-unsigned: off\n');
    const r = run(['check', 'warnings', '--format', 'json', '--today', TODAY], ws);
    assert.deepStrictEqual(shown(r.stdout), ['11 contact-stale information', '35 commitment-overdue error', '39 goal-without-metric hint']);
    assert.strictEqual(r.status, 1, 'commitment-overdue is an error now');
    // A config nearer the file wins over the one above it.
    write(ws, 'warnings/.partnershiprc.yaml', 'rules:\n  commitment-overdue: information\n');
    assert.deepStrictEqual(shown(run(['check', 'warnings', '--format', 'json', '--today', TODAY], ws).stdout), [
      '11 contact-stale information',
      '21 communication-plan-unsigned warning',
      '35 commitment-overdue information',
      '39 goal-without-metric information',
    ]);
  });

  it('--config replaces the nearest config, and its options apply (dueSoonDays, concernResponseDays)', () => {
    write(ws, 'problems/.partnershiprc.yaml', 'rules:\n  schema: off\n');
    write(ws, 'ci/strict.yaml', 'rules:\n  contact-stale: off\n  commitment-due-soon: warning\n  unknown-reference: warning\ndueSoonDays: 30\nconcernResponseDays: 20\n');
    const r = run(['check', 'problems', '--config', 'ci/strict.yaml', '--format', 'json', '--today', TODAY], ws);
    assert.deepStrictEqual(shown(r.stdout), [
      '40 status-report-overdue warning',
      '55 commitment-overdue warning',
      '62 commitment-due-soon warning',
      '66 unknown-reference warning',
      '69 commitment-due-soon warning',
      '77 schema error',
    ]);
    assert.strictEqual(r.status, 1);
  });

  it('a stylish report of an all-off config is clean', () => {
    write(ws, 'all-off.yaml', 'rules:\n  communication-plan-unsigned: off\n  commitment-overdue: off\n  goal-without-metric: off\n  contact-stale: off\n');
    assert.deepStrictEqual(run(['check', INITECH, '--config', 'all-off.yaml', '--today', TODAY], ws), {
      status: 0,
      stdout: '✔ 1 file checked, no problems\n',
      stderr: '',
    });
  });
});
