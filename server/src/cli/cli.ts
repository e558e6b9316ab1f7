// Command dispatch. Returns the exit code; every failure becomes one stderr line, never a stack.
import { runCalendar } from './commands/calendar';
import { runCheck } from './commands/check';
import { runSummary } from './commands/summary';
import { runDiff } from './commands/diff';
import { runGenerate } from './commands/generate';
import { runInit } from './commands/init';
import { runSchema } from './commands/schema';
import type { CliContext } from './context';
import { asCliError, errorLine, EXIT_OK, EXIT_USAGE, oneLine, usageError } from './errors';
import { MAIN_HELP } from './help';
import { editDistance } from '../service';
import { VERSION } from './version';

const COMMANDS: Record<string, (argv: readonly string[], ctx: CliContext) => number> = {
  check: runCheck,
  diff: runDiff,
  agenda: (argv, ctx) => runGenerate('agenda', argv, ctx),
  report: (argv, ctx) => runGenerate('report', argv, ctx),
  summary: runSummary,
  calendar: runCalendar,
  init: runInit,
  schema: runSchema,
};

function dispatch(argv: readonly string[], ctx: CliContext): number {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError('no command given');
  if (first === '--help' || first === '-h' || first === 'help') {
    ctx.stdout(MAIN_HELP);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    ctx.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[first];
  if (command) {
    // `partnership check --version` works too.
    if (rest.includes('--version') && !rest.includes('--')) {
      ctx.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    return command(rest, ctx);
  }
  if (first.startsWith('-')) throw usageError(`unknown option '${first}' (options go after the command)`);
  const names = Object.keys(COMMANDS);
  const near = names.find((n) => editDistance(first, n) <= 2);
  throw usageError(`unknown command '${first}'${near ? `; did you mean '${near}'?` : ''}; commands: ${names.join(', ')}`);
}

export function runCli(argv: readonly string[], ctx: CliContext): number {
  try {
    return dispatch(argv, ctx);
  } catch (err) {
    const known = asCliError(err);
    if (known) {
      ctx.stderr(`partnership: ${errorLine(known)}\n`);
      return known.exitCode;
    }
    // A bug: still one line, still no stack trace.
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr(`partnership: internal error: ${oneLine(message)}\n`);
    return EXIT_USAGE;
  }
}
