// "Today" in the server: the local date from the entry layer's clock, re-checked on a timer so a
// new day refreshes diagnostics without an edit; `partnership.reviewDate` overrides it. The server
// runs in this process over in-memory pipes so the test can own its clock.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/lsp/initech.partnership.yaml');
const messages = (ds: Diagnostic[]) => ds.map((d) => `${d.code}: ${d.message}`);

describe('language server: today', function () {
  this.timeout(20000);
  let dir: string;
  let uri: string;
  let client: TestClient;
  let now = new Date(2026, 10, 23, 23, 59, 30); // local time: the 23rd, half a minute before midnight

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-today-')));
    const file = path.join(dir, 'initech.partnership.yaml');
    fs.copyFileSync(FIXTURE, file);
    uri = pathToFileURL(file).href;
    client = TestClient.inProcess({}, { now: () => now, dayCheckIntervalMs: 25 });
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("judges the file by the clock's local date", async () => {
    await client.open(uri, fs.readFileSync(path.join(dir, 'initech.partnership.yaml'), 'utf8'));
    assert.deepStrictEqual(messages(await client.diagnosticsFor(uri, 1)), [
      "commitment-overdue: C-7 'Automate intake of scanned claim forms', promised to Bill Porter, is 22 days overdue (due 2026-11-01)",
      "commitment-due-soon: C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is due in 3 days (2026-11-26)",
    ]);
  });

  it('refreshes diagnostics and outlines when the day changes, without an edit', async () => {
    const seenOutlines = client.outlinesChanged.length;
    const next = client.nextDiagnostics(uri);
    now = new Date(2026, 10, 27, 0, 0, 30);
    const refreshed = await next;
    assert.strictEqual(refreshed.version, 1, 'the same document version, judged on a new day');
    assert.deepStrictEqual(messages(refreshed.diagnostics), [
      'contact-stale: No contact with Milton Waddams for 8 days (last 2026-11-19); agreed weekly, so the next contact was due 2026-11-26',
      "commitment-overdue: C-7 'Automate intake of scanned claim forms', promised to Bill Porter, is 26 days overdue (due 2026-11-01)",
      "commitment-overdue: C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is 1 day overdue (due 2026-11-26)",
    ]);
    await client.waitFor('outlinesChanged for all files', () => client.outlinesChanged.slice(seenOutlines).find((p) => p.uris === undefined));
  });

  it('does not refresh while the day stays the same', async () => {
    const before = client.diagnostics.length;
    now = new Date(2026, 10, 27, 15, 0, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.strictEqual(client.diagnostics.length, before);
  });

  it('uses partnership.reviewDate instead of the clock once the setting changes', async () => {
    client.settings = { reviewDate: '2026-11-20' };
    const next = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(messages((await next).diagnostics), [
      "commitment-overdue: C-7 'Automate intake of scanned claim forms', promised to Bill Porter, is 19 days overdue (due 2026-11-01)",
      "commitment-due-soon: C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is due in 6 days (2026-11-26)",
    ]);
  });

  it('warns about a reviewDate that is not a date and falls back to the clock', async () => {
    client.settings = { reviewDate: '2026-02-30' };
    const next = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(messages((await next).diagnostics).map((m) => m.replace(/ \(due.*$/, '')), [
      'contact-stale: No contact with Milton Waddams for 8 days (last 2026-11-19); agreed weekly, so the next contact was due 2026-11-26',
      "commitment-overdue: C-7 'Automate intake of scanned claim forms', promised to Bill Porter, is 26 days overdue",
      "commitment-overdue: C-8 'Weekly export of settlement metrics', promised to Milton Waddams, is 1 day overdue",
    ]);
    assert.deepStrictEqual(client.messages, ["partnership.reviewDate '2026-02-30' is not valid: expected a real date as YYYY-MM-DD; using today's date."]);
  });
});
