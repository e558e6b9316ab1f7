// Running the bundled CLI (dist/cli.js) as a child process on copies of test/fixtures/cli in a
// temp folder, so tests never write into the repository.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');
export const TODAY = '2026-11-23';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (tsc + esbuild) before these tests`);
}

/** Run `partnership …args` in `cwd`; NO_COLOR and no TTY, so the output is plain text. */
/**
 * A copy of the bundled CLI that any user can read and run: the clone may sit in a folder that
 * 'nobody' cannot enter (a mode-700 temporary folder, root's home), so the permission tests never
 * run dist/cli.js where it lies. Made once per process, in a mode-755 temporary folder.
 */
let readableCli: string | undefined;
export function readableCliCopy(): string {
  if (readableCli && fs.existsSync(readableCli)) return readableCli;
  assertBuilt();
  const dir = fs.mkdtempSync(path.join(tempBase(), 'partnership-cli-bin-'));
  fs.chmodSync(dir, 0o755);
  const copy = path.join(dir, 'cli.js');
  fs.copyFileSync(CLI, copy);
  fs.chmodSync(copy, 0o644);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return (readableCli = copy);
}

/**
 * Run the CLI as the unprivileged user 'nobody' (for permission tests when the suite runs as
 * root). The workspace is opened up so that only the permission under test stands in the way;
 * the CLI itself is a readable copy (readableCliCopy), wherever the clone is.
 */
export function runAsNobody(args: readonly string[], cwd: string): RunResult {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  if (!setpriv) throw new Error('permission tests as root need setpriv: apt-get install util-linux');
  // Others may enter and read it (a test may have opened it further: only add).
  fs.chmodSync(cwd, fs.statSync(cwd).mode | 0o555);
  const r = spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, readableCliCopy(), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function run(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Where temporary folders go: the system's temp folder when every user can pass through it (the
 * permission tests run the CLI as 'nobody' there), else /tmp (TMPDIR may be a private folder).
 */
export function tempBase(): string {
  const tmp = fs.realpathSync(os.tmpdir());
  for (let dir = tmp; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return '/tmp';
    if (path.dirname(dir) === dir) return tmp;
  }
}

/** A fresh temp folder holding a copy of test/fixtures/cli; removed by `cleanup`. */
export function workspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(tempBase(), 'partnership-cli-')));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** An empty temp folder. */
export function emptyDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(tempBase(), 'partnership-cli-')));
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function write(dir: string, rel: string, text: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** A bad-input outcome: exit 2, nothing on stdout, exactly one stderr line and no stack trace. */
export function assertOneLineFailure(r: RunResult, expectedLine: string | RegExp, status = 2): void {
  assert.strictEqual(r.stdout, '', `stdout should be empty, got: ${r.stdout}`);
  assert.ok(r.stderr.endsWith('\n'), `stderr should end with a newline: ${JSON.stringify(r.stderr)}`);
  const lines = r.stderr.slice(0, -1).split('\n');
  assert.strictEqual(lines.length, 1, `expected one stderr line, got:\n${r.stderr}`);
  assert.ok(!/\n\s+at /.test(r.stderr) && !/Error:/.test(r.stderr), `stack trace or raw error in stderr:\n${r.stderr}`);
  if (typeof expectedLine === 'string') assert.strictEqual(lines[0], expectedLine);
  else assert.match(lines[0], expectedLine);
  assert.strictEqual(r.status, status, `exit code (stderr: ${r.stderr})`);
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
