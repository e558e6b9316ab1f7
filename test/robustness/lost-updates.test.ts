// Lost updates: `agenda` and `report` replace the partnership file only under a lock between
// processes and only while it holds what they read. Real concurrent processes (10 agendas at once,
// agenda and report --sent at once), an editor saving between the read and the replace (in-process, at
// the exact moment), and the lock's stale and busy cases. Every run that exits 0 has its record in
// the final file, every document written has its record, and nothing is orphaned.
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../server/src/cli/cli';
import { lockSync, releaseLock, WriteRefused } from '../../server/src/node/safeFiles';
import { parseDay } from '../../server/src/service';
import { assertBuilt, CLI, ROOT } from '../cli/cliHelpers';

const TODAY = '2026-11-23';
const FILE = 'meridian.partnership.yaml';
const STRAINED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'generate', 'meridian-billing.partnership.yaml'), 'utf8');

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Start `partnership …args` now; resolves when it exits. */
function start(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The documents in the folder, and what the file records of them. */
function state(ws: string): { docs: string[]; agendas: string[]; lastSent: string | undefined; leftovers: string[] } {
  const names = fs.readdirSync(ws);
  const text = fs.readFileSync(path.join(ws, FILE), 'utf8');
  return {
    docs: names.filter((n) => n.endsWith('.md')).sort(),
    agendas: [...text.matchAll(/^\s+agenda: (\S+)$/gm)].map((m) => m[1]).sort(),
    lastSent: /^\s+lastSent: (\S+)/m.exec(text)?.[1],
    leftovers: names.filter((n) => n.startsWith('.partnership-')),
  };
}

describe('robustness: no lost updates when generating', function () {
  this.timeout(180_000);
  let ws: string;
  before(assertBuilt);
  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'partnership-updates-')));
    fs.writeFileSync(path.join(ws, FILE), STRAINED);
  });
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('10 agendas at once on one file, as 10 processes: each waits for the one before, and the one planned meeting points at the last', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => start(['agenda', FILE, '--today', TODAY], ws)));
    const ok = outcomes.filter((o) => o.status === 0);
    for (const o of outcomes) if (o.status !== 0) assert.match(o.stderr, /^partnership: [^\n]+\n$/, 'a refusal is one line');
    assert.strictEqual(ok.length, 10, `all ten wait for the lock and succeed: ${outcomes.map((o) => o.stderr).join('')}`);
    const s = state(ws);
    // One day, one planned reset meeting: each run starts from the file the run before it wrote,
    // finds the meeting already planned and points it at its own agenda (the next free name).
    const printed = ok.map((o) => o.stdout.trim());
    assert.deepStrictEqual(s.docs, [...printed].sort(), 'every printed agenda is on disk');
    assert.strictEqual(new Set(s.docs).size, 10);
    const last = printed.find((p) => p.endsWith('-10.md'));
    assert.ok(last, `the tenth name was taken: ${printed.join(', ')}`);
    assert.deepStrictEqual(s.agendas, [last], 'one meeting, pointing at the agenda written last');
    assert.deepStrictEqual(s.leftovers, [], 'no lock or temporary file left');
  });

  it('agenda and report --sent at once, five rounds: both records survive every time', async () => {
    for (let round = 0; round < 5; round++) {
      fs.rmSync(ws, { recursive: true, force: true });
      fs.mkdirSync(ws);
      fs.writeFileSync(path.join(ws, FILE), STRAINED);
      const [agenda, report] = await Promise.all([start(['agenda', FILE, '--today', TODAY], ws), start(['report', FILE, '--sent', '--today', TODAY], ws)]);
      assert.strictEqual(agenda.status, 0, agenda.stderr);
      assert.strictEqual(report.status, 0, report.stderr);
      const s = state(ws);
      assert.deepStrictEqual(s.agendas, [agenda.stdout.trim()], `round ${round}: the meeting is recorded`);
      assert.strictEqual(s.lastSent, TODAY, `round ${round}: lastSent is recorded`);
      assert.deepStrictEqual(s.docs, [agenda.stdout.trim()]);
      assert.deepStrictEqual(s.leftovers, []);
    }
  });

  describe('an editor saving between the read and the replace (it takes no lock)', () => {
    const cli = (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const status = runCli(args, { cwd: ws, env: {}, today: parseDay(TODAY)!, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { status, stdout, stderr };
    };

    /** Each time a document is written, the "editor" saves the file with one more comment line (up to `times`). */
    function withEditorSaves<T>(times: number, during: () => T): { result: T; saves: number } {
      // The module object itself (the CLI's namespace import reads through to it at each call).
      const nodeFs = require('fs') as { writeFileSync: typeof fs.writeFileSync };
      const original = nodeFs.writeFileSync;
      let saves = 0;
      nodeFs.writeFileSync = function (this: unknown, ...args: Parameters<typeof fs.writeFileSync>) {
        original.apply(nodeFs, args);
        if (typeof args[0] === 'string' && args[0].endsWith('.md') && saves < times) {
          saves++;
          fs.appendFileSync(path.join(ws, FILE), `# saved in the editor ${saves}\n`);
        }
      } as typeof fs.writeFileSync;
      try {
        return { result: during(), saves };
      } finally {
        nodeFs.writeFileSync = original;
      }
    }

    /** Each time the replacement is about to be written (after the read), the "editor" saves the file (up to `times`). */
    function withEditorSavesBeforeReplace<T>(times: number, during: () => T): { result: T; saves: number } {
      const nodeFs = require('fs') as { openSync: typeof fs.openSync };
      const original = nodeFs.openSync;
      let saves = 0;
      nodeFs.openSync = function (this: unknown, ...args: Parameters<typeof fs.openSync>) {
        if (typeof args[0] === 'string' && path.basename(args[0]).startsWith('.partnership-tmp-') && saves < times) {
          saves++;
          fs.appendFileSync(path.join(ws, FILE), `# saved in the editor ${saves}\n`);
        }
        return original.apply(nodeFs, args);
      } as typeof fs.openSync;
      try {
        return { result: during(), saves };
      } finally {
        nodeFs.openSync = original;
      }
    }

    it('report --sent: starts again from the saved text; the save and the record are both kept', () => {
      const { result, saves } = withEditorSavesBeforeReplace(1, () => cli(['report', FILE, '--sent', '--today', TODAY]));
      assert.strictEqual(saves, 1);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.ok(fs.readFileSync(path.join(ws, FILE), 'utf8').includes('# saved in the editor 1\n'), 'the editor’s save is kept');
      assert.strictEqual(state(ws).lastSent, TODAY);
      assert.deepStrictEqual(state(ws).leftovers, []);
    });

    it('report --sent: a file that keeps changing is refused in one line, exit 2', () => {
      const { result, saves } = withEditorSavesBeforeReplace(100, () => cli(['report', FILE, '--sent', '--today', TODAY]));
      assert.strictEqual(saves, 3, 'three attempts');
      assert.deepStrictEqual(result, { status: 2, stdout: '', stderr: `partnership: ${FILE} kept changing while the status report was recorded as sent; nothing was written (try again)\n` });
      assert.strictEqual(fs.readFileSync(path.join(ws, FILE), 'utf8'), `${STRAINED}# saved in the editor 1\n# saved in the editor 2\n# saved in the editor 3\n`, 'every save kept, no record');
      assert.deepStrictEqual(state(ws).leftovers, []);
    });

    for (const command of ['agenda']) {
      it(`${command}: starts again from the saved text; the save and the record are both kept, one document`, () => {
        const { result, saves } = withEditorSaves(1, () => cli([command, FILE, '--today', TODAY]));
        assert.strictEqual(saves, 1);
        assert.strictEqual(result.status, 0, result.stderr);
        const text = fs.readFileSync(path.join(ws, FILE), 'utf8');
        assert.ok(text.includes('# saved in the editor 1\n'), 'the editor’s save is kept');
        const s = state(ws);
        assert.deepStrictEqual(s.agendas, [result.stdout.trim()]);
        assert.deepStrictEqual(s.docs, [result.stdout.trim()], 'the first attempt’s document was removed');
      });

      it(`${command}: a file that keeps changing is refused in one line, exit 2, with no document left`, () => {
        const { result, saves } = withEditorSaves(100, () => cli([command, FILE, '--today', TODAY]));
        assert.strictEqual(saves, 3, 'three attempts');
        assert.deepStrictEqual(result, { status: 2, stdout: '', stderr: `partnership: ${FILE} kept changing while the reset-meeting agenda was generated; nothing was written (try again)\n` });
        assert.strictEqual(fs.readFileSync(path.join(ws, FILE), 'utf8'), `${STRAINED}# saved in the editor 1\n# saved in the editor 2\n# saved in the editor 3\n`, 'every save kept, no record');
        assert.deepStrictEqual(state(ws).docs, []);
        assert.deepStrictEqual(state(ws).leftovers, []);
      });
    }
  });

  describe('the lock', () => {
    const real = () => path.join(ws, FILE);
    const lockFile = () => fs.readdirSync(ws).find((n) => n.startsWith('.partnership-lock-'));

    it('is held by one process at a time; a second waits, then refuses in one line', () => {
      const held = lockSync(real(), FILE);
      try {
        assert.ok(lockFile(), 'a lock file beside the file');
        assert.throws(() => lockSync(real(), FILE, 200), (err: Error) => err instanceof WriteRefused && err.message === `${FILE} is being updated by another partnership command; not changed (try again)`);
      } finally {
        releaseLock(held);
      }
      assert.strictEqual(lockFile(), undefined, 'released');
      releaseLock(lockSync(real(), FILE, 200));
    });

    it("a lock left by a process that is gone is stale and taken over; a live process's is not", async () => {
      const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      try {
        const held = lockSync(real(), FILE);
        const name = lockFile()!;
        fs.writeFileSync(path.join(ws, name), JSON.stringify({ pid: sleeper.pid, host: os.hostname(), token: 'theirs' }));
        assert.throws(() => lockSync(real(), FILE, 200), WriteRefused, 'a live holder is waited for');
        sleeper.kill('SIGKILL');
        await new Promise((resolve) => sleeper.once('exit', resolve));
        const taken = lockSync(real(), FILE, 2000);
        assert.notStrictEqual(taken.token, held.token);
        releaseLock(held); // not ours any more: must not remove the new holder's lock
        assert.ok(lockFile(), 'the new holder keeps its lock');
        releaseLock(taken);
        assert.strictEqual(lockFile(), undefined);
      } finally {
        sleeper.kill('SIGKILL');
      }
    });

    it('the CLI goes ahead after a run that was killed while holding the lock', async () => {
      const held = lockSync(real(), FILE);
      const name = lockFile()!;
      fs.writeFileSync(path.join(ws, name), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), token: 'dead' })); // no such pid
      void held;
      const r = await start(['agenda', FILE, '--today', TODAY], ws);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(state(ws).agendas, [r.stdout.trim()]);
      assert.deepStrictEqual(state(ws).leftovers, []);
    });
  });
});
