// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described in
// tool.driver.rules, results located relative to %SRCROOT% (the working folder).
import { ruleDocsBase } from '../../install';
import { RULE_META, ruleDocsUrl } from '../../service';
import type { Diagnostic } from '../../service';
import { fileUri, isInside, relativeUri } from '../paths';
import { oneBased, Report } from '../report';
import { INFORMATION_URI, VERSION } from '../version';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

function level(severity: number): SarifLevel {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'note';
}

function artifactLocation(absPath: string, cwd: string): { uri: string; uriBaseId?: string } {
  // Inside the working folder: relative to %SRCROOT%, as code scanning expects. Outside: absolute.
  return isInside(absPath, cwd) ? { uri: relativeUri(absPath, cwd), uriBaseId: SRCROOT } : { uri: fileUri(absPath) };
}

/**
 * The SARIF log. With `failures` (the stderr lines of a run that could not check its input), the
 * run has no results and an unsuccessful invocation that says why, so a CI upload step still gets
 * a valid log rather than an empty file.
 */
export function formatSarif(report: Report, failures?: readonly string[]): string {
  const ruleIndex = new Map(RULE_META.map((m, i) => [m.id, i]));
  // helpUri must be an absolute URI: a CLI copied away from its package has no pages to point at.
  const docsBase = ruleDocsBase();
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(docsBase);
  const rules = RULE_META.map((m) => ({
    id: m.id,
    shortDescription: { text: m.short },
    fullDescription: { text: m.full },
    ...(absolute ? { helpUri: ruleDocsUrl(m.id, docsBase) } : {}),
    defaultConfiguration: { level: level(m.defaultSeverity) },
  }));
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d: Diagnostic) => {
      const r = oneBased(d);
      return {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code) ?? -1,
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.absPath, report.cwd),
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'partnership',
            ...(INFORMATION_URI ? { informationUri: INFORMATION_URI } : {}),
            version: VERSION,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(report.cwd, true) } },
        columnKind: 'utf16CodeUnits',
        results,
        ...(failures
          ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: failures.map((text) => ({ level: 'error', message: { text } })) }] }
          : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
