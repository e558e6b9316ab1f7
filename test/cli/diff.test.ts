// `partnership diff BASE` and `check --new-since BASE`, against real temporary git repositories
// with several commits: what changed in each relationship, which problems the change brought and
// fixed (matched by rule and subject, not by line), files added, deleted and renamed, bad input.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { capMarkdown } from '../../server/src/cli/commands/diff';
import { assertBuilt, cleanup, emptyDir, ROOT, run, TODAY } from './cliHelpers';

const NORTHWIND = fs.readFileSync(path.join(ROOT, 'examples/northwind-logistics.partnership.yaml'), 'utf8');
const ACME = fs.readFileSync(path.join(ROOT, 'examples/acme-analytics.partnership.yaml'), 'utf8');
const PLATFORM = fs.readFileSync(path.join(ROOT, 'examples/platform-team.partnership.yaml'), 'utf8');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '--no-gpg-sign', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

function put(dir: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

/** Replace `from` by `to` in the text, failing when `from` is not there exactly once. */
function edit(text: string, from: string, to: string): string {
  assert.strictEqual(text.split(from).length, 2, `the fixture holds exactly one ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The second version of northwind: a silent slip, a recorded move, a delivery, an answer, a new person and promise, a deleted open promise, health. */
function northwindChanged(): string {
  let t = NORTHWIND;
  t = edit(t, '    due: 2026-10-30\n    status: in-progress\n', '    due: 2026-12-04\n    status: in-progress\n');
  t = edit(t, '    due: 2026-11-13\n    status: open\n', '    due: 2026-11-13\n    status: done\n    completed: 2026-11-20\n');
  t = edit(t, '    to: bcarter\n    made: 2026-11-12\n    due: 2026-12-04\n    status: open\n', '    to: bcarter\n    made: 2026-11-12\n    due: 2026-12-11\n    status: open\n    history:\n      - on: 2026-11-20\n        from: 2026-12-04\n        to: 2026-12-11\n        reason: Depot survey moved by a week\n');
  t = edit(t, '    severity: high\n    status: open\n', '    severity: high\n    status: addressed\n    response: Closures feed from the council API goes live on 2026-12-01\n    respondedOn: 2026-11-21\n');
  t = edit(t, '  status: strained\n  assessed: 2026-11-16\n  trend: declining\n', '  status: watch\n  assessed: 2026-11-22\n  trend: improving\n');
  t = edit(t, 'commitments:\n', 'commitments:\n  - id: C-9\n    summary: Weekly closure report to dispatch\n    owner: ysato\n    to: dokafor\n    made: 2026-11-21\n    due: 2026-12-18\n    status: open\n    toWhom: nobody\n');
  return t;
}

describe('cli: diff and check --new-since, in real git repositories', () => {
  let repo: string;
  let first: string;
  let second: string;
  before(assertBuilt);
  beforeEach(() => {
    repo = emptyDir();
    git(repo, 'init', '-q');
    put(repo, 'accounts/northwind.partnership.yaml', NORTHWIND);
    put(repo, 'accounts/acme.partnership.yaml', ACME);
    put(repo, 'internal/platform.partnership.yaml', PLATFORM);
    put(repo, 'README.md', '# accounts\n');
    first = commitAll(repo, 'the relationships as they were');
    put(repo, 'accounts/northwind.partnership.yaml', northwindChanged());
    fs.renameSync(path.join(repo, 'accounts/acme.partnership.yaml'), path.join(repo, 'accounts/acme-analytics.partnership.yaml'));
    fs.rmSync(path.join(repo, 'internal/platform.partnership.yaml'));
    put(repo, 'accounts/initech.partnership.yaml', 'version: 1\npartnership:\n  name: Initech billing\n  customer: Initech\n');
    second = commitAll(repo, 'a week of changes');
  });
  afterEach(() => cleanup(repo));

  it('reports what changed in each relationship between two commits, and the problems brought and fixed', () => {
    const r = run(['diff', first, '--head', second, '--format', 'json', '--today', TODAY], repo);
    assert.strictEqual(r.status, 1, `the change brought an error (exit 1): ${r.stderr}`);
    const { files } = JSON.parse(r.stdout) as { files: { path: string; status: string; from?: string; changes: { kind: string; id?: string; severity: string; message: string; range: { start: { line: number } }; inBase: boolean }[]; introduced: { code: string; message: string }[]; fixed: { code: string; message: string }[] }[] };
    assert.deepStrictEqual(
      files.map((f) => [f.path, f.status, f.from]),
      [
        ['accounts/acme-analytics.partnership.yaml', 'renamed', 'accounts/acme.partnership.yaml'],
        ['accounts/initech.partnership.yaml', 'added', undefined],
        ['accounts/northwind.partnership.yaml', 'modified', undefined],
        ['internal/platform.partnership.yaml', 'deleted', undefined],
      ],
    );
    const northwind = files[2];
    assert.deepStrictEqual(
      northwind.changes.map((c) => `${c.severity} ${c.kind} ${c.id ?? '-'}: ${c.message}`),
      [
        "info commitment-added C-9: C-9 'Weekly closure report to dispatch' added: owner Yuki Sato, promised to Daniel Okafor, due 2026-12-18",
        "warning commitment-moved C-2: C-2 'Live traffic feed in the route optimiser' moved from 2026-10-30 to 2026-12-04 without a history entry: record the renegotiation (on, from, to, reason) in history",
        "info commitment-done C-3: C-3 'Driver shift and rest-break rules in the planner' done on 2026-11-20 (due 2026-11-13)",
        "info commitment-moved C-4: C-4 'Geofence data for the Leeds and York depots' moved from 2026-12-04 to 2026-12-11 (recorded in history)",
        "info concern-answered K-1: K-1 'Routes ignore live road closures; dispatchers re-plan by hand every morning' answered on 2026-11-21 (addressed)",
        'info health-changed -: Health strained (declining) → watch (improving), assessed 2026-11-22',
      ],
    );
    assert.deepStrictEqual(northwind.introduced.map((d) => `${d.code}: ${d.message}`), [
      "schema: Unknown key 'toWhom' in commitment C-9; expected one of: id, summary, owner, to, made, due, status, completed, history",
      // C-2 had a history: the move without an entry is a silent slip in the file itself too.
      'commitment-slipped: C-2 is due 2026-12-04, but its history last moved it to 2026-10-30: the date changed without a record of when, or why',
    ]);
    assert.deepStrictEqual(
      northwind.fixed.map((d) => d.code).sort(),
      ['commitment-overdue', 'commitment-overdue', 'concern-unanswered', 'relationship-strained'],
      'the two late promises, the unanswered concern and the strained health without a reset',
    );
    assert.deepStrictEqual(files[0].changes, [], 'a rename alone changes nothing in the relationship');
    assert.deepStrictEqual(files[3].changes.map((c) => [c.kind, c.id, c.severity, c.inBase]).filter(([k]) => k === 'commitment-removed'), [
      ['commitment-removed', 'C-1', 'info', true],
      ['commitment-removed', 'C-2', 'warning', true],
      ['commitment-removed', 'C-3', 'warning', true],
      ['commitment-removed', 'C-4', 'warning', true],
    ], 'a deleted file loses its promises: the open ones are warnings, the done one is not');
  });

  it('compares with the working tree by default, and prints a readable report', () => {
    put(repo, 'accounts/northwind.partnership.yaml', edit(northwindChanged(), '    severity: low\n    status: closed\n', '    severity: low\n    status: open\n'));
    const r = run(['diff', 'HEAD', 'accounts', '--today', TODAY], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(
      r.stdout,
      [
        'accounts/northwind.partnership.yaml (modified)',
        "  148:13  change  K-2 'Planner is slow to open on the depot laptops' reopened",
        '',
        '1 partnership file changed: 1 relationship change, 0 problems introduced, 0 fixed',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed, and never fails on that', () => {
    const r = run(['diff', 'HEAD', '--today', TODAY], repo);
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [0, 'No partnership file changed since HEAD.\n', '']);
  });

  it('a BASE that does not exist, an option as BASE, or no repository: exit 2 and one line', () => {
    const missing = run(['diff', 'no-such-branch', '--today', TODAY], repo);
    assert.deepStrictEqual([missing.status, missing.stdout], [2, '']);
    assert.match(missing.stderr, /^partnership: unknown revision 'no-such-branch' \(BASE\): no such commit, branch or tag in .*\n$/);
    const option = run(['diff', '--output=x', '--', '--exec=evil'], repo);
    assert.strictEqual(option.status, 2);
    assert.strictEqual(option.stderr.split('\n').length, 2, option.stderr);
    const outside = emptyDir();
    try {
      const none = run(['diff', 'HEAD'], outside, { GIT_CEILING_DIRECTORIES: path.dirname(outside) });
      assert.strictEqual(none.status, 2);
      assert.match(none.stderr, /^partnership: diff needs a git repository: .*\n$/);
    } finally {
      cleanup(outside);
    }
  });

  it('markdown: a heading with the totals, a table of changes with line links, then the problems', () => {
    const r = run(['diff', first, '--head', second, '--format', 'markdown', '--today', TODAY, 'accounts/northwind.partnership.yaml'], repo, { GITHUB_REPOSITORY: '', GITHUB_SHA: '' });
    assert.strictEqual(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.strictEqual(lines[0], `## Partnership diff since \`${first}\``);
    assert.strictEqual(lines[2], '1 partnership file changed: 6 relationship changes (1 to look at), 2 problems introduced, 4 fixed.');
    assert.ok(lines.includes('### [accounts/northwind.partnership.yaml](accounts/northwind.partnership.yaml) (modified)'));
    assert.ok(lines.includes("| ⚠️ | [105](accounts/northwind.partnership.yaml#L105) | C-2 'Live traffic feed in the route optimiser' moved from 2026-10-30 to 2026-12-04 without a history entry: record the renegotiation (on, from, to, reason) in history |"), r.stdout);
  });

  it('check --new-since reports only the problems the change brought, whatever lines moved', () => {
    // Lines inserted at the top move every old problem down: none of them is new.
    put(repo, 'accounts/northwind.partnership.yaml', `# Northwind, kept by the delivery lead\n# (reviewed weekly)\n${NORTHWIND}`);
    git(repo, 'checkout', '-q', first, '--', 'accounts/northwind.partnership.yaml');
    put(repo, 'accounts/northwind.partnership.yaml', `# Northwind, kept by the delivery lead\n# (reviewed weekly)\n${edit(NORTHWIND, '    owner: bcarter\n    to: hvoss\n', '    owner: bcartr\n    to: hvoss\n')}`);
    const all = run(['check', 'accounts/northwind.partnership.yaml', '--today', TODAY, '--format', 'json'], repo);
    const old = run(['check', 'accounts/northwind.partnership.yaml', '--today', TODAY, '--format', 'json', '--new-since', first], repo);
    const count = (out: string) => (JSON.parse(out) as { messages: unknown[] }[])[0].messages.length;
    assert.ok(count(all.stdout) >= 7, all.stdout);
    assert.strictEqual(old.status, 1, old.stderr);
    const [file] = JSON.parse(old.stdout) as { messages: { ruleId: string; message: string; line: number }[] }[];
    assert.deepStrictEqual(file.messages.map((d) => [d.ruleId, d.message, d.line]), [['unknown-reference', "Unknown person 'bcartr' in owner (did you mean 'bcarter'?)", 108]]);

    // A file the base does not have: every problem is new.
    const added = run(['check', 'accounts/initech.partnership.yaml', '--today', TODAY, '--new-since', first], repo);
    const addedAll = run(['check', 'accounts/initech.partnership.yaml', '--today', TODAY], repo);
    assert.strictEqual(added.stdout, addedAll.stdout);
    const bad = run(['check', '--new-since', 'nope', '--today', TODAY], repo);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /^partnership: unknown revision 'nope' \(--new-since\)/);
  });

  it("markdown is cut at a line, with a note, before GitHub's 65,536 characters", () => {
    const long = Array.from({ length: 5_000 }, (_, i) => `| • | [${i}](x#L${i}) | C-${i} moved from 2026-10-30 to 2026-12-04 (recorded in history) |`).join('\n') + '\n';
    const capped = capMarkdown(long);
    assert.ok(capped.length <= 65_536, String(capped.length));
    assert.ok(capped.endsWith("\n> **Cut here**: this report stops before GitHub's limit of 65,536 characters. Run `partnership diff` for the whole of it.\n"));
    const body = capped.slice(0, capped.indexOf('\n> **Cut here**'));
    assert.ok(body.split('\n').filter(Boolean).every((l) => /^\| • \| \[\d+\]\(x#L\d+\) \| C-\d+ moved .* \|$/.test(l)), 'only whole lines are kept');
    assert.strictEqual(capMarkdown('short\n'), 'short\n');
  });
});
