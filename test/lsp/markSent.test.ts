// Generating a status report records nothing; "Mark as sent" (the server command) and the quick fix
// on status-report-overdue record lastSent = today, as an editor sees it over stdio.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { COMMAND_GENERATE_REPORT, COMMAND_MARK_REPORT_SENT } from '../../server/src/lsp/protocol';
import { applyEdits } from '../service-features/util';
import { CLIENT_CAPABILITIES, SERVER_JS, TestClient } from './client';

const TEXT = [
  'version: 1',
  'partnership: {name: Payroll, customer: Initech}',
  'people: [{id: bl, name: Bill Lumbergh, side: customer, email: bill@initech.example}]',
  'communication:',
  '  statusReport:',
  '    cadence: weekly',
  '    audience: [bl]',
  '    lastSent: 2026-11-02   # three weeks ago',
  '',
].join('\n');
const RECORDED = TEXT.replace('lastSent: 2026-11-02', 'lastSent: 2026-11-23');

describe('language server: generating a report records nothing; Mark as sent records lastSent', function () {
  this.timeout(30000);
  let dir: string;
  let file: string;
  let uri: string;
  let client: TestClient;

  before(async () => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npm run build'`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-sent-')));
    file = path.join(dir, 'initech.partnership.yaml');
    fs.writeFileSync(file, TEXT);
    uri = pathToFileURL(file).href;
    client = TestClient.spawn({ reviewDate: '2026-11-23' });
    await client.initialize(dir, CLIENT_CAPABILITIES);
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a file that is not open: the report is written, the file untouched; Mark as sent writes lastSent on disk', async () => {
    const report = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_GENERATE_REPORT, arguments: [uri] });
    assert.strictEqual(report, pathToFileURL(path.join(dir, 'initech.status-2026-11-23.md')).href);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), TEXT);
    assert.ok(!fs.readFileSync(path.join(dir, 'initech.status-2026-11-23.md'), 'utf8').includes('bill@initech.example'));
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_MARK_REPORT_SENT, arguments: [uri] }), uri);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), RECORDED);
    // Again: nothing to record, said plainly, nothing changed.
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_MARK_REPORT_SENT, arguments: [uri] }), null);
    await client.waitFor('the note', () => client.messages.find((m) => m === 'initech.partnership.yaml was not changed: lastSent already says 2026-11-23.'));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), RECORDED);
    fs.writeFileSync(file, TEXT);
  });

  it('an open file: generating creates only the report; the quick fix and Mark as sent edit the version open', async () => {
    fs.rmSync(path.join(dir, 'initech.status-2026-11-23.md'));
    await client.open(uri, TEXT, 3);
    const d = await client.waitFor('status-report-overdue', () =>
      client.diagnostics.filter((p) => p.uri === uri && p.version === 3).pop()?.diagnostics.find((x: Diagnostic) => x.code === 'status-report-overdue'),
    );
    const ask = () => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    assert.ok(!(await ask()).some((a) => a.title === "Mark today's status report as sent"), 'no report for today yet');

    const seen = client.applyEdits.length;
    const report = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_GENERATE_REPORT, arguments: [uri] });
    const reportUri = pathToFileURL(path.join(dir, 'initech.status-2026-11-23.md')).href;
    assert.strictEqual(report, reportUri);
    const changes = client.applyEdits[seen].edit.documentChanges!;
    assert.deepStrictEqual(changes.map((c) => ('kind' in c ? `create ${(c as CreateFile).uri}` : `edit ${(c as TextDocumentEdit).textDocument.uri}`)), [`create ${reportUri}`, `edit ${reportUri}`], 'no edit to the partnership file');
    assert.deepStrictEqual((changes[0] as CreateFile).options, { overwrite: false, ignoreIfExists: false });
    // The test client does not write what it applies: the editor would.
    fs.writeFileSync(path.join(dir, 'initech.status-2026-11-23.md'), ((changes[1] as TextDocumentEdit).edits[0] as { newText: string }).newText);

    const fix = (await ask()).find((a) => a.title === "Mark today's status report as sent")!;
    assert.ok(fix, 'offered once the report exists');
    assert.strictEqual(fix.isPreferred, true);
    const fixEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(fixEdit.textDocument, { uri, version: 3 });
    assert.strictEqual(applyEdits(TEXT, fixEdit.edits as never), RECORDED);

    const before = client.applyEdits.length;
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_MARK_REPORT_SENT, arguments: [uri] }), uri);
    const applied = client.applyEdits[before];
    assert.strictEqual(applied.label, 'Mark status report as sent');
    const edit = applied.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(edit.textDocument, { uri, version: 3 });
    assert.strictEqual(applyEdits(TEXT, edit.edits as never), RECORDED);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), TEXT, 'the open file is edited in the editor, not on disk');
  });
});
