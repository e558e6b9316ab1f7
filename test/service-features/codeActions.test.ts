import * as assert from 'assert';
import { isDeepStrictEqual } from 'util';
import { CodeActionParams, ContextDiagnostic, createLanguageService, TextEdit } from '../../server/src/service';
import { applyEdits, fixture, TODAY } from './util';

/** The features, from one language service (its methods need no `this`). */
const { codeActions } = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });

const URI = 'file:///work/initech.partnership.yaml';
const COMMANDS = { agenda: 'test.agenda', report: 'test.report' };
const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
const text = fixture('initech.partnership.yaml');
const validate = (t: string) => service.validate(t, '/work/initech.partnership.yaml', { today: TODAY });
const actions = (diagnostics: ContextDiagnostic[], extra: Partial<CodeActionParams> = {}) => codeActions({ uri: URI, diagnostics, commands: COMMANDS, ...extra });

describe('code actions', () => {
  const overdue = validate(text).find((d) => d.code === 'commitment-overdue')!;

  it("turn an overdue commitment's fixes into quick fixes tied to it, and offer the generators as source actions (each once)", () => {
    const list = actions([overdue]);
    // Tied to the diagnostic as the client shows it: the server publishes it without `data`.
    const { data: _data, ...shown } = overdue;
    assert.deepStrictEqual(
      list.map((a) => [a.title, a.kind, a.isPreferred ?? false, isDeepStrictEqual(a.diagnostics?.[0], shown), a.command?.command ?? null]),
      [
        ['Mark C-7 done today (2026-11-23)', 'quickfix', true, true, null],
        ['Renegotiate C-7: move due to 2026-11-30 (a week from today) and record it in history', 'quickfix', false, true, null],
        ['Generate reset-meeting agenda', 'quickfix', false, true, 'test.agenda'],
        ['Generate status report', 'source.partnership.generateStatusReport', false, false, 'test.report'],
      ],
    );
    assert.deepStrictEqual(list[2].command!.arguments, [URI]);
  });

  it('mark-done edits the file so the diagnostic goes away', () => {
    const markDone = actions([overdue])[0];
    const edits = (markDone.edit as { changes: Record<string, TextEdit[]> }).changes[URI];
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes('    due: 2026-11-01\n    status: done\n    completed: 2026-11-23\n'));
    assert.deepStrictEqual(validate(fixed).map((d) => d.code), ['commitment-due-soon']);
  });

  it('version the edit when the document version is known', () => {
    const edit = actions([overdue], { version: 7 })[0].edit;
    assert.deepStrictEqual(Object.keys(edit!), ['documentChanges']);
    const change = (edit as { documentChanges: { textDocument: { uri: string; version: number } }[] }).documentChanges[0];
    assert.deepStrictEqual(change.textDocument, { uri: URI, version: 7 });
  });

  it('list the agenda as a source action when only source actions are asked for, even where a quick fix offers it', () => {
    assert.deepStrictEqual(
      actions([overdue], { only: ['source.partnership.generateAgenda'] }).map((a) => [a.kind, a.title]),
      [['source.partnership.generateAgenda', 'Generate reset-meeting agenda']],
    );
  });

  it('answer only the kinds asked for', () => {
    assert.deepStrictEqual(actions([overdue], { only: ['source'] }).map((a) => a.kind), ['source.partnership.generateAgenda', 'source.partnership.generateStatusReport']);
    assert.deepStrictEqual(actions([overdue], { only: ['quickfix'] }).map((a) => a.kind), ['quickfix', 'quickfix', 'quickfix']);
    assert.deepStrictEqual(actions([], { only: ['source.partnership.generateStatusReport'] }).map((a) => a.title), ['Generate status report']);
  });

  it('ignore other sources and malformed data coming back from a client', () => {
    const foreign = { ...overdue, source: 'yaml' };
    const malformed = { ...overdue, data: { fixes: [{ title: 'x', kind: 'quickfix', edits: [{ range: null, newText: 1 }] }, { kind: 'generate', generate: 'nonsense', title: 'y' }, 'junk'] } };
    const noData = { ...overdue, data: undefined };
    assert.deepStrictEqual(actions([foreign, malformed, noData], { only: ['quickfix'] }), []);
  });

  it('offer the closest person for an unknown reference', () => {
    const typo = text.replace('    owner: rnair\n    to: bporter', '    owner: rnar\n    to: bporter');
    const unknown = validate(typo).find((d) => d.code === 'unknown-reference')!;
    const [fix] = actions([unknown], { only: ['quickfix'] });
    assert.strictEqual(fix.title, "Change 'rnar' to 'rnair' (Ravi Nair)");
    assert.strictEqual(applyEdits(typo, (fix.edit as { changes: Record<string, TextEdit[]> }).changes[URI]), text);
  });
});
