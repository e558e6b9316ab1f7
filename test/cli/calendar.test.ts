// `partnership calendar`: the promised dates as iCalendar, written with ical-generator and read
// back here with another library (ical.js): all-day entries on the right day in any time zone,
// UIDs that stay the same when the file changes elsewhere, and the output rules of every command.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import { assertBuilt, cleanup, emptyDir, ROOT, run, TODAY, write } from './cliHelpers';

const NORTHWIND = fs.readFileSync(path.join(ROOT, 'examples/northwind-logistics.partnership.yaml'), 'utf8');

interface Entry {
  uid: string;
  start: string;
  allDay: boolean;
  summary: string;
}

function entries(ics: string): Entry[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return { uid: event.uid, start: event.startDate.toString(), allDay: event.startDate.isDate, summary: event.summary };
  });
}

describe('cli: calendar', () => {
  let dir: string;
  before(assertBuilt);
  beforeEach(() => {
    dir = emptyDir();
    write(dir, 'northwind.partnership.yaml', NORTHWIND);
  });
  afterEach(() => cleanup(dir));

  it('lists open commitments, milestones ahead, planned meetings and the next report and review, as all-day entries', () => {
    const r = run(['calendar', '--today', TODAY], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(entries(r.stdout), [
      { uid: 'northwind-route-planning/commitment/C-2@partnership', start: '2026-10-30', allDay: true, summary: 'C-2 due: Live traffic feed in the route optimiser' },
      { uid: 'northwind-route-planning/status-report@partnership', start: '2026-11-09', allDay: true, summary: 'Status report due: Northwind route planning' },
      { uid: 'northwind-route-planning/commitment/C-3@partnership', start: '2026-11-13', allDay: true, summary: 'C-3 due: Driver shift and rest-break rules in the planner' },
      { uid: 'northwind-route-planning/milestone/M-2@partnership', start: '2026-11-20', allDay: true, summary: 'Milestone: Live traffic routing at all northern depots' },
      { uid: 'northwind-route-planning/review@partnership', start: '2026-11-26', allDay: true, summary: 'Review meeting due: Northwind route planning' },
      { uid: 'northwind-route-planning/commitment/C-4@partnership', start: '2026-12-04', allDay: true, summary: 'C-4 due: Geofence data for the Leeds and York depots' },
    ]);
  });

  it('keeps every UID when the file changes elsewhere, moves the date with the due date, and adds a planned meeting', () => {
    const before = entries(run(['calendar', '--today', TODAY], dir).stdout);
    const changed = NORTHWIND.replace('    due: 2026-12-04\n', '    due: 2026-12-11\n').replace('meetings:\n', 'meetings:\n  - date: 2026-11-30\n    kind: reset\n    attendees: [hvoss, bcarter]\n');
    assert.notStrictEqual(changed, NORTHWIND);
    write(dir, 'northwind.partnership.yaml', `# reviewed weekly\n${changed}`);
    const after = entries(run(['calendar', '--today', TODAY], dir).stdout);
    const c4 = after.find((e) => e.uid === 'northwind-route-planning/commitment/C-4@partnership');
    assert.strictEqual(c4?.start, '2026-12-11', 'same entry, new date');
    assert.deepStrictEqual(after.filter((e) => !before.some((b) => b.uid === e.uid)), [
      { uid: 'northwind-route-planning/meeting/2026-11-30-reset@partnership', start: '2026-11-30', allDay: true, summary: 'Reset meeting: Northwind route planning' },
    ]);
    assert.deepStrictEqual(before.map((e) => e.uid).filter((u) => !after.some((a) => a.uid === u)), [], 'no entry lost its UID');
  });

  it('gives the same file in every time zone (the day judged is the stamp, never the clock)', () => {
    const utc = run(['calendar', '--today', TODAY], dir, { TZ: 'UTC' }).stdout;
    assert.strictEqual(run(['calendar', '--today', TODAY], dir, { TZ: 'Asia/Tokyo' }).stdout, utc);
    assert.strictEqual(run(['calendar', '--today', TODAY], dir, { TZ: 'America/Los_Angeles' }).stdout, utc);
  });

  it('--output writes the file, never over a partnership file; bad input exits 2 with one line', () => {
    const r = run(['calendar', '--today', TODAY, '--output', 'partnerships.ics'], dir);
    assert.deepStrictEqual([r.status, r.stdout], [0, '']);
    assert.strictEqual(entries(fs.readFileSync(path.join(dir, 'partnerships.ics'), 'utf8')).length, 6);
    const over = run(['calendar', '--today', TODAY, '--output', 'northwind.partnership.yaml'], dir);
    assert.strictEqual(over.status, 2);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'northwind.partnership.yaml'), 'utf8'), NORTHWIND);
    const missing = run(['calendar', 'nope'], dir);
    assert.deepStrictEqual([missing.status, missing.stderr], [2, 'partnership: no such file or folder: nope\n']);
  });
});
