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
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (err) {
    throw inputError(`cannot write ${output}: ${describeFsError(err)}`);
  }
}
