// Problems in files that are not open (`partnership.validate`): the server over stdio publishes the
// diagnostics of every partnership file in the workspace folders, follows the file watcher's
// events, falls back to the disk version when a document closes, and clears it all in `open` mode.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { OUTLINE_REQUEST, OutlineResult } from '../../server/src/lsp/protocol';
import { WorkspaceValidator } from '../../server/src/lsp/workspaceValidation';
import { SERVER_JS, TestClient } from './client';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity}`);

const GLOBEX = ['76:5 schema 1', '88:13 schema 1', '96:9 duplicate-id 1', '118:12 unknown-reference 1', '145:10 schema 1'];
const NORTHWIND = [
  '39:18 contact-stale 3',
  '74:15 status-report-overdue 2',
  '97:10 commitment-overdue 2',
  '109:10 commitment-overdue 2',
  '120:9 concern-unanswered 2',
  '154:11 relationship-strained 2',
];

describe('language server: problems in files that are not open', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const published = (uri: string) => client.diagnostics.filter((d) => d.uri === uri);
  /** The next publication for `uri` after `seen` publications in all. */
  const nextAfter = (seen: number, uri: string, what: string) =>
    client.waitFor<PublishDiagnosticsParams>(what, () => client.diagnostics.slice(seen).find((d) => d.uri === uri));

  before(async () => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npm run build'`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-workspace-')));
    fs.copyFileSync(path.join(EXAMPLES, 'globex-typos.partnership.yaml'), path.join(dir, 'globex.partnership.yaml'));
    fs.copyFileSync(path.join(EXAMPLES, 'acme-analytics.partnership.yaml'), path.join(dir, 'acme.partnership.yaml'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.copyFileSync(path.join(EXAMPLES, 'globex-typos.partnership.yaml'), path.join(dir, 'node_modules', 'pkg', 'vendored.partnership.yaml'));
    fs.mkdirSync(path.join(dir, 'teams'));
    fs.copyFileSync(path.join(EXAMPLES, 'northwind-logistics.partnership.yaml'), path.join(dir, 'teams', 'northwind.partnership.yaml'));
    client = TestClient.spawn({ reviewDate: '2026-11-23' });
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the problems of every closed partnership file in the workspace, skipping node_modules and clean files', async () => {
    const northwind = await client.waitFor('northwind published', () => published(uriOf('teams/northwind.partnership.yaml'))[0]);
    // The walk is breadth-first in name order: acme and globex were checked before teams/.
    assert.deepStrictEqual(brief(published(uriOf('globex.partnership.yaml'))[0].diagnostics), GLOBEX);
    assert.strictEqual(published(uriOf('globex.partnership.yaml'))[0].version, undefined);
    assert.deepStrictEqual(brief(northwind.diagnostics), NORTHWIND);
    assert.deepStrictEqual(published(uriOf('acme.partnership.yaml')), [], 'a clean file gets nothing');
    assert.deepStrictEqual(client.diagnostics.filter((d) => d.uri.includes('node_modules')), []);
  });

  it('counts errors and warnings in the outline of a closed file', async () => {
    const globex = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: uriOf('globex.partnership.yaml') });
    assert.deepStrictEqual(globex?.problems, { errors: 5, warnings: 0 });
    const northwind = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: uriOf('teams/northwind.partnership.yaml') });
    assert.deepStrictEqual(northwind?.problems, { errors: 0, warnings: 5 }, 'the information is not a warning');
    const acme = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri: uriOf('acme.partnership.yaml') });
    assert.deepStrictEqual(acme?.problems, { errors: 0, warnings: 0 });
  });

  it('re-checks a file changed on disk, checks a created one, and clears a deleted one', async () => {
    const globex = uriOf('globex.partnership.yaml');
    const file = path.join(dir, 'globex.partnership.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    ownr: ', '    owner: '));
    let seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: globex, type: 2 }] });
    assert.deepStrictEqual(brief((await nextAfter(seen, globex, 'globex re-checked')).diagnostics), GLOBEX.slice(1));

    const created = uriOf('teams/initech.partnership.yaml');
    fs.writeFileSync(path.join(dir, 'teams', 'initech.partnership.yaml'), 'version: 1\npartnership:\n  name: Claims\n  customer: Initech\n  kind: externl\n');
    seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 1 }] });
    const first = (await nextAfter(seen, created, 'created file checked')).diagnostics;
    assert.deepStrictEqual(
      first.map((d) => `${d.code}: ${d.message}`),
      [
        "communication-plan-missing: No communication plan: agree with Initech how often status is reported, to whom and how (add a 'communication' section with a statusReport)",
        'no-decision-maker: No one from Initech is listed under people: record who can decide and obtain resources on the customer side',
        "schema: 'externl' is not a valid kind (did you mean 'external'?); expected one of: external, internal, vendor, alliance",
      ],
    );

    fs.rmSync(file);
    seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: globex, type: 3 }] });
    assert.deepStrictEqual((await nextAfter(seen, globex, 'deleted file cleared')).diagnostics, []);
  });

  it('says why a closed file that is not UTF-8 text is not checked, and checks it once it is saved as UTF-8', async () => {
    const latin = uriOf('teams/latin.partnership.yaml');
    const file = path.join(dir, 'teams', 'latin.partnership.yaml');
    fs.writeFileSync(file, Buffer.from('# r\u00e9sum\u00e9\nversion: 1\n', 'latin1'));
    let seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: latin, type: 1 }] });
    const unreadable = (await nextAfter(seen, latin, 'the Latin-1 file reported')).diagnostics;
    assert.deepStrictEqual(
      unreadable.map((d) => `${brief([d])[0]} ${d.message}`),
      ['1:1 yaml-syntax 1 This file cannot be checked: not UTF-8 text (byte 0xE9 at line 1, column 4): save it as UTF-8'],
    );
    fs.writeFileSync(file, '# r\u00e9sum\u00e9\nversion: 1\n', 'utf8');
    seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: latin, type: 2 }] });
    const checked = (await nextAfter(seen, latin, 'the UTF-8 file checked')).diagnostics;
    assert.ok(checked.length > 0 && checked.every((d) => !d.message.startsWith('This file cannot be checked')), brief(checked).join(', '));
    fs.rmSync(file);
    seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: latin, type: 3 }] });
    assert.deepStrictEqual((await nextAfter(seen, latin, 'the deleted file cleared')).diagnostics, []);
  });

  it('an open document publishes its own problems; once closed, the disk version is checked again', async () => {
    const uri = uriOf('teams/northwind.partnership.yaml');
    const text = fs.readFileSync(path.join(dir, 'teams', 'northwind.partnership.yaml'), 'utf8');
    const edited = text.replace('status: strained', 'status: healthy');
    assert.notStrictEqual(edited, text);
    await client.open(uri, edited, 7);
    assert.deepStrictEqual(brief(await client.diagnosticsFor(uri, 7)), NORTHWIND.slice(0, 5), 'the edited text: no longer strained');
    const seen = client.diagnostics.length;
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    const after = await nextAfter(seen, uri, 'disk version after close');
    assert.strictEqual(after.version, undefined);
    assert.deepStrictEqual(brief(after.diagnostics), NORTHWIND, 'the unsaved edit is gone with the document');
  });

  it("in 'open' mode clears closed files' problems, and closing a document clears its own", async () => {
    const northwind = uriOf('teams/northwind.partnership.yaml');
    const initech = uriOf('teams/initech.partnership.yaml');
    let seen = client.diagnostics.length;
    client.settings = { reviewDate: '2026-11-23', validate: 'open' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual((await nextAfter(seen, northwind, 'northwind cleared')).diagnostics, []);
    assert.deepStrictEqual((await nextAfter(seen, initech, 'initech cleared')).diagnostics, []);

    const acme = uriOf('acme.partnership.yaml');
    const text = fs.readFileSync(path.join(dir, 'acme.partnership.yaml'), 'utf8');
    await client.open(acme, text.replace(/^ {4}owner: \w+$/m, '    owner: nobody'), 1);
    assert.deepStrictEqual(brief(await client.diagnosticsFor(acme, 1)).map((b) => b.replace(/^\d+:\d+ /, '')), ['unknown-reference 1']);
    seen = client.diagnostics.length;
    await client.notify('textDocument/didClose', { textDocument: { uri: acme } });
    assert.deepStrictEqual((await nextAfter(seen, acme, 'acme cleared on close')).diagnostics, []);
    // A change on disk in 'open' mode publishes nothing.
    fs.appendFileSync(path.join(dir, 'teams', 'initech.partnership.yaml'), 'health: {status: fine}\n');
    seen = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: initech, type: 2 }] });
    await client.request(OUTLINE_REQUEST, { uri: initech }); // a round trip: the change was handled
    assert.deepStrictEqual(client.diagnostics.slice(seen).filter((d) => d.uri === initech), []);
  });

  it("back in 'workspace' mode publishes the closed files again", async () => {
    const seen = client.diagnostics.length;
    client.settings = { reviewDate: '2026-11-23' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const northwind = await nextAfter(seen, uriOf('teams/northwind.partnership.yaml'), 'northwind again');
    assert.deepStrictEqual(brief(northwind.diagnostics), NORTHWIND);
    const initech = await nextAfter(seen, uriOf('teams/initech.partnership.yaml'), 'initech again');
    // The change made on disk while in 'open' mode is seen now: a health status that is no status, and no 'assessed'.
    assert.deepStrictEqual(initech.diagnostics.map((d) => d.code), ['communication-plan-missing', 'no-decision-maker', 'schema', 'schema', 'schema']);
  });
});

describe('workspace validation: bounded', () => {
  let dir: string;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-cap-')));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, `p${i}.partnership.yaml`), 'version: 1\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks at most maxFiles closed files, says so once, and keeps no text', async () => {
    const logs: string[] = [];
    const publishedUris: string[] = [];
    const validator = new WorkspaceValidator(
      {
        mode: async () => 'workspace',
        isOpen: () => false,
        readFile: (uri) => fs.readFileSync(new URL(uri), 'utf8'),
        diagnostics: async (uri) => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: 'schema', source: 'partnership', message: `missing partnership in ${path.basename(uri)}`, codeDescription: { href: 'docs/rules/schema.md' } }],
        publish: (uri) => publishedUris.push(uri),
        log: (m) => logs.push(m),
        uriOf: (p) => pathToFileURL(p).href,
      },
      3,
    );
    validator.setFolders([dir]);
    await validator.start();
    await validator.idle();
    assert.deepStrictEqual(publishedUris.map((u) => path.basename(u)), ['p0.partnership.yaml', 'p1.partnership.yaml', 'p2.partnership.yaml']);
    assert.deepStrictEqual(validator.stats(), { known: 3, published: 3, queued: 0 });
    validator.changed(pathToFileURL(path.join(dir, 'p4.partnership.yaml')).href);
    await validator.idle();
    assert.strictEqual(publishedUris.length, 3, 'a file over the cap is checked only when opened');
    assert.deepStrictEqual(logs, ['The workspace has more than 3 partnership files: only the first 3 are checked while closed; the others when opened.']);
  });
});
