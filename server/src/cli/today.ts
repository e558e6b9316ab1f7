// `--today`: a real calendar date or a usage error; the local date otherwise.
import { Day, parseDay } from '../service';
import type { CliContext } from './context';
import { usageError } from './errors';

export function resolveToday(value: string | undefined, ctx: CliContext, command: string): Day {
  if (value === undefined) return ctx.today;
  const day = parseDay(value);
  if (day === undefined) throw usageError(`invalid --today '${value}': expected a real date as YYYY-MM-DD`, command);
  return day;
}
