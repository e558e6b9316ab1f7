// Machine output: one entry per checked file (clean ones too), ESLint-like, 1-based positions.
import { portablePath } from '../paths';
import { countOf, oneBased, Report, severityName } from '../report';

export function formatJson(report: Report): string {
  const files = report.files.map((file) => {
    const counts = countOf(file.diagnostics);
    return {
      filePath: portablePath(file.absPath, report.cwd),
      messages: file.diagnostics.map((d) => {
        const r = oneBased(d);
        return {
          ruleId: d.code,
          severity: severityName(d),
          message: d.message,
          line: r.line,
          column: r.column,
          endLine: r.endLine,
          endColumn: r.endColumn,
        };
      }),
      errorCount: counts.errors,
      warningCount: counts.warnings,
      infoCount: counts.infos,
    };
  });
  return JSON.stringify(files, null, 2) + '\n';
}
