// The checked files and their diagnostics, as every formatter sees them.
import type { Diagnostic, SeverityName } from '../service';

export interface FileReport {
  /** Absolute path of the checked file. */
  absPath: string;
  /** Diagnostics to report (already filtered by `--quiet`), in the service's order. */
  diagnostics: Diagnostic[];
}

export interface Counts {
  errors: number;
  warnings: number;
  /** Information and hints together: they never change the exit code. */
  infos: number;
}

export interface Report {
  files: FileReport[];
  /** The working folder paths are shown relative to. */
  cwd: string;
}

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity] ?? 'error';
}

export function countOf(diagnostics: readonly Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 1) c.errors++;
    else if (d.severity === 2) c.warnings++;
    else c.infos++;
  }
  return c;
}

export function totalCounts(files: readonly FileReport[]): Counts {
  return countOf(files.flatMap((f) => f.diagnostics));
}

/** 1-based line/column of a diagnostic; the end column is exclusive (one past the last character). */
export interface OneBasedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(d: Diagnostic): OneBasedRange {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
