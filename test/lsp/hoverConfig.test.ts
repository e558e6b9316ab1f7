// Hover over stdio judges by the config of the file's folder (`.partnershiprc.yaml`), as the
// diagnostics do: a reliability window of 10 days leaves a commitment 22 days late out of the figures.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover } from 'vscode-languageserver-protocol';
import { at } from '../service-features/util';
import { SERVER_JS, TestClient } from './client';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/lsp/initech.partnership.yaml');

describe("language server: hover uses the file's .partnershiprc.yaml", function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const text = fs.readFileSync(FIXTURE, 'utf8');

  before(async () => {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: build with 'npm run build'`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-hover-')));
    fs.mkdirSync(path.join(dir, 'narrow'));
    fs.mkdirSync(path.join(dir, 'plain'));
    fs.writeFileSync(path.join(dir, 'narrow', '.partnershiprc.yaml'), 'reliabilityWindowDays: 10\n');
    for (const folder of ['narrow', 'plain']) fs.writeFileSync(path.join(dir, folder, 'initech.partnership.yaml'), text);
    client = TestClient.spawn({ reviewDate: '2026-11-23' });
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const reliability = async (folder: string) => {
    const uri = pathToFileURL(path.join(dir, folder, 'initech.partnership.yaml')).href;
    await client.open(uri, text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 'commitments:', 2) });
    return (h.contents as { value: string }).value.split('\n')[0];
  };

  it('a folder with a 10-day reliability window: C-7, 22 days late, is outside it', async () => {
    assert.strictEqual(await reliability('narrow'), '**Reliability** (commitments due or completed in the window): no commitments due or completed in the window');
  });

  it('a folder without a config: the default 90 days', async () => {
    assert.strictEqual(await reliability('plain'), '**Reliability** (commitments due or completed in the window): on time as first promised 0/1 (0%) · kept as agreed 0/1 (0%) · 1 late, slip median 22 d, max 22 d · 0 moves');
  });
});
