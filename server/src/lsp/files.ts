// The server's view of the disk: the service's FileSystem on node's fs, and URI ↔ path.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { configDistrust } from '../node/safeFiles';
import type { FileSystem } from '../service';

/** Larger files on disk are not read: the service would not check them anyway, and reading them costs memory. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

export const nodeFileSystem: FileSystem = {
  /**
   * Regular files only: a FIFO named like a partnership or config file would block the server
   * forever, so it is opened without waiting for a writer and refused.
   */
  readFile(p) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      return fs.readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
  /** A config owned by another user or writable by others is not used (the server logs why). */
  distrust: configDistrust,
  /** Whether anything is at the path, a dangling symlink included: a generated file is never written through one. */
  exists(p) {
    try {
      fs.lstatSync(p);
      return true;
    } catch {
      return false;
    }
  },
};

/** The file-system path of a `file:` URI; undefined for `untitled:` and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The URI of a file in the same folder as `uri`. Built from `uri` itself rather than from the
 * path, so the scheme and the client's own spelling of the folder (e.g. `file:///c%3A/…`) are kept.
 */
export function siblingUri(uri: string, filePath: string): string {
  const slash = uri.lastIndexOf('/');
  return `${uri.slice(0, slash + 1)}${encodeURIComponent(path.basename(filePath))}`;
}

/** The URI of a path found on disk (a config file the client never opened). */
export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function isConfigFile(uri: string, configName: string): boolean {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) === configName;
}
