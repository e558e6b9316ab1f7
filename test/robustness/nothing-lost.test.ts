// Nothing lost: generating an agenda or a status report never overwrites an existing file — not
// when the name is taken between the check and the write, not through a planted symlink — and
// never writes outside the partnership file's folder, whatever the file is called or holds (names
// come from the sanitised file stem and a date, never from the file's text). The same for the
// service (an in-memory file system that lies), the CLI (its own writer, in-process) and the
// language server (a client that cannot create files, so the server writes; and one that can).
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { runCli } from '../../server/src/cli/cli';
import { NodeFileSystem, nodeFileSystem } from '../../server/src/node/nodeFs';
import { COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT } from '../../server/src/lsp/protocol';
import { createLanguageService, FileSystem, formatDay, parseDay } from '../../server/src/service';
import { MAX_SUFFIX } from '../../server/src/service/generate/files';
import { CLIENT_CAPABILITIES, TestClient } from '../lsp/client';
import { examples, property, SEED } from './util';

const TODAY = '2026-11-23';
const DAY = parseDay(TODAY)!;
const STRAINED = examples().find((e) => e.name === 'meridian-billing.partnership.yaml')!.text;

/** A file system over a set of paths, whose `exists` can be made to lie or to fail. */
function fakeFs(taken: Set<string>, exists?: (p: string) => boolean): FileSystem {
  return { readFile: () => undefined, exists: exists ?? ((p) => taken.has(path.resolve(p))) };
}

/** A generated document's name: the sanitised stem, the kind, the date, maybe a number. */
const SAFE_NAME = /^[\p{L}\p{N}_-][\p{L}\p{N}._-]*\.(reset|status)-\d{4}-\d{2}-\d{2}(-\d+)?\.md$/u;

function assertSafeName(generated: string, partnershipPath: string): void {
  assert.strictEqual(path.dirname(generated), path.dirname(partnershipPath), `${generated} is not beside ${partnershipPath}`);
  const name = path.basename(generated);
  assert.match(name, SAFE_NAME);
  assert.ok(!name.includes('..'), name);
  assert.strictEqual(name, name.normalize('NFC'));
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name), `a lone surrogate in ${JSON.stringify(name)}`);
  assert.ok(Buffer.byteLength(name, 'utf8') <= 255, `${Buffer.byteLength(name, 'utf8')} bytes is too long a file name: ${name}`);
}

describe(`robustness: nothing lost when generating documents (seed ${SEED})`, function () {
  this.timeout(120_000);

  describe('the service picks a free name beside the file, from the stem and the date only', () => {
    const kinds = ['agenda', 'report'] as const;
    const generate = (kind: (typeof kinds)[number], text: string, file: string, fs: FileSystem) => {
      const service = createLanguageService({ fs });
      return kind === 'agenda' ? service.generateAgenda(text, file, DAY) : service.generateStatusReport(text, file, DAY);
    };

    it('any file name, any text in the file: the document is a plain file in the same folder', () => {
      const evilNames = fc.constantFrom('..', '../../etc/passwd', '..\\..\\windows\\x', 'a/../../b', 'CON', 'nul.txt', '.hidden', '-rf', '\u202etxt.exe', '\u0000', '\n', '\u001b[2J', ' ', '*?<>|:"', '𝔘'.repeat(200), '合'.repeat(120), 'e\u0301'.repeat(90));
      const stem = fc.oneof(evilNames, fc.string({ unit: 'binary', maxLength: 130 }), fc.string({ unit: 'grapheme', maxLength: 130 }));
      const folder = fc.constantFrom('/work/team', '/work/a b/c', '/tmp/ünïcode', 'relative/dir');
      const suffix = fc.constantFrom('.partnership.yaml', '.partnership.yml', '.yaml', '', '.PARTNERSHIP.YAML');
      const hostileText = fc.constantFrom('../../../../etc/cron.d/x', '/etc/passwd', 'C:\\Windows\\System32', '%2e%2e%2f', '$(rm -rf ~)');
      property(
        'generated names',
        fc.tuple(stem, folder, suffix, hostileText, fc.constantFrom(...kinds)),
        1000,
        ([s, dir, ext, evil, kind]) => {
          const file = path.resolve(dir, `${s.replace(/[/\\]/g, '_')}${ext}`.replace(/\u0000/g, '')) || '/work/x.partnership.yaml';
          if (path.basename(file) === '' || path.dirname(file) === file) return;
          const text = STRAINED.replace('name: Meridian claims-to-invoice pipeline', `name: ${JSON.stringify(evil)}`).replace('customer: Meridian Health', `customer: ${JSON.stringify(evil)}`);
          const doc = generate(kind, text, file, fakeFs(new Set()));
          assertSafeName(doc.path, file);
          for (const e of doc.edits) {
            const ref = /agenda: "?([^"\r\n]+)"?/.exec(e.newText);
            if (ref) assert.strictEqual(JSON.parse(`"${ref[1]}"`), path.basename(doc.path), 'the meeting points at the document, relatively');
            assert.ok(!e.newText.includes(evil), 'no text from the file in the recorded path');
          }
        },
        101,
      );
    });

    it('never a name that exists: numbered names in order, whatever is taken', () => {
      property(
        'taken names',
        fc.tuple(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }), fc.constantFrom(...kinds)),
        300,
        ([numbers, kind]) => {
          const file = '/work/team/meridian.partnership.yaml';
          const first = generate(kind, STRAINED, file, fakeFs(new Set())).path;
          const nth = (n: number) => (n === 1 ? first : first.replace(/\.md$/, `-${n}.md`));
          const taken = new Set(numbers.map(nth));
          const chosen = generate(kind, STRAINED, file, fakeFs(taken)).path;
          assert.ok(!taken.has(chosen), `${chosen} is taken`);
          const expected = Array.from({ length: 42 }, (_, i) => nth(i + 1)).find((p) => !taken.has(p));
          assert.strictEqual(chosen, expected);
        },
        102,
      );
    });

    it('a file system that cannot answer is taken as "taken"; with every name taken, the writers must refuse', () => {
      const file = '/work/team/meridian.partnership.yaml';
      let asked = 0;
      const failing = fakeFs(new Set(), (p) => {
        // The document names it tried (it also looks for the config the diagnostics use, and gets EIO there too).
        if (p.endsWith('.md')) asked++;
        const n = /\d{4}-\d{2}-\d{2}-(\d+)\.md$/.exec(p);
        if (n && Number(n[1]) >= 4) return false;
        throw new Error('EIO');
      });
      assert.match(generate('agenda', STRAINED, file, failing).path, /\.reset-\d{4}-\d{2}-\d{2}-4\.md$/);
      assert.strictEqual(asked, 4);
      // Everything taken: a name is still returned (unchecked), and only the writer's exclusive
      // create stands between it and an existing file — which the CLI and server tests below prove.
      const all = generate('report', STRAINED, file, fakeFs(new Set(), () => true)).path;
      assert.match(all, new RegExp(`-${MAX_SUFFIX + 1}\\.md$`));
    });
  });

  describe('the CLI writes exclusively', () => {
    let ws: string;
    const FILE = 'team/meridian.partnership.yaml';
    beforeEach(() => {
      ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lost-')));
      fs.mkdirSync(path.join(ws, 'team'));
      fs.writeFileSync(path.join(ws, FILE), STRAINED);
    });
    afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

    function cli(args: string[]): { status: number; stdout: string; stderr: string } {
      let stdout = '';
      let stderr = '';
      const status = runCli(args, { cwd: ws, env: {}, today: DAY, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { status, stdout, stderr };
    }

    /** While `during` runs, NodeFileSystem.exists says a *.md name is free and then someone else creates it. */
    function withRace<T>(during: () => T): { result: T; raced: string[] } {
      const original = NodeFileSystem.prototype.exists;
      const raced: string[] = [];
      NodeFileSystem.prototype.exists = function (p: string): boolean {
        const answer = original.call(this, p);
        if (!answer && p.endsWith('.md')) {
          fs.writeFileSync(p, 'their work\n'); // the name is taken right after the check
          raced.push(p);
        }
        return answer;
      };
      try {
        return { result: during(), raced };
      } finally {
        NodeFileSystem.prototype.exists = original;
      }
    }

    for (const command of ['agenda', 'report']) {
      it(`${command}: a name taken between the check and the write is not overwritten, and the file is not changed`, () => {
        const before = fs.readFileSync(path.join(ws, FILE), 'utf8');
        const { result, raced } = withRace(() => cli([command, FILE, '--today', TODAY]));
        assert.strictEqual(raced.length, 1);
        const shown = path.relative(ws, raced[0]);
        assert.deepStrictEqual(result, { status: 2, stdout: '', stderr: `partnership: ${shown} already exists; not overwriting it\n` });
        assert.strictEqual(fs.readFileSync(raced[0], 'utf8'), 'their work\n', 'the other file is intact');
        assert.strictEqual(fs.readFileSync(path.join(ws, FILE), 'utf8'), before, 'no meeting recorded for a document that was not written');
      });
    }

    it('a dangling symlink where the document would go: not written through, another name is used', () => {
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-outside-')));
      try {
        const first = cli(['agenda', FILE, '--today', TODAY]).stdout.trim();
        fs.rmSync(path.join(ws, first));
        fs.writeFileSync(path.join(ws, FILE), STRAINED);
        fs.symlinkSync(path.join(outside, 'planted.md'), path.join(ws, first));
        const r = cli(['agenda', FILE, '--today', TODAY]);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout.trim(), first.replace(/\.md$/, '-2.md'));
        assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing written outside the folder');
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    it('--output onto an existing file is refused; the file and the partnership file are untouched', () => {
      fs.writeFileSync(path.join(ws, 'team', 'mine.md'), 'mine\n');
      const before = fs.readFileSync(path.join(ws, FILE), 'utf8');
      const r = cli(['agenda', FILE, '--today', TODAY, '--output', 'team/mine.md']);
      assert.deepStrictEqual(r, { status: 2, stdout: '', stderr: 'partnership: team/mine.md already exists; not overwriting it\n' });
      assert.strictEqual(fs.readFileSync(path.join(ws, 'team', 'mine.md'), 'utf8'), 'mine\n');
      assert.strictEqual(fs.readFileSync(path.join(ws, FILE), 'utf8'), before);
    });
  });

  describe('the language server writes exclusively, and its edits are versioned', () => {
    let dir: string;
    let uri: string;
    let client: TestClient;
    const FILE_NAME = 'meridian.partnership.yaml';

    beforeEach(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-lost-lsp-')));
      fs.writeFileSync(path.join(dir, FILE_NAME), STRAINED);
      uri = pathToFileURL(path.join(dir, FILE_NAME)).href;
    });
    afterEach(async () => {
      await client?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** A client that can apply edits but not create files: the server writes the document itself. */
    const NO_CREATE = { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };

    for (const [command, kind] of [
      [COMMAND_GENERATE_AGENDA, 'reset'],
      [COMMAND_GENERATE_REPORT, 'status'],
    ] as const) {
      it(`${kind}: a name taken between the check and the write is not overwritten, and no edit is sent`, async () => {
        client = TestClient.inProcess({ reviewDate: TODAY }, { now: () => new Date(`${TODAY}T12:00:00`) });
        await client.initialize(dir, NO_CREATE);
        await client.open(uri, STRAINED, 1);
        const original = nodeFileSystem.exists;
        const raced: string[] = [];
        nodeFileSystem.exists = (p) => {
          const answer = original(p);
          if (!answer && p.endsWith('.md')) {
            fs.writeFileSync(p, 'their work\n');
            raced.push(p);
          }
          return answer;
        };
        let result: unknown;
        try {
          result = await client.request('workspace/executeCommand', { command, arguments: [uri] });
        } finally {
          nodeFileSystem.exists = original;
        }
        assert.strictEqual(result, null);
        assert.strictEqual(raced.length, 1);
        assert.match(path.basename(raced[0]), new RegExp(`^meridian\\.${kind}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
        assert.strictEqual(fs.readFileSync(raced[0], 'utf8'), 'their work\n');
        assert.deepStrictEqual(client.applyEdits, [], 'the YAML is not edited for a document that was not written');
        await client.waitFor('the failure message', () => client.messages.find((m) => /already exists|EEXIST/.test(m)));
      });
    }

    it('a client that creates files gets a create that may not overwrite, and an edit for the version it saw', async () => {
      client = TestClient.inProcess({ reviewDate: TODAY }, { now: () => new Date(`${TODAY}T12:00:00`) });
      await client.initialize(dir);
      await client.open(uri, STRAINED, 7);
      const result = await client.request<string>('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
      const edit = client.applyEdits[0].edit as WorkspaceEdit;
      const [create, fill, record] = edit.documentChanges!;
      assert.deepStrictEqual(create, { kind: 'create', uri: result, options: { overwrite: false, ignoreIfExists: false } });
      assert.strictEqual((fill as TextDocumentEdit).textDocument.uri, result);
      assert.deepStrictEqual((record as TextDocumentEdit).textDocument, { uri, version: 7 }, 'a client rejects it once the text has moved on');
      assert.strictEqual(path.dirname(new URL(result).pathname), dir);
    });

    it('a dangling symlink where the document would go: the server picks another name', async () => {
      const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-outside-')));
      try {
        const first = `meridian.reset-${formatDay(DAY + 1)}.md`;
        fs.symlinkSync(path.join(outside, 'planted.md'), path.join(dir, first));
        client = TestClient.inProcess({ reviewDate: TODAY }, { now: () => new Date(`${TODAY}T12:00:00`) });
        await client.initialize(dir, NO_CREATE);
        await client.open(uri, STRAINED, 1);
        const result = await client.request<string>('workspace/executeCommand', { command: COMMAND_GENERATE_AGENDA, arguments: [uri] });
        assert.strictEqual(path.basename(new URL(result).pathname), first.replace(/\.md$/, '-2.md'));
        assert.deepStrictEqual(fs.readdirSync(outside), [], 'nothing written outside the folder');
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });
});
