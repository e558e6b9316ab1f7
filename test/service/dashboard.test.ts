// The dashboard's data (issue 15, item 3): the marks the editor's dashboard draws, each with the
// range a click reveals, formatted from the domain's facts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, type DashboardData } from '../../server/src/service';
import { day, memFs, yaml } from '../helpers';

const NORTHWIND = path.join(__dirname, '../../../examples/northwind-logistics.partnership.yaml');
const TODAY = day('2026-11-23');

/** A range on one line (0-based line, as LSP counts). */
const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('dashboard data', () => {
  const service = createLanguageService({ fs: memFs() });
  let data: DashboardData;
  before(() => {
    data = service.dashboard(fs.readFileSync(NORTHWIND, 'utf8'), NORTHWIND, TODAY);
  });

  it('names the partnership and the day', () => {
    assert.deepStrictEqual([data.name, data.customer, data.today, data.reliabilityWindowDays], ['Northwind route planning', 'Northwind Logistics', '2026-11-23', 90]);
    assert.deepStrictEqual(data.totals, { commitments: 4, owners: 3, concerns: 1 }, 'everything is drawn');
  });

  it('has one mark per commitment: made → due, where its line ends, the late span and each renegotiation, with their ranges', () => {
    assert.deepStrictEqual(data.commitments, [
      {
        id: 'C-1',
        summary: 'Import depot and vehicle master data from the fleet system',
        owner: 'ysato',
        ownerName: 'Yuki Sato',
        state: 'done',
        made: '2026-08-03',
        due: '2026-09-04',
        originalDue: '2026-09-04',
        completed: '2026-09-03',
        end: '2026-09-03',
        late: undefined,
        renegotiations: [],
        range: at(83, 8, 11),
      },
      {
        id: 'C-2',
        summary: 'Live traffic feed in the route optimiser',
        owner: 'ysato',
        ownerName: 'Yuki Sato',
        state: 'overdue',
        made: '2026-09-08',
        due: '2026-10-30',
        originalDue: '2026-10-16',
        completed: undefined,
        end: '2026-11-23',
        late: { from: '2026-10-30', to: '2026-11-23', days: 24, range: at(96, 9, 19) },
        renegotiations: [{ on: '2026-10-05', from: '2026-10-16', to: '2026-10-30', afterDue: false, range: at(99, 12, 22) }],
        range: at(91, 8, 11),
      },
      {
        id: 'C-3',
        summary: 'Driver shift and rest-break rules in the planner',
        owner: 'bcarter',
        ownerName: 'Ben Carter',
        state: 'overdue',
        made: '2026-10-12',
        due: '2026-11-13',
        originalDue: '2026-11-13',
        completed: undefined,
        end: '2026-11-23',
        late: { from: '2026-11-13', to: '2026-11-23', days: 10, range: at(108, 9, 19) },
        renegotiations: [],
        range: at(103, 8, 11),
      },
      {
        id: 'C-4',
        summary: 'Geofence data for the Leeds and York depots',
        owner: 'lmartin',
        ownerName: 'Lucía Martín',
        state: 'open',
        made: '2026-11-12',
        due: '2026-12-04',
        originalDue: '2026-12-04',
        completed: undefined,
        end: '2026-11-23',
        late: undefined,
        renegotiations: [],
        range: at(110, 8, 11),
      },
    ]);
  });

  it('has one diamond per milestone, with its range', () => {
    assert.deepStrictEqual(data.milestones, [
      { id: 'M-1', name: 'Pilot at the Leeds depot', status: 'delivered', due: '2026-06-30', overdue: false, daysLate: 0, range: at(175, 8, 11) },
      { id: 'M-2', name: 'Live traffic routing at all northern depots', status: 'slipped', due: '2026-11-20', overdue: false, daysLate: 0, range: at(180, 8, 11) },
    ]);
  });

  it('has the current health assessment, the reliability of each owner (people order) and the open concerns', () => {
    assert.deepStrictEqual(data.health, [
      { assessed: '2026-11-16', status: 'strained', trend: 'declining', access: 2, credibility: 3, trust: 2, current: true, range: at(153, 10, 18) },
    ]);
    assert.deepStrictEqual(
      data.owners.map((o) => [o.id, o.name, o.line, o.range.start.line]),
      [
        ['lmartin', 'Lucía Martín', 'no commitments due or completed in the window', 46],
        ['bcarter', 'Ben Carter', 'on time as first promised 0/1 (0%) · kept as agreed 0/1 (0%) · 1 late, slip median 10 d, max 10 d · 0 moves', 52],
        ['ysato', 'Yuki Sato', 'on time as first promised 1/2 (50%) · kept as agreed 1/2 (50%) · 1 late, slip median 24 d, max 24 d · 1 move', 57],
      ],
    );
    assert.deepStrictEqual(data.owners[2].reliability, { counted: 2, done: 1, dropped: 0, onTimeAsPromised: 1, keptAsAgreed: 1, late: 1, slipMedian: 24, slipMax: 24, moves: 1, lateRenegotiations: 0 });
    // K-2 is closed: only K-1, 17 days old, unanswered past the 2 days allowed a high-severity concern.
    assert.deepStrictEqual(data.concerns, [
      { id: 'K-1', summary: 'Routes ignore live road closures; dispatchers re-plan by hand every morning', severity: 'high', raised: '2026-11-06', age: 17, answered: false, overdue: true, window: 2, range: at(119, 8, 11) },
    ]);
  });

  it('lists health.previous and the current assessment oldest first; an undated one is left out', () => {
    const text = yaml(
      'version: 1',
      'partnership:',
      '  name: Acme compliance analytics',
      '  customer: Acme Corp',
      'health:',
      '  status: watch',
      '  assessed: 2026-11-01',
      '  previous:',
      '    - status: strained',
      '      assessed: 2026-10-01',
      '      trust: 2',
      '    - status: healthy',
      '      assessed: 2026-07-01',
      '    - status: broken',
    );
    const health = service.dashboard(text, 'acme.partnership.yaml', TODAY).health;
    assert.deepStrictEqual(
      health.map((h) => [h.assessed, h.status, h.current, h.trust, h.range.start.line]),
      [
        ['2026-07-01', 'healthy', false, undefined, 11],
        ['2026-10-01', 'strained', false, 2, 8],
        ['2026-11-01', 'watch', true, undefined, 5],
      ],
    );
  });

  it('marks a renegotiation made after the date it moved had passed, as the reliability figures count it', () => {
    const text = yaml(
      'version: 1',
      'commitments:',
      '  - id: C-1',
      '    owner: alee',
      '    made: 2026-09-01',
      '    due: 2026-11-20',
      '    status: open',
      '    history:',
      '      - on: 2026-10-01',
      '        from: 2026-10-15',
      '        to: 2026-11-01',
      '      - on: 2026-11-05',
      '        from: 2026-11-01',
      '        to: 2026-11-20',
    );
    const data = service.dashboard(text, 'acme.partnership.yaml', TODAY);
    assert.deepStrictEqual(
      data.commitments[0].renegotiations.map((h) => [h.on, h.afterDue, h.range.start.line]),
      [
        ['2026-10-01', false, 8],
        ['2026-11-05', true, 11],
      ],
    );
    assert.deepStrictEqual([data.commitments[0].originalDue, data.commitments[0].state, data.owners[0].reliability.lateRenegotiations], ['2026-10-15', 'overdue', 1]);
  });

  it('a large file: the 200 commitments nearest to today, the 50 owners with the most, the 100 oldest concerns, and the totals', () => {
    // 400 owners; commitment i due 2026-01-01 + i days, done on its due date; owner i % 400 (owner 0 has the most: 3).
    const due = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const text = yaml(
      'version: 1',
      'partnership: {name: Big, customer: Acme}',
      'people:',
      ...Array.from({ length: 400 }, (_, i) => `  - {id: p${i}, name: P${i}, side: ours}`),
      'commitments:',
      ...Array.from({ length: 1000 }, (_, i) => `  - {id: C-${i}, summary: S, owner: p${i % 400}, due: ${due(i)}, status: done, completed: ${due(i)}}`),
      'concerns:',
      ...Array.from({ length: 150 }, (_, i) => `  - {id: K-${i}, summary: S, raised: ${due(i)}, status: open}`),
    );
    const big = service.dashboard(text, '/w/big.partnership.yaml', TODAY);
    assert.deepStrictEqual(big.totals, { commitments: 1000, owners: 400, concerns: 150 });
    // 2026-11-23 is day 326: the nearest done commitments are those completed just before it, and after it on either side.
    assert.deepStrictEqual(
      big.commitments.map((c) => c.id),
      Array.from({ length: 200 }, (_, i) => `C-${226 + i}`),
    );
    assert.strictEqual(big.owners.length, 50);
    assert.deepStrictEqual(big.owners.slice(0, 3).map((o) => o.id), ['p0', 'p1', 'p2'], 'the owners of three commitments, in people order');
    assert.deepStrictEqual([big.concerns.length, big.concerns[0].id, big.concerns[99].id], [100, 'K-0', 'K-99']);
  });

  it('a file without sections or dates gives empty lists, never a throw', () => {
    const data = service.dashboard('version: 1\ncommitments:\n  - id: C-1\n    status: open\n', 'x.partnership.yaml', TODAY);
    assert.deepStrictEqual([data.name, data.commitments.length, data.commitments[0].end, data.commitments[0].late, data.milestones, data.health, data.owners, data.concerns], ['x', 1, '2026-11-23', undefined, [], [], [], []]);
  });
});
