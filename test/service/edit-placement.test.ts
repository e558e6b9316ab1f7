// Named regressions for edits that landed where they did not mean (issue 10, "Edits land where
// they mean"): each text is the smallest file that showed the failure; the expected text is exact.
// The edit oracle (test/robustness/edit-oracle.test.ts) covers the class over generated layouts.
import * as assert from 'assert';
import { parseAllDocuments } from 'yaml';
import { createLanguageService, TextEdit } from '../../server/src/service';
import { applyEdits, check, day, memFs, yaml } from '../helpers';

const FILE = '/work/acme.partnership.yaml';
const service = createLanguageService({ fs: memFs() });
const agendaOf = (text: string) => applyEdits(text, service.generateAgenda(text, FILE, day('2026-11-23')).edits);
/** The file after recording today's report as sent (`report --sent`, Mark as sent). */
const reportOf = (text: string) => {
  const sent = service.recordStatusReportSent(text, FILE, day('2026-11-23'));
  return applyEdits(text, sent.edit ? [sent.edit] : []);
};
function fixOf(text: string, title: string): TextEdit[] | undefined {
  for (const d of check(text)) for (const f of d.data?.fixes ?? []) if (f.kind === 'quickfix' && f.title.startsWith(title)) return f.edits;
  return undefined;
}
function fixed(text: string, title: string): string {
  const edits = fixOf(text, title);
  assert.ok(edits, `no fix '${title}'`);
  return applyEdits(text, edits);
}
const oneDocument = (text: string) => assert.strictEqual(parseAllDocuments(text).length, 1);

const HEAD = ['version: 1', 'people:', '  - {id: jdoe, name: Jane Doe, side: customer, decisionMaker: true}'];

describe('edits land where they mean', () => {
  describe('a comment before the closing bracket of a flow collection stays a comment', () => {
    it("the agenda's meeting goes after the last meeting, not into the comment", () => {
      const text = yaml(...HEAD, 'meetings: [{date: 2026-10-01, kind: review} # last one', '  ]');
      assert.strictEqual(
        agendaOf(text),
        yaml(...HEAD, 'meetings: [{date: 2026-10-01, kind: review}, {date: 2026-11-24, kind: reset, attendees: [jdoe], agenda: acme.reset-2026-11-24.md} # last one', '  ]'),
      );
    });

    it("the report's lastSent goes after the last entry of a flow mapping", () => {
      const text = yaml(...HEAD, 'communication:', '  statusReport: {cadence: weekly # every Monday', '  }');
      assert.strictEqual(reportOf(text), yaml(...HEAD, 'communication:', '  statusReport: {cadence: weekly, lastSent: 2026-11-23 # every Monday', '  }'));
    });

    it("'Mark done' adds completed after the last entry, and 'Renegotiate' its history item after the last one", () => {
      const c = (...rest: string[]) => yaml(...HEAD, 'commitments:', ...rest);
      const text = c('  - {id: C-1, to: jdoe, due: 2026-11-01, status: open, history: [{on: 2026-10-01, from: 2026-10-01, to: 2026-11-01} # moved once', '    ] # see minutes', '    }');
      assert.strictEqual(
        fixed(text, 'Mark C-1 done'),
        c('  - {id: C-1, to: jdoe, due: 2026-11-01, status: done, history: [{on: 2026-10-01, from: 2026-10-01, to: 2026-11-01} # moved once', '    ], completed: 2026-11-23 # see minutes', '    }'),
      );
      assert.strictEqual(
        fixed(text, 'Renegotiate C-1'),
        c('  - {id: C-1, to: jdoe, due: 2026-11-30, status: open, history: [{on: 2026-10-01, from: 2026-10-01, to: 2026-11-01}, {on: 2026-11-23, from: 2026-11-01, to: 2026-11-30} # moved once', '    ] # see minutes', '    }'),
      );
    });
  });

  describe("a '...' end marker", () => {
    it('a new meetings section goes before it: the file stays one document', () => {
      const text = yaml(...HEAD, '...', '# archived notes');
      const out = agendaOf(text);
      assert.strictEqual(out, yaml(...HEAD, 'meetings:', '  - date: 2026-11-24', '    kind: reset', '    attendees: [jdoe]', '    agenda: acme.reset-2026-11-24.md', '...', '# archived notes'));
      oneDocument(out);
    });

    it('the communication-plan skeleton goes before it too', () => {
      const out = fixed(yaml('version: 1', 'partnership: {name: A, customer: Acme}', ...HEAD.slice(1), '...'), 'Insert a communication-plan skeleton');
      oneDocument(out);
      assert.ok(out.endsWith('    cadence: biweekly\n...\n'), out);
    });
  });

  describe('a |+ block scalar keeps its trailing lines', () => {
    it('a new section after it goes after its kept lines', () => {
      const text = yaml(...HEAD, 'health:', '  note: |+', '    Tense call', '', '');
      assert.strictEqual(agendaOf(text), yaml(...HEAD, 'health:', '  note: |+', '    Tense call', '', '', 'meetings:', '  - date: 2026-11-24', '    kind: reset', '    attendees: [jdoe]', '    agenda: acme.reset-2026-11-24.md'));
    });

    it("a new key after it (lastSent, 'Mark done''s completed) goes after its kept lines", () => {
      const report = yaml(...HEAD, 'communication:', '  statusReport:', '    cadence: weekly', '    channel: |+', '      email', '');
      assert.strictEqual(reportOf(report), yaml(...HEAD, 'communication:', '  statusReport:', '    cadence: weekly', '    channel: |+', '      email', '', '    lastSent: 2026-11-23'));
      const c = yaml(...HEAD, 'commitments:', '  - id: C-1', '    due: 2026-11-01', '    status: open', '    summary: |+', '      Pilot', '', 'meetings: []');
      assert.strictEqual(fixed(c, 'Mark C-1 done'), yaml(...HEAD, 'commitments:', '  - id: C-1', '    due: 2026-11-01', '    status: done', '    summary: |+', '      Pilot', '', '    completed: 2026-11-23', 'meetings: []'));
    });

    it('no blank separator line is added after it at the end of a spaced file', () => {
      const text = yaml('version: 1', '', ...HEAD.slice(1), '', 'health:', '  note: |+', '    Tense call');
      assert.ok(agendaOf(text).includes('    Tense call\nmeetings:\n'), agendaOf(text));
    });
  });

  describe('an anchored value that an alias repeats is not changed through the alias', () => {
    const text = yaml(...HEAD, 'commitments:', '  - id: C-1', '    due: &due 2026-11-01', '    status: &st open', '  - id: C-2', '    due: *due', '    status: *st');
    it("'Mark done' and 'Renegotiate' are not offered where they would change C-2 too", () => {
      assert.strictEqual(fixOf(text, 'Mark C-1 done'), undefined);
      assert.strictEqual(fixOf(text, 'Renegotiate C-1'), undefined);
    });

    it('lastSent shared with another date is not changed; an unshared anchor is', () => {
      const shared = yaml(...HEAD, 'communication:', '  statusReport:', '    cadence: weekly', '    lastSent: &sent 2026-11-02', '  reviewMeeting: {cadence: monthly, lastHeld: *sent}');
      assert.strictEqual(service.recordStatusReportSent(shared, FILE, day('2026-11-23')).edit, undefined);
      const alone = yaml(...HEAD, 'communication:', '  statusReport:', '    cadence: weekly', '    lastSent: &sent 2026-11-02');
      assert.strictEqual(reportOf(alone), yaml(...HEAD, 'communication:', '  statusReport:', '    cadence: weekly', '    lastSent: &sent 2026-11-23'));
    });

    it('the meeting is not appended to a meetings list that an alias repeats', () => {
      const shared = yaml(...HEAD, 'meetings: &m', '  - {date: 2026-10-01, kind: review}', 'health: {status: strained, note: *m}');
      assert.deepStrictEqual(service.generateAgenda(shared, FILE, day('2026-11-23')).edits, []);
    });
  });

  it('a comment line inside a block scalar is content: a section is not inserted into it', () => {
    const text = yaml('version: 1', 'partnership:', '  name: A', '  customer: Acme', '  summary: |', '    Scope', '    # not a comment', 'commitments: []');
    const out = fixed(text, 'Insert a communication-plan skeleton');
    assert.ok(out.includes('    # not a comment\ncommunication:\n'), out);
  });
});
