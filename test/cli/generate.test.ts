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

  it('writes the status report beside the file and records that it was sent', () => {
    const original = read(ws, GLOBEX);
    assert.ok(ruleIds(ws, GLOBEX).includes('status-report-overdue'));
    const r = run(['report', GLOBEX, '--today', TODAY], ws);
    // Its 'opne' status is a schema error: that commitment is left out, and said so.
    assert.strictEqual(r.stderr, 'partnership: note: problems/globex-rollout.partnership.yaml: 1 entry left out of the status report; see the top of the document\n');
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^problems\/globex-rollout\.status-\d{4}-\d{2}-\d{2}\.md\n$/);
    const report = read(ws, r.stdout.trim());
    // The same sections in the same order, good news or bad.
    const sections = ['Period', 'Health', 'Done this period', 'Due next period', 'Overdue', 'Open concerns', 'Open risks', 'Milestones'];
    const at = sections.map((s) => report.search(new RegExp(`^#+ ${s}$`, 'm')));
    assert.ok(at.every((i) => i >= 0), `all sections present:\n${report}`);
    assert.deepStrictEqual([...at].sort((a, b) => a - b), at, 'sections in order');
    assert.ok(report.includes('C-1'), 'the overdue commitment is in the report');
    const updated = read(ws, GLOBEX);
    assert.ok(linesKeptInOrder(original, updated, 1), updated);
    assert.ok(!ruleIds(ws, GLOBEX).includes('status-report-overdue'), 'the report counts as sent');
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

  it('says truly why the file was not changed: lastSent already says today, or there is no status report in the plan', () => {
    const first = run(['report', HOOLI, '--today', TODAY], ws);
    assert.deepStrictEqual([first.status, first.stderr], [0, '']);
    const again = run(['report', HOOLI, '--today', TODAY], ws);
    assert.strictEqual(again.status, 0);
    assert.strictEqual(again.stderr, `partnership: note: ${HOOLI} was not changed: lastSent already says ${TODAY}\n`);
    write(ws, 'plain.partnership.yaml', 'version: 1\npartnership:\n  name: Plain\n  customer: Initech\n');
    const none = run(['report', 'plain.partnership.yaml', '--today', TODAY], ws);
    assert.strictEqual(none.status, 0);
    assert.strictEqual(none.stderr, 'partnership: note: plain.partnership.yaml was not changed: the file has no communication.statusReport to record lastSent in\n');
  });

  it('rejects bad input with exit 2 and one line', () => {
    assertOneLineFailure(run(['report'], ws), "partnership: report needs the partnership file to generate the status report from (run 'partnership report --help' for usage)");
    assertOneLineFailure(run(['report', GLOBEX, '--format', 'json'], ws), "partnership: unknown option '--format' (run 'partnership report --help' for usage)");
  });
});
