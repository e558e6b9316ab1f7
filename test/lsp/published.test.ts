// Quick fixes stay on the server: diagnostics are published without `data`, and a code action is
// computed from the server's own validation of that version.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { generatePartnership } from '../../bench/generate';
import { published } from '../../server/src/lsp/published';
import { createLanguageService, parseDay } from '../../server/src/service';
import { applyEdits } from '../service-features/util';
import { CLIENT_CAPABILITIES, SERVER_JS, TestClient } from './client';

describe('language server: diagnostics carry no fixes, code actions compute them', function () {
  this.timeout(30000);

  it('leaves out exactly the fixes: on the 5,000-commitment benchmark file, what is published is the diagnostics without data', () => {
    const text = generatePartnership({ commitments: 5000, seed: 1 }).text;
    const service = createLanguageService({ fs: { readFile: () => undefined, exists: () => false } });
    const diagnostics = service.validate(text, '/w/bench.partnership.yaml', { today: parseDay('2027-03-01')! });
    const withFixes = diagnostics.filter((d) => d.data !== undefined);
    assert.ok(withFixes.length > 250, `only ${withFixes.length} diagnostics with quick fixes`);
    const sent = published(diagnostics);
    assert.deepStrictEqual(sent.map((d) => Object.keys(d).sort().join()), diagnostics.map(() => 'code,codeDescription,message,range,severity,source'));
    assert.deepStrictEqual(sent, diagnostics.map(({ data: _data, ...rest }) => rest));
    // What this saves (measured 2026-11-30: 450,697 → 199,209 characters, 2.3× smaller).
    const before = JSON.stringify(diagnostics).length;
    const after = JSON.stringify(sent).length;
    assert.strictEqual(before - after, withFixes.reduce((n, d) => n + JSON.stringify({ data: d.data }).length - 1, 0));
  });

  it('over stdio: no data on the wire, and the quick fix still edits the version the client sees', async () => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npm run build'`);
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-published-')));
    const client = TestClient.spawn({ reviewDate: '2026-11-23' });
    try {
      const text = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/lsp/initech.partnership.yaml'), 'utf8');
      const uri = pathToFileURL(path.join(dir, 'initech.partnership.yaml')).href;
      fs.writeFileSync(path.join(dir, 'initech.partnership.yaml'), text);
      await client.initialize(dir, CLIENT_CAPABILITIES);
      await client.open(uri, text, 1);
      const ds = await client.diagnosticsFor(uri, 1);
      assert.ok(ds.length > 0);
      assert.deepStrictEqual(ds.filter((d) => 'data' in d), []);
      const overdue = ds.find((d) => d.code === 'commitment-overdue')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: overdue.range, context: { diagnostics: [overdue], only: ['quickfix'] } });
      const markDone = actions.find((a) => a.title.startsWith('Mark '))!;
      assert.ok(markDone, actions.map((a) => a.title).join(' | '));
      const edit = markDone.edit as { documentChanges?: { edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> };
      const edits = edit.documentChanges ? edit.documentChanges[0].edits : edit.changes![uri];
      assert.ok(applyEdits(text, edits as never).includes('    status: done\n    completed: 2026-11-23\n'));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
