// `partnership schema`: the JSON schema of the file format, for other tools and editors.
import { PARTNERSHIP_SCHEMA } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, usageError } from '../errors';
import { SCHEMA_HELP } from '../help';
import { writeOutput } from '../output';

const OPTIONS: OptionSpec[] = [
  { name: 'output', value: true, short: 'o' },
  { name: 'help', value: false, short: 'h' },
];

export function runSchema(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'schema');
  if (flag(args, 'help')) {
    ctx.stdout(SCHEMA_HELP);
    return EXIT_OK;
  }
  if (args.positionals.length > 0) throw usageError(`schema takes no arguments, got '${args.positionals[0]}'`, 'schema');
  const output = stringOption(args, 'output');
  if (output === '') throw usageError("option '--output' needs a file name", 'schema');
  writeOutput(ctx, JSON.stringify(PARTNERSHIP_SCHEMA, null, 2) + '\n', output);
  return EXIT_OK;
}
