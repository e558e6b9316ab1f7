// Partnership files in the many layouts YAML allows for the same data, for the edit oracle: block
// and flow collections, compact and indented lists, indentation 1–4, comments after keys, at line
// ends, on their own lines and before closing brackets, anchors and aliases, block scalars (|, |+,
// |-, >) with and without header comments, quoted and plain scalars, `---`, `%YAML` and `...`
// markers, blank lines between sections, CRLF and a BOM. Every layout is drawn from one seed.
import { rng as seeded } from '../../bench/generate';

type Rng = () => number;

/** A value to write, with how to write it left to the layout. */
type V =
  | { t: 'map'; entries: [string, V][] }
  | { t: 'seq'; items: V[] }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' };

const str = (v: string): V => ({ t: 'str', v });
const map = (...entries: [string, V][]): V => ({ t: 'map', entries });
const seq = (...items: V[]): V => ({ t: 'seq', items });

/** Keys whose values are prose, which people write as block scalars. */
const PROSE = new Set(['summary', 'note', 'name', 'customer']);

class Writer {
  readonly lines: string[] = [];
  private anchors: { name: string; text: string }[] = [];
  private n = 0;
  constructor(
    readonly r: Rng,
    readonly unit: number,
    readonly compact: boolean,
    readonly flowRate: number,
  ) {}

  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  comment(): string {
    return this.pick(['# note', '# see the minutes', '#', '# TODO: confirm', '# ]}, not data']) + ` ${++this.n}`;
  }
  private eolComment(): string {
    return this.chance(0.15) ? ` ${this.comment()}` : '';
  }

  /** A scalar as flow-safe text: plain or quoted, maybe anchored, maybe an alias of an equal one. */
  scalar(v: V, inFlow: boolean): string {
    let text: string;
    switch (v.t) {
      case 'str': {
        const plain = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(v.v) && !/^(true|false|null|~|yes|no|on|off|[-+.0-9]+)$/i.test(v.v) && !v.v.endsWith(' ');
        const q = this.r();
        text = plain && q < 0.7 ? v.v : q < 0.85 ? JSON.stringify(v.v) : `'${v.v.replace(/'/g, "''")}'`;
        break;
      }
      case 'num':
        text = String(v.v);
        break;
      case 'bool':
        text = String(v.v);
        break;
      default:
        text = this.pick(['', '~', 'null']);
    }
    if (text === '' && inFlow) text = '~';
    if (text !== '' && !inFlow) {
      const same = this.anchors.filter((a) => a.text === text);
      if (same.length > 0 && this.chance(0.25)) return `*${this.pick(same).name}`;
      if (this.chance(0.06)) {
        const name = `a${this.anchors.length + 1}`;
        this.anchors.push({ name, text });
        return `&${name} ${text}`;
      }
    }
    return text;
  }

  flow(v: V, depth: number): string {
    if (v.t === 'map') {
      const inner = v.entries.map(([k, x]) => `${k}: ${this.flow(x, depth + 1)}`);
      return this.wrapFlow('{', '}', inner, depth);
    }
    if (v.t === 'seq') return this.wrapFlow('[', ']', v.items.map((x) => this.flow(x, depth + 1)), depth);
    return this.scalar(v, true);
  }

  /** A flow collection, on one line or (the outermost) on several with comments, one before the bracket. */
  private wrapFlow(open: string, close: string, inner: string[], depth: number): string {
    if (depth > 0 || inner.length === 0 || !this.chance(0.4)) {
      const pad = this.chance(0.2) ? ' ' : '';
      const trailing = inner.length > 0 && this.chance(0.1) ? ',' : '';
      return `${open}${pad}${inner.join(', ')}${trailing}${pad}${close}`;
    }
    // Continuation lines sit deeper than anything around them: a flow collection may not dedent.
    const pad = ' '.repeat(24);
    const parts = inner.map((x, i) => (i < inner.length - 1 ? `${x},${this.chance(0.3) ? ` ${this.comment()}` : ''}` : x));
    const last = this.chance(0.7) ? ` ${this.comment()}` : '';
    return `${open}${parts.join(`\n${pad}`)}${last}\n${pad.slice(2)}${close}`;
  }

  /** Write `key: value` at `indent` (the first line may already carry a prefix such as `- `). */
  entry(indent: number, key: string, v: V, first?: string): void {
    const pad = first ?? ' '.repeat(indent);
    if (this.chance(0.08)) this.lines.push(`${' '.repeat(indent)}${this.comment()}`);
    if (v.t === 'map' || v.t === 'seq') {
      const empty = v.t === 'map' ? v.entries.length === 0 : v.items.length === 0;
      if (empty || this.chance(this.flowRate)) {
        const anchor = this.chance(0.05) ? ` &c${++this.n}` : '';
        this.pushFlow(`${pad}${key}:${anchor} ${this.flow(v, 0)}`);
        return;
      }
      const anchor = this.chance(0.05) ? ` &c${++this.n}` : '';
      this.lines.push(`${pad}${key}:${anchor}${this.chance(0.15) ? ` ${this.comment()}` : ''}`);
      if (v.t === 'map') this.block(v, indent + this.unit);
      else this.block(v, this.compact ? indent : indent + this.unit);
      return;
    }
    if (v.t === 'str' && PROSE.has(key) && this.chance(0.25)) {
      this.blockScalar(`${pad}${key}:`, indent + this.unit, v.v);
      return;
    }
    const text = this.scalar(v, false);
    this.lines.push(`${pad}${key}:${text === '' ? '' : ` ${text}`}${this.eolComment()}`);
  }

  private pushFlow(text: string): void {
    const [head, ...rest] = text.split('\n');
    this.lines.push(head, ...rest);
  }

  /** A block scalar whose value is `value` (plus the line breaks its chomping says). */
  private blockScalar(prefix: string, indent: number, value: string): void {
    const pad = ' '.repeat(indent);
    const style = this.pick(['|', '|-', '|+', '>', '>-']);
    const header = `${style}${this.chance(0.2) ? ` ${this.comment()}` : ''}`;
    this.lines.push(`${prefix} ${header}`);
    const words = value.split(' ');
    if (style.startsWith('>') && words.length > 1) {
      const cut = 1 + Math.floor(this.r() * (words.length - 1));
      this.lines.push(pad + words.slice(0, cut).join(' '), pad + words.slice(cut).join(' '));
    } else this.lines.push(pad + value);
    if (style === '|+' || this.chance(0.3)) for (let i = Math.floor(this.r() * 3); i > 0; i--) this.lines.push('');
  }

  block(v: V, indent: number): void {
    if (v.t === 'map') {
      for (const [k, x] of v.entries) this.entry(indent, k, x);
    } else if (v.t === 'seq') {
      for (const item of v.items) this.item(indent, item);
    }
    if (this.chance(0.06)) this.lines.push(`${' '.repeat(indent)}${this.comment()}`);
  }

  /** One `- item` of a block list with its dash at `indent`. */
  private item(indent: number, v: V): void {
    const dash = `${' '.repeat(indent)}-${this.chance(0.15) ? '   ' : ' '}`;
    const inner = dash.length;
    if (this.chance(0.06)) this.lines.push(`${' '.repeat(indent)}${this.comment()}`);
    if (v.t === 'map' && v.entries.length > 0 && !this.chance(this.flowRate / 2)) {
      v.entries.forEach(([k, x], i) => this.entry(inner, k, x, i === 0 ? dash : undefined));
      return;
    }
    if (v.t === 'map' || v.t === 'seq') {
      this.pushFlow(`${dash}${this.flow(v, 0)}`);
      return;
    }
    const text = this.scalar(v, false);
    this.lines.push(`${dash}${text}${this.eolComment()}`);
  }
}

const TODAY_DAYS = ['2026-10-01', '2026-11-01', '2026-11-20', '2026-11-23', '2026-12-01', '2027-01-15'];
const PEOPLE: [string, string, string, boolean][] = [
  ['jdoe', 'Jane Doe', 'customer', true],
  ['alee', 'Alex Lee', 'ours', false],
  ['mkhan', 'Mira Khan', 'ours', false],
  ['pcruz', 'Pat Cruz', 'customer', false],
];

/** The data of one partnership file: the quick fixes' targets among ordinary content. */
function data(w: Writer): [string, V][] {
  const r = w.r;
  const people = PEOPLE.slice(0, 2 + Math.floor(r() * 3)).map(([id, name, side, dm]) => {
    const e: [string, V][] = [['id', str(id)], ['name', str(name)], ['side', str(side)]];
    if (dm || w.chance(0.2)) e.push(['decisionMaker', { t: 'bool', v: true }]);
    if (w.chance(0.15)) e.push(['sponsor', { t: 'bool', v: true }]);
    return map(...e);
  });
  const ids = () => w.pick(['jdoe', 'alee', 'jdoe', 'alee', 'alie', 'jdo']);
  const commitments: V[] = [];
  for (let i = 1, n = 1 + Math.floor(r() * 4); i <= n; i++) {
    const e: [string, V][] = [['id', str(`C-${i}`)], ['summary', str(w.pick(['Pilot the audit dashboard', 'Export to CSV', 'Fix the login delay']))]];
    e.push([w.chance(0.1) ? 'ownr' : 'owner', str(ids())]);
    e.push(['to', str(ids())]);
    e.push(['due', str(w.pick(TODAY_DAYS))]);
    e.push(['status', str(w.pick(['open', 'open', 'in-progress', 'done', 'opne', 'in-progres']))]);
    if (w.chance(0.15)) e.push(['completed', { t: 'null' }]);
    const h = r();
    if (h < 0.3) e.push(['history', seq(...Array.from({ length: 1 + Math.floor(r() * 2) }, () => map(['on', str('2026-10-01')], ['from', str('2026-10-05')], ['to', str('2026-11-01')])))]);
    else if (h < 0.4) e.push(['history', seq()]);
    else if (h < 0.5) e.push(['history', { t: 'null' }]);
    // The rest of the item in any order: the last entry is where insertions go.
    for (let j = e.length - 1; j > 2; j--) {
      const k = 2 + Math.floor(r() * (j - 1));
      [e[j], e[k]] = [e[k], e[j]];
    }
    commitments.push(map(...e));
  }
  const sections: [string, V][] = [
    ['version', { t: 'num', v: 1 }],
    ['partnership', map(['name', str('Acme compliance analytics')], ['customer', str('Acme Corp')])],
    ['people', seq(...people)],
  ];
  const c = r();
  if (c < 0.7) {
    const plan: [string, V][] = [];
    if (c < 0.55) {
      const report: [string, V][] = [['cadence', str(w.pick(['weekly', 'biweekly', 'monthly']))]];
      const l = r();
      if (l < 0.6) report.push(['lastSent', str(w.pick(TODAY_DAYS))]);
      else if (l < 0.75) report.push(['lastSent', { t: 'null' }]);
      if (w.chance(0.5)) report.push(['audience', seq(str('jdoe'))]);
      if (w.chance(0.5)) report.reverse();
      plan.push(['statusReport', map(...report)]);
    }
    if (w.chance(0.5)) plan.push(['reviewMeeting', map(['cadence', str('monthly')])]);
    if (w.chance(0.4) || plan.length === 0) plan.push(['escalation', seq(str('alee'))]);
    if (w.chance(0.5)) plan.reverse();
    sections.push(['communication', map(...plan)]);
  }
  sections.push(['commitments', seq(...commitments)]);
  if (w.chance(0.4)) sections.push(['health', map(['status', str('strained')], ['assessed', str('2026-11-01')], ['note', str('Missed two deadlines in a row')])]);
  const m = r();
  if (m < 0.4) sections.push(['meetings', seq(map(['date', str('2026-10-02')], ['kind', str('review')]))]);
  else if (m < 0.5) sections.push(['meetings', seq()]);
  else if (m < 0.6) sections.push(['meetings', { t: 'null' }]);
  if (w.chance(0.25)) {
    // Sections out of the usual order: new ones still go where SECTION_ORDER puts them.
    for (let j = sections.length - 1; j > 1; j--) {
      const k = 1 + Math.floor(r() * j);
      [sections[j], sections[k]] = [sections[k], sections[j]];
    }
  }
  return sections;
}

export interface Layout {
  text: string;
  /** What the layout chose, for a failure message. */
  traits: string;
}

/** One partnership file, in a layout drawn from `seed`. */
export function layout(seed: number): Layout {
  const r = seeded(seed);
  const unit = 1 + Math.floor(r() * 4);
  const compact = r() < 0.4;
  const flowRate = r() < 0.3 ? 0.6 : 0.15;
  const w = new Writer(r, unit, compact, flowRate);
  const head: string[] = [];
  if (w.chance(0.15)) head.push(w.comment());
  const marker = r();
  if (marker < 0.1) head.push('%YAML 1.2', '---');
  else if (marker < 0.25) head.push(w.chance(0.3) ? `--- ${w.comment()}` : '---');
  const spaced = w.chance(0.4);
  for (const [k, v] of data(w)) {
    if (spaced && w.lines.length > 0) w.lines.push('');
    w.entry(0, k, v);
  }
  const tail: string[] = [];
  if (w.chance(0.15)) tail.push(w.comment());
  const end = r() < 0.2;
  if (end) tail.push('...');
  if (end && w.chance(0.4)) tail.push(w.comment());
  const crlf = r() < 0.2;
  const bom = r() < 0.1;
  const noFinalBreak = r() < 0.1;
  let text = [...head, ...w.lines, ...tail].join('\n') + (noFinalBreak ? '' : '\n');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  if (bom) text = `\uFEFF${text}`;
  const traits = `indent ${unit}${compact ? ', compact lists' : ''}${flowRate > 0.5 ? ', mostly flow' : ''}${crlf ? ', CRLF' : ''}${bom ? ', BOM' : ''}${end ? ', ...' : ''}`;
  return { text, traits };
}
