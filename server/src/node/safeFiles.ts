// Writing files without losing anyone's work, shared by the CLI and the language server. A
// partnership file is replaced only under a lock between processes, only while it still holds the
// bytes that were read, and only when the replace keeps what the file is: the symlink stays a link
// (its target is written), hard links stay joined, owner, group and mode stay the same, and a file
// nobody may write is not written. Each refusal is a WriteRefused with a one-line message.
//
// write-file-atomic was considered: it writes through symlinks and keeps mode and owner, but its
// temporary name is the file's name plus up to 11 bytes (ENAMETOOLONG near the 255-byte limit),
// it ignores a failed chown when not root (the owner silently becomes the runner), replaces files
// without write permission (a rename needs only the folder's) and splits hard links. Here the
// temporary and lock names are short and fixed-length, and each of those cases is refused instead.
import { describeFsError } from './fsErrors';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

/** How long to wait for another process's lock on the same file before refusing. */
export const LOCK_WAIT_MS = 30_000;
/** A lock older than this is stale whoever holds it (a hung process, another host's dead one). */
export const LOCK_STALE_MS = 10 * 60_000;
/** A lock file still empty after this long was left by a process that died while creating it. */
const EMPTY_LOCK_STALE_MS = 5_000;

const isRoot = () => process.getuid?.() === 0;


/** A short, fixed-length name beside `real` (so a 255-byte file name never makes it too long). */
function sideName(real: string, kind: 'lock' | 'tmp'): string {
  const digest = crypto.createHash('sha256').update(path.basename(real)).digest('hex').slice(0, 16);
  const unique = kind === 'tmp' ? `-${process.pid}-${crypto.randomBytes(4).toString('hex')}` : '';
  return path.join(path.dirname(real), `.partnership-${kind}-${digest}${unique}`);
}

/**
 * The file a write to `file` changes: the final target of a symlink. The caller checks the
 * target's name too, so a link named like a partnership file cannot aim a write at another file.
 */
export function writeTarget(file: string, shown: string): string {
  try {
    return fs.realpathSync(file);
  } catch (err) {
    throw new WriteRefused(`cannot resolve ${shown}: ${describeFsError(err)}`);
  }
}

/**
 * Whether `real` (a resolved path) can be replaced keeping its identity; a WriteRefused saying
 * why not, before anything is written. Hard links: a replace would split them (the other names
 * would keep the old text), so a file with several is refused rather than written in place, which
 * could leave half a file after a crash.
 */
export function assertReplaceable(real: string, shown: string): fs.Stats {
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch (err) {
    throw new WriteRefused(`cannot update ${shown}: ${describeFsError(err)}`);
  }
  if (!st.isFile()) throw new WriteRefused(`cannot update ${shown}: not a regular file`);
  const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
  if ((st.mode & 0o222) === 0) throw new WriteRefused(`${shown} is read-only (mode ${mode}); not changing it`);
  if (!isRoot()) {
    try {
      fs.accessSync(real, fs.constants.W_OK);
    } catch {
      throw new WriteRefused(`${shown} is not writable by you (mode ${mode}, owner uid ${st.uid}); not changing it`);
    }
    if (st.uid !== process.getuid?.()) {
      throw new WriteRefused(`${shown} belongs to another user (uid ${st.uid}); replacing it would make it yours, so it is not changed`);
    }
    const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
    if (!groups.has(st.gid)) throw new WriteRefused(`${shown} has a group you are not in (gid ${st.gid}); replacing it would change its group, so it is not changed`);
    try {
      fs.accessSync(path.dirname(real), fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      throw new WriteRefused(`cannot update ${shown}: its folder is not writable by you`);
    }
  }
  if (st.nlink > 1) throw new WriteRefused(`${shown} has ${st.nlink} hard links; replacing it would split them, so it is not changed`);
  return st;
}

// ---------------------------------------------------------------------------------------------
// The lock: a file created with O_EXCL beside the partnership file, holding its owner's pid, host
// and a random token. A lock whose process is gone (same host), or older than LOCK_STALE_MS, is
// stale and removed — after reading it again, so a lock just taken by another process is not.

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

export interface HeldLock {
  path: string;
  token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function readLock(lockPath: string): { text: string; owner?: LockOwner; ageMs: number } | undefined {
  try {
    const st = fs.statSync(lockPath);
    const text = fs.readFileSync(lockPath, 'utf8');
    let owner: LockOwner | undefined;
    try {
      const value = JSON.parse(text) as Partial<LockOwner>;
      if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') owner = value as LockOwner;
    } catch {
      owner = undefined;
    }
    return { text, owner, ageMs: Date.now() - st.mtimeMs };
  } catch {
    return undefined; // released meanwhile
  }
}

function isStale(lock: { text: string; owner?: LockOwner; ageMs: number }): boolean {
  if (lock.ageMs > LOCK_STALE_MS) return true;
  if (!lock.owner) return lock.ageMs > EMPTY_LOCK_STALE_MS;
  return lock.owner.host === os.hostname() && !alive(lock.owner.pid);
}

/** One attempt: the lock, or undefined when another process holds it. */
function tryLock(real: string, shown: string): HeldLock | undefined {
  const lockPath = sideName(real, 'lock');
  const token = crypto.randomBytes(8).toString('hex');
  let fd: number;
  try {
    fd = fs.openSync(lockPath, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new WriteRefused(`cannot lock ${shown} for the update: ${describeFsError(err)}`);
    const held = readLock(lockPath);
    if (held && isStale(held)) {
      const again = readLock(lockPath);
      if (again && again.text === held.text) {
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // someone else removed it first
        }
      }
    }
    return undefined;
  }
  try {
    fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), token }));
  } finally {
    fs.closeSync(fd);
  }
  return { path: lockPath, token };
}

export function releaseLock(lock: HeldLock): void {
  const held = readLock(lock.path);
  if (held?.owner?.token !== lock.token) return; // broken as stale and taken by another: not ours to remove
  try {
    fs.unlinkSync(lock.path);
  } catch {
    // already gone
  }
}

const busy = (shown: string) => new WriteRefused(`${shown} is being updated by another partnership command; not changed (try again)`);
const pause = () => 20 + Math.floor(Math.random() * 40);

/** Take the lock on `real`, waiting (blocking) up to LOCK_WAIT_MS. For the CLI. */
export function lockSync(real: string, shown: string, waitMs = LOCK_WAIT_MS): HeldLock {
  const deadline = Date.now() + waitMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const lock = tryLock(real, shown);
    if (lock) return lock;
    if (Date.now() > deadline) throw busy(shown);
    Atomics.wait(sleeper, 0, 0, pause());
  }
}

/** Take the lock on `real`, waiting without blocking the event loop. For the language server. */
export async function lock(real: string, shown: string, waitMs = LOCK_WAIT_MS): Promise<HeldLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const held = tryLock(real, shown);
    if (held) return held;
    if (Date.now() > deadline) throw busy(shown);
    await new Promise((resolve) => setTimeout(resolve, pause()));
  }
}

// ---------------------------------------------------------------------------------------------
// The replace.

/** The file's bytes now (for the compare before the replace). */
function bytesOf(real: string, shown: string): Buffer {
  try {
    return fs.readFileSync(real);
  } catch (err) {
    throw new WriteRefused(`cannot read ${shown} again before updating it: ${describeFsError(err)}`);
  }
}

/**
 * Replace `real` with `content` if it still holds `expected`, keeping owner, group and mode:
 * returns false (nothing written) when it changed since it was read. The caller holds the lock;
 * the compare is the last step before the rename, so only a writer that ignores the lock (an
 * editor saving) can slip in, within the few microseconds between the two.
 */
export function replaceIfUnchanged(real: string, shown: string, expected: Buffer, content: Buffer): boolean {
  const st = assertReplaceable(real, shown);
  if (!bytesOf(real, shown).equals(expected)) return false;
  const temp = sideName(real, 'tmp');
  try {
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      fs.writeSync(fd, content);
      fs.fchownSync(fd, st.uid, st.gid);
      fs.fchmodSync(fd, st.mode & 0o7777);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!bytesOf(real, shown).equals(expected)) {
      fs.unlinkSync(temp);
      return false;
    }
    fs.renameSync(temp, real);
    return true;
  } catch (err) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    if (err instanceof WriteRefused) throw err;
    throw new WriteRefused(`cannot update ${shown}: ${describeFsError(err)}`);
  }
}

/**
 * Write a new or existing output file (a report, a schema) atomically: a temporary file in the
 * same folder renamed over it, so a reader never sees half of it. A symlink is written through to
 * its target; an existing file keeps its mode.
 */
export function writeAtomic(target: string, shown: string, content: string | Buffer): void {
  let real = target;
  let mode = 0o666 & ~process.umask();
  try {
    real = fs.realpathSync(target);
    mode = fs.statSync(real).mode & 0o7777;
  } catch {
    // a new file
  }
  const temp = sideName(real, 'tmp');
  try {
    fs.writeFileSync(temp, content, { flag: 'wx', mode });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, real);
  } catch (err) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
    throw new WriteRefused(`cannot write ${shown}: ${describeFsError(err)}`);
  }
}

/** Remove a generated document that has no record any more; says whether it was removed. */
export function removeQuietly(file: string): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Config trust.

/**
 * Why a config file must not be trusted, or undefined: owned by another user (root excepted) or
 * writable by its group or by everyone — anyone who may change it could silence every problem.
 */
export function configDistrust(configPath: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(configPath);
  } catch {
    return undefined; // not there or unreadable: the reader says so
  }
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) return `it belongs to another user (uid ${st.uid})`;
  if (st.mode & 0o022) return `it is writable by ${st.mode & 0o002 ? 'everyone' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}; chmod go-w to use it)`;
  return undefined;
}
