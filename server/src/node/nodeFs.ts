// The service's view of the disk, backed by node's fs: the one adapter of the CLI and the server.
// Only regular UTF-8 text files within MAX_FILE_BYTES are read. It remembers why reads failed so
// the CLI can turn a silently unreadable config into an exit-2 error instead of ignoring it.
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import type { FileSystem } from '../service';
import { describeFsError } from './fsErrors';
import { configDistrust } from './safeFiles';

/** A file that cannot be read as text; the message is one line ("cannot read x: why"). */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

const unreadable = (message: string) => new UnreadableFile(message);

/** Larger partnership or config files are refused rather than read into memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A long-running server forgets older failures: only the CLI's last reads are asked about. */
const MAX_REMEMBERED_FAILURES = 1000;

export class NodeFileSystem implements FileSystem {
  /** Absolute path → the one-line reason its read failed (the last MAX_REMEMBERED_FAILURES). */
  readonly failedReads = new Map<string, string>();

  constructor(private readonly show: (absPath: string) => string = (p) => p) {}

  readFile(filePath: string): string | undefined {
    const absPath = path.resolve(filePath);
    try {
      const { text } = readText(absPath, this.show(absPath));
      this.failedReads.delete(absPath);
      return text;
    } catch (err) {
      if (this.failedReads.size >= MAX_REMEMBERED_FAILURES) this.failedReads.delete(this.failedReads.keys().next().value!);
      this.failedReads.set(absPath, err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  /** A config owned by another user or writable by others is not used (the CLI and the server say so). */
  distrust(filePath: string): string | undefined {
    return configDistrust(filePath);
  }

  /** Whether anything is at the path: a dangling symlink too, so a generated file is never written through one. */
  exists(filePath: string): boolean {
    try {
      fs.lstatSync(filePath);
      return true;
    } catch {
      return false;
    }
  }
}

export interface TextFile {
  /** The text without a leading byte order mark (editors hide it; positions ignore it). */
  text: string;
  /** Whether the file started with a BOM, so a rewrite can keep it. */
  bom: boolean;
}

/**
 * Read a UTF-8 text file; throws UnreadableFile with a one-line message on failure. Only regular
 * files are read (a FIFO would block forever; it is opened without waiting for a writer, then
 * refused), and only UTF-8 text: a binary or differently encoded file would be misread, and
 * rewriting it (agenda, report) would destroy its bytes.
 */
export function readText(filePath: string, shown = filePath): TextFile {
  let buffer: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw unreadable(`cannot read ${shown}: not a regular file`);
    if (stat.size > MAX_FILE_BYTES) {
      throw unreadable(`cannot read ${shown}: the file is ${Math.ceil(stat.size / 1048576)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`);
    }
    buffer = fs.readFileSync(fd);
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw unreadable(`cannot read ${shown}: ${describeFsError(err)}`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const problem = notText(buffer);
  if (problem) throw unreadable(`cannot read ${shown}: ${problem}`);
  const text = buffer.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/** Why these bytes are not UTF-8 text, with where: a NUL byte, a UTF-16 byte order mark, a malformed sequence. */
function notText(b: Buffer): string | undefined {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 'UTF-16 text: save it as UTF-8';
  const nul = b.indexOf(0);
  if (nul >= 0) return `a binary file, not text (a NUL byte at ${where(b, nul)})`;
  if (isUtf8(b)) return undefined;
  const bad = firstInvalidUtf8(b);
  return `not UTF-8 text (byte 0x${b[bad].toString(16).toUpperCase().padStart(2, '0')} at ${where(b, bad)}): save it as UTF-8`;
}

/** "line 3, column 12" (1-based, columns in characters) for a byte offset. */
function where(b: Buffer, offset: number): string {
  const lineStart = offset === 0 ? 0 : b.lastIndexOf(10, offset - 1) + 1;
  let line = 1;
  for (let i = b.indexOf(10); i >= 0 && i < offset; i = b.indexOf(10, i + 1)) line++;
  return `line ${line}, column ${b.subarray(lineStart, offset).toString('utf8').length + 1}`;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    const next = b[i + 1];
    if ((c === 0xe0 && next < 0xa0) || (c === 0xed && next > 0x9f) || (c === 0xf0 && next < 0x90) || (c === 0xf4 && next > 0x8f)) return i;
    i += more + 1;
  }
  return 0;
}

/** The server's file system: one instance for the process. */
export const nodeFileSystem = new NodeFileSystem();
