// Where a command's main output goes: stdout (no `--output`, or `--output -`), or the `--output`
// file, written atomically (parent folders created) and never over an input or a partnership or
// config file.
import * as fs from 'fs';
import * as path from 'path';
import { WriteRefused, writeAtomic } from '../node/safeFiles';
import { CONFIG_FILE_NAME } from '../service';
import type { CliContext } from './context';
import { describeFsError, inputError } from './errors';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../node/names';

export function writeOutput(ctx: CliContext, text: string, output: string | undefined, inputs: readonly string[] = []): void {
  if (output === undefined || output === '-') {
    ctx.stdout(text);
    return;
  }
  const target = path.resolve(ctx.cwd, output);
  assertNotAnInput(target, output, inputs);
  ensureParentFolder(target, output);
  try {
    writeAtomic(target, output, text);
  } catch (err) {
    if (err instanceof WriteRefused) throw inputError(err.message);
    throw err;
  }
}

/** The same file: the same path once links are resolved, or the same inode (a hard link). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * An output never replaces what was read, nor a partnership or config file (by its name, or the
 * name it links to): `check x.partnership.yaml -o x.partnership.yaml` would destroy the file.
 */
export function assertNotAnInput(target: string, shown: string, inputs: readonly string[]): void {
  let real = target;
  try {
    real = fs.realpathSync(target);
  } catch {
    // not there yet
  }
  const protectedName = (p: string) => isPartnershipFileName(path.basename(p)) || path.basename(p) === CONFIG_FILE_NAME;
  if (protectedName(target) || protectedName(real)) {
    throw inputError(`--output ${shown} is a partnership or config file (*${PARTNERSHIP_SUFFIX}, ${CONFIG_FILE_NAME}); outputs never replace those`);
  }
  if (inputs.some((input) => sameFile(input, target))) throw inputError(`--output ${shown} is one of the input files; outputs never replace an input`);
}

/** Create the folders above `target`; a file in the way is reported as such. */
export function ensureParentFolder(target: string, shown: string): void {
  try {
    makeFolders(path.dirname(target));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent path is not a folder' : describeFsError(err);
    throw inputError(`cannot write ${shown}: ${reason}`);
  }
}

/**
 * mkdir -p, one level at a time from the nearest existing ancestor. Node's own recursive mkdir
 * can spin forever on paths it cannot create (e.g. under /proc); this walk ends at the root.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  while (!fs.existsSync(at)) {
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing.reverse()) fs.mkdirSync(dir);
}
