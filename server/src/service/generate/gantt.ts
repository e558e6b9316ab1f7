// A partnership's timeline as a Mermaid `gantt` chart (GitHub renders Mermaid in Markdown): each
// commitment from when it was made to its due date, its completion or today, one section per
// owner; the milestones as diamonds in a section of their own. Pure: it formats the domain's facts.
//
// Text from the file never shapes the chart: Mermaid reads a task as `label :data` up to the end
// of the line, so every character its lexer or its preprocessing treats specially (`:` `;` `#` `%`,
// HTML, a Markdown fence) is written as a Mermaid entity code (`#58;`), which it shows as the
// character itself; a label that begins like a keyword (`section`, `click`, a date) has its first
// character written that way too.
import { formatDay } from '../dates';
import type { CommitmentFact, Facts, MilestoneFact } from '../domain';
import type { Day } from '../types';

export interface GanttOptions {
  /** The chart's title (the day it is drawn as of is added). Default: the partnership's name. */
  title?: string;
  /** Nodes of entries to leave out (a document leaves out entries with schema errors, see leftOut.ts). */
  leaveOut?: ReadonlySet<unknown>;
}

/**
 * At most this many bars: Mermaid refuses a chart over 50,000 characters (its `maxTextSize`,
 * GitHub's too), and a chart of hundreds of bars is no longer read. A larger file shows the bars
 * nearest to the day it is drawn as of, and its title says how many of how many.
 */
export const GANTT_MAX_BARS = 100;

/** Labels longer than this are cut (with "…"): a bar's label is one line. */
export const GANTT_LABEL_MAX = 80;

// C0/C1 control characters: dropped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Characters Mermaid's gantt lexer, its entity preprocessing, its HTML sanitising or a Markdown fence could read as syntax. */
const SPECIAL = /[:;#%&<>"`]/g;
/** What the gantt lexer matches at the start of a line before it would read a task label. */
const KEYWORD_START = /^(?:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|acc|section|click|call|href|\d{4}-\d\d-\d\d)/i;

/** Text from the file as a Mermaid label: one line, at most `max` characters, nothing Mermaid reads as syntax. */
export function mermaidText(value: string | undefined, max = GANTT_LABEL_MAX): string {
  let text = (value ?? '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length > max) text = chars.slice(0, max - 1).join('').trimEnd() + '…';
  if (text === '') return '(untitled)';
  text = text.replace(SPECIAL, (c) => `#${c.charCodeAt(0)};`);
  if (KEYWORD_START.test(text)) text = `#${text.charCodeAt(0)};${text.slice(1)}`;
  return text;
}

/** A task id Mermaid accepts: the file's id (letters, digits, `_`, `-`), prefixed so it is never a tag (`done`, `crit`). */
function taskId(prefix: string, id: string | undefined, index: number, used: Set<string>): string {
  const base = `${prefix}-${id ? id.replace(/[^A-Za-z0-9_-]/g, '_') : String(index + 1)}`;
  let out = base;
  for (let n = 2; used.has(out); n++) out = `${base}-${n}`;
  used.add(out);
  return out;
}

/** " (3 days late)" after a late bar's label. */
function late(days: number): string {
  return days > 0 ? ` (${days} ${days === 1 ? 'day' : 'days'} late)` : '';
}

interface Bar {
  section: string;
  label: string;
  tags: string[];
  key: string;
  start: Day;
  end: Day;
  milestone: boolean;
  order: number;
}

/** When the promise was first known: `made`, else the first renegotiation, else the due date itself. */
function firstKnown(f: CommitmentFact): Day {
  if (f.made !== undefined && !f.contradicts) return f.made;
  const on = f.c.list('history')[0]?.day('on');
  return on !== undefined && on <= f.due! ? on : f.due!;
}

function commitmentBar(f: CommitmentFact, facts: Facts, order: number, leaveOut: ReadonlySet<unknown> | undefined): Omit<Bar, 'key'> | undefined {
  if (f.due === undefined || f.state === undefined || f.state === 'dropped') return undefined;
  const id = f.c.str('id');
  const summary = f.c.str('summary');
  const text = id && summary ? `${id} ${summary}` : (id ?? summary ?? '');
  const tags: string[] = [];
  let end = f.due;
  if (f.state === 'done') {
    tags.push('done');
    if (f.completed !== undefined && !f.contradicts) end = f.completed;
    if (f.daysLate > 0) tags.push('crit');
  } else {
    tags.push('active');
    if (f.state === 'overdue') {
      tags.push('crit');
      end = facts.today;
    }
  }
  const owner = f.c.str('owner');
  // An owner whose entry is left out (schema errors) is named by id, not by what the entry says.
  const ownerLeftOut = owner !== undefined && leaveOut?.has(facts.model.personById.get(owner)?.node);
  const section = owner === undefined ? 'No owner' : ownerLeftOut ? owner : (facts.model.personName(owner) ?? owner);
  const start = Math.min(firstKnown(f), end);
  return { section, label: mermaidText(text) + late(f.daysLate), tags, start, end, milestone: false, order };
}

function milestoneBar(f: MilestoneFact, order: number): Omit<Bar, 'key'> | undefined {
  if (f.due === undefined) return undefined;
  const id = f.m.str('id');
  const name = f.m.str('name');
  const text = id && name ? `${id} ${name}` : (id ?? name ?? '');
  const tags: string[] = [];
  let day = f.due;
  if (f.status === 'delivered') {
    tags.push('done');
    day = f.m.day('delivered') ?? f.due;
  } else if (f.overdue || f.status === 'slipped') {
    tags.push('crit');
  }
  return { section: 'Milestones', label: mermaidText(text) + late(f.daysLate), tags, start: day, end: day, milestone: true, order };
}

/**
 * The Mermaid `gantt` text of a partnership's commitments and milestones, or undefined when there
 * is nothing dated to draw. Sections: one per owner (by name, in order of their first bar), then
 * "Milestones". Dropped commitments are left out. Task ids come from the file's ids (`c-C-12`,
 * `m-M-1`), so a chart regenerated tomorrow names the same tasks. The today line is Mermaid's
 * `todayMarker` (the reader's day); the title says the day the chart was drawn as of.
 */
export function ganttChart(facts: Facts, options: GanttOptions = {}): string | undefined {
  const out = options.leaveOut;
  const commitmentBars = facts.commitments.map((f, i) => (out?.has(f.c.node) ? undefined : commitmentBar(f, facts, i, out))).filter((b): b is Omit<Bar, 'key'> => b !== undefined);
  const milestoneBars = facts.milestones.map((f, i) => (out?.has(f.m.node) ? undefined : milestoneBar(f, i))).filter((b): b is Omit<Bar, 'key'> => b !== undefined);
  if (commitmentBars.length === 0 && milestoneBars.length === 0) return undefined;
  const used = new Set<string>();
  const keyed = (bars: Omit<Bar, 'key'>[], prefix: 'c' | 'm', ids: (string | undefined)[]): Bar[] => bars.map((b) => ({ ...b, key: taskId(prefix, ids[b.order], b.order, used) }));
  const bars = [
    ...keyed(commitmentBars, 'c', facts.commitments.map((f) => f.c.str('id'))),
    ...keyed(milestoneBars, 'm', facts.milestones.map((f) => f.m.str('id'))),
  ];
  const shown = bars.length <= GANTT_MAX_BARS ? bars : nearest(bars, facts.today, GANTT_MAX_BARS);
  const sections = new Map<string, Bar[]>();
  for (const b of shown) {
    const list = sections.get(b.section) ?? [];
    list.push(b);
    sections.set(b.section, list);
  }
  const title = options.title ?? facts.model.partnership?.str('name') ?? 'Timeline';
  const cut = shown.length < bars.length ? `, the ${shown.length} bars nearest to that day of ${bars.length}` : '';
  const lines = ['gantt', `  title ${mermaidText(title)} as of ${formatDay(facts.today)}${cut}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', '  inclusiveEndDates', '  todayMarker stroke-width:3px,stroke:#d73a49'];
  for (const [name, list] of sections) {
    lines.push(`  section ${mermaidText(name)}`);
    for (const b of [...list].sort((x, y) => x.start - y.start || x.order - y.order)) {
      const data = b.milestone ? [...b.tags, 'milestone', b.key, formatDay(b.start), '0d'] : [...b.tags, b.key, formatDay(b.start), formatDay(b.end)];
      lines.push(`    ${b.label} :${data.join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The `max` bars whose span is nearest to `today` (those across it first), in their order. */
function nearest(bars: Bar[], today: Day, max: number): Bar[] {
  const distance = (b: Bar) => (b.end < today ? today - b.end : b.start > today ? b.start - today : 0);
  const ranked = bars.map((b, i) => ({ i, d: distance(b) })).sort((x, y) => x.d - y.d || x.i - y.i);
  const keep = new Set(ranked.slice(0, max).map((r) => r.i));
  return bars.filter((_, i) => keep.has(i));
}

/** The chart as a fenced Markdown block (```mermaid … ```), or no lines when there is nothing to draw. */
export function ganttMarkdown(facts: Facts, options: GanttOptions = {}): string[] {
  const chart = ganttChart(facts, options);
  return chart === undefined ? [] : ['```mermaid', ...chart.trimEnd().split('\n'), '```'];
}
