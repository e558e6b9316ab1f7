// GitHub Actions workflow commands: one annotation per diagnostic, escaped as @actions/core does.
import { printable } from '../errors';
import { portablePath } from '../paths';
import { oneBased, Report } from '../report';
import type { Diagnostic } from '../../service';

/** Escaping of a command's message (toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values (toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic): 'error' | 'warning' | 'notice' {
  return d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'notice';
}

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const rel = portablePath(file.absPath, report.cwd);
    for (const d of file.diagnostics) {
      const r = oneBased(d);
      const props: [string, string | number][] = [
        ['file', printable(rel)],
        ['line', r.line],
        ['col', r.column],
        ['endLine', r.endLine],
        ['endColumn', r.endColumn],
        ['title', d.code],
      ];
      const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${command(d)} ${properties}::${escapeData(printable(d.message))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
