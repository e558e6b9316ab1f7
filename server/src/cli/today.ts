// `--today`: a real calendar date or a usage error; the local date otherwise.
import { Day, parseToday } from '../service';
import type { CliContext } from './context';
import { usageError } from './errors';

export function resolveToday(value: string | undefined, ctx: CliContext, command: string): Day {
  if (value === undefined) return ctx.today;
  const today = parseToday(value);
  if ('problem' in today) throw usageError(`invalid --today '${value}': ${today.problem}`, command);
  return today.day;
}
