// The reset-meeting agenda beyond the golden files: the meeting date, the file name, the edit to
// `meetings:` in every shape that list can take, attendees, and what the sections say.
import * as assert from 'assert';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { fileStem } from '../../server/src/service/generate/files';
import { applyEdits, DIR, generate, keepsLines, memFs, yaml } from './util';
import { createLanguageService } from '../../server/src/service';
import { day } from './util';

/** A small strained partnership: one late commitment of ours, a decision maker, an escalation contact. */
function strained(meetings: string[] = [], extra: string[] = []): string {
  return yaml(
    'version: 1',
    'partnership:',
    '  name: Audit dashboard',
    '  customer: Acme Corp',
    'people:',
    '  - id: jdoe',
    '    name: Jane Doe',
    '    side: customer',
    '    role: VP Compliance',
    '    decisionMaker: true',
    '  - id: alee',
    '    name: Amir Lee',
    '    side: ours',
    '    role: Tech lead',
    '  - id: mkhan',
    '    name: Maryam Khan',
    '    side: ours',
    '    role: Director',
    'communication:',
    '  statusReport:',
    '    cadence: weekly',
    '    lastSent: 2026-11-16',
    '  escalation: [mkhan]',
    'commitments:',
    '  - id: C-1',
    '    summary: Pilot the dashboard',
    '    owner: alee',
    '    due: 2026-11-01',
    '    status: open',
    'health:',
    '  status: strained',
    '  assessed: 2026-11-15',
    ...meetings,
    ...extra,
  );
}

const MEETING = ['  - date: 2026-11-23', '    kind: reset', '    attendees: [jdoe, alee, mkhan]', '    agenda: acme.reset-2026-11-23.md'];

function agendaEdit(text: string, today = '2026-11-20'): string {
  return applyEdits(text, generate('agenda', text, { today }).edits);
}

describe('reset-meeting agenda', () => {
  describe('the meeting date is the next working day', () => {
    const cases: [string, string, string][] = [
      ['2026-11-20', '2026-11-23', 'Monday'], // Friday → Monday
      ['2026-11-21', '2026-11-23', 'Monday'], // Saturday → Monday
      ['2026-11-22', '2026-11-23', 'Monday'], // Sunday → Monday
      ['2026-11-23', '2026-11-24', 'Tuesday'],
      ['2026-11-18', '2026-11-19', 'Thursday'],
      ['2026-12-31', '2027-01-01', 'Friday'], // across a year end
    ];
    for (const [today, meeting, weekday] of cases) {
      it(`${today} → ${weekday} ${meeting}`, () => {
        const doc = generate('agenda', strained(), { today });
        assert.strictEqual(doc.path, path.join(DIR, `acme.reset-${meeting}.md`));
        assert.ok(doc.content.includes(`- **Date:** ${weekday} ${meeting}\n`), doc.content.slice(0, 300));
        assert.ok(doc.content.includes(`- **Prepared:** ${today}, from acme.partnership.yaml\n`));
        assert.ok(agendaEdit(strained(), today).includes(`  - date: ${meeting}\n    kind: reset\n`));
      });
    }
  });

  describe('the file name', () => {
    it('takes the next free number when the name is taken, and the meeting points at it', () => {
      const existing = [path.join(DIR, 'acme.reset-2026-11-23.md'), path.join(DIR, 'acme.reset-2026-11-23-2.md')];
      const fs = memFs(existing);
      const service = createLanguageService({ fs });
      const text = strained();
      const doc = service.generateAgenda(text, path.join(DIR, 'acme.partnership.yaml'), day('2026-11-20'));
      assert.strictEqual(doc.path, path.join(DIR, 'acme.reset-2026-11-23-3.md'));
      // The names it tried (it also looks for the .partnershiprc.yaml the file's diagnostics use).
      assert.deepStrictEqual(fs.asked.filter((p) => p.endsWith('.md')), [...existing, doc.path]);
      assert.ok(applyEdits(text, doc.edits).includes('    agenda: acme.reset-2026-11-23-3.md\n'));
    });

    it('skips only names that exist: a taken -2 does not matter when the plain name is free', () => {
      const doc = generate('agenda', strained(), { today: '2026-11-20', existing: [path.join(DIR, 'acme.reset-2026-11-23-2.md')] });
      assert.strictEqual(doc.path, path.join(DIR, 'acme.reset-2026-11-23.md'));
    });

    it('is built from the sanitised stem and the date only, in the same folder', () => {
      const text = yaml('version: 1', 'partnership:', '  name: ../../etc/passwd', '  customer: "<b>x</b>/.."');
      const cases: [string, string][] = [
        ['Acme Corp (EU)!.partnership.yaml', 'Acme-Corp-EU'],
        ['acme.partnership.yml', 'acme'],
        ['ACME.Partnership.YAML', 'ACME'],
        ['.partnership.yaml', 'partnership'],
        ['---.partnership.yaml', 'partnership'],
        ['..partnership.yaml', 'partnership'],
        ['über café.partnership.yaml', 'über-café'],
        ['con.partnership.yaml', 'con-partnership'],
        ['notes.yaml', 'notes'],
      ];
      for (const [base, stem] of cases) {
        const file = path.join(DIR, 'sub dir', base);
        const doc = generate('agenda', text, { today: '2026-11-20', file });
        assert.strictEqual(doc.path, path.join(DIR, 'sub dir', `${stem}.reset-2026-11-23.md`), base);
        assert.strictEqual(path.dirname(doc.path), path.dirname(file));
      }
      assert.strictEqual(fileStem(`/x/${'a'.repeat(300)}.partnership.yaml`).length, 100);
    });

    it('never overwrites: a file system that cannot answer counts every name as taken', () => {
      const service = createLanguageService({
        fs: {
          readFile: () => undefined,
          exists: () => {
            throw new Error('EACCES');
          },
        },
      });
      const doc = service.generateAgenda(strained(), path.join(DIR, 'acme.partnership.yaml'), day('2026-11-20'));
      assert.strictEqual(doc.path, path.join(DIR, 'acme.reset-2026-11-23-1001.md'));
    });
  });

  describe('the planned meeting in `meetings:`', () => {
    it('is appended to an existing block list, at its indentation', () => {
      const text = strained(['meetings:', '    - date: 2026-10-01', '      kind: review']);
      assert.strictEqual(agendaEdit(text), strained(['meetings:', '    - date: 2026-10-01', '      kind: review', ...MEETING.map((l) => `  ${l}`)]));
    });

    it('creates the section when there is no `meetings:`, before the sections that follow it', () => {
      const text = strained([], ['# delivery plan', 'milestones:', '  - id: M-1', '    name: Pilot', '    due: 2026-12-01']);
      assert.strictEqual(agendaEdit(text), strained(['meetings:', ...MEETING], ['# delivery plan', 'milestones:', '  - id: M-1', '    name: Pilot', '    due: 2026-12-01']));
    });

    it('creates the section at the end when nothing follows it', () => {
      assert.strictEqual(agendaEdit(strained()), strained(['meetings:', ...MEETING]));
    });

    it('keeps blank lines between sections when the file uses them', () => {
      const text = strained(['', 'milestones: []']);
      assert.strictEqual(agendaEdit(text), strained(['', 'meetings:', ...MEETING, '', 'milestones: []']));
    });

    it('replaces `meetings: []` with a block list', () => {
      const text = strained(['meetings: []', 'milestones: []']);
      assert.strictEqual(agendaEdit(text), strained(['meetings:', ...MEETING, 'milestones: []']));
    });

    it('fills an empty `meetings:` and keeps its comment', () => {
      assert.strictEqual(agendaEdit(strained(['meetings:'])), strained(['meetings:', ...MEETING]));
      assert.strictEqual(agendaEdit(strained(['meetings: ~  # none yet'])), strained(['meetings: # none yet', ...MEETING]));
      assert.strictEqual(agendaEdit(strained(['meetings: [] # none yet'])), strained(['meetings: # none yet', ...MEETING]));
    });

    it('adds to a flow list inside its brackets, keeping the meetings already there', () => {
      const text = strained(['meetings: [{date: 2026-10-01, kind: review}]  # short list']);
      const out = agendaEdit(text);
      assert.strictEqual(
        out,
        strained(['meetings: [{date: 2026-10-01, kind: review}, {date: 2026-11-23, kind: reset, attendees: [jdoe, alee, mkhan], agenda: acme.reset-2026-11-23.md}]  # short list']),
      );
      assert.strictEqual(parseDocument(out).toJS().meetings.length, 2);
    });

    it('leaves a `meetings:` that is not a list alone, and still writes the agenda', () => {
      for (const value of ['meetings: none', 'meetings:\n  date: 2026-10-01', 'meetings: "[]"']) {
        const doc = generate('agenda', strained([value]), { today: '2026-11-20' });
        assert.deepStrictEqual(doc.edits, [], value);
        assert.ok(doc.content.startsWith('# Reset meeting: Audit dashboard with Acme Corp\n'));
      }
    });

    it('writes CRLF lines into a CRLF file', () => {
      const crlf = (t: string) => t.replace(/\n/g, '\r\n');
      const withList = crlf(strained(['meetings:', '  - date: 2026-10-01', '    kind: review', '# end']));
      assert.strictEqual(agendaEdit(withList), crlf(strained(['meetings:', '  - date: 2026-10-01', '    kind: review', ...MEETING, '# end'])));
      const without = crlf(strained([], ['milestones: []']));
      assert.strictEqual(agendaEdit(without), crlf(strained(['meetings:', ...MEETING], ['milestones: []'])));
      const empty = crlf(strained(['meetings: []  # none']));
      assert.strictEqual(agendaEdit(empty), crlf(strained(['meetings: # none', ...MEETING])));
      for (const out of [agendaEdit(withList), agendaEdit(without), agendaEdit(empty)]) assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
    });

    it('keeps every comment and every other byte of the file', () => {
      const text = yaml(
        '# Acme: the audit dashboard',
        'version: 1  # format',
        'partnership:',
        '  name: Audit dashboard   # working title',
        '  customer: Acme Corp',
        'people:',
        '  # Acme',
        '  - id: jdoe',
        '    name: Jane Doe',
        '    side: customer',
        '    decisionMaker: true   # budget owner',
        'health:',
        '  status: strained  # since the October slip',
        '  assessed: 2026-11-15',
        'meetings:',
        '  # kickoff was informal',
        '  - date: 2026-10-01 # first',
        '    kind: kickoff',
        '  # more to come',
        '',
        '# the end',
      );
      const out = agendaEdit(text);
      assert.ok(keepsLines(text, out));
      assert.strictEqual(out.split('\n').length, text.split('\n').length + 4);
      for (const line of text.split('\n').filter((l) => l.includes('#'))) assert.ok(out.includes(line), line);
      assert.deepStrictEqual(parseDocument(out).toJS().meetings[1], { date: '2026-11-23', kind: 'reset', attendees: ['jdoe'], agenda: 'acme.reset-2026-11-23.md' });
    });

    it('makes relationship-strained go away without new problems', () => {
      const service = createLanguageService({ fs: memFs() });
      const text = strained(['meetings: []']);
      const codes = (t: string) => service.validate(t, path.join(DIR, 'acme.partnership.yaml'), { today: day('2026-11-20') }).map((d) => d.code);
      assert.ok(codes(text).includes('relationship-strained'));
      assert.deepStrictEqual(codes(agendaEdit(text)), codes(text).filter((c) => c !== 'relationship-strained'));
    });

    it('quotes ids that would not read back as the same string', () => {
      const text = yaml('version: 1', 'people:', '  - id: "null"', '    name: Null Person', '    side: customer', '    decisionMaker: true', '  - id: "true"', '    name: True Person', '    side: customer', '    sponsor: true');
      const out = agendaEdit(text);
      assert.ok(out.includes('attendees: ["null", "true"]'), out);
      assert.deepStrictEqual(parseDocument(out).toJS().meetings[0].attendees, ['null', 'true']);
    });

    it('makes no edit to a file with YAML errors, but still writes the agenda', () => {
      const text = strained(['meetings:', '  - date: 2026-10-01', '  kind: [review']);
      const doc = generate('agenda', text, { today: '2026-11-20' });
      assert.deepStrictEqual(doc.edits, []);
      assert.ok(doc.content.includes('> **Note:** the partnership file has YAML errors'));
      assert.ok(doc.content.includes('| C-1 | Pilot the dashboard | Amir Lee |'), 'what could be read is still used');
    });
  });

  describe('attendees', () => {
    const text = yaml(
      'version: 1',
      'partnership: {name: P, customer: Acme Corp}',
      'people:',
      '  - {id: jdoe, name: Jane Doe, side: customer, role: VP, decisionMaker: true, sponsor: true}',
      '  - {id: pnair, name: Priya Nair, side: customer, role: Ops}',
      '  - {id: bwest, name: Bo West, side: customer, role: CFO, sponsor: true}',
      '  - {id: alee, name: Amir Lee, side: ours, role: Tech lead}',
      '  - {id: mkhan, name: Maryam Khan, side: ours, role: Director}',
      '  - {id: ssun, name: Sam Sun, side: ours}',
      'communication:',
      '  statusReport: {cadence: weekly}',
      '  escalation: [mkhan, ghost, mkhan]',
      'commitments:',
      '  - {id: C-1, summary: One, owner: mkhan, due: 2026-11-01, status: open}',
      '  - {id: C-2, summary: Two, owner: alee, due: 2026-11-02, status: in-progress}',
      '  - {id: C-3, summary: Three, owner: mkhan, due: 2026-11-03, status: open}',
      '  - {id: C-4, summary: Theirs, owner: pnair, due: 2026-11-04, status: open}',
      '  - {id: C-5, summary: Done, owner: ssun, due: 2026-11-05, status: done}',
      '  - {id: C-6, summary: Later, owner: ssun, due: 2026-12-05, status: open}',
    );
    const doc = generate('agenda', text, { today: '2026-11-20' });

    it('are the customer decision makers and sponsors, our owners of late work, our escalation contacts, each once', () => {
      const section = doc.content.slice(doc.content.indexOf('## Proposed attendees'), doc.content.indexOf('## What we own'));
      assert.strictEqual(
        section,
        [
          '## Proposed attendees',
          '',
          '| Name | Role | Side | Why |',
          '|---|---|---|---|',
          '| Jane Doe | VP | customer | decision maker; sponsor |',
          '| Bo West | CFO | customer | sponsor |',
          '| Maryam Khan | Director | ours | owns late work: C-1, C-3; escalation contact |',
          '| Amir Lee | Tech lead | ours | owns late work: C-2 |',
          '',
          '',
        ].join('\n'),
      );
      assert.deepStrictEqual(parseDocument(applyEdits(text, doc.edits)).toJS().meetings[0].attendees, ['jdoe', 'bwest', 'mkhan', 'alee']);
    });

    it('an escalation contact who is not defined is neither invited nor named as ours', () => {
      assert.ok(!doc.content.includes('ghost'));
      assert.ok(doc.content.includes('- Maryam Khan (Director), our escalation contact:'));
      assert.ok(doc.content.includes('- Bo West (CFO), sponsor at Acme Corp:'));
    });

    it('every late commitment gets one re-commitment line, the longest overdue first', () => {
      const section = doc.content.slice(doc.content.indexOf('## 5. Re-commitments'), doc.content.indexOf('## 6.'));
      assert.deepStrictEqual(
        section.split('\n').filter((l) => l.startsWith('- [ ]')),
        [
          '- [ ] **C-1** One: was due 2026-11-01 (19 days late). New date: to agree; owner Maryam Khan, to confirm.',
          '- [ ] **C-2** Two: was due 2026-11-02 (18 days late). New date: to agree; owner Amir Lee, to confirm.',
          '- [ ] **C-3** Three: was due 2026-11-03 (17 days late). New date: to agree; owner Maryam Khan, to confirm.',
          '- [ ] **C-4** Theirs: was due 2026-11-04 (16 days late). New date: to agree; owner Priya Nair, to confirm.',
        ],
      );
    });

    it('with nobody to propose, the section says what to add to the file, and the meeting has no attendees key', () => {
      const text = yaml('version: 1', 'partnership: {name: P, customer: Q}');
      const d = generate('agenda', text, { today: '2026-11-20' });
      assert.ok(
        d.content.includes(
          [
            '## Proposed attendees',
            '',
            'Nobody in the file qualifies yet, so nobody is proposed. Add these to the partnership file, then generate the agenda again:',
            '',
            "- Q's decision maker and sponsor: people with `side: customer` and `decisionMaker: true` or `sponsor: true`;",
            '- our lead: `partnership.lead`, a person with `side: ours`;',
            '- our escalation contact: `communication.escalation`, a senior person with `side: ours`.',
            '',
            '## What we own',
          ].join('\n'),
        ),
        d.content,
      );
      assert.strictEqual(applyEdits(text, d.edits), text + yaml('meetings:', '  - date: 2026-11-23', '    kind: reset', '    agenda: acme.reset-2026-11-23.md'));
    });
  });

  describe('sections', () => {
    it('with no communication plan: every working agreement is "not defined" and the plan needs a sign-off', () => {
      const d = generate('agenda', yaml('version: 1', 'partnership: {name: P, customer: Acme Corp}', 'people:', '  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}'), { today: '2026-11-20' });
      assert.strictEqual((d.content.match(/^- Current: not defined\.$/gm) ?? []).length, 4);
      assert.ok(d.content.includes('### Communication lapses\n\n- There is no communication plan: no agreed status report, review meeting or escalation path.\n'));
      assert.ok(d.content.includes('- [ ] There is no communication plan: write down what was agreed above and get Jane Doe to sign it off (record it under `communication.signedOff`).\n'));
      assert.ok(d.content.includes('- [ ] Name a senior manager on our side as the escalation contact (`communication.escalation`).\n'));
      assert.ok(d.content.includes("## 4. Senior management's part\n\nNone.\n"));
    });

    it('an unsigned plan is a lapse and a decision; a missing decision maker is a decision too', () => {
      const d = generate('agenda', yaml('version: 1', 'partnership: {name: P, customer: Acme Corp}', 'communication:', '  statusReport: {cadence: weekly}', '  reviewMeeting: {cadence: monthly, lastHeld: 2026-11-01}'), { today: '2026-11-20' });
      assert.ok(d.content.includes('- No weekly status report has been sent yet.\n- Nobody at Acme Corp has signed off the communication plan.\n'), d.content);
      assert.ok(d.content.includes('- [ ] The communication plan is not signed off by the customer: write down what was agreed above and get a decision maker at Acme Corp to sign it off'));
      assert.ok(d.content.includes('- [ ] Find out who at Acme Corp can decide and commit resources, and record them with `decisionMaker: true`.\n'));
      assert.ok(d.content.includes('- Current: weekly report with no audience named; none sent yet.\n'));
      assert.ok(d.content.includes('- Current: monthly review meeting; last held 2026-11-01, next due 2026-12-01.\n'));
    });

    it('lists open concerns with days open and whether they were answered, and asks about the silent ones', () => {
      const d = generate(
        'agenda',
        yaml(
          'version: 1',
          'people: [{id: jdoe, name: Jane Doe, side: customer}]',
          'concerns:',
          '  - {id: K-1, summary: Slow, raised: 2026-11-01, by: jdoe, severity: high, status: open}',
          '  - {id: K-2, summary: Late, raised: 2026-11-10, status: open, response: On it, respondedOn: 2026-11-12}',
          '  - {id: K-3, summary: Old, raised: 2026-01-10, status: closed}',
        ),
        { today: '2026-11-20' },
      );
      assert.ok(
        d.content.includes(
          [
            'Most severe first, then the oldest.',
            '',
            '| Id | Concern | Raised by | Severity | Open for | Answered |',
            '|---|---|---|---|---|---|',
            '| K-1 | Slow | Jane Doe | high | 19 days | no (past the 2 days to answer) |',
            '| K-2 | Late | — | medium (not set) | 10 days | yes, 2026-11-12: On it |',
          ].join('\n'),
        ),
      );
      assert.ok(d.content.includes('   - Still without an answer from us: **K-1** Slow, raised by Jane Doe on 2026-11-01.\n'));
    });
  });
});
