// Where a command's main output goes: stdout, or the `--output` file (parent folders created).
import * as fs from 'fs';
import * as path from 'path';
import type { CliContext } from './context';
import { describeFsError, inputError } from './errors';

export function writeOutput(ctx: CliContext, text: string, output: string | undefined): void {
  if (output === undefined) {
    ctx.stdout(text);
    return;
  }
  const target = path.resolve(ctx.cwd, output);
  ensureParentFolder(target, output);
  try {
    fs.writeFileSync(target, text);
  } catch (err) {
    throw inputError(`cannot write ${output}: ${describeFsError(err)}`);
  }
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
