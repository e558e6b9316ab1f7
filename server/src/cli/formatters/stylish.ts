// Human output in the style of ESLint's "stylish": a header per file, aligned rows
// `line:col  severity  message  rule-id`, then a one-line summary.
import { displayPath } from '../paths';
import { oneLine, printable } from '../errors';
import { FileReport, plural, Report, severityName, totalCounts } from '../report';

export interface StylishOptions {
  color: boolean;
  /** `--quiet`: say nothing at all when nothing is reported. */
  quiet: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
};

type Style = keyof typeof ANSI;

function painter(color: boolean) {
  return (text: string, ...styles: Style[]) => (color && text ? styles.map((s) => ANSI[s]).join('') + text + ANSI.reset : text);
}

/** Width in terminal cells, counting code points (not UTF-16 units). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

const SEVERITY_STYLE: Record<string, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

function formatFile(file: FileReport, cwd: string, paint: ReturnType<typeof painter>): string[] {
  const rows = file.diagnostics.map((d) => ({
    position: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    severity: severityName(d),
    message: oneLine(d.message),
    rule: d.code,
  }));
  const w = {
    position: Math.max(...rows.map((r) => width(r.position))),
    severity: Math.max(...rows.map((r) => width(r.severity))),
    message: Math.max(...rows.map((r) => width(r.message))),
  };
  const lines = [paint(printable(displayPath(file.absPath, cwd)), 'underline')];
  for (const r of rows) {
    const cells = [
      paint(pad(r.position, w.position), 'dim'),
      // Colour the word, then pad: escape codes must not count towards the width.
      paint(r.severity, SEVERITY_STYLE[r.severity]) + ' '.repeat(w.severity - width(r.severity)),
      pad(r.message, w.message),
      paint(r.rule, 'dim'),
    ];
    lines.push(`  ${cells.join('  ')}`.trimEnd());
  }
  return lines;
}

export function formatStylish(report: Report, options: StylishOptions): string {
  const paint = painter(options.color);
  const withProblems = report.files.filter((f) => f.diagnostics.length > 0);
  if (withProblems.length === 0) {
    if (options.quiet) return '';
    return `${paint('✔', 'green')} ${plural(report.files.length, 'file')} checked, no problems\n`;
  }
  const out: string[] = [];
  for (const file of withProblems) {
    out.push(...formatFile(file, report.cwd, paint), '');
  }
  const c = totalCounts(report.files);
  const total = c.errors + c.warnings + c.infos;
  const summary = `✖ ${plural(total, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')})`;
  out.push(paint(summary, 'bold', c.errors > 0 ? 'red' : c.warnings > 0 ? 'yellow' : 'blue'));
  return out.join('\n') + '\n';
}
