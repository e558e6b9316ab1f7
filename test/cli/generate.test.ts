// `partnership agenda FILE` and `partnership report FILE`: the document is written beside the
// file and never over an existing one; the file gets the service's edits, atomically, keeping
// its BOM and line breaks.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { assertBuilt, assertOneLineFailure, cleanup, read, run, TODAY, workspace, write } from './cliHelpers';

const HOOLI = 'strained/hooli-search.partnership.yaml';
const GLOBEX = 'problems/globex-rollout.partnership.yaml';

/** Whether `updated` only adds or changes lines of `original` in place (every kept line in order). */
function linesKeptInOrder(original: string, updated: string, changedAllowed = 0): boolean {
  const a = original.split('\n');
  const b = updated.split('\n');
  let j = 0;
  let missing = 0;
  for (const line of a) {
    const k = b.indexOf(line, j);
    if (k === -1) missing++;
    else j = k + 1;
  }
  return missing <= changedAllowed;
}

function ruleIds(ws: string, file: string): string[] {
  const r = run(['check', file, '--format', 'json', '--today', TODAY], ws);
  return (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
}

function listFolder(ws: string, rel: string): string[] {
  return fs.readdirSync(path.join(ws, rel)).sort();
}

describe('cli: agenda', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  it('writes the reset-meeting agenda beside the file and records the meeting', () => {
    const original = read(ws, HOOLI);
    const r = run(['agenda', HOOLI, '--today', TODAY], ws);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^strained\/hooli-search\.reset-\d{4}-\d{2}-\d{2}\.md\n$/);
    const created = r.stdout.trim();
    const agenda = read(ws, created);
    assert.match(agenda, /^# /);
    assert.ok(agenda.includes('Hooli search relaunch'), 'names the partnership');
    assert.ok(agenda.includes('C-1') && agenda.includes('Typo-tolerant query parsing'), 'lists the overdue commitment');
    // The partnership file: a planned reset meeting pointing at the agenda, nothing else lost.
    const updated = read(ws, HOOLI);
    assert.ok(linesKeptInOrder(original, updated), updated);
    assert.match(updated, new RegExp(`kind: reset[\\s\\S]*agenda: ${path.basename(created).replace(/\./g, '\\.')}`));
    assert.deepStrictEqual(ruleIds(ws, HOOLI), ['commitment-overdue'], 'relationship-strained is answered by the planned reset meeting');
    assert.deepStrictEqual(listFolder(ws, 'strained'), [path.basename(created), 'hooli-search.partnership.yaml'].sort(), 'no temp files left behind');
  });

  it('never overwrites: a taken name makes the generator pick another, and the old file is untouched', () => {
    // The name the generator picks for a fresh copy…
    const first = run(['agenda', HOOLI, '--today', TODAY], ws).stdout.trim();
    assert.ok(first.endsWith('.md'), first);
    // …is already taken by someone's notes in another fresh copy.
    cleanup(ws);
    ws = workspace();
    write(ws, first, 'Notes from the hallway, not an agenda.\n');
    const r = run(['agenda', HOOLI, '--today', TODAY], ws);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, `${first.replace(/\.md$/, '-2.md')}\n`);
    assert.strictEqual(read(ws, first), 'Notes from the hallway, not an agenda.\n');
    // Run again: a third name, the first two untouched.
    const second = read(ws, r.stdout.trim());
    const again = run(['agenda', HOOLI, '--today', TODAY], ws);
    assert.strictEqual(again.status, 0, again.stderr);
    assert.notStrictEqual(again.stdout, r.stdout);
    assert.strictEqual(read(ws, r.stdout.trim()), second);
  });

  it('--output FILE: writes there (never over an existing file) and points the meeting at it', () => {
    const original = read(ws, HOOLI);
    write(ws, 'docs/taken.md', 'keep me\n');
    assertOneLineFailure(run(['agenda', HOOLI, '--output', 'docs/taken.md', '--today', TODAY], ws), 'partnership: docs/taken.md already exists; not overwriting it');
    assert.strictEqual(read(ws, 'docs/taken.md'), 'keep me\n');
    assert.strictEqual(read(ws, HOOLI), original, 'the partnership file is untouched when the agenda cannot be written');

    const r = run(['agenda', HOOLI, '--output', 'docs/meetings/reset 1.md', '--today', TODAY], ws);
    assert.deepStrictEqual(r, { status: 0, stdout: `docs${path.sep}meetings${path.sep}reset 1.md\n`, stderr: '' });
    assert.match(read(ws, 'docs/meetings/reset 1.md'), /^# /);
    assert.match(read(ws, HOOLI), /agenda: "\.\.\/docs\/meetings\/reset 1\.md"/);
    assert.deepStrictEqual(listFolder(ws, 'strained'), ['hooli-search.partnership.yaml'], 'nothing written beside the file');
  });

  it('keeps a BOM and CRLF line breaks', () => {
    const crlf = '\uFEFF' + read(ws, HOOLI).replace(/\n/g, '\r\n');
    write(ws, 'win/hooli.partnership.yaml', crlf);
    const r = run(['agenda', 'win/hooli.partnership.yaml', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0, r.stderr);
    const updated = fs.readFileSync(path.join(ws, 'win/hooli.partnership.yaml'), 'utf8');
    assert.ok(updated.startsWith('\uFEFF# Hooli'), 'BOM kept');
    assert.ok(updated.length > crlf.length);
    assert.ok(!/[^\r]\n/.test(updated), 'every line break is still CRLF');
    assert.ok(updated.startsWith(crlf.slice(0, crlf.indexOf('meetings:'))), 'the text before meetings is unchanged');
  });

  it('rejects bad input with exit 2 and one line', () => {
    assertOneLineFailure(run(['agenda'], ws), "partnership: agenda needs the partnership file to generate the reset-meeting agenda from (run 'partnership agenda --help' for usage)");
    assertOneLineFailure(run(['agenda', HOOLI, GLOBEX], ws), "partnership: agenda takes one file, got 2 (run 'partnership agenda --help' for usage)");
    assertOneLineFailure(run(['agenda', 'nope.partnership.yaml'], ws), 'partnership: no such file: nope.partnership.yaml');
    assertOneLineFailure(run(['agenda', 'strained'], ws), 'partnership: cannot read strained: is a folder, not a file');
    assertOneLineFailure(run(['agenda', HOOLI, '--today', '2026-11-31'], ws), "partnership: invalid --today '2026-11-31': expected a real date as YYYY-MM-DD (run 'partnership agenda --help' for usage)");
    const broken = read(ws, 'syntax/broken.partnership.yaml');
    assertOneLineFailure(
      run(['agenda', 'syntax/broken.partnership.yaml', '--today', TODAY], ws),
      'partnership: cannot generate a reset-meeting agenda: syntax/broken.partnership.yaml:4:13 is not valid YAML: Missing closing double quote: this string is never closed',
    );
    assert.strictEqual(read(ws, 'syntax/broken.partnership.yaml'), broken);
    assert.deepStrictEqual(listFolder(ws, 'syntax'), ['broken.partnership.yaml']);
  });
});

describe('cli: report', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  const NOT_RECORDED = `partnership: note: ${GLOBEX} was not changed: a report is recorded as sent only once it has gone out (partnership report FILE --sent, or "Mark as sent" in the editor)\n`;

  it('writes the status report beside the file and records nothing', () => {
    const original = read(ws, GLOBEX);
    assert.ok(ruleIds(ws, GLOBEX).includes('status-report-overdue'));
    const r = run(['report', GLOBEX, '--today', TODAY], ws);
    // Its 'opne' status is a schema error: that commitment is left out, and said so; generating records nothing.
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [
      0,
      `problems/globex-rollout.status-${TODAY}.md\n`,
      NOT_RECORDED + 'partnership: note: problems/globex-rollout.partnership.yaml: 1 entry left out of the status report; see the top of the document\n',
    ]);
    const report = read(ws, r.stdout.trim());
    // The same sections in the same order, good news or bad.
    const sections = ['Period', 'Goals', 'Reliability', 'Done this period', 'Due next period', 'Overdue', 'Dates changed this period', 'Open concerns', 'Shared risks', 'Milestones reached', 'Milestones ahead', 'Timeline'];
    assert.deepStrictEqual(report.split('\n').filter((l) => l.startsWith('## ')), sections.map((s) => `## ${s}`));
    assert.ok(report.includes('C-1'), 'the overdue commitment is in the report');
    assert.strictEqual(read(ws, GLOBEX), original, 'generating does not record the report as sent');
    assert.ok(ruleIds(ws, GLOBEX).includes('status-report-overdue'), 'a draft does not silence the rule');
  });

  it('--sent records lastSent = today, and only that, saying what it recorded', () => {
    const original = read(ws, GLOBEX);
    const r = run(['report', GLOBEX, '--sent', '--today', TODAY], ws);
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [0, `${GLOBEX}: recorded the status report of ${TODAY} as sent (communication.statusReport.lastSent: ${TODAY})\n`, '']);
    assert.strictEqual(read(ws, GLOBEX), original.replace('    lastSent: 2026-11-09\n', `    lastSent: ${TODAY}\n`));
    assert.deepStrictEqual(listFolder(ws, 'problems'), ['globex-rollout.partnership.yaml'], 'no document, no temp file');
    assert.ok(!ruleIds(ws, GLOBEX).includes('status-report-overdue'), 'the report counts as sent');
    // Again on the same day: nothing to do, said plainly, exit 0, the file byte for byte as it was.
    const recorded = fs.readFileSync(path.join(ws, GLOBEX));
    const again = run(['report', GLOBEX, '--sent', '--today', TODAY], ws);
    assert.deepStrictEqual([again.status, again.stdout, again.stderr], [0, '', `partnership: note: ${GLOBEX} was not changed: lastSent already says ${TODAY}\n`]);
    assert.ok(fs.readFileSync(path.join(ws, GLOBEX)).equals(recorded));
  });

  it('--sent without a status report in the plan: exit 2, the file unchanged', () => {
    write(ws, 'plain.partnership.yaml', 'version: 1\npartnership:\n  name: Plain\n  customer: Initech\n');
    assertOneLineFailure(
      run(['report', 'plain.partnership.yaml', '--sent', '--today', TODAY], ws),
      'partnership: cannot record the status report as sent: the file has no communication.statusReport to record lastSent in; plain.partnership.yaml was not changed',
    );
    assert.strictEqual(read(ws, 'plain.partnership.yaml'), 'version: 1\npartnership:\n  name: Plain\n  customer: Initech\n');
  });

  it('--stdout prints the report and changes nothing', () => {
    const before = fs.readFileSync(path.join(ws, GLOBEX));
    const r = run(['report', GLOBEX, '--stdout', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^# Status report: /);
    assert.strictEqual(
      r.stderr,
      `partnership: note: ${GLOBEX} was not changed: the status report went to stdout\npartnership: note: ${GLOBEX}: 1 entry left out of the status report; see the top of the document\n`,
    );
    assert.strictEqual(run(['report', GLOBEX, '-o', '-', '--today', TODAY], ws).stdout, r.stdout, "'-' still means stdout");
    assert.ok(fs.readFileSync(path.join(ws, GLOBEX)).equals(before));
    assert.deepStrictEqual(listFolder(ws, 'problems'), ['globex-rollout.partnership.yaml']);
  });

  it('--dry-run says what would be written and changes nothing', () => {
    const before = fs.readFileSync(path.join(ws, GLOBEX));
    const r = run(['report', GLOBEX, '--dry-run', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stderr, '');
    const generated = run(['report', GLOBEX, '--stdout', '--today', TODAY], ws).stdout;
    assert.strictEqual(
      r.stdout,
      [
        'partnership: dry run, nothing written',
        `would write problems/globex-rollout.status-${TODAY}.md (${generated.split('\n').length - 1} lines)`,
        `would not change ${GLOBEX}: a report is recorded as sent only once it has gone out (partnership report FILE --sent, or "Mark as sent" in the editor)`,
        '',
      ].join('\n'),
    );
    const sent = run(['report', GLOBEX, '--sent', '--dry-run', '--today', TODAY], ws);
    assert.deepStrictEqual([sent.status, sent.stderr], [0, '']);
    assert.strictEqual(
      sent.stdout,
      ['partnership: dry run, nothing written', `would record the status report of ${TODAY} as sent in ${GLOBEX}:`, '- 40 |     lastSent: 2026-11-09', `+ 40 |     lastSent: ${TODAY}`, ''].join('\n'),
    );
    assert.ok(fs.readFileSync(path.join(ws, GLOBEX)).equals(before));
    assert.deepStrictEqual(listFolder(ws, 'problems'), ['globex-rollout.partnership.yaml']);
  });

  it('--internal writes the internal version under a name that says so', () => {
    const r = run(['report', GLOBEX, '--internal', '--today', TODAY], ws);
    assert.deepStrictEqual([r.status, r.stdout], [0, `problems/globex-rollout.status-internal-${TODAY}.md\n`]);
    assert.match(read(ws, r.stdout.trim()), /^# INTERNAL status report: .* \(not for sending\)\n[\s\S]*\n## Internal: our assessment \(not for the customer\)\n/);
  });

  it('never overwrites an existing report', () => {
    const first = run(['report', GLOBEX, '--today', TODAY], ws).stdout.trim();
    const content = read(ws, first);
    const second = run(['report', GLOBEX, '--today', TODAY], ws);
    assert.strictEqual(second.status, 0, second.stderr);
    assert.notStrictEqual(second.stdout.trim(), first);
    assert.strictEqual(read(ws, first), content);
    write(ws, 'out/report.md', 'previous\n');
    assertOneLineFailure(run(['report', GLOBEX, '--output', 'out/report.md', '--today', TODAY], ws), 'partnership: out/report.md already exists; not overwriting it');
    assert.strictEqual(read(ws, 'out/report.md'), 'previous\n');
  });

  it('rejects bad input and contradicting flags with exit 2 and one line, changing nothing', () => {
    const before = fs.readFileSync(path.join(ws, GLOBEX));
    assertOneLineFailure(run(['report'], ws), "partnership: report needs the partnership file to generate the status report from (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--format', 'json'], ws), "partnership: unknown option '--format' (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--sent', '--stdout'], ws), "partnership: --sent records that today's report went out; it generates nothing, so it takes no --stdout (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--sent', '--internal'], ws), "partnership: --sent records that today's report went out; it generates nothing, so it takes no --internal (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--sent', '-o', 'x.md'], ws), "partnership: --sent records that today's report went out; it generates nothing, so it takes no --output (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--dry-run', '--stdout'], ws), "partnership: --dry-run and --stdout do not go together: --stdout already changes nothing (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--stdout', '-o', 'x.md'], ws), "partnership: --stdout prints the status report; it cannot also go to --output x.md (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['agenda', GLOBEX, '--sent'], ws), "partnership: unknown option '--sent' (run 'partnership agenda --help' for usage)");
    assert.ok(fs.readFileSync(path.join(ws, GLOBEX)).equals(before));
    assert.deepStrictEqual(listFolder(ws, 'problems'), ['globex-rollout.partnership.yaml']);
  });
});

describe('cli: agenda --stdout and --dry-run', function () {
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = workspace()));
  afterEach(() => cleanup(ws));

  it('--stdout prints the agenda and changes nothing', () => {
    const before = fs.readFileSync(path.join(ws, HOOLI));
    const r = run(['agenda', HOOLI, '--stdout', '--today', TODAY], ws);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^# /);
    assert.strictEqual(r.stderr, `partnership: note: ${HOOLI} was not changed: the reset-meeting agenda went to stdout\n`);
    assert.ok(fs.readFileSync(path.join(ws, HOOLI)).equals(before));
    assert.deepStrictEqual(listFolder(ws, 'strained'), ['hooli-search.partnership.yaml']);
  });

  it('--dry-run names the document and shows the lines the file would gain, and changes nothing', () => {
    const before = fs.readFileSync(path.join(ws, HOOLI));
    const r = run(['agenda', HOOLI, '--dry-run', '--today', TODAY], ws);
    assert.deepStrictEqual([r.status, r.stderr], [0, '']);
    const out = r.stdout.split('\n');
    assert.strictEqual(out[0], 'partnership: dry run, nothing written');
    assert.match(out[1], /^would write strained\/hooli-search\.reset-\d{4}-\d{2}-\d{2}\.md \(\d+ lines\)$/);
    assert.strictEqual(out[2], `would change ${HOOLI}:`);
    // The same edit a real run makes: every added line appears, numbered, in the file afterwards.
    assert.ok(fs.readFileSync(path.join(ws, HOOLI)).equals(before));
    assert.deepStrictEqual(listFolder(ws, 'strained'), ['hooli-search.partnership.yaml']);
    const added = out.slice(3).filter((l) => l !== '');
    assert.ok(added.length > 0 && added.every((l) => l.startsWith('+ ')), r.stdout);
    assert.strictEqual(run(['agenda', HOOLI, '--today', TODAY], ws).status, 0);
    const after = read(ws, HOOLI).split('\n');
    for (const l of added) {
      const m = /^\+ +(\d+) \| (.*)$/.exec(l)!;
      assert.strictEqual(after[Number(m[1]) - 1], m[2], l);
    }
    assert.ok(after.includes(`    agenda: ${out[1].replace(/^would write strained\//, '').replace(/ \(.*$/, '')}`));
  });
});
