// The language server under abuse, as a child process over stdio (dist/server.js): 5,000 rapid
// random edits to a large file, with requests interleaved — for the edited document, for unknown
// and closed ones, with malformed params — some cancelled as soon as they are sent; hostile files
// opened and hostile files asked for on disk (a FIFO, /dev/zero, a FIFO config). The process stays
// up and answers every request; every code action is versioned for the text it was computed on;
// and the final diagnostics equal a fresh validation of the final text.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic as LspDiagnostic, Position, TextDocumentContentChangeEvent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rng } from '../../bench/generate';
import { COMMAND_GENERATE_AGENDA, OUTLINE_REQUEST } from '../../server/src/lsp/protocol';
import { parseDay } from '../../server/src/service';
import { ParsedDocument } from '../../server/src/service/document';
import { validateParsed } from '../../server/src/service/validate';
import { ruleDocsBase } from '../../server/src/install';
import { published as withoutFixes } from '../../server/src/lsp/published';
import { SERVER_JS, TestClient } from '../lsp/client';
import { examples, SEED } from './util';
import { billionLaughs } from './inputs';

const TODAY = '2026-11-23';
const EDITS = 5000;

let large: string | undefined;

/** A realistic file of about 40 KB (over the 32 KB where edits re-parse only the item they touch): the strained example with 180 more commitments. */
function largeFile(): string {
  return (large ??= makeLargeFile());
}

function makeLargeFile(): string {
  const base = examples().find((e) => e.name === 'meridian-billing.partnership.yaml')!.text;
  const extra: string[] = [];
  for (let i = 100; i < 280; i++) {
    extra.push(`  - id: C-${i}`, `    summary: Deliver part ${i} of the claims export`, '    owner: thassan', '    to: rokafor', `    due: 2026-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}`, `    status: ${['open', 'in-progress', 'done', 'dropped'][i % 4]}`);
  }
  return base.replace('\ncommitments:\n', `\ncommitments:\n${extra.join('\n')}\n`);
}

/** Text the edits insert: YAML punctuation, partnership keys, odd characters, line breaks of every kind. */
const PIECES = ['', ' ', '  ', '\n', '\r\n', '\r', '- ', ': ', 'status: ', 'due: 2026-02-30', 'owner: nobody', '    status: done\n', '[', ']', '{', '}', ',', '#', '"', "'", '&a ', '*a', '!!binary ', '<<: ', '\t', '\u0000', '\ufeff', '😀', '\ud800', 'é', '\u202e', 'version: 2\n', '---\n', 'x'.repeat(200)];

interface Pending {
  what: string;
  promise: Promise<unknown>;
}

describe(`robustness: the language server under abuse (seed ${SEED})`, function () {
  this.timeout(240_000);
  let dir: string;
  let client: TestClient;

  before(() => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run 'npm run build' first`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-abuse-')));
    fs.mkdirSync(path.join(dir, 'hostile'));
    execFileSync('mkfifo', [path.join(dir, 'hostile', '.partnershiprc.yaml')]);
    execFileSync('mkfifo', [path.join(dir, 'hostile', 'pipe.partnership.yaml')]);
    fs.writeFileSync(path.join(dir, 'closed.partnership.yaml'), largeFile());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`stays up through ${EDITS} random edits, malformed and cancelled requests, and ends on the diagnostics of a fresh validation`, async () => {
    client = TestClient.spawn({ reviewDate: TODAY });
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'big.partnership.yaml')).href;
    const closedUri = pathToFileURL(path.join(dir, 'closed.partnership.yaml')).href;
    const hostileUri = pathToFileURL(path.join(dir, 'hostile', 'x.partnership.yaml')).href;
    let mirror = TextDocument.create(uri, 'partnership', 1, largeFile());
    await client.open(uri, mirror.getText(), 1);

    const started = Date.now();
    const pending: Pending[] = [];
    const request = (what: string, method: string, params: unknown, cancel = false) => {
      const source = new CancellationTokenSource();
      const promise = client.connection.sendRequest(method, params, source.token);
      promise.catch(() => undefined); // settled below, all together
      if (cancel) source.cancel();
      pending.push({ what, promise });
      return promise;
    };
    const versioned: Promise<void>[] = [];

    // Uniform choices from the run's seed (fast-check's generators lean towards small numbers).
    const random = rng(SEED);
    const int = (n: number) => Math.floor(random() * n);
    const pick = <T>(items: readonly T[]) => items[int(items.length)];
    const KINDS = [...Array(40).fill('insert'), ...Array(20).fill('delete'), ...Array(20).fill('replace'), ...Array(10).fill('far'), 'whole'];
    const rnd = Array.from({ length: EDITS }, () => ({
      kind: pick(KINDS) as string,
      a: int(1 << 30),
      b: int(1 << 30),
      piece: pick(PIECES),
      line: int(2003) - 3,
      character: int(303) - 3,
      req: int(100),
      cancel: random() < 0.5,
    }));

    const position = (offset: number): Position => mirror.positionAt(offset % (mirror.getText().length + 1));
    for (let i = 0; i < EDITS; i++) {
      const r = rnd[i];
      let change: TextDocumentContentChangeEvent;
      const text = mirror.getText();
      switch (r.kind) {
        case 'insert':
          change = { range: { start: position(r.a), end: position(r.a) }, text: r.piece };
          break;
        case 'delete': {
          const start = r.a % (text.length + 1);
          change = { range: { start: position(start), end: position(start + (r.b % 80)) }, text: '' };
          break;
        }
        case 'replace': {
          const start = r.a % (text.length + 1);
          change = { range: { start: position(start), end: position(start + (r.b % 20)) }, text: r.piece };
          break;
        }
        case 'far': // positions beyond the end of a line or of the document: both sides clamp them
          change = { range: { start: { line: r.line, character: r.character }, end: { line: r.line, character: r.character + 3 } }, text: r.piece };
          break;
        default: // now and then the whole text, as some clients send it
          change = { text: i % 2 === 0 ? largeFile() : text.slice(0, r.a % (text.length + 1)) };
      }
      const version = mirror.version + 1;
      mirror = TextDocument.update(mirror, [change], version);
      void client.change(uri, version, [change]);

      // Requests interleaved with the edits; the server sees them in order, after this version.
      const pos = { line: r.line, character: r.character };
      switch (r.req) {
        case 0:
          request('hover', 'textDocument/hover', { textDocument: { uri }, position: pos }, r.cancel);
          break;
        case 1:
          request('completion', 'textDocument/completion', { textDocument: { uri }, position: pos, context: { triggerKind: 2, triggerCharacter: ' ' } }, r.cancel);
          break;
        case 2: {
          // A code action for the diagnostics last published (maybe for an older version): any
          // edit must be for the version the server has now, or none at all.
          const published = client.diagnostics.filter((d) => d.uri === uri).pop()?.diagnostics ?? [];
          const p = request('codeAction', 'textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: published.slice(0, 5) } }, r.cancel);
          versioned.push(
            p.then(
              (actions) => {
                for (const a of (actions as CodeAction[] | null) ?? []) {
                  for (const c of (a.edit?.documentChanges ?? []) as TextDocumentEdit[]) assert.strictEqual(c.textDocument.version, version, `'${a.title}' computed for version ${c.textDocument.version}, sent at ${version}`);
                }
              },
              () => undefined,
            ),
          );
          break;
        }
        case 3:
          request('documentSymbol', 'textDocument/documentSymbol', { textDocument: { uri } }, r.cancel);
          break;
        case 4:
          request('definition', 'textDocument/definition', { textDocument: { uri }, position: pos }, r.cancel);
          break;
        case 5:
          request('references', 'textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } }, r.cancel);
          break;
        case 6:
          request('rename', 'textDocument/rename', { textDocument: { uri }, position: pos, newName: ['x', '', 'a b', 42, 'é'.repeat(300)][r.a % 5] }, r.cancel);
          break;
        case 7:
          request('outline', OUTLINE_REQUEST, { uri }, r.cancel);
          break;
        case 8:
          request('documentHighlight', 'textDocument/documentHighlight', { textDocument: { uri }, position: pos }, r.cancel);
          break;
        case 9:
          request('prepareRename', 'textDocument/prepareRename', { textDocument: { uri }, position: pos }, r.cancel);
          break;
        case 10:
          request('hover on a closed document', 'textDocument/hover', { textDocument: { uri: closedUri }, position: pos });
          break;
        case 11:
          request('completion on an unknown document', 'textDocument/completion', { textDocument: { uri: 'file:///nowhere/x.partnership.yaml' }, position: pos });
          break;
        case 12:
          request('malformed hover', 'textDocument/hover', [{}, null, { textDocument: 5 }, { textDocument: { uri }, position: 'x' }, { textDocument: { uri } }][r.a % 5]);
          break;
        case 13:
          request('malformed code action', 'textDocument/codeAction', [{ textDocument: { uri } }, { textDocument: { uri }, range: null, context: { diagnostics: 'x' } }, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [null, 5, { range: 'x', source: 'partnership' }], only: 'quickfix' } }][r.a % 3]);
          break;
        case 14:
          request('malformed rename', 'textDocument/rename', { textDocument: { uri }, position: null, newName: null });
          break;
        case 15:
          request('unknown method', 'textDocument/nonsense', { textDocument: { uri } });
          break;
        case 16:
          // Open, edit and close another document, and speak to it after it is closed.
          void client.open(closedUri, largeFile(), 1);
          void client.change(closedUri, 2, [{ text: 'version: 1\n' }]);
          void client.notify('textDocument/didClose', { textDocument: { uri: closedUri } });
          void client.change(closedUri, 3, [{ text: 'after close' }]);
          request('outline of a closed document', OUTLINE_REQUEST, { uri: closedUri });
          break;
        case 17:
          // Malformed notifications: the server logs them and carries on.
          void client.notify('textDocument/didChange', [null, { textDocument: { uri }, contentChanges: null }, { textDocument: { uri: 5 } }][r.a % 3]);
          void client.notify('workspace/didChangeConfiguration', { settings: [null, 5, { partnership: { reviewDate: 7 } }][r.a % 3] });
          void client.notify('workspace/didChangeWatchedFiles', { changes: r.a % 2 ? null : [{ uri: 5, type: 9 }] });
          break;
        case 18:
          request('malformed outline', OUTLINE_REQUEST, [null, { uri: 5 }, { uri: 'untitled:x' }, { uri: 'file:///dev/zero' }, { uri: pathToFileURL(path.join(dir, 'hostile', 'pipe.partnership.yaml')).href }][r.a % 5]);
          break;
        default:
          break;
      }
      if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve)); // let replies in now and then
    }

    const sent = Date.now();
    // Hostile documents beside it: an alias bomb; a config that is a FIFO.
    await client.open(hostileUri, billionLaughs(), 1);
    request('generate from a file that does not parse', 'workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [hostileUri] });

    // Every request answered, with a result or a protocol error — none lost, none hanging.
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.allSettled(pending.map((p) => p.promise)),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`requests still unanswered after 120 s; stderr: ${client.stderr.slice(-2000)}`)), 120_000))),
    ]).finally(() => clearTimeout(timer));
    const failures = settled.flatMap((s, i) => (s.status === 'rejected' && !(s.reason instanceof ResponseError) ? [`${pending[i].what}: ${s.reason}`] : []));
    assert.deepStrictEqual(failures, [], 'rejections other than protocol errors');
    console.log(`      sent in ${sent - started} ms, answered ${Date.now() - sent} ms later`);
    const answers = new Map<string, number>();
    for (const s of settled) {
      const key = s.status === 'fulfilled' ? 'result' : `error ${(s.reason as ResponseError<unknown>).code}`;
      answers.set(key, (answers.get(key) ?? 0) + 1);
    }
    await Promise.all(versioned);
    assert.strictEqual(client.child!.exitCode, null, `the server exited: ${client.stderr.slice(-2000)}`);

    // The last version's diagnostics are a fresh validation of the final text.
    const finalVersion = mirror.version;
    const published = await client.waitFor('the final diagnostics', () => client.diagnostics.find((d) => d.uri === uri && d.version === finalVersion)?.diagnostics, 60_000);
    // The server links rules to the pages installed with it, as the fresh validation must.
    const fresh = validateParsed(new ParsedDocument(mirror.getText()), { today: parseDay(TODAY)!, docsBaseUrl: ruleDocsBase() });
    // As the server publishes them: without the fixes' edits (they stay on the server).
    assert.deepStrictEqual(published as LspDiagnostic[], JSON.parse(JSON.stringify(withoutFixes(fresh))));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(symbols.length, 1, 'the server still answers');

    const hostile = await client.waitFor('the alias bomb diagnostics', () => client.diagnostics.find((d) => d.uri === hostileUri)?.diagnostics, 30_000);
    assert.match(hostile[0].message, /alias bomb/);

    const status = fs.readFileSync(`/proc/${client.child!.pid}/status`, 'utf8');
    const peakMiB = Number(/VmHWM:\s*(\d+)/.exec(status)![1]) / 1024;
    assert.ok(peakMiB < 1024, `the server's peak memory was ${peakMiB.toFixed(0)} MiB`);
    console.log(`      ${EDITS} edits, ${pending.length} requests answered (${[...answers].map(([k, n]) => `${n} ${k}`).join(', ')}); the server's peak memory ${peakMiB.toFixed(0)} MiB`);

    assert.strictEqual(await client.stop(), 0, `the server exits cleanly after shutdown/exit; stderr: ${client.stderr.slice(-2000)}`);
  });

  it('a quick fix for an older version of the text is not offered for the newer one; a fresh one carries the new version', async () => {
    client = TestClient.spawn({ reviewDate: TODAY });
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'stale.partnership.yaml')).href;
    const v1 = examples().find((e) => e.name === 'meridian-billing.partnership.yaml')!.text;
    await client.open(uri, v1, 1);
    const overdue1 = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'commitment-overdue')!;
    assert.ok(overdue1, 'the example has an overdue commitment');
    const actions = (diagnostic: LspDiagnostic) =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fixes1 = (await actions(overdue1)).filter((a) => a.edit);
    assert.ok(fixes1.length > 0);
    for (const a of fixes1) assert.strictEqual((a.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 1);
    // The user types a line above it: the old diagnostic's range now points at other text.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# reviewed\n' }]);
    const stale = (await actions(overdue1)).filter((a) => a.edit);
    assert.deepStrictEqual(stale, [], 'no edit computed for version 1 is offered on version 2');
    const overdue2 = (await client.diagnosticsFor(uri, 2)).find((d) => d.message === overdue1.message)!;
    assert.strictEqual(overdue2.range.start.line, overdue1.range.start.line + 1);
    const fixes2 = (await actions(overdue2)).filter((a) => a.edit);
    assert.strictEqual(fixes2.length, fixes1.length);
    for (const a of fixes2) {
      const change = a.edit!.documentChanges![0] as TextDocumentEdit;
      assert.strictEqual(change.textDocument.version, 2, 'a client applies it only to version 2');
      assert.ok(change.edits.every((e) => e.range.start.line > 0), 'and its ranges are version 2 ranges');
    }
    assert.strictEqual(await client.stop(), 0);
  });

  it('opening a 20 MB file: one clear diagnostic, and the server carries on', async () => {
    client = TestClient.spawn({ reviewDate: TODAY });
    await client.initialize(dir);
    const uri = pathToFileURL(path.join(dir, 'huge.partnership.yaml')).href;
    const text = largeFile().repeat(Math.ceil((20 * 1024 * 1024) / largeFile().length));
    const started = Date.now();
    await client.open(uri, text, 1);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(Date.now() - started < 60_000);
    assert.strictEqual(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /^This file is too large to check \(20\.\d MiB/);
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } }), null);
    await client.change(uri, 2, [{ text: 'version: 1\n' }]);
    assert.ok((await client.diagnosticsFor(uri, 2)).some((d) => /Missing required key 'partnership'/.test(d.message)));
    const peakMiB = Number(/VmHWM:\s*(\d+)/.exec(fs.readFileSync(`/proc/${client.child!.pid}/status`, 'utf8'))![1]) / 1024;
    assert.ok(peakMiB < 1024, `the server's peak memory was ${peakMiB.toFixed(0)} MiB`);
    assert.strictEqual(await client.stop(), 0);
  });
});
