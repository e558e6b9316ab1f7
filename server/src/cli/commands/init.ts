// `partnership init [FILE]`: the service's starter partnership file (it checks without errors and
// its warnings say what to fill in next), named after the folder by default. Never overwrites.
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, partnershipFileStem, starterFile } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { CliError, describeFsError, EXIT_OK, EXIT_USAGE, inputError, usageError } from '../errors';
import { isPartnershipFileName, PARTNERSHIP_SUFFIX } from '../../node/names';
import { INIT_HELP } from '../help';
import { NodeFileSystem } from '../../node/nodeFs';
import { displayPath } from '../paths';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'name', value: true },
  { name: 'customer', value: true },
  { name: 'today', value: true },
  { name: 'help', value: false, short: 'h' },
];

export function runInit(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'init');
  if (flag(args, 'help')) {
    ctx.stdout(INIT_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length > 1) throw usageError(`init takes at most one file, got ${args.positionals.length}`, 'init');
  const today = resolveToday(stringOption(args, 'today'), ctx, 'init');
  const fileArg = args.positionals[0] ?? `${partnershipFileStem(path.basename(ctx.cwd))}${PARTNERSHIP_SUFFIX}`;
  if (!isPartnershipFileName(path.basename(fileArg))) {
    throw usageError(`the file name must end with ${PARTNERSHIP_SUFFIX} so the editor and 'partnership check' find it: ${fileArg}`, 'init');
  }
  const target = path.resolve(ctx.cwd, fileArg);
  const shown = displayPath(target, ctx.cwd);
  const name = stringOption(args, 'name') ?? path.basename(target).slice(0, -PARTNERSHIP_SUFFIX.length);
  const customer = stringOption(args, 'customer') ?? 'Customer organisation (replace me)';
  for (const [option, value] of [
    ['name', name],
    ['customer', customer],
  ]) {
    if (value.trim() === '' || /[\r\n]/.test(value)) throw usageError(`--${option} must be a non-empty single line`, 'init');
  }

  const content = starterFile({ name: name.trim(), customer: customer.trim(), today });
  // The starter must check clean of errors; anything else is a bug here, not the user's problem.
  const errors = createLanguageService({ fs: new NodeFileSystem() })
    .validate(content, target, { today })
    .filter((d) => d.severity === 1);
  if (errors.length > 0) throw new CliError(`internal error: the starter file is invalid: ${errors[0].message}`, EXIT_USAGE);

  try {
    fs.writeFileSync(target, content, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw inputError(`${shown} already exists; not overwriting it`);
    throw inputError(`cannot write ${shown}: ${describeFsError(err)}`);
  }
  ctx.stdout(`${shown}\n`);
  return EXIT_OK;
}
