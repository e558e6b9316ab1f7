// The dashboard's webview script (bundled by esbuild into dist/webview/dashboard.js). It draws what
// the extension posts — the server's dashboard data — with Observable Plot, and posts a "reveal"
// message with a mark's range when one is clicked. No judgement is made here: states, late spans,
// ages and reliability figures all come in the data.
import * as Plot from '@observablehq/plot';
import type { DashboardData, DashboardMark } from '../../server/src/lsp/protocol';
import type { DashboardState, FromDashboard, ToDashboard } from '../src/dashboardMessages';

interface VsCodeApi {
  postMessage(message: FromDashboard): void;
  getState(): DashboardState | undefined;
  setState(state: DashboardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let data: DashboardData | undefined = vscode.getState()?.data;

/** The marks of the last drawing; a mark's link is "#mark-<index>". Each Plot mark's group has the class `mark-<what>` (tests count its links). */
let marks: DashboardMark[] = [];
function link(mark: DashboardMark): string {
  marks.push(mark);
  return `#mark-${marks.length - 1}`;
}

// One listener for every mark (no inline handlers): a link's click (or Enter) reveals its range.
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  const href = a?.getAttribute('href') ?? a?.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  const m = href ? /^#mark-(\d+)$/.exec(href) : null;
  if (!m) return;
  event.preventDefault();
  const mark = marks[Number(m[1])];
  if (mark) vscode.postMessage({ type: 'reveal', range: mark.range });
});

let unavailable = false;
window.addEventListener('message', (event: MessageEvent<ToDashboard>) => {
  const message = event.data;
  if (message?.type === 'data') data = message.data;
  else if (message?.type === 'unavailable') data = undefined;
  else return;
  unavailable = message.type === 'unavailable';
  // The file is kept too: after a window reload VS Code restores the panel with this state.
  vscode.setState({ uri: message.uri, data });
  draw();
});

// The colour theme changes the body's class and the --vscode-* variables (on the root's style):
// draw again once both have changed.
let themeFrame: number | undefined;
const themeChanged = new MutationObserver(() => {
  if (themeFrame !== undefined) cancelAnimationFrame(themeFrame);
  themeFrame = requestAnimationFrame(() => {
    themeFrame = undefined;
    draw();
  });
});
themeChanged.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeChanged.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(draw, 100);
});

vscode.postMessage({ type: 'ready' });
draw();

/** The theme's colours (the charts.* palette VS Code gives every theme, high contrast included). */
function palette() {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(`--vscode-${name}`).trim() || fallback;
  return {
    fg: v('foreground', '#cccccc'),
    muted: v('descriptionForeground', '#999999'),
    red: v('charts-red', '#f14c4c'),
    orange: v('charts-orange', '#d18616'),
    yellow: v('charts-yellow', '#cca700'),
    green: v('charts-green', '#89d185'),
    blue: v('charts-blue', '#3794ff'),
    purple: v('charts-purple', '#b180d7'),
    accent: v('focusBorder', '#007fd4'),
    highContrast: document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light'),
  };
}

const date = (d: string) => new Date(`${d}T00:00:00Z`);

function draw(): void {
  marks = [];
  app.replaceChildren();
  if (!data) {
    app.append(paragraph(unavailable ? 'The language server could not read this file: was it moved or deleted?' : 'Loading the dashboard…', 'empty'));
    return;
  }
  const colours = palette();
  const width = Math.max(360, app.clientWidth || document.body.clientWidth - 40);
  const header = document.createElement('header');
  const h1 = document.createElement('h1');
  h1.textContent = data.customer ? `${data.name} — ${data.customer}` : data.name;
  header.append(h1, paragraph(`As of ${data.today}. Click a mark to show it in the file.`, 'subtitle'));
  // A large file is drawn in part (the server chose what): say so, with the counts it gives.
  const partial = [
    data.commitments.length < data.totals.commitments ? `the ${data.commitments.length} commitments nearest to today of ${data.totals.commitments}` : '',
    data.owners.length < data.totals.owners ? `the ${data.owners.length} owners with the most commitments of ${data.totals.owners}` : '',
    data.concerns.length < data.totals.concerns ? `the ${data.concerns.length} oldest open concerns of ${data.totals.concerns}` : '',
  ].filter(Boolean);
  if (partial.length > 0) header.append(paragraph(`Drawn: ${partial.join('; ')}.`, 'subtitle'));
  app.append(header);
  section('Commitments and milestones', 'timeline', timeline(data, colours, width), 'No commitments or milestones with dates.');
  app.querySelector('#timeline')?.append(
    paragraph('Bar: made → due, coloured by state (overdue red, due soon yellow, open blue, done green). Line: to completion or today. Red inset: the late span. Tick: a renegotiation. ◆: a milestone. Dashed: today.', 'legend'),
  );
  section('Health over time', 'health', health(data, colours, width), 'No dated health assessment.');
  section(`Reliability per owner (last ${data.reliabilityWindowDays} days)`, 'reliability', reliability(data, colours, width), 'No commitments with an owner.');
  section('Open concerns by age', 'concerns', concerns(data, colours, width), 'No open concerns.');
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function section(title: string, id: string, content: Element | undefined, empty: string): void {
  const s = document.createElement('section');
  s.id = id;
  const h2 = document.createElement('h2');
  h2.textContent = title;
  s.append(h2, content ?? paragraph(empty, 'empty'));
  app.append(s);
}

/**
 * A Plot figure ready for a strict Content-Security-Policy: Plot adds a <style> element to each
 * SVG, which the policy would refuse; the same rules are in dashboard.css (class `plot`).
 */
function figure(options: Plot.PlotOptions): Element {
  const svg = Plot.plot({ className: 'plot', ...options });
  for (const style of svg.querySelectorAll('style')) style.remove();
  return svg;
}

type Colours = ReturnType<typeof palette>;

function shorten(text: string | undefined, max: number): string {
  if (!text) return '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function timeline(d: DashboardData, c: Colours, width: number): Element | undefined {
  const rows = d.commitments
    .map((k, i) => ({ k, label: `${k.id ?? `#${i + 1}`} ${shorten(k.summary, 34)}`, start: k.made ?? k.due, finish: k.due ?? k.end }))
    .filter((r): r is typeof r & { start: string; finish: string } => r.start !== undefined && r.finish !== undefined);
  const stones = d.milestones.map((m, i) => ({ m, label: `◆ ${m.id ?? `#${i + 1}`} ${shorten(m.name, 32)}` })).filter((r) => r.m.due !== undefined);
  if (rows.length === 0 && stones.length === 0) return undefined;
  const stateColour: Record<string, string> = { overdue: c.red, 'due-soon': c.yellow, open: c.blue, done: c.green, dropped: c.muted };
  const progress = rows.filter((r) => r.k.end !== undefined && r.k.made !== undefined);
  const late = rows.filter((r) => r.k.late).map((r) => ({ ...r.k.late!, label: r.label }));
  const ticks = rows.flatMap((r) => r.k.renegotiations.filter((h) => h.on !== undefined).map((h) => ({ ...h, label: r.label })));
  const stroke = c.highContrast ? 2 : 1;
  return figure({
    width,
    height: 40 + 26 * (rows.length + stones.length),
    marginLeft: 230,
    marginRight: 20,
    x: { type: 'utc', grid: true, label: null },
    y: { domain: [...rows.map((r) => r.label), ...stones.map((s) => s.label)], label: null },
    marks: [
      Plot.barX(rows, {
        y: 'label',
        x1: (r) => date(r.start),
        x2: (r) => date(r.finish),
        fill: (r) => stateColour[r.k.state ?? ''] ?? c.muted,
        fillOpacity: 0.35,
        stroke: (r) => stateColour[r.k.state ?? ''] ?? c.muted,
        strokeWidth: stroke,
        insetTop: 4,
        insetBottom: 4,
        title: (r) => `${r.k.id ?? ''} ${r.k.summary ?? ''}\nmade ${r.k.made ?? '?'} · due ${r.k.due ?? '?'}${r.k.originalDue !== r.k.due ? ` (first promised ${r.k.originalDue})` : ''}\n${r.k.state ?? ''}${r.k.ownerName ? ` · ${r.k.ownerName}` : ''}`,
        href: (r) => link(r.k),
        className: 'mark-commitment',
      }),
      Plot.ruleY(progress, { y: 'label', x1: (r) => date(r.k.made!), x2: (r) => date(r.k.end!), stroke: c.fg, strokeWidth: stroke, pointerEvents: 'none', className: 'mark-progress' }),
      Plot.barX(late, {
        y: 'label',
        x1: (l) => date(l.from),
        x2: (l) => date(l.to),
        fill: c.red,
        insetTop: 9,
        insetBottom: 9,
        title: (l) => `${l.days} days late (due ${l.from})`,
        href: (l) => link(l),
        className: 'mark-late',
      }),
      Plot.tickX(ticks, {
        y: 'label',
        x: (h) => date(h.on!),
        stroke: (h) => (h.afterDue ? c.red : c.orange),
        strokeWidth: 2 * stroke,
        title: (h) => `renegotiated ${h.on}: ${h.from ?? '?'} → ${h.to ?? '?'}${h.afterDue ? ' (after the date had passed)' : ''}`,
        href: (h) => link(h),
        className: 'mark-renegotiation',
      }),
      Plot.dot(stones, {
        y: 'label',
        x: (s) => date(s.m.due!),
        symbol: 'diamond2',
        r: 6,
        fill: (s) => (s.m.overdue ? c.red : s.m.status === 'delivered' ? c.green : s.m.status === 'slipped' ? c.orange : c.purple),
        stroke: c.fg,
        strokeWidth: stroke,
        title: (s) => `${s.m.id ?? ''} ${s.m.name}\ndue ${s.m.due}${s.m.status ? ` · ${s.m.status}` : ''}${s.m.overdue ? ` · ${s.m.daysLate} days late` : ''}`,
        href: (s) => link(s.m),
        className: 'mark-milestone',
      }),
      Plot.ruleX([date(d.today)], { stroke: c.accent, strokeWidth: 2, strokeDasharray: '4,3', pointerEvents: 'none', className: 'mark-today' }),
      Plot.text([date(d.today)], { x: (t: Date) => t, frameAnchor: 'top', dy: -2, text: () => 'today', fill: c.accent, pointerEvents: 'none' }),
    ],
  });
}

const HEALTH = ['broken', 'strained', 'watch', 'healthy'];

function health(d: DashboardData, c: Colours, width: number): Element | undefined {
  if (d.health.length === 0) return undefined;
  const colour: Record<string, string> = { broken: c.red, strained: c.orange, watch: c.yellow, healthy: c.green };
  return figure({
    width,
    height: 170,
    marginLeft: 80,
    marginRight: 30,
    x: { type: 'utc', label: null, grid: true, inset: 20 },
    y: { domain: HEALTH, label: null },
    marks: [
      Plot.line(d.health, { x: (h) => date(h.assessed), y: 'status', stroke: c.muted, strokeWidth: c.highContrast ? 2 : 1, pointerEvents: 'none' }),
      Plot.dot(d.health, {
        x: (h) => date(h.assessed),
        y: 'status',
        r: (h) => (h.current ? 7 : 5),
        fill: (h) => colour[h.status] ?? c.muted,
        stroke: c.fg,
        title: (h) => `${h.current ? 'Current' : 'Earlier'} assessment ${h.assessed}: ${h.status}${h.trend ? `, ${h.trend}` : ''}${[h.access !== undefined ? ` · access ${h.access}` : '', h.credibility !== undefined ? ` · credibility ${h.credibility}` : '', h.trust !== undefined ? ` · trust ${h.trust}` : ''].join('')}`,
        href: (h) => link(h),
        className: 'mark-assessment',
      }),
      Plot.text(d.health, { x: (h) => date(h.assessed), y: 'status', text: (h) => h.assessed, dy: -14, fill: c.fg, pointerEvents: 'none' }),
    ],
  });
}

function reliability(d: DashboardData, c: Colours, width: number): Element | undefined {
  if (d.owners.length === 0) return undefined;
  const wrap = document.createElement('div');
  const counted = d.owners.filter((o) => o.reliability.counted > 0);
  if (counted.length > 0) {
    wrap.append(
      figure({
        width,
        height: 40 + 28 * counted.length,
        marginLeft: 140,
        x: { label: 'commitments →', grid: true, ticks: Math.max(...counted.map((o) => o.reliability.counted)) },
        y: { domain: counted.map((o) => o.name), label: null },
        marks: [
          Plot.barX(counted, { y: 'name', x: (o) => o.reliability.counted, fill: 'none', stroke: c.muted, insetTop: 4, insetBottom: 4, pointerEvents: 'none', className: 'mark-counted' }),
          Plot.barX(counted, {
            y: 'name',
            x: (o) => o.reliability.onTimeAsPromised,
            fill: c.green,
            insetTop: 4,
            insetBottom: 4,
            title: (o) => `${o.name}: ${o.line}`,
            href: (o) => link(o),
            className: 'mark-on-time',
          }),
          Plot.ruleX([0], { stroke: c.fg, pointerEvents: 'none' }),
        ],
      }),
    );
  }
  if (counted.length > 0) wrap.append(paragraph('Outline: commitments due or completed in the window. Filled: done by the date first promised.', 'legend'));
  // The figures as the server words them, one row per owner.
  const table = document.createElement('table');
  for (const o of d.owners) {
    const tr = table.insertRow();
    const name = tr.insertCell();
    const a = document.createElement('a');
    a.href = link(o);
    a.textContent = o.name;
    name.append(a);
    tr.insertCell().textContent = o.line;
  }
  wrap.append(table);
  return wrap;
}

function concerns(d: DashboardData, c: Colours, width: number): Element | undefined {
  if (d.concerns.length === 0) return undefined;
  const colour: Record<string, string> = { high: c.red, medium: c.orange, low: c.blue };
  return figure({
    width,
    height: 150,
    marginLeft: 80,
    marginRight: 30,
    x: { label: 'days open →', grid: true, domain: [0, Math.max(...d.concerns.map((k) => k.age), 7)], nice: true },
    y: { domain: ['high', 'medium', 'low'], label: null },
    marks: [
      Plot.dot(d.concerns, {
        x: 'age',
        y: 'severity',
        r: 7,
        fill: (k) => (k.answered ? 'none' : colour[k.severity]),
        stroke: (k) => colour[k.severity],
        strokeWidth: (k) => (k.overdue ? 3 : 1.5),
        title: (k) => `${k.id ?? ''} ${k.summary ?? ''}\nraised ${k.raised}, ${k.age} days ago · ${k.severity}${k.answered ? ' · answered' : k.overdue ? ` · unanswered beyond ${k.window} days` : ' · unanswered'}`,
        href: (k) => link(k),
        className: 'mark-concern',
      }),
      Plot.text(d.concerns, { x: 'age', y: 'severity', text: (k) => k.id ?? '', dy: -14, fill: c.fg, pointerEvents: 'none' }),
    ],
  });
}
