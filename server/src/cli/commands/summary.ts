// `partnership summary [paths…]`: one row per partnership, what needs attention first. It reports;
// it does not judge: exit 0 whatever it finds (2 for bad input).
import { compareByAttention, createLanguageService, PartnershipSummary, summaryLine } from '../../service';
import { flag, OptionSpec, parseArgs, stringOption } from '../args';
import type { CliContext } from '../context';
import { EXIT_OK, usageError } from '../errors';
import { discoverFiles } from '../files';
import { cell } from '../formatters/markdown';
import { SUMMARY_HELP } from '../help';
import { NodeFileSystem, readText } from '../../node/nodeFs';
import { writeOutput } from '../output';
import { portablePath } from '../paths';
import { resolveToday } from '../today';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: true, short: 'f' },
  { name: 'today', value: true },
  { name: 'output', value: true, short: 'o' },
  { name: 'help', value: false, short: 'h' },
];

export const SUMMARY_FORMATS = ['stylish', 'markdown', 'json', 'csv'] as const;

export function runSummary(argv: readonly string[], ctx: CliContext): number {
  const args = parseArgs(argv, OPTIONS, 'summary');
  if (flag(args, 'help')) {
    ctx.stdout(SUMMARY_HELP);
    return EXIT_OK;
  }
  const format = stringOption(args, 'format') ?? 'stylish';
  if (!(SUMMARY_FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format '${format}': expected one of ${SUMMARY_FORMATS.join(', ')}`, 'summary');
  const today = resolveToday(stringOption(args, 'today'), ctx, 'summary');
  const files = discoverFiles(args.positionals.length > 0 ? args.positionals : ['.'], ctx.cwd);
  const service = createLanguageService({ fs: new NodeFileSystem((p) => `config ${p}`), home: ctx.env.HOME || undefined });
  const timelines = new Map<string, string | undefined>();
  const rows = files
    .map((file) => {
      const text = readText(file, portablePath(file, ctx.cwd)).text;
      const config = service.configFor(file).config;
      const row = { ...service.summary(text, file, today, config), path: portablePath(file, ctx.cwd) };
      if (format === 'markdown') timelines.set(row.path, service.timeline(text, file, today, config, { title: row.name }));
      return row;
    })
    .sort(compareByAttention);
  const text = format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : format === 'csv' ? csv(rows) : format === 'markdown' ? markdown(rows, timelines) : stylish(rows);
  writeOutput(ctx, text, stringOption(args, 'output'), files);
  return EXIT_OK;
}

const TREND: Record<string, string> = { improving: '↗', steady: '→', declining: '↘' };

interface Column {
  title: string;
  width: number;
  right?: boolean;
  value(s: PartnershipSummary): string;
}

const COLUMNS: Column[] = [
  { title: 'Partnership', width: 22, value: (s) => s.name },
  { title: 'Health', width: 10, value: (s) => `${s.health ?? '—'}${s.trend ? ` ${TREND[s.trend] ?? ''}` : ''}` },
  { title: 'Late', width: 8, right: true, value: (s) => (s.late ? `${s.late} (${s.maxDaysLate}d)` : '0') },
  { title: 'Week', width: 4, right: true, value: (s) => String(s.dueWithinWeek) },
  { title: 'Concern', width: 8, value: (s) => (s.oldestUnansweredConcern ? `${s.oldestUnansweredConcern.id ?? '?'} ${s.oldestUnansweredConcern.days}d` : '—') },
  { title: 'Report', width: 6, right: true, value: (s) => (s.daysSinceStatusReport === undefined ? '—' : `${s.daysSinceStatusReport}d`) },
  { title: 'Stale', width: 5, right: true, value: (s) => String(s.staleDecisionMakers.length) },
  { title: 'On-time', width: 7, right: true, value: (s) => (s.onTime ? `${s.onTime.percent}%` : '—') },
  { title: 'Next milestone', width: 14, value: (s) => (s.nextMilestone ? `${s.nextMilestone.id ?? s.nextMilestone.name} in ${s.nextMilestone.daysAway}d` : '—') },
];

function fit(text: string, width: number, right = false): string {
  const chars = [...text];
  const cut = chars.length > width ? chars.slice(0, width - 1).join('') + '…' : text;
  const pad = ' '.repeat(Math.max(0, width - [...cut].length));
  return right ? pad + cut : cut + pad;
}

/** A table that fits 100 columns: 9 columns and their separators. */
function stylish(rows: readonly PartnershipSummary[]): string {
  if (rows.length === 0) return 'No partnership files.\n';
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const out = [line(COLUMNS.map((c) => fit(c.title, c.width, c.right)))];
  for (const r of rows) out.push(line(COLUMNS.map((c) => fit(c.value(r), c.width, c.right))));
  out.push(
    '',
    'Late: open commitments past due (most days late). Week: due in the next 7 days. Concern: the',
    'oldest unanswered. Report: days since the last status report. Stale: decision makers not',
    'contacted as agreed. On-time: done by the date first promised, over the reliability window.',
  );
  return out.join('\n') + '\n';
}

/**
 * The table, one line per partnership, then one Mermaid timeline per partnership (in the table's
 * order): each file's owners are its sections, and one chart of a whole portfolio would be too
 * tall to read. A partnership with nothing dated has no chart.
 */
function markdown(rows: readonly PartnershipSummary[], timelines: ReadonlyMap<string, string | undefined>): string {
  const out = ['## Partnerships', '', `${rows.length} partnership${rows.length === 1 ? '' : 's'}, what needs attention first.`, '', `| ${COLUMNS.map((c) => c.title).join(' | ')} |`, `|${COLUMNS.map((c) => (c.right ? '---:' : '---')).join('|')}|`];
  for (const r of rows) out.push(`| ${COLUMNS.map((c, i) => (i === 0 ? `[${cell(r.name)}](${r.path.split('/').map(encodeURIComponent).join('/')})` : cell(c.value(r)))).join(' | ')} |`);
  out.push('', ...rows.map((r) => `- **${cell(r.name)}**: ${cell(summaryLine(r))}${r.staleDecisionMakers.length ? `; not contacted as agreed: ${cell(r.staleDecisionMakers.join(', '))}` : ''}`));
  const charts = rows.filter((r) => timelines.get(r.path) !== undefined);
  if (charts.length > 0) out.push('', '## Timelines');
  for (const r of charts) out.push('', `### ${cell(r.name)}`, '', '```mermaid', timelines.get(r.path)!.trimEnd(), '```');
  return out.join('\n') + '\n';
}

function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly PartnershipSummary[]): string {
  const header = ['path', 'name', 'customer', 'health', 'trend', 'late', 'max_days_late', 'due_within_week', 'unanswered_concerns', 'oldest_concern', 'oldest_concern_days', 'days_since_status_report', 'stale_decision_makers', 'on_time_percent', 'next_milestone', 'next_milestone_due'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [r.path, r.name, r.customer, r.health, r.trend, r.late, r.maxDaysLate, r.dueWithinWeek, r.unansweredConcerns, r.oldestUnansweredConcern?.id, r.oldestUnansweredConcern?.days, r.daysSinceStatusReport, r.staleDecisionMakers.join('; '), r.onTime?.percent, r.nextMilestone?.name, r.nextMilestone?.due]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

