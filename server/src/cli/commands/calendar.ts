// `partnership calendar [paths…]`: the dates the partnership files promise, as one iCalendar file
// (all-day entries with stable UIDs, so a calendar that imports it again updates them).
import ical from 'ical-generator';
import * as path from 'path';
import { createLanguageService, formatDay } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK } from '../errors';
import { discoverFiles } from '../files';
import { CALENDAR_HELP } from '../help';
import { NodeFileSystem, readText } from '../../node/nodeFs';
import { writeOutput } from '../output';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'today', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'help', value: false, short: 'h' },
];

const MS_PER_DAY = 86_400_000;

export function runCalendar(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'calendar');
  if (flag(args, 'help')) {
    ctx.stdout(CALENDAR_HELP);
    return EXIT_OK;
  }
  const today = resolveToday(stringOption(args, 'today'), ctx, 'calendar');
  const files = discoverFiles(args.positionals.length > 0 ? args.positionals : ['.'], ctx.cwd);
  // DTSTAMP is the day judged, not the clock: the same files give the same calendar.
  const stamp = new Date(today * MS_PER_DAY);
  const service = createLanguageService({ fs: new NodeFileSystem((p) => `config ${p}`), home: ctx.env.HOME || undefined });
  const calendar = ical({ name: 'Partnerships', prodId: { company: 'partnership-tools', product: 'partnership', language: 'EN' } });
  for (const file of files) {
    const { text } = readText(file, path.relative(ctx.cwd, file) || file);
    for (const e of service.calendar(text, file, today, service.configFor(file).config)) {
      // An all-day entry from the UTC midnight of its day: ical-generator writes that date whatever the time zone.
      calendar.createEvent({ id: e.uid, start: new Date(e.day * MS_PER_DAY), allDay: true, summary: e.summary, description: `${e.description} (${path.relative(ctx.cwd, file) || file}:${e.line + 1}, ${formatDay(e.day)})`, stamp });
    }
  }
  writeOutput(ctx, calendar.toString(), stringOption(args, 'output'), files);
  return EXIT_OK;
}
