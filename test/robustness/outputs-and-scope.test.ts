// Outputs never overwrite inputs, and the tools stay in their scope. `--output` never replaces an
// input, a partnership file or a config file (by name, through a link, or as a hard link), writes
// atomically, and `-` is stdout for every command. The config lookup stops at the repository root
// or the home folder and skips configs another user could have written; a config with 150,000
// problems is capped, not a crash. `agenda /etc/passwd` and the server's generate commands on
// anything but a partnership file inside the workspace are refused, and the server never leaves a
// document the file does not record.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { COMMAND_GENERATE_AGENDA, COMMAND_GENERATE_REPORT, COMMAND_MARK_REPORT_SENT } from '../../server/src/lsp/protocol';
import { createLanguageService, FileSystem } from '../../server/src/service';
import { CLIENT_CAPABILITIES, TestClient } from '../lsp/client';
import { assertBuilt, ROOT, run, RunResult } from '../cli/cliHelpers';

const TODAY = '2026-11-23';
const STRAINED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'generate', 'meridian-billing.partnership.yaml'), 'utf8');
const FILE = 'meridian.partnership.yaml';
const asRoot = process.getuid?.() === 0;

function assertRefused(r: RunResult, line: string): void {
  assert.deepStrictEqual(r, { status: 2, stdout: '', stderr: `partnership: ${line}\n` });
}

describe('robustness: outputs never overwrite inputs; config and generation stay in scope', function () {
  this.timeout(60_000);
  let ws: string;
  before(assertBuilt);
  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-scope-')));
    fs.writeFileSync(path.join(ws, FILE), STRAINED);
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));
  const text = (rel: string) => fs.readFileSync(path.join(ws, rel), 'utf8');
  const leftovers = () => fs.readdirSync(ws).filter((n) => n.startsWith('.partnership-') || n === '-');

  describe('--output', () => {
    const PROTECTED = (shown: string) => `--output ${shown} is a partnership or config file (*.partnership.yaml, .partnershiprc.yaml); outputs never replace those`;

    for (const format of ['stylish', 'json', 'sarif']) {
      it(`check -o <the input> (${format}): refused, exit 2, the file untouched`, () => {
        const r = run(['check', FILE, '--today', TODAY, '--format', format, '-o', FILE], ws);
        assert.strictEqual(r.status, 2);
        assert.strictEqual(r.stderr, `partnership: ${PROTECTED(FILE)}\n`);
        assert.strictEqual(text(FILE), STRAINED);
      });
    }

    it('check -o <an input not named like a partnership file>, a hard link to it, a link to it: refused', () => {
      fs.writeFileSync(path.join(ws, 'plain.yaml'), STRAINED);
      assertRefused(run(['check', 'plain.yaml', '--today', TODAY, '-o', 'plain.yaml'], ws), '--output plain.yaml is one of the input files; outputs never replace an input');
      fs.linkSync(path.join(ws, 'plain.yaml'), path.join(ws, 'report.txt'));
      assertRefused(run(['check', 'plain.yaml', '--today', TODAY, '-o', 'report.txt'], ws), '--output report.txt is one of the input files; outputs never replace an input');
      fs.symlinkSync(FILE, path.join(ws, 'out.txt'));
      assertRefused(run(['check', '--today', TODAY, '-o', 'out.txt'], ws), PROTECTED('out.txt'));
      assert.strictEqual(text('plain.yaml'), STRAINED);
      assert.strictEqual(text(FILE), STRAINED);
    });

    it('check -o .partnershiprc.yaml or another partnership file, or the --config file: refused', () => {
      fs.writeFileSync(path.join(ws, '.partnershiprc.yaml'), 'dueSoonDays: 3\n');
      fs.writeFileSync(path.join(ws, 'rules.yaml'), 'dueSoonDays: 3\n');
      assertRefused(run(['check', FILE, '--today', TODAY, '-o', '.partnershiprc.yaml'], ws), PROTECTED('.partnershiprc.yaml'));
      assertRefused(run(['check', FILE, '--today', TODAY, '-o', 'sub/new.partnership.yaml'], ws), PROTECTED('sub/new.partnership.yaml'));
      assertRefused(run(['check', FILE, '--today', TODAY, '--config', 'rules.yaml', '-o', 'rules.yaml'], ws), '--output rules.yaml is one of the input files; outputs never replace an input');
      assert.strictEqual(text('.partnershiprc.yaml'), 'dueSoonDays: 3\n');
      assert.strictEqual(text('rules.yaml'), 'dueSoonDays: 3\n');
    });

    it('agenda and report -o <the input, a partnership or config file>: refused, nothing written', () => {
      for (const command of ['agenda', 'report']) {
        assertRefused(run([command, FILE, '--today', TODAY, '-o', FILE], ws), PROTECTED(FILE));
        assertRefused(run([command, FILE, '--today', TODAY, '-o', '.partnershiprc.yaml'], ws), PROTECTED('.partnershiprc.yaml'));
      }
      assert.strictEqual(text(FILE), STRAINED);
      assert.deepStrictEqual(fs.readdirSync(ws), [FILE]);
    });

    it("'-' is stdout for check, schema, agenda and report; no file named '-'", () => {
      const check = run(['check', FILE, '--today', TODAY, '--format', 'json', '-o', '-'], ws);
      assert.strictEqual(JSON.parse(check.stdout)[0].filePath, FILE);
      const schema = run(['schema', '-o', '-'], ws);
      assert.strictEqual(JSON.parse(schema.stdout).$schema, 'http://json-schema.org/draft-07/schema#');
      for (const [command, heading, what] of [
        ['agenda', '# Reset meeting: Claims-to-invoice pipeline with Meridian Health', 'reset-meeting agenda'],
        ['report', '# Status report: Claims-to-invoice pipeline', 'status report'],
      ]) {
        const r = run([command, FILE, '--today', TODAY, '--output', '-'], ws);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout.split('\n')[0].startsWith(heading), true, r.stdout.split('\n')[0]);
        assert.strictEqual(r.stderr, `partnership: note: ${FILE} was not changed: the ${what} went to stdout\n`);
      }
      assert.strictEqual(text(FILE), STRAINED, 'a preview changes nothing');
      assert.deepStrictEqual(fs.readdirSync(ws), [FILE]);
    });

    it('check -o replaces an earlier report atomically, keeping its mode, through a link to it', () => {
      fs.writeFileSync(path.join(ws, 'report.json'), 'old\n', { mode: 0o600 });
      fs.chmodSync(path.join(ws, 'report.json'), 0o600);
      fs.symlinkSync('report.json', path.join(ws, 'latest.json'));
      const r = run(['check', FILE, '--today', TODAY, '--format', 'json', '-o', 'latest.json'], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(JSON.parse(text('report.json'))[0].filePath, FILE);
      assert.ok(fs.lstatSync(path.join(ws, 'latest.json')).isSymbolicLink());
      assert.strictEqual(fs.statSync(path.join(ws, 'report.json')).mode & 0o777, 0o600);
      assert.deepStrictEqual(leftovers(), []);
    });
  });

  describe('agenda and report generate only for partnership files', () => {
    for (const command of ['agenda', 'report']) {
      it(`${command} /etc/passwd, ${command} notes.yaml: refused in one line, nothing written beside them`, () => {
        assertRefused(run([command, '/etc/passwd', '--today', TODAY], ws), `/etc/passwd is not a partnership file (*.partnership.yaml); ${command} generates only for those`);
        fs.writeFileSync(path.join(ws, 'notes.yaml'), STRAINED);
        assertRefused(run([command, 'notes.yaml', '--today', TODAY], ws), `notes.yaml is not a partnership file (*.partnership.yaml); ${command} generates only for those`);
        assert.deepStrictEqual(fs.readdirSync(ws).sort(), [FILE, 'notes.yaml']);
      });
    }
  });

  describe('the config lookup', () => {
    const OVERDUE_OFF = 'rules:\n  commitment-overdue: off\n';
    const overdueCount = (r: RunResult) => (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.filter((m) => m.ruleId === 'commitment-overdue').length;

    it('stops at the repository root: a config above the folder holding .git is not used', () => {
      fs.mkdirSync(path.join(ws, 'repo', '.git'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'repo', FILE), STRAINED);
      fs.writeFileSync(path.join(ws, '.partnershiprc.yaml'), OVERDUE_OFF);
      const inRepo = run(['check', `repo/${FILE}`, '--today', TODAY, '--format', 'json'], ws);
      assert.strictEqual(overdueCount(inRepo), 4, 'the outer config does not silence the repository');
      const outside = run(['check', FILE, '--today', TODAY, '--format', 'json'], ws);
      assert.strictEqual(overdueCount(outside), 0, 'next to it, it applies');
      fs.writeFileSync(path.join(ws, 'repo', '.partnershiprc.yaml'), OVERDUE_OFF);
      assert.strictEqual(overdueCount(run(['check', `repo/${FILE}`, '--today', TODAY, '--format', 'json'], ws)), 0, "the repository's own config applies");
    });

    it('stops at the home folder (service, any file system)', () => {
      const files: Record<string, string> = { '/shared/.partnershiprc.yaml': OVERDUE_OFF, '/shared/home/me/.partnershiprc.yaml': 'dueSoonDays: 3\n' };
      const memFs: FileSystem = { readFile: (p) => files[p], exists: (p) => p in files };
      const service = createLanguageService({ fs: memFs, home: '/shared/home/me' });
      assert.deepStrictEqual(service.configFor('/shared/home/me/work/x.partnership.yaml').config.dueSoonDays, 3);
      delete files['/shared/home/me/.partnershiprc.yaml'];
      assert.deepStrictEqual(service.configFor('/shared/home/me/work/x.partnership.yaml'), { config: { rules: {}, dueSoonDays: 7, concernResponseDays: { high: 2, medium: 5, low: 10 }, workingDays: [1, 2, 3, 4, 5], reliabilityWindowDays: 90 }, problems: [] });
      assert.strictEqual(service.configFor('/shared/elsewhere/x.partnership.yaml').path, '/shared/.partnershiprc.yaml', 'outside home, up to the root');
    });

    it('skips a config writable by others, or owned by another user, saying so; the nearest trusted one applies', () => {
      const shared = path.join(ws, 'shared');
      fs.mkdirSync(path.join(shared, 'mine'), { recursive: true });
      fs.writeFileSync(path.join(shared, 'mine', FILE), STRAINED);
      fs.writeFileSync(path.join(shared, '.partnershiprc.yaml'), OVERDUE_OFF);
      fs.chmodSync(path.join(shared, '.partnershiprc.yaml'), 0o666);
      const r = run(['check', `shared/mine/${FILE}`, '--today', TODAY, '--format', 'json'], ws);
      assert.strictEqual(overdueCount(r), 4);
      assert.strictEqual(r.stderr, 'partnership: note: ignoring config shared/.partnershiprc.yaml: it is writable by everyone (mode 666; chmod go-w to use it)\n');
      fs.chmodSync(path.join(shared, '.partnershiprc.yaml'), 0o664);
      assert.match(run(['check', `shared/mine/${FILE}`, '--today', TODAY, '--format', 'json'], ws).stderr, /it is writable by its group \(mode 664;/);
      if (!asRoot) throw new Error('the rest of this test makes a file of another user: run the suite as root');
      fs.chmodSync(path.join(shared, '.partnershiprc.yaml'), 0o644);
      fs.chownSync(path.join(shared, '.partnershiprc.yaml'), 65534, 65534);
      fs.writeFileSync(path.join(ws, '.partnershiprc.yaml'), 'dueSoonDays: 3\n');
      const other = run(['check', `shared/mine/${FILE}`, '--today', TODAY, '--format', 'json'], ws);
      assert.strictEqual(other.stderr, 'partnership: note: ignoring config shared/.partnershiprc.yaml: it belongs to another user (uid 65534)\n');
      assert.strictEqual(overdueCount(other), 4);
    });

    it('a config with 150,000 unknown rules: problems capped at 10,000, exit 2, stdout still valid JSON', () => {
      fs.writeFileSync(path.join(ws, '.partnershiprc.yaml'), `rules:\n${Array.from({ length: 150_000 }, (_, i) => `  r${i}: off\n`).join('')}`);
      const r = run(['check', FILE, '--today', TODAY, '--format', 'json'], ws);
      assert.strictEqual(r.status, 2, r.stderr.slice(-300));
      assert.deepStrictEqual(JSON.parse(r.stdout), []);
      const lines = r.stderr.trimEnd().split('\n');
      assert.strictEqual(lines.length, 10_000);
      assert.strictEqual(lines[0], "partnership: invalid config .partnershiprc.yaml:2:3: Unknown rule 'r0'");
      assert.strictEqual(lines[9_999], 'partnership: invalid config .partnershiprc.yaml:10001:3: … and 140001 more problems in this config file');
    });
  });

  describe('the server generates only for partnership files inside the workspace', () => {
    let client: TestClient;
    let root: string;
    beforeEach(() => {
      root = path.join(ws, 'workspace');
      fs.mkdirSync(root);
      fs.writeFileSync(path.join(root, FILE), STRAINED);
    });
    afterEach(async () => client?.stop());

    const NO_CREATE = { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };
    const start = async (caps = CLIENT_CAPABILITIES) => {
      client = TestClient.inProcess({ reviewDate: TODAY }, { now: () => new Date(`${TODAY}T12:00:00`), warmUp: false });
      await client.initialize(root, caps);
    };
    const generate = (uri: string, command = COMMAND_GENERATE_AGENDA) => client.request<string | null>('workspace/executeCommand', { command, arguments: [uri] });
    const failure = async (pattern: RegExp) => client.waitFor('the failure message', () => client.messages.find((m) => pattern.test(m)));

    it('refuses package.json, a file outside the workspace, and a link out of it; writes nothing', async () => {
      await start();
      fs.writeFileSync(path.join(root, 'package.json'), '{}\n');
      fs.writeFileSync(path.join(ws, FILE), STRAINED);
      fs.symlinkSync(path.join(ws, FILE), path.join(root, 'outside.partnership.yaml'));
      assert.strictEqual(await generate(pathToFileURL(path.join(root, 'package.json')).href), null);
      await failure(/package\.json is not a partnership file \(\*\.partnership\.yaml\)/);
      assert.strictEqual(await generate(pathToFileURL(path.join(ws, FILE)).href, COMMAND_GENERATE_REPORT), null);
      await failure(new RegExp(`${path.join(ws, FILE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is outside the workspace folders`));
      assert.strictEqual(await generate(pathToFileURL(path.join(root, 'outside.partnership.yaml')).href), null);
      await failure(/outside\.partnership\.yaml is outside the workspace folders/);
      assert.deepStrictEqual(client.applyEdits, []);
      assert.deepStrictEqual(fs.readdirSync(ws).sort(), [FILE, 'workspace']);
      assert.deepStrictEqual(fs.readdirSync(root).sort(), [FILE, 'outside.partnership.yaml', 'package.json']);
    });

    it('a document it wrote for an edit the editor did not apply is removed again', async () => {
      await start(NO_CREATE);
      client.connection.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'the document changed' }));
      const uri = pathToFileURL(path.join(root, FILE)).href;
      await client.open(uri, STRAINED, 1);
      assert.strictEqual(await generate(uri), null);
      await failure(/did not apply the edit \(the document changed\)/);
      assert.deepStrictEqual(fs.readdirSync(root), [FILE], 'no orphan agenda');
    });

    it('a file that is not open is updated on disk under the lock, keeping a save that came first', async () => {
      await start();
      const uri = pathToFileURL(path.join(root, FILE)).href;
      const created = await generate(uri);
      assert.deepStrictEqual(client.applyEdits, [], 'written by the server, not through an editor buffer');
      const name = path.basename(new URL(created!).pathname);
      assert.match(fs.readFileSync(path.join(root, FILE), 'utf8'), new RegExp(`agenda: ${name.replace(/\./g, '\\.')}`));
      const report = await generate(uri, COMMAND_GENERATE_REPORT);
      assert.strictEqual(fs.readFileSync(path.join(root, FILE), 'utf8').includes(`lastSent: ${TODAY}`), false, 'generating a report records nothing');
      assert.strictEqual(await generate(uri, COMMAND_MARK_REPORT_SENT), uri);
      const after = fs.readFileSync(path.join(root, FILE), 'utf8');
      assert.match(after, new RegExp(`agenda: ${name.replace(/\./g, '\\.')}`), 'the meeting is still there');
      assert.match(after, new RegExp(`lastSent: ${TODAY}`));
      assert.deepStrictEqual(fs.readdirSync(root).sort(), [FILE, name, path.basename(new URL(report!).pathname)].sort());
    });
  });
});
