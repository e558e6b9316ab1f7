// The language server as an editor sees it: dist/server.js started with --stdio, spoken to over
// JSON-RPC. Build first (`npx tsc -p . && node esbuild.mjs`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, DASHBOARD_REQUEST, DashboardResult, OUTLINE_REQUEST, OutlineResult, STARTER_FILE_REQUEST, StarterFileResult } from '../../server/src/lsp/protocol';
import { starterFile } from '../../server/src/service';
import { day } from '../helpers';
import { applyEdits, at } from '../service-features/util';
import { editsAsChanges, SERVER_JS, TestClient } from './client';
import { OUTLINE_MAX_CHILDREN } from '../../server/src/lsp/handlers/languageHandlers';
import { generatePartnership } from '../../bench/generate';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/lsp/initech.partnership.yaml');
/** package.json names no repository: rule links point at the pages bundled beside dist/server.js. */
const DOCS = `${pathToFileURL(path.resolve(__dirname, '../../../docs/rules')).href}/`;

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`);

const OVERDUE = "63:9-63:19 commitment-overdue 2 C-7 'Automate intake of scanned claim forms', promised to Bill Porter, is 22 days overdue (due 2026-11-01)";
const DUE_SOON_MESSAGE = "commitment-due-soon 3 C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is due in 3 days (2026-11-26)";

const PORTFOLIO_OPEN = 'watch · on-time 0%';

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(30000);
  let dir: string;
  let uri: string;
  let client: TestClient;
  let text: string;
  let version = 1;
  /** Where `needle` (+ delta) is in the current text. */
  const pos = (needle: string, delta = 0, after?: string) => at(text, needle, delta, after);
  /** The due-soon diagnostic on C-8, wherever its due line is now. */
  const dueSoon = () => {
    const p = pos('due: 2026-11-26', 5);
    return `${p.line}:9-${p.line}:19 ${DUE_SOON_MESSAGE}`;
  };
  const range = (needle: string, delta: number, length: number, after?: string) => {
    const start = pos(needle, delta, after);
    return { start, end: { line: start.line, character: start.character + length } };
  };

  before(async function () {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npx tsc -p . && node esbuild.mjs'`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lsp-')));
    text = fs.readFileSync(FIXTURE, 'utf8');
    fs.writeFileSync(path.join(dir, 'initech.partnership.yaml'), text);
    fs.writeFileSync(path.join(dir, 'closed.partnership.yaml'), text);
    uri = pathToFileURL(path.join(dir, 'initech.partnership.yaml')).href;
    client = TestClient.spawn({ reviewDate: '2026-11-23' });
  });

  after(async () => {
    const code = await client?.stop();
    assert.strictEqual(code, 0, `the server exits cleanly after shutdown/exit; stderr: ${client?.stderr}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function edit(changes: Parameters<TestClient['change']>[2]): Promise<Diagnostic[]> {
    version++;
    for (const c of changes) if ('range' in c) text = applyEdits(text, [{ range: c.range, newText: c.text }]);
    await client.change(uri, version, changes);
    return client.diagnosticsFor(uri, version);
  }

  it('initializes with its capabilities and registers its file watchers', async () => {
    const result = await client.initialize(dir);
    const caps = result.capabilities;
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepStrictEqual(caps.completionProvider, { triggerCharacters: [' ', '[', ','], resolveProvider: false });
    assert.strictEqual(caps.hoverProvider, true);
    assert.strictEqual(caps.definitionProvider, true);
    assert.strictEqual(caps.referencesProvider, true);
    assert.deepStrictEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.documentSymbolProvider);
    assert.deepStrictEqual(caps.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.partnership.generateAgenda', 'source.partnership.generateStatusReport'],
      resolveProvider: false,
    });
    assert.deepStrictEqual(caps.executeCommandProvider, { commands: [COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, 'partnership.server.markStatusReportSent', 'partnership.server.turnOffRule'] });
    assert.strictEqual(result.serverInfo?.name, 'partnership-language-server');
    await client.waitFor('watcher registration', () => (client.registrations.includes('workspace/didChangeWatchedFiles') ? true : undefined));
  });

  it('publishes the exact diagnostics when a realistic file is opened', async () => {
    await client.open(uri, text, version);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepStrictEqual(brief(diagnostics), [OVERDUE, dueSoon()]);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.source, d.codeDescription?.href]),
      [
        ['partnership', `${DOCS}commitment-overdue.md`],
        ['partnership', `${DOCS}commitment-due-soon.md`],
      ],
    );
    for (const d of diagnostics) assert.ok(fs.existsSync(new URL(d.codeDescription!.href)), `${d.codeDescription!.href} exists`);
    await client.waitFor('outlinesChanged for the file', () => client.outlinesChanged.find((p) => p.uris?.includes(uri)));
  });

  it('fixes the overdue commitment with its code action: the edit applies and the diagnostic goes away', async () => {
    const [overdue] = client.diagnostics.find((d) => d.uri === uri && d.version === 1)!.diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: overdue.range,
      context: { diagnostics: [overdue] },
    });
    assert.deepStrictEqual(
      actions.map((a) => [a.kind, a.title]),
      [
        ['quickfix', 'Mark C-7 done today (2026-11-23)'],
        ['quickfix', 'Renegotiate C-7: move due to 2026-11-30 (a week from today) and record it in history'],
        ['quickfix', 'Generate reset-meeting agenda'],
        ['quickfix', 'Turn off commitment-overdue in .partnershiprc.yaml'],
        ['source.partnership.generateStatusReport', 'Generate status report'],
      ],
    );
    // Show documentation is a client command: only offered to a client that lists it (VS Code does).
    const markDone = actions[0];
    assert.strictEqual(markDone.isPreferred, true);
    assert.deepStrictEqual(markDone.diagnostics, [overdue]);
    assert.deepStrictEqual(actions[2].command, { title: 'Generate reset-meeting agenda', command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
    const change = markDone.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
    const after = await edit(editsAsChanges(change.edits as { range: Diagnostic['range']; newText: string }[]));
    assert.ok(text.includes('    due: 2026-11-01\n    status: done\n    completed: 2026-11-23\n'));
    assert.deepStrictEqual(brief(after), [dueSoon()]);
  });

  it('never publishes diagnostics for a version that was superseded while debouncing', async () => {
    const owner = range('owner: rnair', 7, 5, 'id: C-8');
    version++;
    const typoVersion = version;
    await client.change(uri, typoVersion, [{ range: owner, text: 'rnar' }]);
    version++;
    await client.change(uri, version, [{ range: { start: owner.start, end: { line: owner.end.line, character: owner.end.character - 1 } }, text: 'rnair' }]);
    const latest = await client.diagnosticsFor(uri, version);
    assert.deepStrictEqual(brief(latest), [dueSoon()]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepStrictEqual(client.diagnostics.filter((d) => d.uri === uri && d.version === typoVersion), []);
    assert.strictEqual(client.diagnostics.filter((d) => d.uri === uri).pop()!.version, version, 'the last publication is the current version');
  });

  it('reports an unknown person as typed, and offers the closest one', async () => {
    const owner = range('owner: rnair', 7, 5, 'id: C-8');
    const diagnostics = await edit([{ range: owner, text: 'rnar' }]);
    const line = owner.start.line;
    assert.deepStrictEqual(brief(diagnostics), [`${line}:11-${line}:15 unknown-reference 1 Unknown person 'rnar' in owner (did you mean 'rnair'?)`, dueSoon()]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]], only: ['quickfix'] },
    });
    assert.deepStrictEqual(actions.map((a) => a.title), ["Change 'rnar' to 'rnair' (Ravi Nair)", 'Turn off unknown-reference in .partnershiprc.yaml']);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepStrictEqual(brief(await edit(editsAsChanges(change.edits as { range: Diagnostic['range']; newText: string }[]))), [dueSoon()]);
  });

  it('completes keys on a half-typed line, and person ids after "owner: "', async () => {
    const line = pos('    status: in-progress').line + 1;
    await edit([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '    com\n' }]);
    const keys = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 7 } });
    assert.deepStrictEqual(keys.items.map((i) => i.label), ['completed', 'history']);
    assert.deepStrictEqual(keys.items[0].textEdit, { range: { start: { line, character: 4 }, end: { line, character: 7 } }, newText: 'completed: ${1:2026-11-23}' });
    await edit([{ range: { start: { line, character: 0 }, end: { line, character: 7 } }, text: '    owner: ' }]);
    const people = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 11 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    assert.deepStrictEqual(
      people.items.map((i) => `${i.label}: ${i.detail}`),
      ['bporter: Bill Porter · Head of Claims · customer', 'mwaddams: Milton Waddams · Claims Operations Lead · customer', 'rnair: Ravi Nair · Tech lead · ours', 'skim: Sun Kim · Director of Delivery · ours'],
    );
    await edit([{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
  });

  it('hovers with the documentation and the distance from the review date', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos('due: 2026-11-26', 8) });
    const value = (h.contents as { value: string }).value;
    assert.strictEqual(value.split('\n')[0], '`2026-11-26` — due in 3 days');
    assert.deepStrictEqual(h.range, range('due: 2026-11-26', 5, 10));
  });

  it('goes to a person, finds the references, and renames them all', async () => {
    const position = pos('owner: rnair', 8);
    const def = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepStrictEqual(def, [{ uri, range: range('id: rnair', 4, 5) }]);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.deepStrictEqual(refs.map((l) => l.range.start.line), [60, 68, 81, 97]);
    const prepared = await client.request<unknown>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.deepStrictEqual(prepared, { range: range('owner: rnair', 7, 5), placeholder: 'rnair' });
    const renamed = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'ravi' });
    assert.deepStrictEqual(
      renamed.changes![uri].map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`),
      ['34:8 ravi', '60:11 ravi', '68:11 ravi', '81:11 ravi', '97:35 ravi'],
    );
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'Ravi Nair' }), (err: { code: number; message: string }) => {
      assert.strictEqual(err.code, -32602);
      assert.strictEqual(err.message, "'Ravi Nair' is not a valid id: an id starts with a letter A–Z or a–z and has only those letters, digits 0–9, '_', '.' and '-'");
      return true;
    });
    assert.strictEqual(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: pos('summary: Automate', 12) }), null);
  });

  it('lists document symbols from the outline', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(symbols.length, 1);
    assert.strictEqual(symbols[0].name, 'Initech claims platform');
    assert.deepStrictEqual(symbols[0].children!.map((s) => s.name), ['Goals', 'People', 'Communication plan', 'Commitments', 'Concerns', 'Health: watch', 'Meetings']);
  });

  it('answers the outline request for an open file, a file on disk, and a missing file', async () => {
    const open = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri });
    assert.strictEqual(open?.name, 'Initech claims platform');
    assert.deepStrictEqual(open?.counts, { overdue: 0, dueSoon: 1, openConcerns: 1 }, 'the edited text, not the disk');
    const closed = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: pathToFileURL(path.join(dir, 'closed.partnership.yaml')).href });
    assert.deepStrictEqual(closed?.counts, { overdue: 1, dueSoon: 1, openConcerns: 1 });
    // The portfolio's line and sort key come with it: the same facts as `partnership summary`.
    assert.deepStrictEqual(open?.portfolio, { line: PORTFOLIO_OPEN, rank: [2, 0, 0] });
    assert.deepStrictEqual(closed?.portfolio, { line: 'watch · 1 late · on-time 0%', rank: [2, -1, 0] }, 'one late commitment on disk');
    assert.strictEqual(await client.request(OUTLINE_REQUEST, { uri: pathToFileURL(path.join(dir, 'missing.partnership.yaml')).href }), null);
  });

  it('answers the dashboard request from the open text, a file on disk, and null for a missing file', async () => {
    const c7 = (d: DashboardResult) => d?.commitments.find((c) => c.id === 'C-7');
    const open = await client.request<DashboardResult>(DASHBOARD_REQUEST, { uri });
    const closed = await client.request<DashboardResult>(DASHBOARD_REQUEST, { uri: pathToFileURL(path.join(dir, 'closed.partnership.yaml')).href });
    assert.deepStrictEqual([open?.name, open?.today, closed?.today], ['Initech claims platform', '2026-11-23', '2026-11-23']);
    assert.deepStrictEqual(c7(closed)?.late, { from: '2026-11-01', to: '2026-11-23', days: 22, range: { start: { line: 63, character: 9 }, end: { line: 63, character: 19 } } });
    assert.strictEqual(c7(closed)?.state, 'overdue');
    // The open text: an earlier test marked C-7 done today, 22 days after its due date.
    assert.deepStrictEqual([c7(open)?.state, c7(open)?.completed, c7(open)?.end, c7(open)?.late?.days], ['done', '2026-11-23', '2026-11-23', 22], 'the edited text, not the disk');
    assert.strictEqual(await client.request(DASHBOARD_REQUEST, { uri: pathToFileURL(path.join(dir, 'missing.partnership.yaml')).href }), null);
  });

  it('limits each tree-view group to OUTLINE_MAX_CHILDREN items, then "… N more"', async () => {
    const big = path.join(dir, 'big.partnership.yaml');
    fs.writeFileSync(big, generatePartnership({ commitments: 1000, seed: 4 }).text);
    const outline = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: pathToFileURL(big).href });
    const groups: { key: string; detail?: string; children?: { key: string; label: string }[] }[] = [];
    const walk = (n: NonNullable<OutlineResult>['root']) => {
      if (n.kind === 'group' && n.children) groups.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    walk(outline!.root);
    const limited = groups.filter((g) => g.children!.length > OUTLINE_MAX_CHILDREN);
    assert.ok(limited.length > 0, 'some group of 1,000 commitments is over the limit');
    for (const g of groups) assert.ok(g.children!.length <= OUTLINE_MAX_CHILDREN + 1, g.key);
    for (const g of limited) {
      const more = g.children![OUTLINE_MAX_CHILDREN];
      assert.deepStrictEqual([more.key, more.label], [`${g.key}/more`, `… ${Number(g.detail) - OUTLINE_MAX_CHILDREN} more`]);
    }
  });

  it('answers the starter-file request with the service text as of the review date, and rejects bad params', async () => {
    const starter = await client.request<StarterFileResult>(STARTER_FILE_REQUEST, { name: ' Globex: data platform ', customer: 'Globex Corporation ' });
    assert.deepStrictEqual(starter, {
      text: starterFile({ name: 'Globex: data platform', customer: 'Globex Corporation', today: day('2026-11-23') }),
      fileStem: 'globex-data-platform',
    });
    for (const params of [{ name: 'Globex' }, { name: '  ', customer: 'Globex Corporation' }, { name: 42, customer: 'Globex Corporation' }, null, 'Globex']) {
      await assert.rejects(client.request(STARTER_FILE_REQUEST, params), (err: { code: number; message: string }) => {
        assert.strictEqual(err.code, -32602, JSON.stringify(params));
        assert.match(err.message, /^partnership\/starterFile needs a non-empty '(name|customer)' string$/);
        return true;
      });
    }
    assert.strictEqual((await client.request<StarterFileResult>(STARTER_FILE_REQUEST, { name: '日本', customer: 'Nippon' })).fileStem, 'partnership');
  });

  it('re-validates open files when .partnershiprc.yaml changes, and reports the config file itself', async () => {
    const configPath = path.join(dir, '.partnershiprc.yaml');
    const configUri = pathToFileURL(configPath).href;
    fs.writeFileSync(configPath, 'rules:\n  commitment-due-soon: off\n  commitment-overdu: error\n');
    const seenOutlines = client.outlinesChanged.length;
    const docNext = client.nextDiagnostics(uri);
    const configNext = client.nextDiagnostics(configUri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    assert.deepStrictEqual(brief((await docNext).diagnostics), []);
    assert.deepStrictEqual(brief((await configNext).diagnostics), ["2:2-2:19 schema 1 Unknown rule 'commitment-overdu' (did you mean 'commitment-overdue'?)"]);
    await client.waitFor('outlinesChanged for all files', () => client.outlinesChanged.slice(seenOutlines).find((p) => p.uris === undefined));

    fs.rmSync(configPath);
    const docAgain = client.nextDiagnostics(uri);
    const configCleared = client.nextDiagnostics(configUri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    assert.deepStrictEqual(brief((await docAgain).diagnostics), [dueSoon()]);
    assert.deepStrictEqual((await configCleared).diagnostics, []);
  });

  it('generates the reset-meeting agenda as one workspace edit: create, fill, record in the YAML', async () => {
    const created = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
    const newUri = pathToFileURL(path.join(dir, 'initech.reset-2026-11-24.md')).href;
    assert.strictEqual(created, newUri);
    const { label, edit } = client.applyEdits[client.applyEdits.length - 1];
    assert.strictEqual(label, 'Generate reset-meeting agenda');
    const [create, fill, yaml] = edit.documentChanges as [unknown, TextDocumentEdit, TextDocumentEdit];
    assert.deepStrictEqual(create, { kind: 'create', uri: newUri, options: { overwrite: false, ignoreIfExists: false } });
    assert.deepStrictEqual(fill.textDocument, { uri: newUri, version: null });
    assert.deepStrictEqual(fill.edits[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.ok(fill.edits[0].newText.length > 200, 'the agenda text');
    assert.deepStrictEqual(yaml.textDocument, { uri, version });
    assert.ok(yaml.edits.some((e) => e.newText.includes('kind: reset') && e.newText.includes('initech.reset-2026-11-24.md')));
    assert.strictEqual(edit.documentChanges!.length, 3);
  });

  it('refuses to generate from a file that does not parse, saying why, and writes nothing', async () => {
    const broken = pathToFileURL(path.join(dir, 'broken.partnership.yaml')).href;
    await client.open(broken, 'version: 1\npartnership:\n  name: "Unclosed\n');
    const edits = client.applyEdits.length;
    const result = await client.request<string | null>('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [broken] });
    assert.strictEqual(result, null);
    assert.strictEqual(client.applyEdits.length, edits, 'no workspace edit was sent');
    assert.strictEqual(
      client.messages[client.messages.length - 1],
      'Generate reset-meeting agenda failed: line 3 is not valid YAML (Missing closing double quote: this string is never closed); fix it first',
    );
    await client.notify('textDocument/didClose', { textDocument: { uri: broken } });
  });

  it('survives bad input: unknown commands, a wrong argument, requests on unknown documents', async () => {
    assert.strictEqual(await client.request('workspace/executeCommand', { command: 'partnership.nonsense', arguments: [] }), null);
    await assert.rejects(client.request('workspace/executeCommand', { command: COMMAND_GENERATE_REPORT, arguments: [42] }));
    const unknown = 'file:///nowhere/x.partnership.yaml';
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepStrictEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ bogus: true }] } }), [
      { title: 'Generate reset-meeting agenda', kind: 'source.partnership.generateAgenda', command: { title: 'Generate reset-meeting agenda', command: COMMAND_GENERATE_AGENDA, arguments: [uri] } },
      { title: 'Generate status report', kind: 'source.partnership.generateStatusReport', command: { title: 'Generate status report', command: COMMAND_GENERATE_REPORT, arguments: [uri] } },
    ]);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: -5 } });
    assert.strictEqual(hover, null);
    // Still alive and answering.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(symbols.length, 1);
  });

  it('on close, shows the problems of the file on disk instead of the edited text (partnership.validate: workspace, the default)', async () => {
    const onDisk = brief(await client.diagnosticsFor(uri, 1)); // the text as opened is the text on disk
    const next = client.nextDiagnostics(uri);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    const published = await next;
    assert.strictEqual(published.version, undefined, 'not a document version: the file on disk');
    assert.deepStrictEqual(brief(published.diagnostics), onDisk);
    assert.deepStrictEqual(onDisk, [OVERDUE, "70:9-70:19 commitment-due-soon 3 C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is due in 3 days (2026-11-26)"]);
  });
});
