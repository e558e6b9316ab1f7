// The service's view of the disk, backed by node's fs. It remembers which reads failed so the
// CLI can turn a silently unreadable config into an exit-2 error instead of ignoring it.
import * as fs from 'fs';
import * as path from 'path';
import type { FileSystem } from '../service';
import { describeFsError, inputError } from './errors';

/** Larger partnership or config files are refused rather than read into memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export class NodeFileSystem implements FileSystem {
  /** Absolute path → the one-line reason its read failed. */
  readonly failedReads = new Map<string, string>();

  constructor(private readonly show: (absPath: string) => string = (p) => p) {}

  readFile(filePath: string): string | undefined {
    const absPath = path.resolve(filePath);
    try {
      return readText(absPath, this.show(absPath)).text;
    } catch (err) {
      this.failedReads.set(absPath, err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  exists(filePath: string): boolean {
    return fs.existsSync(filePath);
  }
}

export interface TextFile {
  /** The text without a leading byte order mark (editors hide it; positions ignore it). */
  text: string;
  /** Whether the file started with a BOM, so a rewrite can keep it. */
  bom: boolean;
}

/** Read a UTF-8 text file; throws an input error with a one-line message on failure. */
export function readText(filePath: string, shown = filePath): TextFile {
  let buffer: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.size > MAX_FILE_BYTES) {
      throw inputError(`cannot read ${shown}: the file is ${Math.ceil(stat.size / 1048576)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`);
    }
    buffer = fs.readFileSync(filePath);
  } catch (err) {
    if (err instanceof Error && err.name === 'CliError') throw err;
    throw inputError(`cannot read ${shown}: ${describeFsError(err)}`);
  }
  const text = buffer.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}
