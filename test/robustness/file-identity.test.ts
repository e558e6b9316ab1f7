// The replace keeps the file's identity: `agenda` and `report --sent` write a symlink's target (the link
// stays a link), keep owner, group and mode, and refuse — one line, exit 2, no document left — a
// file with several hard links, a read-only file, and a file of another user (run as 'nobody',
// from a readable copy of the CLI). A file name near the 255-byte limit works (short temporary
// and lock names) and leaves nothing behind.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertBuilt, ROOT, run, RunResult, runAsNobody } from '../cli/cliHelpers';

const TODAY = '2026-11-23';
const STRAINED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'generate', 'meridian-billing.partnership.yaml'), 'utf8');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;


/** Exit 2, one line on stderr, nothing on stdout. */
function assertRefused(r: RunResult, line: string): void {
  assert.deepStrictEqual(r, { status: 2, stdout: '', stderr: `partnership: ${line}\n` });
}

describe('robustness: the replace keeps the file’s identity', function () {
  this.timeout(60_000);
  let ws: string;
  before(assertBuilt);
  beforeEach(() => (ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-identity-')))));
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  const put = (rel: string, text = STRAINED) => {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
    return path.join(ws, rel);
  };
  const docs = (dir = ws) => fs.readdirSync(dir).filter((n) => n.endsWith('.md') || n.startsWith('.partnership-'));

  for (const command of ['agenda', 'report']) {
    // The report's record is `report --sent` (generating a report changes nothing in the file).
    const cmd = command === 'agenda' ? ['agenda'] : ['report', '--sent'];
    const label = cmd.join(' ');
    const recorded = (text: string) => (command === 'agenda' ? /kind: reset/.test(text) : new RegExp(`lastSent: ${TODAY}`).test(text));

    it(`${label}: through a symlink, the shared target gets the record and the link stays a link`, () => {
      const target = put('shared/meridian.partnership.yaml');
      fs.mkdirSync(path.join(ws, 'team'));
      fs.symlinkSync('../shared/meridian.partnership.yaml', path.join(ws, 'team', 'meridian.partnership.yaml'));
      const r = run([...cmd, 'team/meridian.partnership.yaml', '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(fs.lstatSync(path.join(ws, 'team', 'meridian.partnership.yaml')).isSymbolicLink(), 'still a link');
      assert.ok(recorded(fs.readFileSync(target, 'utf8')), 'the target records it');
      if (command === 'agenda') assert.strictEqual(path.dirname(path.join(ws, r.stdout.trim())), path.join(ws, 'shared'), 'the document lies beside the file that records it');
      else assert.deepStrictEqual(docs(path.join(ws, 'shared')), [], 'no document, no temporary file');
      assert.deepStrictEqual(docs(path.join(ws, 'team')), []);
    });

    it(`${label}: a link named like a partnership file to another kind of file is refused`, () => {
      put('notes.txt', STRAINED);
      fs.symlinkSync('notes.txt', path.join(ws, 'x.partnership.yaml'));
      assertRefused(run([...cmd, 'x.partnership.yaml', '--today', TODAY], ws), `x.partnership.yaml (a link to notes.txt) is not a partnership file (*.partnership.yaml); ${command} generates only for those`);
      assert.deepStrictEqual(docs(), []);
    });

    it(`${label}: a hard-linked file is refused (a replace would split the links), nothing written`, () => {
      const file = put('meridian.partnership.yaml');
      fs.linkSync(file, path.join(ws, 'other-name.partnership.yaml'));
      assertRefused(run([...cmd, 'meridian.partnership.yaml', '--today', TODAY], ws), 'meridian.partnership.yaml has 2 hard links; replacing it would split them, so it is not changed');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), STRAINED);
      assert.strictEqual(fs.statSync(file).nlink, 2);
      assert.deepStrictEqual(docs(), []);
    });

    it(`${label}: a read-only file (mode 444) is not written, even by root`, () => {
      const file = put('meridian.partnership.yaml');
      fs.chmodSync(file, 0o444);
      assertRefused(run([...cmd, 'meridian.partnership.yaml', '--today', TODAY], ws), 'meridian.partnership.yaml is read-only (mode 444); not changing it');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), STRAINED);
      assert.deepStrictEqual(docs(), []);
    });

    it(`${label}: mode, owner and group are kept`, () => {
      const file = put('meridian.partnership.yaml');
      fs.chmodSync(file, 0o640);
      if (asRoot) fs.chownSync(file, NOBODY, NOBODY);
      const before = fs.statSync(file);
      const r = run([...cmd, 'meridian.partnership.yaml', '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      const after = fs.statSync(file);
      assert.ok(recorded(fs.readFileSync(file, 'utf8')));
      assert.deepStrictEqual([after.mode & 0o7777, after.uid, after.gid], [0o640, before.uid, before.gid]);
      if (asRoot) assert.deepStrictEqual([after.uid, after.gid], [NOBODY, NOBODY], 'root does not take the file over');
    });

    it(`${label}: a file name of 255 bytes works and leaves no temporary file, lock or orphan`, () => {
      const name = `${'m'.repeat(255 - '.partnership.yaml'.length)}.partnership.yaml`;
      assert.strictEqual(Buffer.byteLength(name), 255);
      const file = put(name);
      const r = run([...cmd, name, '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(recorded(fs.readFileSync(file, 'utf8')));
      assert.deepStrictEqual(docs(), command === 'agenda' ? [r.stdout.trim()] : []);
    });

    it(`${label}: a file of another user, run as that user ('nobody'): not written, even when everyone may write the folder`, () => {
      if (!asRoot) throw new Error('this test makes a file of another user and runs as them: run the suite as root (it switches to nobody with setpriv)');
      const file = put('meridian.partnership.yaml');
      fs.chmodSync(ws, 0o777);
      fs.chmodSync(file, 0o644);
      assertRefused(runAsNobody([...cmd, 'meridian.partnership.yaml', '--today', TODAY], ws), `meridian.partnership.yaml is not writable by you (mode 644, owner uid 0); not changing it`);
      fs.chmodSync(file, 0o666);
      assertRefused(runAsNobody([...cmd, 'meridian.partnership.yaml', '--today', TODAY], ws), 'meridian.partnership.yaml belongs to another user (uid 0); replacing it would make it yours, so it is not changed');
      assert.strictEqual(fs.readFileSync(file, 'utf8'), STRAINED);
      assert.strictEqual(fs.statSync(file).uid, 0);
      assert.deepStrictEqual(docs(), []);
    });
  }
});
