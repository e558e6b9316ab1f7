// Which files `check` reads: explicit files as given, folders searched recursively for
// `*.partnership.yaml` (skipping node_modules and .git, never looping through symlinks), every
// file once, in a stable order.
import * as fs from 'fs';
import * as path from 'path';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../node/names';
import { describeFsError, inputError } from './errors';
import { comparePaths, displayPath } from './paths';


const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface DiscoverOptions {
  /**
   * `diff`: a folder without partnership files, or a path that no longer exists, is no error (the
   * change may have deleted them; git still has the old versions).
   */
  allowEmpty?: boolean;
}

/** Whether `p` is `root` or below it (both real paths). */
function within(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Absolute paths of the files to check, sorted; throws an input error for a bad argument. */
export function discoverFiles(args: readonly string[], cwd: string, options: DiscoverOptions = {}): string[] {
  const found = new Map<string, string>(); // real path → path as discovered
  // real path of every folder entered → partnership files found under it (0 while in progress)
  const visitedFolders = new Map<string, number>();

  const add = (absPath: string) => {
    let real: string;
    try {
      real = fs.realpathSync(absPath);
    } catch (err) {
      throw inputError(`cannot read ${displayPath(absPath, cwd)}: ${describeFsError(err)}`);
    }
    if (!found.has(real)) found.set(real, absPath);
  };

  const walk = (folder: string, root: string): number => {
    let real: string;
    try {
      real = fs.realpathSync(folder);
    } catch (err) {
      throw inputError(`cannot read ${displayPath(folder, cwd)}: ${describeFsError(err)}`);
    }
    // A symlink back into the tree, or a folder already searched: nothing new below it.
    const seen = visitedFolders.get(real);
    if (seen !== undefined) return seen;
    visitedFolders.set(real, 0);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      throw inputError(`cannot read folder ${displayPath(folder, cwd)}: ${describeFsError(err)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let count = 0;
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: fs.Stats;
        let targetReal: string;
        try {
          target = fs.statSync(full);
          targetReal = fs.realpathSync(full);
        } catch (err) {
          // A dangling link is only our business when it claims to be a partnership file.
          if (isPartnershipFileName(entry.name)) throw inputError(`cannot read ${displayPath(full, cwd)}: ${describeFsError(err)}`);
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
        // A search stays inside the folder it was given: a link out of it (a checked-out pull request
        // can hold one to /etc/passwd or /proc/self/environ) would put another file's text in the
        // report. Such a folder is not entered; such a file is refused, and can be named to be checked.
        if (!within(targetReal, root)) {
          if (isDir) continue;
          if (isPartnershipFileName(entry.name)) throw inputError(`cannot read ${displayPath(full, cwd)}: it links outside the folder being checked (${displayPath(root, cwd)}); name the file itself to check it`);
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_FOLDERS.has(entry.name)) count += walk(full, root);
      } else if (isFile && isPartnershipFileName(entry.name)) {
        add(full);
        count++;
      } else if (isPartnershipFileName(entry.name)) {
        // A FIFO, socket or device under a partnership file's name: never read, never silently skipped.
        throw inputError(`cannot read ${displayPath(full, cwd)}: not a regular file`);
      }
    }
    visitedFolders.set(real, count);
    return count;
  };

  for (const arg of args) {
    const absPath = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && options.allowEmpty) continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError(`no such file or folder: ${arg}`);
      throw inputError(`cannot read ${arg}: ${describeFsError(err)}`);
    }
    if (stat.isDirectory()) {
      if (walk(absPath, fs.realpathSync(absPath)) === 0 && !options.allowEmpty) throw inputError(`no *${PARTNERSHIP_SUFFIX} files in ${arg}`);
    } else if (stat.isFile()) {
      add(absPath);
    } else {
      throw inputError(`cannot read ${arg}: not a regular file or folder`);
    }
  }
  return [...found.values()].sort(comparePaths);
}
