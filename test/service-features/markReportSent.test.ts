// "Mark today's status report as sent": offered on status-report-overdue only once today's report
// exists beside the file (read through the injected FileSystem), as an edit setting lastSent to
// today that makes the diagnostic go away.
import * as assert from 'assert';
import * as path from 'path';
import { ContextDiagnostic, createLanguageService, Day, FileSystem, MARK_SENT_TITLE, parseDay, TextEdit } from '../../server/src/service';
import { applyEdits } from './util';

const FILE = path.resolve('/work/partners/initech.partnership.yaml');
const URI = 'file:///work/partners/initech.partnership.yaml';
const TODAY = parseDay('2026-11-23') as Day;
const TEXT = [
  'version: 1',
  'partnership: {name: Payroll, customer: Initech}',
  'people: [{id: bl, name: Bill Lumbergh, side: customer}]',
  'communication:',
  '  statusReport:',
  '    cadence: weekly',
  '    audience: [bl]',
  '    lastSent: 2026-11-02   # three weeks ago',
  '',
].join('\n');

function serviceWith(existing: string[]): { service: ReturnType<typeof createLanguageService>; asked: string[] } {
  const asked: string[] = [];
  const fs: FileSystem = {
    readFile: () => undefined,
    exists: (p) => {
      asked.push(p);
      return existing.includes(p);
    },
  };
  return { service: createLanguageService({ fs }), asked };
}

function overdueOf(service: ReturnType<typeof createLanguageService>, text: string): ContextDiagnostic[] {
  return service.validate(text, FILE, { today: TODAY }).filter((d) => d.code === 'status-report-overdue');
}

function actionsFor(existing: string[], text = TEXT, document = true) {
  const { service, asked } = serviceWith(existing);
  const diagnostics = overdueOf(service, text);
  const actions = service.codeActions({ uri: URI, diagnostics, commands: { agenda: 'a', report: 'r' }, document: document ? { text, path: FILE, today: TODAY } : undefined });
  return { actions, asked, service, diagnostics };
}

describe("quick fix: Mark today's status report as sent", () => {
  const todays = path.join(path.dirname(FILE), 'initech.status-2026-11-23.md');

  it('is offered, preferred, once today\'s report exists beside the file; its edit sets lastSent to today and the diagnostic goes', () => {
    const { actions, asked, service, diagnostics } = actionsFor([todays]);
    assert.strictEqual(diagnostics.length, 1);
    assert.deepStrictEqual(asked, [todays]);
    const fix = actions.filter((a) => a.title === MARK_SENT_TITLE);
    assert.strictEqual(fix.length, 1);
    assert.strictEqual(MARK_SENT_TITLE, "Mark today's status report as sent");
    assert.strictEqual(fix[0].kind, 'quickfix');
    assert.strictEqual(fix[0].isPreferred, true);
    const edits = (fix[0].edit as { changes: Record<string, TextEdit[]> }).changes[URI];
    assert.deepStrictEqual(edits, [{ range: { start: { line: 7, character: 14 }, end: { line: 7, character: 24 } }, newText: '2026-11-23' }]);
    const fixed = applyEdits(TEXT, edits);
    assert.strictEqual(fixed, TEXT.replace('    lastSent: 2026-11-02   # three weeks ago', '    lastSent: 2026-11-23   # three weeks ago'));
    assert.deepStrictEqual(overdueOf(service, fixed), []);
    // The generator stays offered next to it (a report may need regenerating first).
    assert.deepStrictEqual(
      actions.filter((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'status-report-overdue' && !a.title.startsWith('Turn off') && !a.title.startsWith('Show')).map((a) => a.title),
      ['Generate status report', MARK_SENT_TITLE],
    );
  });

  it('is not offered without today\'s report: not for another day\'s, not for the internal version, not without the document', () => {
    for (const existing of [[], [path.join(path.dirname(FILE), 'initech.status-2026-11-22.md')], [path.join(path.dirname(FILE), 'initech.status-internal-2026-11-23.md')]]) {
      assert.deepStrictEqual(actionsFor(existing).actions.filter((a) => a.title === MARK_SENT_TITLE), [], JSON.stringify(existing));
    }
    assert.deepStrictEqual(actionsFor([todays], TEXT, false).actions.filter((a) => a.title === MARK_SENT_TITLE), []);
  });

  it('adds lastSent when none was ever recorded', () => {
    const never = TEXT.replace('    lastSent: 2026-11-02   # three weeks ago\n', '');
    const { actions, service } = actionsFor([todays], never);
    const fix = actions.find((a) => a.title === MARK_SENT_TITLE)!;
    const fixed = applyEdits(never, (fix.edit as { changes: Record<string, TextEdit[]> }).changes[URI]);
    assert.strictEqual(fixed, never.replace('    audience: [bl]\n', '    audience: [bl]\n    lastSent: 2026-11-23\n'));
    assert.deepStrictEqual(overdueOf(service, fixed), []);
  });

  it('versions the edit when the document version is known', () => {
    const { service } = serviceWith([todays]);
    const diagnostics = overdueOf(service, TEXT);
    const fix = service.codeActions({ uri: URI, diagnostics, commands: { agenda: 'a', report: 'r' }, version: 4, document: { text: TEXT, path: FILE, today: TODAY } }).find((a) => a.title === MARK_SENT_TITLE)!;
    assert.deepStrictEqual((fix.edit as { documentChanges: { textDocument: unknown }[] }).documentChanges[0].textDocument, { uri: URI, version: 4 });
  });
});
