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
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent path is not a folder' : describeFsError(err);
    throw inputError(`cannot write ${shown}: ${reason}`);
  }
}
