// What the server says and offers beyond diagnostics, as an editor sees it over stdio: the first
// log line, the day it judges files as of, the ESLint-style rule actions (turn a rule off in
// .partnershiprc.yaml, show its documentation), and "Recorded … in <file>" with Undo.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ApplyWorkspaceEditParams, CodeAction, CreateFile, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION, COMMAND_GENERATE_AGENDA, COMMAND_TURN_OFF_RULE } from '../../server/src/lsp/protocol';
import { dayOfDate, formatDay } from '../../server/src/service';
import { applyEdits } from '../service-features/util';
import { CLIENT_CAPABILITIES, SERVER_JS, TestClient } from './client';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/lsp/initech.partnership.yaml');
const DOCS = `${pathToFileURL(path.resolve(__dirname, '../../../docs/rules')).href}/`;

describe('language server: rule actions, the review day, "Recorded …" with Undo', function () {
  this.timeout(30000);
  let dir: string;
  let uri: string;
  let client: TestClient;
  let text: string;
  let version = 1;

  before(async () => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npm run build'`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-actions-')));
    fs.mkdirSync(path.join(dir, 'team'));
    text = fs.readFileSync(FIXTURE, 'utf8');
    fs.writeFileSync(path.join(dir, 'team', 'initech.partnership.yaml'), text);
    uri = pathToFileURL(path.join(dir, 'team', 'initech.partnership.yaml')).href;
    client = TestClient.spawn({ reviewDate: '2026-11-23' });
    await client.initialize(dir, CLIENT_CAPABILITIES, { clientCommands: [CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION] });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts its log with one line: version, Node, and the day it judges files as of', async () => {
    const first = await client.waitFor('the first log line', () => client.logs[0]);
    const { version: pkgVersion } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    assert.strictEqual(first, `partnership-language-server ${pkgVersion} · Node ${process.version} · today 2026-11-23 (partnership.reviewDate)`);
    assert.deepStrictEqual(client.todays, [{ today: '2026-11-23', reviewDate: true }]);
  });

  it('announces the day again when partnership.reviewDate changes, even with no file open', async () => {
    client.settings = { reviewDate: '' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const local = formatDay(dayOfDate(new Date()));
    await client.waitFor('the local day', () => client.todays.find((t) => !t.reviewDate));
    assert.deepStrictEqual(client.todays, [{ today: '2026-11-23', reviewDate: true }, { today: local, reviewDate: false }]);
    client.settings = { reviewDate: '2026-11-23' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('the review date again', () => (client.todays.length === 3 ? true : undefined));
    assert.deepStrictEqual(client.todays[2], { today: '2026-11-23', reviewDate: true });
  });

  async function overdue(): Promise<Diagnostic> {
    const published = await client.waitFor('the overdue commitment', () => client.diagnostics.filter((d) => d.uri === uri && d.version === version).pop()?.diagnostics.find((d) => d.code === 'commitment-overdue'));
    return published;
  }

  it('offers "Turn off <rule>" and "Show documentation for <rule>" on a diagnostic, after its fixes', async () => {
    await client.open(uri, text, version);
    const d = await overdue();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    assert.deepStrictEqual(actions.map((a) => a.title).slice(-2), ['Turn off commitment-overdue in .partnershiprc.yaml', 'Show documentation for commitment-overdue']);
    assert.deepStrictEqual(actions.at(-2)!.command, { title: 'Turn off commitment-overdue', command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'commitment-overdue'] });
    assert.deepStrictEqual(actions.at(-1)!.command, { title: 'Show documentation for commitment-overdue', command: CLIENT_COMMAND_SHOW_RULE_DOCUMENTATION, arguments: ['commitment-overdue', `${DOCS}commitment-overdue.md`] });
  });

  it('turns a rule off by creating .partnershiprc.yaml beside the file when none applies', async () => {
    const configUri = pathToFileURL(path.join(dir, 'team', '.partnershiprc.yaml')).href;
    const seen = client.applyEdits.length;
    const result = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'commitment-overdue'] });
    assert.strictEqual(result, configUri);
    const [applied] = client.applyEdits.slice(seen);
    assert.strictEqual(applied.label, 'Turn off commitment-overdue');
    const [create, fill] = applied.edit.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.deepStrictEqual(create, { kind: 'create', uri: configUri, options: { overwrite: false, ignoreIfExists: false } });
    assert.deepStrictEqual(fill, { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'rules:\n  commitment-overdue: off\n' }] });
  });

  it('edits the nearest .partnershiprc.yaml, keeping its comments and layout', async () => {
    const config = path.join(dir, '.partnershiprc.yaml');
    fs.writeFileSync(config, '# Team settings\nrules:\n  commitment-overdue: error   # we are strict\n  review-meeting-overdue: off\ndueSoonDays: 10\n');
    const seen = client.applyEdits.length;
    const configUri = pathToFileURL(config).href;
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'commitment-overdue'] }), configUri);
    const change = client.applyEdits[seen].edit.documentChanges![0] as TextDocumentEdit;
    assert.strictEqual(applyEdits(fs.readFileSync(config, 'utf8'), change.edits as never), '# Team settings\nrules:\n  commitment-overdue: off   # we are strict\n  review-meeting-overdue: off\ndueSoonDays: 10\n');
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'date-order'] }), configUri);
    const added = client.applyEdits[seen + 1].edit.documentChanges![0] as TextDocumentEdit;
    assert.strictEqual(applyEdits(fs.readFileSync(config, 'utf8'), added.edits as never), '# Team settings\nrules:\n  commitment-overdue: error   # we are strict\n  review-meeting-overdue: off\n  date-order: off\ndueSoonDays: 10\n');
    fs.writeFileSync(config, 'dueSoonDays: 10 # a week and a half\n');
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'date-order'] }), configUri);
    const section = client.applyEdits[seen + 2].edit.documentChanges![0] as TextDocumentEdit;
    assert.strictEqual(applyEdits(fs.readFileSync(config, 'utf8'), section.edits as never), 'dueSoonDays: 10 # a week and a half\nrules:\n  date-order: off\n');
  });

  it('refuses, with a message, to turn off yaml-syntax or to edit a config that does not parse', async () => {
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'yaml-syntax'] }), null);
    await client.waitFor('the refusal', () => client.messages.find((m) => m.startsWith('yaml-syntax cannot be turned off')));
    fs.writeFileSync(path.join(dir, '.partnershiprc.yaml'), 'rules: [\n');
    const seen = client.applyEdits.length;
    assert.strictEqual(await client.request('workspace/executeCommand', { command: COMMAND_TURN_OFF_RULE, arguments: [uri, 'date-order'] }), null);
    await client.waitFor('the message', () => client.messages.find((m) => m.includes('could not be edited safely')));
    assert.strictEqual(client.applyEdits.length, seen, 'nothing was edited');
    fs.rmSync(path.join(dir, '.partnershiprc.yaml'));
  });

  /** Run the agenda command and apply its YAML edit as the editor would; resolves with the edit. */
  async function generateAgenda(): Promise<ApplyWorkspaceEditParams> {
    const seen = client.applyEdits.length;
    const created = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
    assert.ok(created, 'an agenda was generated');
    const applied = client.applyEdits[seen];
    const yamlEdit = applied.edit.documentChanges!.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as TextDocumentEdit;
    text = applyEdits(text, yamlEdit.edits as never);
    version++;
    await client.change(uri, version, [{ text }]);
    await overdue(); // the server has this version
    return applied;
  }

  it('says what generating an agenda recorded, and Undo reverts exactly that record', async () => {
    const original = text;
    let undo!: (title: string | undefined) => void;
    client.answer = () => new Promise((resolve) => (undo = resolve));
    const messages = client.messages.length;
    await generateAgenda();
    assert.notStrictEqual(text, original);
    const message = await client.waitFor('the notification', () => client.messages.slice(messages).find((m) => m.startsWith('Recorded')));
    assert.strictEqual(message, 'Recorded the reset meeting of 2026-11-24 in initech.partnership.yaml');
    const seen = client.applyEdits.length;
    undo('Undo');
    const reverted = await client.waitFor('the undo edit', () => client.applyEdits[seen]);
    assert.strictEqual(reverted.label, 'Undo: record the reset meeting of 2026-11-24');
    const change = reverted.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri, version });
    assert.strictEqual(applyEdits(text, change.edits as never), original);
  });

  it('Undo does nothing but say so when the file changed since the record', async () => {
    let undo!: (title: string | undefined) => void;
    client.answer = () => new Promise((resolve) => (undo = resolve));
    const messages = client.messages.length;
    await generateAgenda();
    await client.waitFor('the notification', () => client.messages.slice(messages).find((m) => m.startsWith('Recorded')));
    text = `# edited afterwards\n${text}`;
    version++;
    await client.change(uri, version, [{ text }]);
    await overdue();
    const seen = client.applyEdits.length;
    undo('Undo');
    const said = await client.waitFor('the refusal', () => client.messages.slice(messages).find((m) => m.includes('has changed since')));
    assert.strictEqual(said, 'initech.partnership.yaml has changed since the reset meeting of 2026-11-24 was recorded: nothing was undone.');
    assert.strictEqual(client.applyEdits.length, seen);
  });
});
